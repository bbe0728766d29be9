//! The protocol as a cooperative meets it: the real `hamyar-registry serve` on 127.0.0.1, spoken
//! to over HTTP with signed requests. Every scenario runs on both storage backends: a SQLite file
//! and a PostgreSQL database (`sqlite::NAME` and `postgres::NAME`).
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[macro_use]
mod support;

use std::sync::Barrier;

use hamyar_core::protocol::{Health, ReportStatus, content_hash};
use support::{
    Answer, Backend, COOP, Coop, Db, OTHER, Server, document, enrolled, enrolment_code, get, post, report_id,
    stored_reports,
};

on_both_backends!(
    health_answers_ok_with_protocol_one_and_the_time_in_utc,
    enrolment_with_the_code_issued_for_the_cooperative_returns_the_registry_key,
    enrolment_with_a_wrong_code_is_refused,
    an_enrolment_code_works_only_once,
    an_enrolment_code_issued_for_another_legal_id_is_refused,
    an_enrolment_that_is_not_a_request_or_has_no_valid_key_is_malformed,
    re_enrolling_with_a_new_code_replaces_the_key,
    an_upload_is_received_once_and_an_identical_retry_gets_the_same_receipt,
    the_same_report_id_with_other_content_is_a_conflict,
    a_body_changed_after_signing_is_refused_as_signature_invalid,
    a_key_that_is_not_enrolled_is_refused,
    a_report_naming_another_cooperative_is_refused,
    requests_missing_headers_or_of_another_type_version_or_id_are_refused_in_order,
    a_correction_must_name_a_known_report_and_then_supersedes_it,
    a_body_over_the_limit_is_too_large,
    a_body_over_the_default_limit_is_too_large,
    a_cooperative_over_its_rate_is_told_when_to_retry,
    the_receipt_verifies_against_the_registry_key_and_not_once_changed,
    status_needs_a_good_signature_and_shows_only_the_cooperatives_own_reports,
    unknown_paths_and_methods_are_problems_too,
    two_servers_started_at_once_on_a_new_database_share_one_registry_key,
    simultaneous_uploads_of_one_report_store_it_once_with_one_receipt,
    simultaneous_uploads_of_different_reports_are_numbered_without_gaps,
);

/// Runs `upload(i)` for i in 0..n on n threads released at the same moment; the answers in order.
fn at_once(n: usize, upload: impl Fn(usize) -> Answer + Sync) -> Vec<Answer> {
    let barrier = Barrier::new(n);
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..n)
            .map(|i| {
                let (barrier, upload) = (&barrier, &upload);
                scope.spawn(move || {
                    barrier.wait();
                    upload(i)
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).collect()
    })
}

/// Two servers on a new database (as behind a load balancer), started at the same time, and
/// the demo cooperative enrolled through the first; the second server's registry key.
fn two_servers(backend: Backend) -> (Db, [Server; 2], Coop, String) {
    let db = Db::new(backend);
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(|| Server::start(&db, &[]));
        let b = scope.spawn(|| Server::start(&db, &[]));
        (a.join().unwrap(), b.join().unwrap())
    });
    let coop = Coop::new(COOP, 1);
    coop.enrol(&a);
    let second_key = Coop::new(OTHER, 2).enrol(&b);
    (db, [a, b], coop, second_key)
}

fn two_servers_started_at_once_on_a_new_database_share_one_registry_key(backend: Backend) {
    let (_db, servers, coop, second_key) = two_servers(backend);
    let id = report_id();
    let receipt = coop.upload(&servers[0], &id, &coop.report(&id, "1404-Q1", None)).receipt();
    assert!(receipt.verify(&second_key));
}

fn simultaneous_uploads_of_one_report_store_it_once_with_one_receipt(backend: Backend) {
    let (db, servers, coop, _) = two_servers(backend);
    let id = report_id();
    let body = coop.report(&id, "1404-Q1", None);
    let answers = at_once(8, |i| coop.upload(&servers[i % 2], &id, &body));
    let mut statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 200, 200, 200, 200, 200, 201], "{answers:?}");
    assert!(answers.iter().all(|a| a.body == answers[0].body), "one receipt, byte for byte: {answers:?}");
    let rows = stored_reports(&db);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["registry_id"], "HR-000001");
}

