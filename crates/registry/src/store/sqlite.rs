//! The SQLite backend: one file in WAL mode, `synchronous=FULL`, one connection; every writing
//! transaction is IMMEDIATE, so writers run one at a time. All of its SQL is here (and in
//! `migrations/sqlite/`).

use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::reports::{Held, ReportRow};
use super::{Create, Mode, NewEnrolment, NewReport, Tx, pending};
use crate::error::{RegistryError, Result};

/// Embedded migrations; migration `i` brings `user_version` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/sqlite/0001_registry.sql")];
const _: () = assert!(MIGRATIONS.len() == super::SCHEMA_VERSION as usize);

/// An open registry file.
#[derive(Debug)]
pub struct Sqlite {
    conn: Mutex<Connection>,
}

impl Sqlite {
    /// Opens the file at `path` (creating it if `create` allows): WAL, `synchronous=FULL`,
    /// foreign keys, a busy timeout (the CLI may issue codes while the server runs); migrates
    /// it forward and refuses a file from a newer binary.
    pub fn open(path: &Path, create: Create) -> Result<Self> {
        if create == Create::Never && !path.exists() {
            return Err(RegistryError::NoDatabase(format!("no registry database at {}", path.display())));
        }
        // Two servers starting at once on a new file both switch it to WAL and migrate it; the
        // loser of that race can get SQLITE_BUSY at once (SQLite skips the busy handler where
        // waiting could deadlock), so the whole opening is tried again for a few seconds.
        let mut attempt = 0;
        loop {
            match Self::open_once(path) {
                Err(RegistryError::Sqlite(e)) if is_busy(&e) && attempt < 100 => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }

    fn open_once(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        migrate(&mut conn)?;
        Ok(Self { conn: Mutex::new(conn) })
    }

    /// Runs `work` in one transaction (IMMEDIATE when it writes); commits on `Ok`.
    pub fn run<T>(&self, mode: Mode, work: &mut dyn FnMut(&mut dyn Tx) -> Result<T>) -> Result<T> {
        // A panic mid-transaction rolled it back as it unwound: the connection is sound.
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        let behavior = match mode {
            Mode::Read => TransactionBehavior::Deferred,
            Mode::Write => TransactionBehavior::Immediate,
        };
        let tx = conn.transaction_with_behavior(behavior)?;
        let value = work(&mut SqliteTx(&tx))?;
        tx.commit()?;
        Ok(value)
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (version, sql) in pending(found, MIGRATIONS)? {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
    }
    tx.commit()?;
    Ok(())
}

struct SqliteTx<'a>(&'a Transaction<'a>);

impl Tx for SqliteTx<'_> {
    fn registry_seed(&mut self) -> Result<Option<String>> {
        Ok(self.0.query_row("SELECT seed_hex FROM registry_key WHERE id = 1", [], |r| r.get(0)).optional()?)
    }

    fn insert_registry_key(&mut self, seed_hex: &str, public_key: &str, created_at: &str) -> Result<()> {
        self.0.execute(
            "INSERT INTO registry_key (id, seed_hex, public_key, created_at) VALUES (1, ?1, ?2, ?3)",
            (seed_hex, public_key, created_at),
        )?;
        Ok(())
    }

    fn insert_code(&mut self, code_hash: &str, legal_id: &str, issued_at: &str) -> Result<()> {
        self.0.execute(
            "INSERT INTO enrolment_codes (code_hash, legal_id, issued_at) VALUES (?1, ?2, ?3)",
            (code_hash, legal_id, issued_at),
        )?;
        Ok(())
    }

    fn code_is_unused(&mut self, code_hash: &str, legal_id: &str) -> Result<bool> {
        Ok(self.0.query_row(
            "SELECT EXISTS (SELECT 1 FROM enrolment_codes
                            WHERE code_hash = ?1 AND legal_id = ?2 AND used_at IS NULL)",
            (code_hash, legal_id),
            |r| r.get(0),
        )?)
    }

    fn use_code(&mut self, code_hash: &str, legal_id: &str, used_at: &str) -> Result<bool> {
        let changed = self.0.execute(
            "UPDATE enrolment_codes SET used_at = ?1 WHERE code_hash = ?2 AND legal_id = ?3 AND used_at IS NULL",
            (used_at, code_hash, legal_id),
        )?;
        Ok(changed == 1)
    }

    fn cooperative_of(&mut self, public_key: &str) -> Result<Option<String>> {
        Ok(self
            .0
            .query_row("SELECT legal_id FROM cooperatives WHERE public_key = ?1", [public_key], |r| r.get(0))
            .optional()?)
    }

    fn enrol(&mut self, e: &NewEnrolment<'_>) -> Result<()> {
        self.0.execute(
            "INSERT INTO cooperatives (legal_id, public_key, enrolled_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (legal_id) DO UPDATE
             SET public_key = excluded.public_key, enrolled_at = excluded.enrolled_at",
            (e.legal_id, e.public_key, e.enrolled_at),
        )?;
        self.0.execute(
            "INSERT INTO enrolments (legal_id, public_key, code_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4)",
            (e.legal_id, e.public_key, e.code_hash, e.enrolled_at),
        )?;
        Ok(())
    }

    fn report(&mut self, report_id: &str) -> Result<Option<Held>> {
        Ok(self
            .0
            .query_row(
                "SELECT legal_id, content_hash, superseded_by, receipt FROM reports WHERE report_id = ?1",
                [report_id],
                |r| {
                    Ok(Held {
                        legal_id: r.get(0)?,
                        content_hash: r.get(1)?,
                        superseded_by: r.get(2)?,
                        receipt: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    fn is_open(&mut self, report_id: &str, legal_id: &str, period: &str) -> Result<bool> {
        Ok(self.0.query_row(
            "SELECT EXISTS (SELECT 1 FROM reports
                            WHERE report_id = ?1 AND legal_id = ?2 AND period = ?3 AND superseded_by IS NULL)",
            (report_id, legal_id, period),
            |r| r.get(0),
        )?)
    }

    fn next_seq(&mut self) -> Result<i64> {
        Ok(self.0.query_row("SELECT coalesce(max(seq), 0) + 1 FROM reports", [], |r| r.get(0))?)
    }

    fn insert_report(&mut self, report: &NewReport<'_>) -> Result<()> {
        let receipt = report.receipt;
        self.0.execute(
            "INSERT INTO reports (seq, registry_id, report_id, legal_id, period, body, content_hash,
                                  public_key, signature, received_at, supersedes, receipt)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            rusqlite::params![
                report.seq,
                receipt.registry_id,
                receipt.report_id,
                receipt.legal_id,
                receipt.period,
                report.body,
                receipt.content_hash,
                report.public_key,
                report.signature,
                receipt.received_at,
                report.supersedes,
                report.receipt_json,
            ],
        )?;
        Ok(())
    }

    fn mark_superseded(&mut self, report_id: &str, by: &str) -> Result<()> {
        self.0.execute("UPDATE reports SET superseded_by = ?1 WHERE report_id = ?2", (by, report_id))?;
        Ok(())
    }

    fn reports(&mut self) -> Result<Vec<ReportRow>> {
        let mut stmt = self.0.prepare(
            "SELECT registry_id, report_id, legal_id, period, received_at, content_hash, supersedes, superseded_by
             FROM reports ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| {
            let text = [r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
            Ok(ReportRow::new(text, r.get(6)?, r.get(7)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{SCHEMA_VERSION, Store, codes, cooperatives, reports, temp_file};
    use chrono::Utc;
    use hamyar_core::protocol::KeyPair;

    #[test]
    fn a_database_from_a_newer_binary_is_refused() {
        let (_dir, path) = temp_file();
        drop(Store::open(&path).expect("open"));
        let conn = Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
        drop(conn);
        assert!(matches!(Store::open(&path), Err(RegistryError::NewerDatabase { .. })));
    }

    #[test]
    fn a_missing_file_is_not_created_when_it_must_exist() {
        let (_dir, path) = temp_file();
        assert!(matches!(Store::open_existing(&path), Err(RegistryError::NoDatabase(_))));
        assert!(!Path::new(&path).exists());
    }

    #[test]
    fn every_enrolment_stays_on_record() {
        let (_dir, path) = temp_file();
        let store = Store::open(&path).expect("open");
        for key in ["aa", "bb"] {
            let code = codes::issue(&store, "14100001233", Utc::now()).expect("code");
            cooperatives::enrol(&store, "14100001233", &code, key, Utc::now()).expect("enrol");
        }
        let conn = Connection::open(&path).expect("raw open");
        let kept: i64 = conn.query_row("SELECT count(*) FROM enrolments", [], |r| r.get(0)).expect("count");
        assert_eq!(kept, 2);
    }

    #[test]
    fn the_code_itself_is_not_stored() {
        let (_dir, path) = temp_file();
        let code =
            codes::issue(&Store::open(&path).expect("open"), "14100001233", Utc::now()).expect("issue");
        let conn = Connection::open(&path).expect("raw open");
        let stored: String =
            conn.query_row("SELECT code_hash FROM enrolment_codes", [], |r| r.get(0)).expect("row");
        assert!(!stored.contains(&code.replace('-', "")));
    }

    #[test]
    fn stored_reports_cannot_be_rewritten_or_deleted() {
        let (_dir, path) = temp_file();
        let store = Store::open(&path).expect("open");
        let key = KeyPair::from_seed([1; 32]);
        let doc = reports::tests::document("r1", None);
        let incoming = reports::Incoming { document: &doc, body: b"1", public_key: "aa", signature: "bb" };
        reports::accept(&store, &key, incoming, Utc::now()).expect("accept");
        let conn = Connection::open(&path).expect("raw open");
        assert!(conn.execute("UPDATE reports SET body = x'00'", []).is_err());
        assert!(conn.execute("DELETE FROM reports", []).is_err());
    }
}
