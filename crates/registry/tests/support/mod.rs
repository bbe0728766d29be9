//! Starting the real `hamyar-registry` binary on either storage backend and talking to it as a
//! cooperative would.
#![allow(dead_code)]

pub mod cluster;

use std::io::{BufRead, BufReader};
use std::ops::Deref;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use hamyar_core::protocol::{
    Enrolment, IDEMPOTENCY_KEY, KEY_HEADER, KeyPair, Problem, Receipt, SIGNATURE_HEADER, canonical_json,
    status_signing_bytes,
};
use serde_json::{Value, json};

/// The demo cooperative's legal ID (crates/store/src/demo.rs).
pub const COOP: &str = "14100001233";
/// Another valid legal ID.
pub const OTHER: &str = "10380284790";

pub const BIN: &str = env!("CARGO_BIN_EXE_hamyar-registry");

/// Where a registry keeps its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary folder.
    Sqlite,
    /// A fresh database on this test binary's PostgreSQL cluster.
    Postgres,
}

/// Writes each scenario `fn NAME(backend: Backend)` listed as a test per backend:
/// `sqlite::NAME` and `postgres::NAME` (`#[macro_use] mod support;` brings it in).
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $( #[test] fn $name() { super::$name(crate::support::Backend::Sqlite) } )+
        }
        mod postgres {
            $( #[test] fn $name() { super::$name(crate::support::Backend::Postgres) } )+
        }
    };
}

/// A fresh, empty registry database: what `--db` is given (it derefs to that string).
pub struct Db {
    pub backend: Backend,
    target: String,
    _dir: Option<tempfile::TempDir>,
}

impl Db {
    /// A database no registry has opened yet.
    pub fn new(backend: Backend) -> Db {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("tempdir");
                let target = dir.path().join("registry.db").to_str().expect("utf8").to_owned();
                Db { backend, target, _dir: Some(dir) }
            }
            Backend::Postgres => {
                let cluster = cluster::shared();
                Db { backend, target: cluster.url(&cluster.create_database()), _dir: None }
            }
        }
    }

    /// Runs `sql` on the database directly, as an operator with a SQL shell would.
    pub fn execute(&self, sql: &str) -> Result<(), String> {
        match self.backend {
            Backend::Sqlite => rusqlite::Connection::open(&self.target)
                .and_then(|conn| conn.execute_batch(sql))
                .map_err(|e| e.to_string()),
            Backend::Postgres => postgres::Client::connect(&self.target, postgres::NoTls)
                .and_then(|mut client| client.batch_execute(sql))
                .map_err(|e| e.as_db_error().map_or_else(|| e.to_string(), ToString::to_string)),
        }
    }

    /// Whether the registry's tables exist (the SQLite file, or the tables in PostgreSQL).
    pub fn has_tables(&self) -> bool {
        match self.backend {
            Backend::Sqlite => Path::new(&self.target).exists(),
            Backend::Postgres => {
                let mut client = postgres::Client::connect(&self.target, postgres::NoTls).expect("connect");
                let row = client.query_one("SELECT to_regclass('reports') IS NOT NULL", &[]).expect("query");
                row.get(0)
            }
        }
    }
}

impl Deref for Db {
    type Target = str;

    fn deref(&self) -> &str {
        &self.target
    }
}

/// A fresh database, a server on it and the demo cooperative enrolled (seed 1).
pub fn enrolled(backend: Backend) -> (Db, Server, Coop) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let coop = Coop::new(COOP, 1);
    coop.enrol(&server);
    (db, server, coop)
}

/// A running registry; killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    pub db: String,
}

impl Server {
    /// Starts `serve` on `db` with a free port and `extra` arguments; waits for its line.
    pub fn start(db: &str, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .arg("serve")
            .arg("--db")
            .arg(db)
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start hamyar-registry");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).expect("read the listening line");
        let base = line.trim().strip_prefix("listening on ").expect("a listening line").to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "{line}");
        Server { child, base, db: db.to_owned() }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to end (after a signal sent from outside).
    pub fn wait(mut self) -> std::process::ExitStatus {
        let status = self.child.wait().expect("wait");
        std::mem::forget(self);
        status
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run hamyar-registry")
}

/// A one-time enrolment code from the CLI.
pub fn enrolment_code(db: &str, legal_id: &str) -> String {
    let out = Command::new(BIN)
        .args(["enrolment-code", "--db"])
        .arg(db)
        .args(["--legal-id", legal_id])
        .output()
        .expect("run enrolment-code");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf8").trim().to_owned()
}

/// `reports --json`.
pub fn stored_reports(db: &str) -> Vec<Value> {
    let out = Command::new(BIN).args(["reports", "--json", "--db"]).arg(db).output().expect("run reports");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("a JSON array")
}

/// An answer, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub retry_after: Option<String>,
    pub body: String,
}