fn simultaneous_uploads_of_different_reports_are_numbered_without_gaps(backend: Backend) {
    let (db, servers, coop, _) = two_servers(backend);
    let ids: Vec<String> = (0..8).map(|_| report_id()).collect();
    let answers =
        at_once(8, |i| coop.upload(&servers[i % 2], &ids[i], &coop.report(&ids[i], "1404-Q1", None)));
    assert!(answers.iter().all(|a| a.status == 201), "{answers:?}");
    let mut numbers: Vec<String> = answers.iter().map(|a| a.receipt().registry_id).collect();
    numbers.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("HR-{n:06}")).collect();
    assert_eq!(numbers, expected);
    assert_eq!(stored_reports(&db).len(), 8);
}

fn health_answers_ok_with_protocol_one_and_the_time_in_utc(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let answer = get(&server, "/v1/health");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.content_type, "application/json");
    let health: Health = serde_json::from_str(&answer.body).unwrap();
    assert_eq!((health.status.as_str(), health.protocol), ("ok", 1));
    assert!(chrono::DateTime::parse_from_rfc3339(&health.time).is_ok());
    assert!(health.time.ends_with('Z') && health.time.len() == 20, "{}", health.time);
}

fn enrolment_with_the_code_issued_for_the_cooperative_returns_the_registry_key(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let coop = Coop::new(COOP, 1);
    let answer = coop.enrol_with(&server, &enrolment_code(&db, COOP));
    assert_eq!(answer.status, 201, "{answer:?}");
    let enrolment: hamyar_core::protocol::Enrolment = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(enrolment.legal_id, COOP);
    assert_eq!(enrolment.public_key, coop.key.public_hex());
    assert_eq!(enrolment.registry_key.len(), 64);
}

fn enrolment_with_a_wrong_code_is_refused(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    enrolment_code(&db, COOP);
    let answer = Coop::new(COOP, 1).enrol_with(&server, "AAAA-BBBB-CCCC");
    assert_eq!(answer.code(403), "enrolment_code_invalid");
}

fn an_enrolment_code_works_only_once(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let code = enrolment_code(&db, COOP);
    assert_eq!(Coop::new(COOP, 1).enrol_with(&server, &code).status, 201);
    assert_eq!(Coop::new(COOP, 2).enrol_with(&server, &code).code(403), "enrolment_code_invalid");
}

fn an_enrolment_code_issued_for_another_legal_id_is_refused(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let theirs = enrolment_code(&db, OTHER);
    assert_eq!(Coop::new(COOP, 1).enrol_with(&server, &theirs).code(403), "enrolment_code_invalid");
    // The code was not spent by the failed attempt.
    assert_eq!(Coop::new(OTHER, 2).enrol_with(&server, &theirs).status, 201);
}

fn an_enrolment_that_is_not_a_request_or_has_no_valid_key_is_malformed(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let code = enrolment_code(&db, COOP);
    let json = [("Content-Type", "application/json")];
    assert_eq!(post(&server, "/v1/enrolments", &json, b"{not json").code(400), "malformed");
    let bad_key = serde_json::json!({"legal_id": COOP, "code": code, "public_key": "00".repeat(31)});
    assert_eq!(post(&server, "/v1/enrolments", &json, bad_key.to_string().as_bytes()).code(400), "malformed");
    let text = [("Content-Type", "text/plain")];
    assert_eq!(post(&server, "/v1/enrolments", &text, b"{}").code(415), "unsupported_media_type");
}

fn re_enrolling_with_a_new_code_replaces_the_key(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let old = Coop::new(COOP, 1);
    old.enrol(&server);
    let new = Coop::new(COOP, 2);
    new.enrol(&server);
    let id = report_id();
    assert_eq!(old.upload(&server, &id, &old.report(&id, "1404-Q1", None)).code(401), "key_not_enrolled");
    assert_eq!(new.upload(&server, &id, &new.report(&id, "1404-Q1", None)).status, 201);
}

fn an_upload_is_received_once_and_an_identical_retry_gets_the_same_receipt(backend: Backend) {
    let (db, server, coop) = enrolled(backend);
    let id = report_id();
    let body = coop.report(&id, "1404-Q1", None);
    let first = coop.upload(&server, &id, &body);
    assert_eq!(first.status, 201, "{first:?}");
    assert_eq!(first.content_type, "application/json");
    let receipt = first.receipt();
    assert_eq!(receipt.registry_id, "HR-000001");
    assert_eq!(receipt.report_id, id);
    assert_eq!(receipt.legal_id, COOP);
    assert_eq!(receipt.period, "1404-Q1");
    assert_eq!(receipt.content_hash, content_hash(&body));
    let again = coop.upload(&server, &id, &body);
    assert_eq!(again.status, 200);
    assert_eq!(again.body, first.body, "the retry gets the stored receipt byte for byte");
    let rows = stored_reports(&db);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["report_id"], id.as_str());
    assert_eq!(rows[0]["state"], "accepted");
}

