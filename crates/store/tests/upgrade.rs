//! Upgrades from checked-in old-schema ledgers: today's `Store::open` migrates them forward and
//! everything recorded before still verifies and reads back.

use hamyar_store::{SCHEMA_VERSION, Store, profile, verify};

#[test]
fn a_schema_1_ledger_upgrades_and_still_verifies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hamyar.sqlite3");
    let dump = include_str!("../../../tests/fixtures/ledger-v1.sql");
    // Load the fixture with plain SQLite, as the old binary left it.
    rusqlite::Connection::open(&path).and_then(|c| c.execute_batch(dump)).expect("fixture loads");

    let mut store = Store::open(&path).expect("upgrades");
    let version: u32 = store.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, SCHEMA_VERSION);
    let report = verify::run(&mut store).expect("verify");
    assert!(report.ok, "{:?}", report.problems);
    assert_eq!(report.events_checked, 2);
    let p = profile::get(&store).expect("read").expect("the old profile");
    assert_eq!(p.data.city, "ساوه");
    assert_eq!(p.data.legal_id, "14100001233");
}
