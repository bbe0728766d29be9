//! The real `hamyar-registry` server as a child process on 127.0.0.1: started, killed (SIGKILL,
//! as a crash would), restarted on the same port and database.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::{Run, run, target_dir};

/// Path of the `hamyar-registry` binary (`cargo build -p hamyar-registry`; make test builds it).
pub fn registry_binary() -> PathBuf {
    let bin = target_dir().join(format!("hamyar-registry{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: run `cargo build -p hamyar-registry`", bin.display());
    bin
}

/// Runs `hamyar-registry ARGS…`.
pub fn registry_cli(args: &[&str]) -> Run {
    let mut cmd = Command::new(registry_binary());
    cmd.args(args);
    run(cmd)
}

/// A one-time enrolment code for `legal_id` from the registry database `db`.
pub fn enrolment_code(db: &Path, legal_id: &str) -> String {
    let db = db.to_string_lossy();
    let out = registry_cli(&["enrolment-code", "--db", &db, "--legal-id", legal_id]);
    assert_eq!(out.code, 0, "enrolment-code failed: {out:?}");
    out.stdout.trim().to_owned()
}

/// Every report the registry in `db` accepted (`reports --json`).
pub fn accepted_reports(db: &Path) -> Vec<serde_json::Value> {
    let db = db.to_string_lossy();
    let out = registry_cli(&["reports", "--db", &db, "--json"]);
    assert_eq!(out.code, 0, "reports failed: {out:?}");
    match out.json() {
        serde_json::Value::Array(items) => items,
        other => panic!("reports --json is not a list: {other}"),
    }
}

/// A running registry server.
#[derive(Debug)]
pub struct RegistryServer {
    db: PathBuf,
    port: u16,
    child: Option<Child>,
    extra: Vec<String>,
}

impl RegistryServer {
    /// Starts a server on `db`, on `port` (0: any free port), with extra `serve` options.
    pub fn start(db: &Path, port: u16, extra: &[&str]) -> Self {
        let mut s = Self {
            db: db.to_path_buf(),
            port,
            child: None,
            extra: extra.iter().map(|e| (*e).to_owned()).collect(),
        };
        s.spawn();
        s
    }

    fn spawn(&mut self) {
        let listen = format!("127.0.0.1:{}", self.port);
        let mut last_error = String::new();
        // A port just released by a killed server may take a moment to be free again.
        for _ in 0..50 {
            let mut child = Command::new(registry_binary())
                .arg("serve")
                .arg("--db")
                .arg(&self.db)
                .arg("--listen")
                .arg(&listen)
                .args(&self.extra)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start the registry: {e}"));
            let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            if let Some(addr) = line.trim().strip_prefix("listening on http://") {
                let port = addr.rsplit(':').next().and_then(|p| p.parse().ok());
                self.port = port.unwrap_or_else(|| panic!("no port in {line:?}"));
                // Keep draining its output so it never blocks on a full pipe.
                std::thread::spawn(move || for _ in reader.lines() {});
                self.child = Some(child);
                return;
            }
            let _ = child.kill();
            let out = child.wait_with_output().map(|o| String::from_utf8_lossy(&o.stderr).into_owned());
            last_error = out.unwrap_or_default();
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the registry did not start on {listen}: {last_error}");
    }

    /// Its address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Its port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Kills it with SIGKILL (a crash, not a shutdown) and waits for it to be gone.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port and database.
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }

    /// Whether it is running.
    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }
}

impl Drop for RegistryServer {
    fn drop(&mut self) {
        self.kill();
    }
}
