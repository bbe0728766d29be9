//! `verify`: SQLite's own integrity check, a re-walk of every device's hash chain, and a rebuild
//! of every projection from the journal compared with what is recorded.

use hamyar_core::ErrorCode;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::{self, GENESIS_HASH};
use crate::{Result, Store, StoreError, projection};

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
///
/// On a file, SQLite's integrity check and the walk of the chains run on a second, read-only
/// connection in another thread while this one replays the journal. Both read the ledger as it
/// was when this connection took the write lock, which it holds until both are done, so nothing
/// can be committed between what the one checks and what the other rebuilds.
pub fn run(store: &mut Store) -> Result<VerifyReport> {
    let reader = store.open_reader()?;
    let conn = store.conn_mut();
    // Cached statements were compiled against the recorded tables; so are they again after.
    conn.flush_prepared_statement_cache();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let outcome = match reader {
        Some(reader) => std::thread::scope(|scope| {
            let journal = scope.spawn(move || check_journal_beside(reader));
            let replayed = replay_and_compare(&tx);
            match journal.join() {
                Ok(journal) => (journal, replayed),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }),
        // An in-memory ledger has this connection only: one check after the other. The
        // integrity check comes before the replay makes its temp copies, which it would check too.
        None => {
            let journal = check_journal(&tx);
            (journal, replay_and_compare(&tx))
        }
    };
    tx.rollback()?;
    conn.flush_prepared_statement_cache();
    let (journal, replayed) = outcome;
    let JournalChecked { mut problems, events_checked, chains } = journal?;
    problems.extend(replayed?);
    for (event_id, detail) in crate::year::checkpoint_problems(store.conn())? {
        problems.push(VerifyProblem {
            kind: VerifyProblemKind::CheckpointMismatch,
            event_id: Some(event_id),
            device_id: None,
            detail,
        });
    }
    Ok(VerifyReport { ok: problems.is_empty(), events_checked, chains, problems })
}

/// What the integrity check and the walk of every chain found.
struct JournalChecked {
    problems: Vec<VerifyProblem>,
    events_checked: u32,
    chains: u32,
}

/// [`check_journal`] on the read-only `reader`, in one read transaction.
fn check_journal_beside(mut reader: rusqlite::Connection) -> Result<JournalChecked> {
    let snapshot = reader.transaction_with_behavior(TransactionBehavior::Deferred)?;
    let checked = check_journal(&snapshot)?;
    snapshot.rollback()?;
    Ok(checked)
}

/// SQLite's integrity check of the file, and every device's chain re-hashed and re-linked.
fn check_journal(conn: &rusqlite::Connection) -> Result<JournalChecked> {
    let mut problems = Vec::new();
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
        let mut walk = ChainWalk::default();
        journal::for_each_in_chain(conn, device, |e| {
            walk.step(&e);
            Ok(())
        })?;
        events_checked = events_checked.saturating_add(walk.events);
        problems.extend(walk.problem);
    }
    Ok(JournalChecked { problems, events_checked, chains: u32::try_from(devices.len()).unwrap_or(u32::MAX) })
}

/// One device's chain, walked in chain order: every event counted, the first problem kept
/// (after it, the rest of the chain is only counted).
struct ChainWalk {
    events: u32,
    prev_hash: String,
    problem: Option<VerifyProblem>,
}

impl Default for ChainWalk {
    fn default() -> Self {
        Self { events: 0, prev_hash: GENESIS_HASH.to_owned(), problem: None }
    }
}

