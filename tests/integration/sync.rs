//! The sync client against the real registry server on 127.0.0.1: the CLI's contract with the
//! registry down and then up, refusals that change nothing, tampering, and fault injection —
//! hundreds of randomized trials through a proxy that drops, delays, fakes and duplicates, and
//! kills the server mid-request, after which every closed report has exactly one accepted copy
//! on the server and its receipt on the client.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use hamyar_core::protocol::{self, KeyPair};
use hamyar_integration::Ledger;
use hamyar_integration::fault_proxy::{Fault, FaultProxy, Rng};
use hamyar_integration::registry::{RegistryServer, accepted_reports, enrolment_code};
use hamyar_store::Store;
use hamyar_sync::outbox::{self, Backoff, EnrolInput, OutboxState, SendOptions};
use hamyar_sync::report;

/// The demo cooperative's legal ID, read from its profile.
fn demo_ledger() -> (Ledger, String) {
    let ledger = Ledger::new();
    let init = ledger.cli(&["--json", "init", "--demo"]);
    assert_eq!(init.code, 0, "{init:?}");
    let profile = ledger.cli(&["--json", "profile", "show"]).json();
    let legal_id =
        profile["legal_id"].as_str().unwrap_or_else(|| panic!("no legal id: {profile}")).to_owned();
    (ledger, legal_id)
}

fn registry_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let db = dir.path().join("registry.sqlite3");
    (dir, db)
}

#[test]
fn the_cli_waits_while_the_registry_is_down_and_sends_once_it_is_up() {
    let (ledger, legal_id) = demo_ledger();
    let (_keep, db) = registry_db();
    let mut server = RegistryServer::start(&db, 0, &[]);
    let code = enrolment_code(&db, &legal_id);
    let enrol = ledger.cli(&["--json", "enrol", "--registry", &server.url(), "--code", &code]);
    assert_eq!(enrol.code, 0, "{enrol:?}");
    assert_eq!(enrol.json()["legal_id"], legal_id.as_str());
    assert!(ledger.dir().join("sync").join("signing.key").exists(), "the key stays in the data folder");
    server.kill();

    let preview = ledger.cli(&["--json", "report", "build", "--period", "1404-Q4"]);
    assert_eq!(preview.code, 0, "{preview:?}");
    assert_eq!(preview.json()["period"]["label"], "1404-Q4");
    let closed = ledger.cli(&["--json", "report", "close", "--period", "۱۴۰۴-Q۴"]);
    assert_eq!(closed.code, 0, "{closed:?}");
    let id = closed.json()["id"].as_str().unwrap_or_default().to_owned();

    // Registry down: exit 0, the report waits, the reason is given.
    let down = ledger.cli(&["--json", "sync", "--once"]);
    assert_eq!(down.code, 0, "{down:?}");
    let d = down.json();
    assert_eq!(
        (d["sent"].as_u64(), d["pending"].as_u64(), d["parked"].as_u64()),
        (Some(0), Some(1), Some(0))
    );
    assert_eq!(d["stopped"], "registry_unreachable");
    let list = ledger.cli(&["--json", "outbox", "list"]).json();
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["state"], "pending");
    assert_eq!(list[0]["period"], "1404-Q4");
    assert!(list[0]["receipt"].is_null());

    // Not due yet: a plain pass waits for the backoff; the button (--force) does not.
    server.restart();
    let waiting = ledger.cli(&["--json", "sync", "--once"]).json();
    assert_eq!(waiting["pending"], 1, "the backoff is respected: {waiting}");
    let up = ledger.cli(&["--json", "sync", "--once", "--force"]);
    assert_eq!(up.code, 0, "{up:?}");
    let u = up.json();
    assert_eq!(
        (u["sent"].as_u64(), u["pending"].as_u64(), u["parked"].as_u64()),
        (Some(1), Some(0), Some(0))
    );
    let list = ledger.cli(&["--json", "outbox", "list"]).json();
    assert_eq!(list[0]["state"], "sent");
    let receipt = &list[0]["receipt"];
    let accepted = accepted_reports(&db);
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0]["report_id"], id.as_str());
    assert_eq!(accepted[0]["registry_id"], receipt["registry_id"]);
    assert_eq!(accepted[0]["content_hash"], receipt["content_hash"]);
    assert_eq!(accepted[0]["period"], "1404-Q4");

    // Sending again sends nothing more.
    let again = ledger.cli(&["--json", "sync", "--once", "--force"]).json();
    assert_eq!(again["sent_now"], 0);
    assert_eq!(accepted_reports(&db).len(), 1);

    let history = ledger.cli(&["--json", "outbox", "history", "--id", &id]).json();
    let outcomes: Vec<&str> =
        history.as_array().into_iter().flatten().filter_map(|a| a["outcome"].as_str()).collect();
    assert_eq!(outcomes, ["retry", "sent"]);

    // A correction: the quarter's figures change, the period is closed again, and the new
    // report supersedes the sent one at the registry; neither is overwritten.
    let add = ledger.cli(&[
        "--json",
        "production",
        "add",
        "--date",
        "1404/11/15",
        "--product",
        "1",
        "--quantity",
        "10",
        "--unit-value",
        "420000",
    ]);
    assert_eq!(add.code, 0, "{add:?}");
    let revised = ledger.cli(&["--json", "report", "close", "--period", "1404-Q4"]);
    assert_eq!(revised.code, 0, "{revised:?}");
    let revised = revised.json();
    assert_eq!(revised["supersedes"], id.as_str());
    let sent = ledger.cli(&["--json", "sync", "--once"]).json();
    assert_eq!((sent["sent"].as_u64(), sent["pending"].as_u64()), (Some(2), Some(0)), "{sent}");
    let accepted = accepted_reports(&db);
    assert_eq!(accepted.len(), 2);
    let first =
        accepted.iter().find(|r| r["report_id"] == id.as_str()).unwrap_or_else(|| panic!("first gone"));
    assert_eq!(first["state"], "superseded");
    assert_eq!(first["superseded_by"], revised["id"]);

    // The export package carries the very bytes that were signed and sent.
    let out = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let target = out.path().join("package");
    let to = target.to_string_lossy();
    let pkg = ledger.cli(&["--json", "export-package", "--period", "1404-Q4", "--report", &id, "--to", &to]);
    assert_eq!(pkg.code, 0, "{pkg:?}");
    let sent = std::fs::read(target.join("report.json")).unwrap_or_default();
    assert_eq!(protocol::content_hash(&sent), receipt["content_hash"].as_str().unwrap_or_default());
    assert!(target.join("checklist-fa.md").exists());
}

