//! A small HTTP/1.1 proxy that stands between the sync client and the real registry on
//! 127.0.0.1 and misbehaves on purpose: it drops connections before or after forwarding, holds
//! an answer past the client's timeout, answers 500/503/429 itself or in place of the
//! registry's real answer, sends a request to the registry twice, sends an answer twice, and
//! kills the registry in the middle of a request (then starts it again).
//!
//! One request per connection: the proxy asks both sides for `Connection: close`.

use std::io::{Read as _, Write as _};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the proxy does with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// Forwards it and its answer faithfully.
    Pass,
    /// Closes the connection without forwarding anything.
    DropBeforeForward,
    /// Forwards it, reads the registry's answer, then closes without passing it on.
    DropAfterForward,
    /// Forwards it, then holds the answer until the client has given up, and closes.
    DelayPastTimeout,
    /// Answers this status itself (500, 503 or 429) without forwarding.
    Fake(u16),
    /// Forwards it, then answers this status in place of the registry's real answer.
    Replace(u16),
    /// Sends the request to the registry twice; passes the second answer on.
    DuplicateRequest,
    /// Passes the answer on twice over the same connection.
    DuplicateResponse,
    /// Forwards it and kills the registry (SIGKILL) straight away, then starts it again; the
    /// client gets no answer.
    KillServer,
}

/// Chooses the fault for the next request (given its first line, `POST /v1/reports HTTP/1.1`).
pub type Chooser = Box<dyn FnMut(&str) -> Fault + Send>;
/// Kills the registry and starts it again.
pub type Restarter = Box<dyn FnMut() + Send>;

struct Shared {
    chooser: Mutex<Chooser>,
    restart: Mutex<Restarter>,
    upstream: Mutex<u16>,
    hold: Duration,
    log: Mutex<Vec<Fault>>,
}

/// The running proxy.
pub struct FaultProxy {
    port: u16,
    stop: Arc<AtomicBool>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for FaultProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaultProxy").field("port", &self.port).finish()
    }
}

impl FaultProxy {
    /// Listens on a free port of 127.0.0.1 and forwards to `upstream_port`; `hold` is how long
    /// [`Fault::DelayPastTimeout`] holds an answer (longer than the client's timeout).
    pub fn start(upstream_port: u16, hold: Duration, chooser: Chooser, restart: Restarter) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("proxy bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_else(|e| panic!("proxy addr: {e}"));
        listener.set_nonblocking(true).unwrap_or_else(|e| panic!("nonblocking: {e}"));
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Shared {
            chooser: Mutex::new(chooser),
            restart: Mutex::new(restart),
            upstream: Mutex::new(upstream_port),
            hold,
            log: Mutex::new(Vec::new()),
        });
        let (stop2, shared2) = (Arc::clone(&stop), Arc::clone(&shared));
        let thread = std::thread::spawn(move || {
            while !stop2.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((client, _)) => {
                        let shared = Arc::clone(&shared2);
                        std::thread::spawn(move || handle(client, &shared));
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Self { port, stop, shared, thread: Some(thread) }
    }

    /// The address the client should use.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every fault applied so far, in order.
    pub fn applied(&self) -> Vec<Fault> {
        self.shared.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Reads one HTTP/1.1 message (head and `Content-Length` body) from `stream`.
fn read_message(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 || buf.len() > 1 << 20 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some(buf)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The message with its `Connection` header replaced by `Connection: close`.
fn closing(message: &[u8]) -> Vec<u8> {
    let Some(end) = find(message, b"\r\n\r\n") else { return message.to_vec() };
    let head = String::from_utf8_lossy(&message[..end]);
    let mut out = String::new();
    for (i, line) in head.split("\r\n").enumerate() {
        if i > 0 && line.to_ascii_lowercase().starts_with("connection:") {
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&message[end + 4..]);
    bytes
}

fn problem(status: u16) -> Vec<u8> {
    let (reason, code) = match status {
        429 => ("Too Many Requests", "rate_limited"),
        503 => ("Service Unavailable", "internal"),
        _ => ("Internal Server Error", "internal"),
    };
    let body = format!(
        r#"{{"type":"urn:hamyar:problem:{code}","title":"{reason}","status":{status},"code":"{code}","detail":"injected by the fault proxy"}}"#
    );
    let retry = if status == 429 { "Retry-After: 0\r\n" } else { "" };
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/problem+json\r\n{retry}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Sends `request` to the registry and reads its whole answer (`None` if it did not answer).
fn forward(shared: &Shared, request: &[u8]) -> Option<Vec<u8>> {
    let port = shared.upstream.lock().map(|p| *p).ok()?;
    let mut up = TcpStream::connect(("127.0.0.1", port)).ok()?;
    up.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    up.write_all(&closing(request)).ok()?;
    let answer = read_message(&mut up)?;
    Some(closing(&answer))
}

fn handle(mut client: TcpStream, shared: &Shared) {
    let _ = client.set_nonblocking(false);
    let _ = client.set_read_timeout(Some(Duration::from_secs(10)));
    let Some(request) = read_message(&mut client) else { return };
    let first_line = String::from_utf8_lossy(&request).lines().next().unwrap_or_default().to_owned();
    let fault = match shared.chooser.lock() {
        Ok(mut choose) => choose(&first_line),
        Err(_) => Fault::Pass,
    };
    if let Ok(mut log) = shared.log.lock() {
        log.push(fault);
    }
    match fault {
        Fault::Pass => {
            if let Some(answer) = forward(shared, &request) {
                let _ = client.write_all(&answer);
            }
        }
        Fault::DropBeforeForward => {}
        Fault::DropAfterForward => {
            let _ = forward(shared, &request);
        }
        Fault::DelayPastTimeout => {
            let answer = forward(shared, &request);
            std::thread::sleep(shared.hold);
            // The client gave up long ago; whatever arrives now lands nowhere.
            if let Some(answer) = answer {
                let _ = client.write_all(&answer);
            }
        }
        Fault::Fake(status) => {
            let _ = client.write_all(&problem(status));
        }
        Fault::Replace(status) => {
            let _ = forward(shared, &request);
            let _ = client.write_all(&problem(status));
        }
        Fault::DuplicateRequest => {
            let _ = forward(shared, &request);
            if let Some(answer) = forward(shared, &request) {
                let _ = client.write_all(&answer);
            }
        }
        Fault::DuplicateResponse => {
            if let Some(answer) = forward(shared, &request) {
                let _ = client.write_all(&answer);
                let _ = client.write_all(&answer);
            }
        }
        Fault::KillServer => {
            let port = shared.upstream.lock().map(|p| *p).unwrap_or(0);
            if let Ok(mut up) = TcpStream::connect(("127.0.0.1", port)) {
                let _ = up.write_all(&closing(&request));
            }
            if let Ok(mut restart) = shared.restart.lock() {
                restart();
            }
        }
    }
    let _ = client.shutdown(Shutdown::Both);
}

/// A small deterministic random source (xorshift64*), so a failing trial can be replayed from
/// its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Seeded (0 is replaced by a fixed odd constant).
    pub fn new(seed: u64) -> Self {
        Self(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }
}