impl ChainWalk {
    fn step(&mut self, e: &journal::JournalEntry) {
        let expected_seq = i64::from(self.events) + 1;
        self.events = self.events.saturating_add(1);
        if self.problem.is_some() {
            return;
        }
        let problem = |kind, detail: String| VerifyProblem {
            kind,
            event_id: Some(e.id.clone()),
            device_id: Some(e.device_id.clone()),
            detail,
        };
        if e.device_seq != expected_seq {
            self.problem = Some(problem(
                VerifyProblemKind::SequenceGap,
                format!("event {} has device_seq {}, expected {expected_seq}", e.id, e.device_seq),
            ));
        } else if e.prev_hash != self.prev_hash {
            self.problem = Some(problem(
                VerifyProblemKind::BrokenLink,
                format!("event {} does not follow its predecessor (prev_hash mismatch)", e.id),
            ));
        } else if e.expected_hash() != e.hash {
            self.problem = Some(problem(
                VerifyProblemKind::HashMismatch,
                format!("event {} ({}) was altered: its contents do not match its hash", e.id, e.kind),
            ));
        } else {
            self.prev_hash.clone_from(&e.hash);
        }
    }
}

/// Replays the journal, in merge order, into fresh copies of every projection table, and
/// compares them with the recorded tables; `tx` is rolled back after.
///
/// The copies are TEMP tables with the recorded tables' own definitions (columns, keys, unique
/// and other indexes, checks, the foreign keys between projections). SQLite resolves an
/// unqualified table name in the temp schema first, so the projection code — the same code
/// that keeps the recorded tables — writes into the copies, and the recorded tables are only
/// read: no page of the ledger file changes, and nothing has to be deleted first (deleting a
/// million production entries one foreign-key check at a time is what made this take hours).
/// The temp schema is created inside the transaction, so the rollback removes it.
fn replay_and_compare(tx: &rusqlite::Connection) -> Result<Vec<VerifyProblem>> {
    let journal_refs = shadow_projection_tables(tx)?;
    let mut problems = Vec::new();
    journal::for_each_in_merge_order(tx, |entry| {
        match entry.decode() {
            Ok(event) => projection::apply(tx, &entry, &event)?,
            Err(e) => problems.push(VerifyProblem {
                kind: VerifyProblemKind::UndecodableEvent,
                event_id: Some(entry.id.clone()),
                device_id: Some(entry.device_id.clone()),
                detail: e.to_string(),
            }),
        }
        Ok(())
    })?;
    for (table, column) in &journal_refs {
        problems.extend(missing_journal_reference(tx, table, column)?);
    }
    for table in projection::TABLES {
        problems.extend(first_difference(tx, table)?);
    }
    Ok(problems)
}

/// Creates `temp.<table>` for every projection table, from the recorded table's definition,
/// and its indexes. A foreign key to the journal cannot point across schemas, so those clauses
/// are left out of the copies and checked after the replay instead; returns them as
/// (table, column).
fn shadow_projection_tables(tx: &rusqlite::Connection) -> Result<Vec<(&'static str, String)>> {
    let unexpected = || StoreError::Refused(ErrorCode::Internal);
    let mut journal_refs = Vec::new();
    for table in projection::TABLES {
        let sql: String = tx.query_row(
            "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?;
        let body = sql.strip_prefix("CREATE TABLE ").ok_or_else(unexpected)?;
        let (body, stripped) = without_journal_references(body);
        let mut declared = Vec::new();
        {
            let mut stmt = tx.prepare(&format!("PRAGMA main.foreign_key_list({table})"))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                if r.get::<_, String>("table")? == "journal" {
                    declared.push(r.get::<_, String>("from")?);
                }
            }
        }
        // Every foreign key to the journal must have been found in the text, or the copy would
        // differ from the table in a way the comparison cannot see.
        if declared.len() != stripped {
            return Err(unexpected());
        }
        tx.execute_batch(&format!("CREATE TEMP TABLE {body}"))?;
        journal_refs.extend(declared.into_iter().map(|column| (*table, column)));

        let triggers: i64 = tx.query_row(
            "SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1",
            [table],
            |r| r.get(0),
        )?;
        if triggers > 0 {
            return Err(unexpected());
        }
        let indexes: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT sql FROM main.sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
            )?;
            let rows = stmt.query_map([table], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for index in indexes {
            if UNUSED_BY_THE_REPLAY.iter().any(|name| index.starts_with(&format!("CREATE INDEX {name} "))) {
                continue;
            }
            let temp = if let Some(rest) = index.strip_prefix("CREATE INDEX ") {
                format!("CREATE INDEX temp.{rest}")
            } else if let Some(rest) = index.strip_prefix("CREATE UNIQUE INDEX ") {
                format!("CREATE UNIQUE INDEX temp.{rest}")
            } else {
                return Err(unexpected());
            };
            tx.execute_batch(&temp)?;
        }
    }
    Ok(journal_refs)
}