#[test]
fn refused_closes_change_nothing() {
    let (ledger, _) = demo_ledger();
    let closed = ledger.cli(&["--json", "report", "close", "--period", "1404-Q3"]);
    assert_eq!(closed.code, 0, "{closed:?}");
    let before = ledger.fingerprint();
    for (period, code) in [
        ("1404-Q3", "report_unchanged"),
        ("1499-Q4", "period_not_ended"),
        ("1404-05", "period_not_reportable"),
        ("1404-Q9", "period_format"),
    ] {
        let out = ledger.cli(&["--json", "report", "close", "--period", period]);
        assert_eq!(out.code, 2, "{period}: {out:?}");
        let err = out.json();
        let got = err["code"].as_str().unwrap_or_default();
        let field_code = err["details"]["fields"][0]["code"].as_str().unwrap_or_default();
        assert!(got == code || field_code == code, "{period}: expected {code}, got {err}");
        assert_eq!(ledger.fingerprint(), before, "{period}: the ledger changed");
    }
}

#[test]
fn a_wrong_enrolment_code_is_refused_and_nothing_is_written() {
    let (ledger, legal_id) = demo_ledger();
    let (_keep, db) = registry_db();
    let server = RegistryServer::start(&db, 0, &[]);
    let _issued = enrolment_code(&db, &legal_id);
    let before = ledger.fingerprint();
    let out = ledger.cli(&["--json", "enrol", "--registry", &server.url(), "--code", "WRNG-CODE-0000"]);
    assert_eq!(out.code, 2, "{out:?}");
    let err = out.json();
    assert_eq!(err["code"], "registry_refused");
    assert_eq!(err["details"]["value"], "enrolment_code_invalid");
    assert_eq!(ledger.fingerprint(), before);
    // http:// to another computer is refused before anything is sent.
    let out = ledger.cli(&["--json", "enrol", "--registry", "http://registry.example.ir", "--code", "X"]);
    assert_eq!(out.json()["code"], "registry_url_invalid");
}

