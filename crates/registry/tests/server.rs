//! The server as an operator meets it: the CLI, the HTML page, restarts and stopping, and the
//! database underneath. Every scenario but the unreachable-database one runs on both storage
//! backends (`sqlite::NAME` and `postgres::NAME`).
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[macro_use]
mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::{
    Backend, COOP, Coop, Db, Server, document, enrolled, enrolment_code, get, report_id, run, stored_reports,
};

on_both_backends!(
    the_html_page_lists_reports_and_escapes_a_script_in_a_period_label,
    a_restarted_server_keeps_its_reports_and_its_key,
    sigterm_stops_the_server_cleanly,
    an_enrolment_code_is_printed_for_a_valid_legal_id_only,
    reports_lists_every_report_as_json_or_as_a_table,
    reports_of_a_missing_database_is_an_error_and_creates_nothing,
    stored_reports_cannot_be_rewritten_or_deleted_even_from_a_sql_shell,
    a_database_from_a_newer_binary_is_refused,
);

fn the_html_page_lists_reports_and_escapes_a_script_in_a_period_label(backend: Backend) {
    let (_db, server, coop) = enrolled(backend);
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

fn a_restarted_server_keeps_its_reports_and_its_key(backend: Backend) {
    let db = Db::new(backend);
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

fn sigterm_stops_the_server_cleanly(backend: Backend) {
    let db = Db::new(backend);
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
fn the_server_reconnects_when_postgresql_ends_its_connections() {
    let (db, server, coop) = enrolled(Backend::Postgres);
    let first = report_id();
    let body = coop.report(&first, "1404-Q1", None);
    let receipt = coop.upload(&server, &first, &body);
    assert_eq!(receipt.status, 201);
    // What a restart of PostgreSQL (or an operator's pg_terminate_backend) does to the server.
    db.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'hamyar-registry' AND datname = current_database()",
    )
    .unwrap();
    let again = coop.upload(&server, &first, &body);
    assert_eq!((again.status, &again.body), (200, &receipt.body));
    let second = report_id();
    assert_eq!(coop.upload(&server, &second, &coop.report(&second, "1404-Q2", None)).status, 201);
}

#[test]
fn postgresql_can_be_reached_through_its_unix_socket() {
    let cluster = support::cluster::shared();
    let url = cluster.socket_url(&cluster.create_database());
    let server = Server::start(&url, &[]);
    let coop = Coop::new(COOP, 1);
    coop.enrol(&server);
    let id = report_id();
    assert_eq!(coop.upload(&server, &id, &coop.report(&id, "1404-Q1", None)).status, 201);
    assert_eq!(stored_reports(&url)[0]["report_id"], id.as_str());
}

#[test]
fn a_postgres_server_that_cannot_be_reached_is_an_error_for_every_command() {
    // Port 1 on loopback: nothing listens there.
    let url = "postgresql://registry@127.0.0.1:1/registry?connect_timeout=5";
    for args in [
        vec!["serve", "--db", url, "--listen", "127.0.0.1:0"],
        vec!["enrolment-code", "--db", url, "--legal-id", COOP],
        vec!["reports", "--db", url],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("database: error connecting to server"), "{stderr}");
    }
}

fn an_enrolment_code_is_printed_for_a_valid_legal_id_only(backend: Backend) {
    let db = Db::new(backend);
    let code = enrolment_code(&db, COOP);
    assert_eq!(code.len(), 14);
    assert_eq!(code.matches('-').count(), 2);
    assert_ne!(enrolment_code(&db, COOP), code);
    let db_arg: &str = &db;
    let out = run(&["enrolment-code", "--db", db_arg, "--legal-id", "14100001234"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

fn reports_lists_every_report_as_json_or_as_a_table(backend: Backend) {
    let (db, server, coop) = enrolled(backend);
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
    let table = run(&["reports", "--db", &db]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.starts_with("REGISTRY ID"));
    assert!(text.contains("HR-000002") && text.contains(&ids[1]));
}

fn reports_of_a_missing_database_is_an_error_and_creates_nothing(backend: Backend) {
    let db = Db::new(backend);
    let out = run(&["reports", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no registry database"));
    assert!(!db.has_tables());
}

fn stored_reports_cannot_be_rewritten_or_deleted_even_from_a_sql_shell(backend: Backend) {
    let (db, server, coop) = enrolled(backend);
    let (first, second) = (report_id(), report_id());
    assert_eq!(coop.upload(&server, &first, &coop.report(&first, "1404-Q1", None)).status, 201);
    assert_eq!(coop.upload(&server, &second, &coop.report(&second, "1404-Q1", Some(&first))).status, 201);
    drop(server);
    for sql in [
        "UPDATE reports SET period = '1404-Q2'",
        "UPDATE reports SET superseded_by = NULL",
        &format!("UPDATE reports SET superseded_by = '{second}' WHERE report_id = '{first}'"),
        "DELETE FROM reports",
    ] {
        let refused = db.execute(sql).expect_err(sql);
        assert!(refused.contains("reports are never"), "{sql}: {refused}");
    }
    if backend == Backend::Postgres {
        assert!(db.execute("TRUNCATE reports CASCADE").expect_err("truncate").contains("never deleted"));
    }
    let rows = stored_reports(&db);
    assert_eq!(rows.len(), 2);
    assert_eq!((&rows[0]["period"], &rows[0]["superseded_by"]), (&"1404-Q1".into(), &second.as_str().into()));
}

fn a_database_from_a_newer_binary_is_refused(backend: Backend) {
    let db = Db::new(backend);
    enrolment_code(&db, COOP);
    db.execute(match backend {
        Backend::Sqlite => "PRAGMA user_version = 2",
        Backend::Postgres => "INSERT INTO registry_schema (version, applied_at) VALUES (2, now())",
    })
    .unwrap();
    for args in [vec!["reports", "--db", &db], vec!["serve", "--db", &db, "--listen", "127.0.0.1:0"]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("schema version 2; this binary only supports up to 1"), "{stderr}");
    }
}
