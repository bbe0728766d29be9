//! The server as an operator meets it: the CLI, the HTML page, restarts and stopping.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::{COOP, Coop, Server, document, enrolment_code, get, report_id, run, stored_reports, temp_db};

#[test]
fn the_html_page_lists_reports_and_escapes_a_script_in_a_period_label() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let coop = Coop::new(COOP, 1);
    coop.enrol(&server);
    let id = report_id();
    let hostile = "<script>alert(\"x\")</script>";
    let body = document(&id, COOP, hostile, None, serde_json::json!({}));
    assert_eq!(coop.upload(&server, &id, &body).status, 201);

    let page = get(&server, "/");
    assert_eq!(page.status, 200);
    assert_eq!(page.content_type, "text/html; charset=utf-8");
    assert!(page.body.contains("<html lang=\"fa\" dir=\"rtl\">"));
    assert!(page.body.contains("HR-000001") && page.body.contains(COOP));
    assert!(!page.body.contains("<script>"), "{}", page.body);
    assert!(page.body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
}

#[test]
fn a_restarted_server_keeps_its_reports_and_its_key() {
    let (_dir, db) = temp_db();
    let coop = Coop::new(COOP, 1);
    let id = report_id();
    let body = coop.report(&id, "1404-Q1", None);
    let (registry_key, first) = {
        let server = Server::start(&db, &[]);
        let key = coop.enrol(&server);
        let first = coop.upload(&server, &id, &body);
        assert_eq!(first.status, 201);
        (key, first)
        // Dropped: killed outright, mid-nothing.
    };
    let server = Server::start(&db, &[]);
    let again = coop.upload(&server, &id, &body);
    assert_eq!(again.status, 200);
    assert_eq!(again.body, first.body);
    assert!(again.receipt().verify(&registry_key));
    let second = report_id();
    let receipt = coop.upload(&server, &second, &coop.report(&second, "1404-Q2", None)).receipt();
    assert_eq!(receipt.registry_id, "HR-000002");
    assert!(receipt.verify(&registry_key));
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    assert_eq!(get(&server, "/v1/health").status, 200);
    let sent = Command::new("kill").args(["-TERM", &server.pid().to_string()]).status().unwrap();
    assert!(sent.success());
    let started = Instant::now();
    let status = server.wait();
    assert!(status.success(), "{status:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_postgres_url_is_refused_with_exit_code_two() {
    for args in [
        ["serve", "--db", "postgres://registry@localhost/registry"],
        ["reports", "--db", "postgresql://localhost/registry"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("SQLite"));
    }
}

#[test]
fn an_enrolment_code_is_printed_for_a_valid_legal_id_only() {
    let (_dir, db) = temp_db();
    let code = enrolment_code(&db, COOP);
    assert_eq!(code.len(), 14);
    assert_eq!(code.matches('-').count(), 2);
    assert_ne!(enrolment_code(&db, COOP), code);
    let db_arg = db.to_str().unwrap();
    let out = run(&["enrolment-code", "--db", db_arg, "--legal-id", "14100001234"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn reports_lists_every_report_as_json_or_as_a_table() {
    let (_dir, db) = temp_db();
    let server = Server::start(&db, &[]);
    let coop = Coop::new(COOP, 1);
    coop.enrol(&server);
    let ids = [report_id(), report_id()];
    for (id, period) in ids.iter().zip(["1404-Q1", "1404-Q2"]) {
        assert_eq!(coop.upload(&server, id, &coop.report(id, period, None)).status, 201);
    }
    let rows = stored_reports(&db);
    let numbers: Vec<&str> = rows.iter().map(|r| r["registry_id"].as_str().unwrap()).collect();
    assert_eq!(numbers, ["HR-000001", "HR-000002"]);
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "content_hash",
            "legal_id",
            "period",
            "received_at",
            "registry_id",
            "report_id",
            "state",
            "superseded_by",
            "supersedes"
        ]
    );
    let table = run(&["reports", "--db", db.to_str().unwrap()]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.starts_with("REGISTRY ID"));
    assert!(text.contains("HR-000002") && text.contains(&ids[1]));
}

#[test]
fn reports_of_a_missing_database_is_an_error_and_creates_nothing() {
    let (_dir, db) = temp_db();
    let out = run(&["reports", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no registry database"));
    assert!(!db.exists());
}
