//! `verify`: SQLite's own integrity check, a re-walk of every device's hash chain, and a rebuild
//! of every projection from the journal compared with what is recorded.

use rusqlite::TransactionBehavior;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{self, GENESIS_HASH};
use crate::{Result, Store, projection};

/// What kind of problem `verify` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VerifyProblemKind {
    /// `PRAGMA integrity_check` did not answer "ok".
    IntegrityCheck,
    /// An event's stored hash is not the hash of its contents: it was altered.
    HashMismatch,
    /// An event's `prev_hash` is not its predecessor's hash: the chain was cut or reordered.
    BrokenLink,
    /// A device's sequence numbers skip or repeat: an event was removed or inserted.
    SequenceGap,
    /// An event cannot be read back under its kind's schema.
    UndecodableEvent,
    /// A projection differs from its rebuild from the journal.
    ProjectionMismatch,
    /// A closed fiscal year's checkpoint no longer holds: capital on its last day differs from
    /// what its close recorded, or its approved distribution does not add up.
    CheckpointMismatch,
}

/// One problem `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VerifyProblem {
    /// What kind.
    pub kind: VerifyProblemKind,
    /// The first event concerned, when there is one.
    pub event_id: Option<String>,
    /// The chain concerned, when there is one.
    pub device_id: Option<String>,
    /// A sentence for the log (English).
    pub detail: String,
}

/// The outcome of `verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VerifyReport {
    /// No problem at all.
    pub ok: bool,
    /// Events whose hashes were re-computed.
    pub events_checked: u32,
    /// Device chains walked.
    pub chains: u32,
    /// Problems, the first of each chain and of each projection.
    pub problems: Vec<VerifyProblem>,
}