impl Answer {
    pub fn problem(&self) -> Problem {
        assert_eq!(self.content_type, "application/problem+json", "{self:?}");
        let problem: Problem = serde_json::from_str(&self.body).expect("a problem");
        assert_eq!(problem.status, self.status);
        assert_eq!(problem.kind, format!("urn:hamyar:problem:{}", problem.code));
        problem
    }

    /// The problem's code, checking the status on the way.
    pub fn code(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{self:?}");
        self.problem().code
    }

    pub fn receipt(&self) -> Receipt {
        serde_json::from_str(&self.body).expect("a receipt")
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().new_agent()
}

fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = result.expect("an HTTP answer");
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let content_type = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after");
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_string().expect("a body");
    Answer { status, content_type, retry_after, body }
}

pub fn get(server: &Server, path: &str) -> Answer {
    answer(agent().get(server.url(path)).call())
}

/// POSTs `body` with the given headers.
pub fn post(server: &Server, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut request = agent().post(server.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    answer(request.send(body))
}

/// A cooperative on the client side: its legal ID and signing key.
pub struct Coop {
    pub legal_id: String,
    pub key: KeyPair,
}

impl Coop {
    pub fn new(legal_id: &str, seed: u8) -> Coop {
        Coop { legal_id: legal_id.to_owned(), key: KeyPair::from_seed([seed; 32]) }
    }

    /// Enrols with `code`.
    pub fn enrol_with(&self, server: &Server, code: &str) -> Answer {
        let body = json!({"legal_id": self.legal_id, "code": code, "public_key": self.key.public_hex()});
        post(server, "/v1/enrolments", &[("Content-Type", "application/json")], body.to_string().as_bytes())
    }

    /// Gets a code from the CLI and enrols; returns the registry's key.
    pub fn enrol(&self, server: &Server) -> String {
        let answer = self.enrol_with(server, &enrolment_code(&server.db, &self.legal_id));
        assert_eq!(answer.status, 201, "{answer:?}");
        let enrolment: Enrolment = serde_json::from_str(&answer.body).expect("an enrolment");
        enrolment.registry_key
    }

    /// Uploads `body` signed by this cooperative, with `id` as the idempotency key.
    pub fn upload(&self, server: &Server, id: &str, body: &[u8]) -> Answer {
        self.upload_signed(server, id, body, &self.key.sign_hex(body))
    }

    pub fn upload_signed(&self, server: &Server, id: &str, body: &[u8], signature: &str) -> Answer {
        let public = self.key.public_hex();
        let headers = [
            ("Content-Type", "application/json"),
            (IDEMPOTENCY_KEY, id),
            (KEY_HEADER, public.as_str()),
            (SIGNATURE_HEADER, signature),
        ];
        post(server, "/v1/reports", &headers, body)
    }

    /// Asks for a report's status, signing `signed_path` (normally the same path).
    pub fn status_signed(&self, server: &Server, report_id: &str, signed_path: &str) -> Answer {
        let path = format!("/v1/reports/{report_id}");
        let signature = self.key.sign_hex(&status_signing_bytes(signed_path));
        answer(
            agent()
                .get(server.url(&path))
                .header(KEY_HEADER, self.key.public_hex())
                .header(SIGNATURE_HEADER, signature)
                .call(),
        )
    }

    pub fn status(&self, server: &Server, report_id: &str) -> Answer {
        self.status_signed(server, report_id, &format!("/v1/reports/{report_id}"))
    }

    /// A report document of this cooperative in canonical bytes.
    pub fn report(&self, report_id: &str, period: &str, supersedes: Option<&str>) -> Vec<u8> {
        document(report_id, &self.legal_id, period, supersedes, json!({"members": {"count": 12}}))
    }
}

/// A report document's canonical bytes.
pub fn document(
    report_id: &str,
    legal_id: &str,
    period: &str,
    supersedes: Option<&str>,
    summary: Value,
) -> Vec<u8> {
    let value = json!({
        "protocol": 1,
        "schema": 1,
        "report_id": report_id,
        "legal_id": legal_id,
        "period": {"label": period, "kind": "quarter", "from": "2025-03-21", "to": "2025-06-21"},
        "supersedes": supersedes,
        "closed_at": "2025-06-25T08:00:00Z",
        "summary": summary,
    });
    canonical_json(&value).expect("canonical")
}

/// A fresh report id (UUIDv7, as the client makes them).
pub fn report_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