fn the_same_report_id_with_other_content_is_a_conflict(backend: Backend) {
    let (_db, server, coop) = enrolled(backend);
    let id = report_id();
    assert_eq!(coop.upload(&server, &id, &coop.report(&id, "1404-Q1", None)).status, 201);
    assert_eq!(coop.upload(&server, &id, &coop.report(&id, "1404-Q2", None)).code(409), "conflict");
}

fn a_body_changed_after_signing_is_refused_as_signature_invalid(backend: Backend) {
    let (db, server, coop) = enrolled(backend);
    let id = report_id();
    let body = document(&id, COOP, "1404-Q1", None, serde_json::json!({"members": {"count": 12}}));
    let signature = coop.key.sign_hex(&body);
    let mut tampered = body.clone();
    let at = tampered.windows(2).position(|w| w == b"12").unwrap();
    tampered[at] = b'9';
    assert_eq!(coop.upload_signed(&server, &id, &tampered, &signature).code(401), "signature_invalid");
    assert!(stored_reports(&db).is_empty());
}

fn a_key_that_is_not_enrolled_is_refused(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let stranger = Coop::new(COOP, 9);
    let id = report_id();
    assert_eq!(
        stranger.upload(&server, &id, &stranger.report(&id, "1404-Q1", None)).code(401),
        "key_not_enrolled"
    );
}

fn a_report_naming_another_cooperative_is_refused(backend: Backend) {
    let (_db, server, coop) = enrolled(backend);
    let id = report_id();
    let body = document(&id, OTHER, "1404-Q1", None, serde_json::json!({}));
    assert_eq!(coop.upload(&server, &id, &body).code(403), "wrong_cooperative");
}

fn requests_missing_headers_or_of_another_type_version_or_id_are_refused_in_order(backend: Backend) {
    let (db, server, coop) = enrolled(backend);
    let id = report_id();
    let body = coop.report(&id, "1404-Q1", None);
    let text = [("Content-Type", "text/plain")];
    assert_eq!(post(&server, "/v1/reports", &text, &body).code(415), "unsupported_media_type");
    let json = [("Content-Type", "application/json")];
    assert_eq!(post(&server, "/v1/reports", &json, &body).code(400), "malformed");
    assert_eq!(coop.upload(&server, &id, b"[1,2").code(400), "malformed");
    assert_eq!(coop.upload(&server, &report_id(), &body).code(400), "idempotency_key");
    let mut future: serde_json::Value = serde_json::from_slice(&body).unwrap();
    future["protocol"] = 2.into();
    let future = serde_json::to_vec(&future).unwrap();
    assert_eq!(coop.upload(&server, &id, &future).code(422), "unsupported_version");
    assert!(stored_reports(&db).is_empty());
}

fn a_correction_must_name_a_known_report_and_then_supersedes_it(backend: Backend) {
    let (db, server, coop) = enrolled(backend);
    let first = report_id();
    assert_eq!(coop.upload(&server, &first, &coop.report(&first, "1404-Q1", None)).status, 201);
    let stray = report_id();
    let unknown = coop.report(&stray, "1404-Q1", Some("no-such-report"));
    assert_eq!(coop.upload(&server, &stray, &unknown).code(422), "supersedes_unknown");
    let other_period = coop.report(&stray, "1404-Q2", Some(&first));
    assert_eq!(coop.upload(&server, &stray, &other_period).code(422), "supersedes_unknown");
    let second = report_id();
    assert_eq!(coop.upload(&server, &second, &coop.report(&second, "1404-Q1", Some(&first))).status, 201);

    let status: ReportStatus = serde_json::from_str(&coop.status(&server, &first).body).unwrap();
    assert_eq!(status.state, "superseded");
    assert_eq!(status.superseded_by.as_deref(), Some(second.as_str()));
    let rows = stored_reports(&db);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (&rows[0]["state"], &rows[0]["superseded_by"]),
        (&"superseded".into(), &second.as_str().into())
    );
    assert_eq!((&rows[1]["state"], &rows[1]["supersedes"]), (&"accepted".into(), &first.as_str().into()));
}