/// One raw HTTP/1.1 request to the server; returns the status and the body.
fn http(port: u16, method: &str, path: &str, headers: &[(&str, String)], body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap_or_else(|e| panic!("connect: {e}"));
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut bytes = req.into_bytes();
    bytes.extend_from_slice(body);
    s.write_all(&bytes).unwrap_or_else(|e| panic!("write: {e}"));
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    let status = answer.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

#[test]
fn tampering_and_unknown_keys_are_refused_by_the_server() {
    let (ledger, legal_id) = demo_ledger();
    let (_keep, db) = registry_db();
    let server = RegistryServer::start(&db, 0, &[]);
    let code = enrolment_code(&db, &legal_id);
    assert_eq!(ledger.cli(&["enrol", "--registry", &server.url(), "--code", &code]).code, 0);
    assert_eq!(ledger.cli(&["report", "close", "--period", "1404-Q2"]).code, 0);
    let store = Store::open_in(ledger.dir()).unwrap_or_else(|e| panic!("open: {e}"));
    let id = report::list(store.conn()).unwrap_or_default().remove(0).id;
    let document = report::document(store.conn(), &id).unwrap_or_default();
    let key = hamyar_sync::keys::load(ledger.dir()).ok().flatten().unwrap_or_else(|| panic!("no key"));
    let headers = |sig: String, k: &KeyPair| {
        vec![
            ("Content-Type", "application/json".to_owned()),
            (protocol::IDEMPOTENCY_KEY, id.clone()),
            (protocol::KEY_HEADER, k.public_hex()),
            (protocol::SIGNATURE_HEADER, sig),
        ]
    };

    // Altered after signing: one figure changed in the body the signature was made over.
    let mut altered = document.clone();
    let at = find(&altered, b"\"1404-Q2\"").unwrap_or_else(|| panic!("no period in the document"));
    altered[at + 6] = b'3';
    let (status, body) =
        http(server.port(), "POST", "/v1/reports", &headers(key.sign_hex(&document), &key), &altered);
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("signature_invalid"), "{body}");

    // A key that was never enrolled, even signing correctly.
    let stranger = KeyPair::from_seed([42; 32]);
    let (status, body) = http(
        server.port(),
        "POST",
        "/v1/reports",
        &headers(stranger.sign_hex(&document), &stranger),
        &document,
    );
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("key_not_enrolled"), "{body}");
    assert!(accepted_reports(&db).is_empty(), "nothing was accepted");

    // The untouched report goes through, once.
    let (status, first) =
        http(server.port(), "POST", "/v1/reports", &headers(key.sign_hex(&document), &key), &document);
    assert_eq!(status, 201, "{first}");
    let (status, again) =
        http(server.port(), "POST", "/v1/reports", &headers(key.sign_hex(&document), &key), &document);
    assert_eq!(status, 200, "{again}");
    assert_eq!(first, again, "the same receipt for the same report");
    assert_eq!(accepted_reports(&db).len(), 1);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_report_refused_for_good_is_parked_with_the_registrys_reason() {
    let (ledger, legal_id) = demo_ledger();
    let (_keep, db) = registry_db();
    let server = RegistryServer::start(&db, 0, &[]);
    let code = enrolment_code(&db, &legal_id);
    assert_eq!(ledger.cli(&["enrol", "--registry", &server.url(), "--code", &code]).code, 0);
    // Another installation enrols the same cooperative: this one's key is no longer accepted.
    let (other, _) = demo_ledger();
    let code = enrolment_code(&db, &legal_id);
    assert_eq!(other.cli(&["enrol", "--registry", &server.url(), "--code", &code]).code, 0);

    assert_eq!(ledger.cli(&["report", "close", "--period", "1404-Q1"]).code, 0);
    let pass = ledger.cli(&["--json", "sync", "--once"]);
    assert_eq!(pass.code, 0, "{pass:?}");
    assert_eq!(pass.json()["parked"], 1);
    let row = &ledger.cli(&["--json", "outbox", "list"]).json()[0];
    assert_eq!(row["state"], "parked");
    assert!(row["last_error"].as_str().unwrap_or_default().contains("key_not_enrolled"), "{row}");
    assert!(accepted_reports(&db).is_empty());

    // Put back by a person, it is tried again (and parked again: nothing was fixed).
    let id = row["id"].as_str().unwrap_or_default();
    assert_eq!(ledger.cli(&["outbox", "requeue", "--id", id]).code, 0);
    assert_eq!(ledger.cli(&["--json", "outbox", "list"]).json()[0]["state"], "pending");
    assert_eq!(ledger.cli(&["--json", "sync", "--once"]).json()["parked"], 1);
    // Requeueing a report that is not parked is refused.
    let out = ledger.cli(&["--json", "outbox", "requeue", "--id", "no-such-report"]);
    assert_eq!(out.code, 2, "{out:?}");
}