/// Non-unique indexes the copies are made without: the replay never looks rows up by them (a
/// reversal finds its entry by `event_id`, the daily totals by their key), the comparison reads
/// the tables in the order of their keys, and on a million production entries keeping them
/// was a quarter of `verify`'s time. An index the projection code does look rows up by must not
/// be named here: without it, each lookup would scan the whole copy.
const UNUSED_BY_THE_REPLAY: &[&str] =
    &["production_entry_date", "production_entry_month", "production_worker_member"];

/// `sql` without its `REFERENCES journal (id)` clauses, and how many there were.
fn without_journal_references(sql: &str) -> (String, usize) {
    let mut out = String::with_capacity(sql.len());
    let mut count = 0;
    let mut rest = sql;
    while let Some(at) = rest.find("REFERENCES journal") {
        let after = &rest[at + "REFERENCES journal".len()..];
        let trimmed = after.trim_start();
        if let Some(tail) = trimmed.strip_prefix("(id)") {
            out.push_str(rest[..at].trim_end_matches(' '));
            rest = tail;
            count += 1;
        } else {
            out.push_str(&rest[..at + "REFERENCES journal".len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    (out, count)
}

/// The first row of the rebuilt `table` whose `column` names an event the journal does not hold.
fn missing_journal_reference(
    tx: &rusqlite::Connection,
    table: &str,
    column: &str,
) -> Result<Option<VerifyProblem>> {
    let missing: Option<String> = tx
        .query_row(
            &format!(
                "SELECT t.\"{column}\" FROM temp.{table} AS t WHERE t.\"{column}\" IS NOT NULL \
                 AND NOT EXISTS (SELECT 1 FROM main.journal AS j WHERE j.id = t.\"{column}\") LIMIT 1"
            ),
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(missing.map(|event_id| VerifyProblem {
        kind: VerifyProblemKind::ProjectionMismatch,
        detail: format!(
            "rebuilt projection {table}.{column} names event {event_id}, which is not in the journal"
        ),
        event_id: Some(event_id),
        device_id: None,
    }))
}

/// Compares `main.<table>` (recorded) with `temp.<table>` (rebuilt), both in the order of all
/// their columns, row by row; the first difference, if any.
fn first_difference(tx: &rusqlite::Connection, table: &str) -> Result<Option<VerifyProblem>> {
    let recorded = tx.prepare(&format!("SELECT * FROM main.{table}"))?;
    let n = recorded.column_count();
    let event_col = recorded.column_names().position(|c| c == "event_id");
    let order = (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
    let mut recorded = tx.prepare(&format!("SELECT * FROM main.{table} ORDER BY {order}"))?;
    let mut rebuilt = tx.prepare(&format!("SELECT * FROM temp.{table} ORDER BY {order}"))?;
    let mut a = recorded.query([])?;
    let mut b = rebuilt.query([])?;
    let mut index = 0_usize;
    loop {
        let (ra, rb) = (a.next()?, b.next()?);
        let same = match (ra, rb) {
            (None, None) => return Ok(None),
            (Some(x), Some(y)) => {
                let mut same = true;
                for i in 0..n {
                    if x.get_ref(i)? != y.get_ref(i)? {
                        same = false;
                        break;
                    }
                }
                same
            }
            _ => false,
        };
        if !same {
            let cells = |row: Option<&rusqlite::Row<'_>>| -> rusqlite::Result<Option<Vec<Value>>> {
                row.map(|r| (0..n).map(|i| r.get::<_, Value>(i)).collect()).transpose()
            };
            let (recorded_cells, rebuilt_cells) = (cells(ra)?, cells(rb)?);
            let event_id =
                rebuilt_cells.as_ref().or(recorded_cells.as_ref()).and_then(|cells| {
                    match event_col.and_then(|i| cells.get(i)) {
                        Some(Value::Text(t)) => Some(t.clone()),
                        _ => None,
                    }
                });
            return Ok(Some(VerifyProblem {
                kind: VerifyProblemKind::ProjectionMismatch,
                event_id,
                device_id: None,
                detail: format!(
                    "projection {table} differs from its rebuild at row {}: recorded {recorded_cells:?}, rebuilt {rebuilt_cells:?}",
                    index + 1,
                ),
            }));
        }
        index += 1;
    }
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

    /// A seeded ledger (members, shares, products, production with workers) and one reversed
    /// production entry, in a file; returns the reversed entry's id.
    fn seeded_store() -> (tempfile::TempDir, Store, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("store");
        let size = crate::seed::SeedSize { members: 6, years: 1, production_per_day: 2 };
        crate::seed::seed(&mut store, "test", now(), size, 5, |_| {}).expect("seeded");
        let id: String = store
            .conn()
            .query_row(
                "SELECT e.event_id FROM production_entry e JOIN production_worker w USING (event_id) \
                 ORDER BY e.date DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .expect("an entry with a worker");
        crate::production::reverse_production(&mut store, "test", now(), &id, "اشتباه در ثبت", true)
            .expect("reversed");
        (dir, store, id)
    }

    /// The ledger's file and its write-ahead log, each as (name, length, SHA-256). The `-shm`
    /// index is left out: readers change it, it holds no data.
    fn ledger_files(dir: &std::path::Path) -> Vec<(String, usize, String)> {
        use sha2::{Digest, Sha256};
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .filter(|path| !path.display().to_string().ends_with("-shm"))
            .map(|path| {
                let bytes = std::fs::read(&path).expect("read");
                (path.display().to_string(), bytes.len(), hex::encode(Sha256::digest(&bytes)))
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_seeded_ledger_verifies_and_verify_writes_nothing_and_leaves_nothing_behind() {
        let (dir, mut store, _) = seeded_store();
        let before = ledger_files(dir.path());
        assert!(before.iter().any(|(name, len, _)| name.ends_with("-wal") && *len > 0), "{before:?}");
        let report = run(&mut store).expect("verify");
        assert!(report.ok, "{report:?}");
        assert_eq!(ledger_files(dir.path()), before, "verify changed the ledger's files");
        // The rebuild's temp copies went with its rollback ...
        let temp: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM temp.sqlite_schema", [], |r| r.get(0))
            .expect("temp");
        assert_eq!(temp, 0);
        // ... so the next action writes into the ledger's own tables, and verifies.
        let entries = |s: &Store| -> i64 {
            s.conn().query_row("SELECT count(*) FROM main.production_entry", [], |r| r.get(0)).expect("count")
        };
        let count = entries(&store);
        let input = hamyar_core::production::ProductionInput {
            date: "2026-11-20".into(),
            product: 1,
            quantity: "3".into(),
            unit_value: "420000".into(),
            ..Default::default()
        };
        crate::production::record_production(&mut store, "test", now(), &input).expect("recorded");
        assert_eq!(entries(&store), count + 1);
        assert!(run(&mut store).expect("verify").ok);
    }

    #[test]
    fn every_edited_deleted_or_added_projection_row_is_found() {
        let tamperings: &[(&str, &str)] = &[
            (
                "production_entry",
                "UPDATE production_entry SET quantity_milli = quantity_milli + 1 WHERE rowid = 3",
            ),
            (
                "production_entry",
                "UPDATE production_entry SET reversed_by = NULL WHERE reversed_by IS NOT NULL",
            ),
            (
                "production_worker",
                "DELETE FROM production_worker WHERE rowid = (SELECT max(rowid) FROM production_worker)",
            ),
            (
                "production_daily",
                "UPDATE production_daily SET entries = entries + 1 WHERE date = (SELECT min(date) FROM production_daily)",
            ),
            (
                "production_daily",
                "DELETE FROM production_daily WHERE date = (SELECT max(date) FROM production_daily)",
            ),
            ("member", "UPDATE member SET last_name = 'جعلی' WHERE membership_no = 4"),
            ("share_line", "UPDATE share_line SET paid = paid * 2 WHERE membership_no = 2 AND paid > 0"),
            (
                "product",
                "INSERT INTO product (product, name, unit, updated_at, event_id) \
              SELECT 99, 'کالای جعلی', unit, updated_at, event_id FROM product LIMIT 1",
            ),
        ];
        for (table, tamper) in tamperings {
            let (_dir, mut store, _) = seeded_store();
            let changed = store.conn().execute(tamper, []).expect("tamper");
            assert!(changed > 0, "{tamper} changed nothing");
            let report = run(&mut store).expect("verify");
            assert_eq!(report.problems.len(), 1, "{tamper}: {report:?}");
            let problem = &report.problems[0];
            assert_eq!(problem.kind, VerifyProblemKind::ProjectionMismatch, "{tamper}");
            assert!(
                problem.detail.starts_with(&format!("projection {table} ")),
                "{tamper}: {}",
                problem.detail
            );
        }
    }

    #[test]
    fn an_edited_row_is_named_by_its_event() {
        let (_dir, mut store, reversed) = seeded_store();
        store
            .conn()
            .execute("UPDATE production_entry SET workshop = 'خط ۹' WHERE event_id = ?1", [&reversed])
            .expect("tamper");
        let report = run(&mut store).expect("verify");
        assert_eq!(report.problems.len(), 1, "{report:?}");
        assert_eq!(report.problems[0].event_id.as_deref(), Some(reversed.as_str()));
    }

    #[test]
    fn the_copies_leave_out_only_the_references_to_the_journal() {
        let (sql, n) = without_journal_references(
            "t (\n a TEXT PRIMARY KEY REFERENCES journal (id),\n b TEXT REFERENCES journal(id), \
             c TEXT REFERENCES journal_archive (id), d TEXT REFERENCES t (a)\n) STRICT",
        );
        assert_eq!(n, 2);
        assert_eq!(
            sql,
            "t (\n a TEXT PRIMARY KEY,\n b TEXT, c TEXT REFERENCES journal_archive (id), d TEXT REFERENCES t (a)\n) STRICT"
        );
    }

    #[test]
    fn the_indexes_left_off_the_copies_are_non_unique_indexes_of_projections() {
        let store = Store::open_in_memory().expect("store");
        for name in UNUSED_BY_THE_REPLAY {
            let (table, sql): (String, String) = store
                .conn()
                .query_row(
                    "SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .expect("the index exists");
            assert!(projection::TABLES.contains(&table.as_str()), "{name} is on {table}");
            assert!(sql.starts_with(&format!("CREATE INDEX {name} ")), "{sql}");
        }
    }

    #[test]
    fn a_rebuilt_row_naming_an_event_the_journal_lacks_is_a_problem() {
        let (_dir, mut store) = recorded_store();
        let tx = store.conn_mut().transaction().expect("tx");
        let refs = shadow_projection_tables(&tx).expect("copies");
        assert!(refs.contains(&("cooperative_profile", "event_id".to_owned())), "{refs:?}");
        assert_eq!(missing_journal_reference(&tx, "cooperative_profile", "event_id").expect("check"), None);
        tx.execute_batch(
            "INSERT INTO temp.cooperative_profile SELECT * FROM main.cooperative_profile; \
             UPDATE temp.cooperative_profile SET event_id = 'no-such-event';",
        )
        .expect("rebuilt row");
        let problem = missing_journal_reference(&tx, "cooperative_profile", "event_id").expect("check");
        assert_eq!(problem.and_then(|p| p.event_id).as_deref(), Some("no-such-event"));
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