fn a_body_over_the_limit_is_too_large(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &["--max-body", "1024"]);
    let coop = Coop::new(COOP, 1);
    coop.enrol(&server);
    let id = report_id();
    let padding = "x".repeat(2000);
    let body = document(&id, COOP, "1404-Q1", None, serde_json::json!({ "note": padding }));
    assert_eq!(coop.upload(&server, &id, &body).code(413), "too_large");
    let small = coop.report(&id, "1404-Q1", None);
    assert_eq!(coop.upload(&server, &id, &small).status, 201);
}

fn a_body_over_the_default_limit_is_too_large(backend: Backend) {
    let (_db, server, coop) = enrolled(backend);
    let id = report_id();
    let body = vec![b' '; 262_145];
    assert_eq!(coop.upload(&server, &id, &body).code(413), "too_large");
}

fn a_cooperative_over_its_rate_is_told_when_to_retry(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &["--rate", "2"]);
    let coop = Coop::new(COOP, 1);
    coop.enrol(&server);
    let id = report_id();
    let body = coop.report(&id, "1404-Q1", None);
    assert_eq!(coop.upload(&server, &id, &body).status, 201);
    assert_eq!(coop.upload(&server, &id, &body).status, 200);
    let limited = coop.upload(&server, &id, &body);
    assert_eq!(limited.code(429), "rate_limited");
    let seconds: u64 = limited.retry_after.as_deref().expect("Retry-After").parse().unwrap();
    assert!((1..=30).contains(&seconds), "{seconds}");
    // Another cooperative has its own allowance.
    let other = Coop::new(OTHER, 2);
    other.enrol(&server);
    let theirs = report_id();
    assert_eq!(other.upload(&server, &theirs, &other.report(&theirs, "1404-Q1", None)).status, 201);
}

fn the_receipt_verifies_against_the_registry_key_and_not_once_changed(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    let coop = Coop::new(COOP, 1);
    let registry_key = coop.enrol(&server);
    let id = report_id();
    let mut receipt = coop.upload(&server, &id, &coop.report(&id, "1404-Q1", None)).receipt();
    assert!(receipt.verify(&registry_key));
    receipt.content_hash = content_hash(b"something else");
    assert!(!receipt.verify(&registry_key));
}

fn status_needs_a_good_signature_and_shows_only_the_cooperatives_own_reports(backend: Backend) {
    let (_db, server, coop) = enrolled(backend);
    let id = report_id();
    let receipt = coop.upload(&server, &id, &coop.report(&id, "1404-Q1", None)).receipt();

    let good = coop.status(&server, &id);
    assert_eq!(good.status, 200, "{good:?}");
    let status: ReportStatus = serde_json::from_str(&good.body).unwrap();
    assert_eq!((status.state.as_str(), status.superseded_by), ("accepted", None));
    assert_eq!(status.receipt, receipt);

    let signed_elsewhere = coop.status_signed(&server, &id, "/v1/reports/another");
    assert_eq!(signed_elsewhere.code(401), "signature_invalid");
    assert_eq!(Coop::new(COOP, 7).status(&server, &id).code(401), "key_not_enrolled");
    assert_eq!(coop.status(&server, "no-such-report").code(404), "not_found");

    let other = Coop::new(OTHER, 2);
    other.enrol(&server);
    assert_eq!(other.status(&server, &id).code(404), "not_found");
}

fn unknown_paths_and_methods_are_problems_too(backend: Backend) {
    let db = Db::new(backend);
    let server = Server::start(&db, &[]);
    assert_eq!(get(&server, "/v2/health").code(404), "not_found");
    assert_eq!(get(&server, "/v1/reports").code(405), "method_not_allowed");
}

#[test]
fn canonical_json_is_what_docs_registry_protocol_md_says() {
    use hamyar_core::protocol::canonical_json;
    let value: serde_json::Value = serde_json::from_str(
        r#"{ "b": [3, -2, {"z": null, "a": true}], "a": "ش/\"\\ \u0008\u0009\u000a\u000c\u000d\u0001\u007f\u2028", "B": false }"#,
    )
    .unwrap();
    let bytes = canonical_json(&value).unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        "{\"B\":false,\"a\":\"ش/\\\"\\\\ \\b\\t\\n\\f\\r\\u0001\u{7f}\u{2028}\",\"b\":[3,-2,{\"a\":true,\"z\":null}]}"
    );
    for fraction in ["1.0", "1e3", "0.5"] {
        assert!(canonical_json(&serde_json::from_str(fraction).unwrap()).is_err(), "{fraction}");
    }
}