/// Verifies the ledger. Needs a write lock for the rebuild, which is always rolled back.
pub fn run(store: &mut Store) -> Result<VerifyReport> {
    let mut problems = Vec::new();
    let conn = store.conn();

    let integrity: Vec<String> = {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if integrity != ["ok"] {
        problems.push(VerifyProblem {
            kind: VerifyProblemKind::IntegrityCheck,
            event_id: None,
            device_id: None,
            detail: integrity.join("; "),
        });
    }

    let devices = journal::devices(conn)?;
    let mut events_checked = 0_u32;
    for device in &devices {
        let chain = journal::chain(conn, device)?;
        events_checked += u32::try_from(chain.len()).unwrap_or(u32::MAX);
        if let Some(p) = first_chain_problem(&chain) {
            problems.push(p);
        }
    }

    problems.extend(rebuild_and_compare(store)?);
    for (event_id, detail) in crate::year::checkpoint_problems(store.conn())? {
        problems.push(VerifyProblem {
            kind: VerifyProblemKind::CheckpointMismatch,
            event_id: Some(event_id),
            device_id: None,
            detail,
        });
    }
    Ok(VerifyReport {
        ok: problems.is_empty(),
        events_checked,
        chains: u32::try_from(devices.len()).unwrap_or(u32::MAX),
        problems,
    })
}

fn first_chain_problem(chain: &[journal::JournalEntry]) -> Option<VerifyProblem> {
    let mut prev_hash = GENESIS_HASH.to_owned();
    for (i, e) in chain.iter().enumerate() {
        let problem = |kind, detail: String| VerifyProblem {
            kind,
            event_id: Some(e.id.clone()),
            device_id: Some(e.device_id.clone()),
            detail,
        };
        let expected_seq = i as i64 + 1;
        if e.device_seq != expected_seq {
            return Some(problem(
                VerifyProblemKind::SequenceGap,
                format!("event {} has device_seq {}, expected {expected_seq}", e.id, e.device_seq),
            ));
        }
        if e.prev_hash != prev_hash {
            return Some(problem(
                VerifyProblemKind::BrokenLink,
                format!("event {} does not follow its predecessor (prev_hash mismatch)", e.id),
            ));
        }
        if e.expected_hash() != e.hash {
            return Some(problem(
                VerifyProblemKind::HashMismatch,
                format!("event {} ({}) was altered: its contents do not match its hash", e.id, e.kind),
            ));
        }
        prev_hash = e.hash.clone();
    }
    None
}

/// Clears every projection, replays the journal in merge order, compares, and rolls back.
fn rebuild_and_compare(store: &mut Store) -> Result<Vec<VerifyProblem>> {
    let tx = store.conn_mut().transaction_with_behavior(TransactionBehavior::Immediate)?;
    let recorded = dump_projections(&tx)?;
    for table in projection::TABLES {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut problems = Vec::new();
    for entry in journal::in_merge_order(&tx)? {
        match entry.decode() {
            Ok(event) => projection::apply(&tx, &entry, &event)?,
            Err(e) => problems.push(VerifyProblem {
                kind: VerifyProblemKind::UndecodableEvent,
                event_id: Some(entry.id.clone()),
                device_id: Some(entry.device_id.clone()),
                detail: e.to_string(),
            }),
        }
    }
    let rebuilt = dump_projections(&tx)?;
    tx.rollback()?;

    for ((table, rows), (_, fresh)) in recorded.iter().zip(&rebuilt) {
        let differs = rows.len() != fresh.len() || rows.iter().zip(fresh).any(|(a, b)| a.cells != b.cells);
        if !differs {
            continue;
        }
        let index = rows
            .iter()
            .zip(fresh)
            .position(|(a, b)| a.cells != b.cells)
            .unwrap_or(rows.len().min(fresh.len()));
        let event_id = fresh.get(index).or(rows.get(index)).and_then(|r| r.event_id.clone());
        problems.push(VerifyProblem {
            kind: VerifyProblemKind::ProjectionMismatch,
            event_id,
            device_id: None,
            detail: format!(
                "projection {table} differs from its rebuild at row {}: recorded {:?}, rebuilt {:?}",
                index + 1,
                rows.get(index).map(|r| &r.cells),
                fresh.get(index).map(|r| &r.cells),
            ),
        });
    }
    Ok(problems)
}

struct DumpedRow {
    cells: Vec<Value>,
    event_id: Option<String>,
}

fn dump_projections(conn: &rusqlite::Connection) -> Result<Vec<(&'static str, Vec<DumpedRow>)>> {
    let mut out = Vec::new();
    for table in projection::TABLES {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1"))?;
        let event_col = stmt.column_names().position(|c| c == "event_id");
        let n = stmt.column_count();
        let rows = stmt.query_map([], |r| {
            let cells = (0..n).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()?;
            let event_id = event_col.and_then(|i| match &cells[i] {
                Value::Text(t) => Some(t.clone()),
                _ => None,
            });
            Ok(DumpedRow { cells, event_id })
        })?;
        out.push((*table, rows.collect::<rusqlite::Result<Vec<_>>>()?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::{input, now};
    use hamyar_core::profile::ProfileInput;

    fn recorded_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("store");
        crate::profile::save(&mut store, "test", now(), &input()).expect("saved");
        let second = ProfileInput { city: "شیراز".into(), ..input() };
        crate::profile::save(&mut store, "test", now(), &second).expect("saved");
        (dir, store)
    }

    fn drop_guards(store: &Store) {
        store
            .conn()
            .execute_batch("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;")
            .expect("drop triggers");
    }

    fn first_event(store: &Store) -> String {
        store.conn().query_row("SELECT id FROM journal ORDER BY seq LIMIT 1", [], |r| r.get(0)).expect("id")
    }

    #[test]
    fn a_clean_ledger_verifies() {
        let (_dir, mut store) = recorded_store();
        let report = run(&mut store).expect("verify");
        assert!(report.ok, "{report:?}");
        assert_eq!((report.events_checked, report.chains), (2, 1));
    }

    #[test]
    fn the_journal_refuses_update_and_delete() {
        let (_dir, store) = recorded_store();
        let c = store.conn();
        let update = c.execute("UPDATE journal SET payload = '{}'", []).expect_err("update refused");
        assert!(update.to_string().contains("append-only"), "{update}");
        assert!(c.execute("DELETE FROM journal", []).is_err());
    }

    #[test]
    fn an_edited_payload_is_named_by_its_event() {
        let (_dir, mut store) = recorded_store();
        drop_guards(&store);
        let id = first_event(&store);
        store
            .conn()
            .execute("UPDATE journal SET payload = replace(payload, 'تهران', 'کرج') WHERE id = ?1", [&id])
            .expect("tamper");
        let report = run(&mut store).expect("verify");
        assert!(!report.ok);
        assert_eq!(report.problems[0].kind, VerifyProblemKind::HashMismatch);
        assert_eq!(report.problems[0].event_id.as_deref(), Some(id.as_str()));
    }

    #[test]
    fn a_deleted_event_breaks_the_chain() {
        let (_dir, mut store) = recorded_store();
        drop_guards(&store);
        let id = first_event(&store);
        store.conn().execute("DELETE FROM journal WHERE id = ?1", [&id]).expect("tamper");
        let report = run(&mut store).expect("verify");
        assert_eq!(report.problems[0].kind, VerifyProblemKind::SequenceGap, "{report:?}");
    }

    #[test]
    fn an_edited_projection_is_found_and_verify_changes_nothing() {
        let (_dir, mut store) = recorded_store();
        store.conn().execute("UPDATE cooperative_profile SET city = 'قم'", []).expect("tamper");
        let report = run(&mut store).expect("verify");
        assert_eq!(report.problems.len(), 1, "{report:?}");
        assert_eq!(report.problems[0].kind, VerifyProblemKind::ProjectionMismatch);
        // verify rolled its rebuild back: the tampered value is still what is recorded.
        let city: String =
            store.conn().query_row("SELECT city FROM cooperative_profile", [], |r| r.get(0)).expect("city");
        assert_eq!(city, "قم");
    }
}
