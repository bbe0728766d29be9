//! Someone holding the file edits it with sqlite3: `verify` must exit 3 and name the event.

use hamyar_integration::Ledger;

/// A ledger with two profile events; returns the id of the first.
fn ledger_with_history() -> (Ledger, String) {
    let ledger = Ledger::new();
    assert_eq!(ledger.cli(&["init", "--demo"]).code, 0);
    assert_eq!(ledger.cli(&["profile", "set", "--city", "ساوه"]).code, 0);
    let first = ledger.sqlite3("SELECT id FROM journal ORDER BY seq LIMIT 1;");
    assert_eq!(first.code, 0, "{first:?}");
    (ledger, first.stdout.trim().to_owned())
}

#[test]
fn the_triggers_refuse_edits_to_the_journal() {
    let (ledger, id) = ledger_with_history();
    let update = ledger.sqlite3(&format!("UPDATE journal SET author = 'x' WHERE id = '{id}';"));
    assert_ne!(update.code, 0);
    assert!(update.stderr.contains("append-only"), "{update:?}");
    let delete = ledger.sqlite3("DELETE FROM journal;");
    assert_ne!(delete.code, 0);
    assert_eq!(ledger.cli(&["verify"]).code, 0);
}

#[test]
fn an_edited_payload_makes_verify_exit_3_naming_the_event() {
    let (ledger, id) = ledger_with_history();
    let tamper = ledger.sqlite3(&format!(
        "DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; \
         UPDATE journal SET payload = replace(payload, '14100001233', '10380284790') WHERE id = '{id}';"
    ));
    assert_eq!(tamper.code, 0, "{tamper:?}");
    let changed =
        ledger.sqlite3(&format!("SELECT instr(payload, '10380284790') > 0 FROM journal WHERE id = '{id}';"));
    assert_eq!(changed.stdout.trim(), "1", "the tamper did not take");

    let human = ledger.cli(&["verify"]);
    assert_eq!(human.code, 3, "{human:?}");
    assert!(human.stdout.contains(&id), "verify does not name {id}: {}", human.stdout);

    let json = ledger.cli(&["--json", "verify"]);
    assert_eq!(json.code, 3);
    let report = json.json();
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["kind"], "hash_mismatch");
    assert_eq!(report["problems"][0]["event_id"].as_str(), Some(id.as_str()));
}

#[test]
fn a_deleted_event_makes_verify_exit_3() {
    let (ledger, id) = ledger_with_history();
    let tamper =
        ledger.sqlite3(&format!("DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE id = '{id}';"));
    assert_eq!(tamper.code, 0, "{tamper:?}");
    let run = ledger.cli(&["--json", "verify"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert_eq!(run.json()["problems"][0]["kind"], "sequence_gap");
}

#[test]
fn an_edited_projection_makes_verify_exit_3() {
    let (ledger, _) = ledger_with_history();
    assert_eq!(ledger.sqlite3("UPDATE cooperative_profile SET name = 'جعلی';").code, 0);
    let run = ledger.cli(&["--json", "verify"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert_eq!(run.json()["problems"][0]["kind"], "projection_mismatch");
}