/// Every closable period, oldest first: each year's four quarters and the year itself.
fn periods() -> Vec<String> {
    (1300..=1403)
        .flat_map(|y| (1..=4).map(move |q| format!("{y}-Q{q}")).chain(std::iter::once(y.to_string())))
        .collect()
}

#[test]
fn under_injected_faults_every_report_is_accepted_exactly_once() {
    let trials: usize = std::env::var("HAMYAR_SYNC_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(500);
    let seed: u64 = std::env::var("HAMYAR_SYNC_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(20261128);
    eprintln!("fault injection: {trials} trials, seed {seed} (HAMYAR_SYNC_SEED replays)");
    let started = Instant::now();
    let (ledger, legal_id) = demo_ledger();
    let (_keep, db) = registry_db();
    let server = Arc::new(Mutex::new(RegistryServer::start(&db, 0, &["--rate", "100000"])));
    let upstream = server.lock().map(|s| s.port()).unwrap_or_else(|_| panic!("lock"));
    let faults_on = Arc::new(AtomicBool::new(false));
    let rng = Arc::new(Mutex::new(Rng::new(seed)));
    let choose = {
        let (faults_on, rng) = (Arc::clone(&faults_on), Arc::clone(&rng));
        Box::new(move |_line: &str| {
            if !faults_on.load(Ordering::SeqCst) {
                return Fault::Pass;
            }
            let Ok(mut r) = rng.lock() else { return Fault::Pass };
            match r.below(100) {
                0..=44 => Fault::Pass,
                45..=51 => Fault::DropBeforeForward,
                52..=61 => Fault::DropAfterForward,
                62..=64 => Fault::DelayPastTimeout,
                65..=69 => Fault::Fake(500),
                70..=72 => Fault::Fake(503),
                73..=76 => Fault::Fake(429),
                77..=83 => Fault::Replace(500),
                84..=89 => Fault::DuplicateRequest,
                90..=95 => Fault::DuplicateResponse,
                _ => Fault::KillServer,
            }
        })
    };
    let restart = {
        let server = Arc::clone(&server);
        Box::new(move || {
            if let Ok(mut s) = server.lock() {
                s.restart();
            }
        })
    };
    let timeout = Duration::from_millis(400);
    let proxy = FaultProxy::start(upstream, timeout + Duration::from_millis(300), choose, restart);

    let store = RefCell::new(Store::open_in(ledger.dir()).unwrap_or_else(|e| panic!("open: {e}")));
    let code = enrolment_code(&db, &legal_id);
    let input = EnrolInput {
        url: proxy.url(),
        code,
        pinned_cert: None,
        proxy: None,
        timeout_ms: Some(u32::try_from(timeout.as_millis()).unwrap_or(400)),
    };
    outbox::enrol(&mut store.borrow_mut(), ledger.dir(), &input).unwrap_or_else(|e| panic!("enrol: {e}"));
    faults_on.store(true, Ordering::SeqCst);

    let options = SendOptions {
        force: false,
        ignore_clock: false,
        backoff: Backoff { base: Duration::from_millis(1), cap: Duration::from_millis(20) },
    };
    let periods = periods();
    assert!(periods.len() >= trials, "only {} periods to close", periods.len());
    let mut closed = Vec::new();
    let mut batch_rng = Rng::new(seed ^ 0xABCD);
    let mut passes = 0u32;
    while closed.len() < trials {
        // One to three reports closed at a time, so some passes send several in order.
        let n = (1 + batch_rng.below(3) as usize).min(trials - closed.len());
        for _ in 0..n {
            let period = &periods[closed.len()];
            let info = report::close(&mut store.borrow_mut(), "test", Utc::now(), period)
                .unwrap_or_else(|e| panic!("close {period}: {e}"));
            closed.push(info);
        }
        let mut rounds = 0;
        loop {
            let result = outbox::run_once(&store, ledger.dir(), &options, Utc::now, |_| {})
                .unwrap_or_else(|e| panic!("pass: {e}"));
            passes += 1;
            assert_eq!(result.counts.parked, 0, "a transient fault parked a report: {result:?}");
            if result.counts.pending == 0 {
                break;
            }
            rounds += 1;
            assert!(rounds < 500, "report {} never got through", closed.len());
            std::thread::sleep(Duration::from_millis(2));
        }
    }
    faults_on.store(false, Ordering::SeqCst);

    // The client: every report sent, with a receipt.
    let rows = outbox::list(store.borrow().conn()).unwrap_or_else(|e| panic!("list: {e}"));
    assert_eq!(rows.len(), trials);
    let mut receipts = BTreeMap::new();
    for row in &rows {
        assert_eq!(row.state, OutboxState::Sent, "{row:?}");
        let receipt = row.receipt.clone().unwrap_or_else(|| panic!("no receipt for {}", row.id));
        receipts.insert(row.id.clone(), receipt);
    }
    // The server: exactly one accepted copy of each, and nothing else.
    let accepted = accepted_reports(&db);
    let ids: BTreeSet<&str> = accepted.iter().filter_map(|r| r["report_id"].as_str()).collect();
    assert_eq!(accepted.len(), trials, "copies on the server");
    assert_eq!(ids.len(), trials, "a report accepted twice");
    for r in &accepted {
        let id = r["report_id"].as_str().unwrap_or_default();
        let receipt =
            receipts.get(id).unwrap_or_else(|| panic!("the server holds {id}, the client never closed it"));
        assert_eq!(r["registry_id"].as_str(), Some(receipt.registry_id.as_str()));
        assert_eq!(r["content_hash"].as_str(), Some(receipt.content_hash.as_str()));
    }
    let mut tally: BTreeMap<String, u32> = BTreeMap::new();
    for f in proxy.applied() {
        *tally.entry(format!("{f:?}")).or_default() += 1;
    }
    eprintln!(
        "fault injection: {trials} reports, {passes} passes, {} requests in {:.1?}; faults {tally:?}",
        proxy.applied().len(),
        started.elapsed()
    );
    assert!(tally.get("KillServer").copied().unwrap_or(0) > 0 || trials < 100, "no server was killed");
    drop(proxy);
    drop(server);
}

/// Runs a command, panicking with its output when it fails.
fn sh(cmd: &mut std::process::Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A test certificate authority and a server certificate for 127.0.0.1 signed by it (openssl).
fn test_pki(dir: &std::path::Path) {
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    sh(std::process::Command::new("openssl")
        .current_dir(dir)
        .args(["req", "-x509", "-new"])
        .args(ec)
        .args(["-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Hamyar test registry CA"]));
    sh(std::process::Command::new("openssl").current_dir(dir).args(["req", "-new"]).args(ec).args([
        "-keyout",
        "leaf.key",
        "-out",
        "leaf.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]));
    std::fs::write(
        dir.join("leaf.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap_or_else(|e| panic!("ext: {e}"));
    sh(std::process::Command::new("openssl").current_dir(dir).args([
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "leaf.ext",
    ]));
}

/// A free port on 127.0.0.1 (bound and released).
fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    l.local_addr().map(|a| a.port()).unwrap_or_else(|e| panic!("addr: {e}"))
}

/// TLS in front of the registry (socat, as a reverse proxy would terminate it).
struct Tls(std::process::Child);

impl Drop for Tls {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn https_checks_the_certificate_and_trusts_a_pinned_one() {
    let (ledger, legal_id) = demo_ledger();
    let (keep, db) = registry_db();
    let server = RegistryServer::start(&db, 0, &[]);
    test_pki(keep.path());
    let port = free_port();
    let cert = keep.path().join("leaf.pem");
    let key = keep.path().join("leaf.key");
    let _tls = Tls(std::process::Command::new("socat")
        .arg(format!(
            "OPENSSL-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork,cert={},key={},verify=0",
            cert.display(),
            key.display()
        ))
        .arg(format!("TCP:127.0.0.1:{}", server.port()))
        .spawn()
        .unwrap_or_else(|e| panic!("socat (apt package socat): {e}")));
    let url = format!("https://127.0.0.1:{port}");
    // Wait until the TLS side listens.
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }

    // A certificate no root vouches for is refused, and nothing is written.
    let code = enrolment_code(&db, &legal_id);
    let before = ledger.fingerprint();
    let out = ledger.cli(&["--json", "enrol", "--registry", &url, "--code", &code]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.json()["code"], "registry_unreachable");
    assert_eq!(ledger.fingerprint(), before);

    // With the registry's certificate authority pinned, the same registry is trusted.
    let ca = keep.path().join("ca.pem");
    let ca = ca.to_string_lossy();
    let out = ledger.cli(&["--json", "enrol", "--registry", &url, "--code", &code, "--pinned-cert", &ca]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(ledger.cli(&["report", "close", "--period", "1404-Q1"]).code, 0);
    let sent = ledger.cli(&["--json", "sync", "--once"]).json();
    assert_eq!(sent["sent"], 1, "{sent}");
    assert_eq!(accepted_reports(&db).len(), 1);
}
