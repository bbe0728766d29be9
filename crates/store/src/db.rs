//! The one place a connection is opened: pragmas, forward-only migrations, the local device,
//! and the IMMEDIATE transaction every user action runs in.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::access::{Actor, Role};
use hamyar_core::event::Event;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::journal::{self, JournalEntry};
use crate::{Result, StoreError, projection};

/// Embedded migrations; migration `i` brings `user_version` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_journal.sql"),
    include_str!("../migrations/0002_members_shares.sql"),
    include_str!("../migrations/0003_production.sql"),
    include_str!("../migrations/0004_meetings.sql"),
    include_str!("../migrations/0005_production_daily.sql"),
    include_str!("../migrations/0006_office_vacancies.sql"),
    include_str!("../migrations/0007_year_end.sql"),
    include_str!("../migrations/0008_reports.sql"),
    include_str!("../migrations/0009_member_admission.sql"),
    include_str!("../migrations/0010_users.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// An open ledger.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    device_id: String,
    path: PathBuf,
    /// The person at the keyboard, when users are on (docs/users.md); `None` in single-user mode.
    actor: Option<Actor>,
    /// The passphrase of an encrypted ledger (in memory only, for its backups; crypt.rs).
    key: Option<crate::crypt::Passphrase>,
}

impl Store {
    /// Opens (creating if needed) the ledger file at `path`: WAL, `synchronous=FULL`, foreign
    /// keys, a busy timeout; migrates it forward; refuses a file from a newer binary.
    /// An encrypted file is `ledger_locked` here: [`crate::crypt::open`] takes its passphrase.
    pub fn open(path: &Path) -> Result<Self> {
        if crate::crypt::is_encrypted(path)? {
            return Err(StoreError::Refused(hamyar_core::ErrorCode::LedgerLocked));
        }
        let conn = Connection::open(path)?;
        Self::from_connection(conn, path.to_path_buf())
    }

    /// An encrypted ledger whose connection `key` was applied to and proved.
    pub(crate) fn from_keyed(conn: Connection, path: PathBuf, key: crate::crypt::Passphrase) -> Result<Self> {
        let mut store = Self::from_connection(conn, path)?;
        store.key = Some(key);
        Ok(store)
    }

    /// The passphrase this ledger was opened with, when it is encrypted.
    pub fn key(&self) -> Option<&crate::crypt::Passphrase> {
        self.key.as_ref()
    }

    /// Opens `DATABASE_FILE` inside `dir`, creating the folder first.
    pub fn open_in(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        Self::open(&dir.join(crate::paths::DATABASE_FILE))
    }

    /// An in-memory ledger, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::from_connection(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn from_connection(mut conn: Connection, path: PathBuf) -> Result<Self> {
        conn.busy_timeout(Duration::from_secs(10))?;
        // journal_mode answers with the mode it set; an in-memory database stays "memory".
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        migrate(&mut conn)?;
        let device_id = local_device(&mut conn)?;
        Ok(Self { conn, device_id, path, actor: None, key: None })
    }

    /// This installation's device id (its journal chain).
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    /// The file this ledger lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for read queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// A second connection to the ledger's file, read-only, for checks that run beside work on
    /// this one (`verify`); keyed like this one when the ledger is encrypted. `None` for an
    /// in-memory ledger, which no other connection can see.
    pub(crate) fn open_reader(&self) -> Result<Option<Connection>> {
        let file = match self.conn.path() {
            Some(file) if !file.is_empty() => file,
            _ => return Ok(None),
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(file, flags)?;
        if let Some(key) = &self.key {
            crate::crypt::apply_key(&conn, key)?;
        }
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        conn.pragma_update(None, "query_only", "ON")?;
        Ok(Some(conn))
    }

    /// Sets who is at the keyboard. With an actor, every append is judged against the actor's
    /// role and recorded with the actor's username as its author; with none, appends are allowed
    /// only while no user account exists (single-user mode).
    pub fn set_actor(&mut self, actor: Option<Actor>) {
        self.actor = actor;
    }

    /// Who is at the keyboard, if anyone is logged in.
    pub fn actor(&self) -> Option<&Actor> {
        self.actor.as_ref()
    }

    /// Runs one user action in one IMMEDIATE transaction: every event it appends and every
    /// projection it updates commit together, or nothing does. With an actor set, `author` is
    /// replaced by the actor's username.
    pub fn write<T>(
        &mut self,
        author: &str,
        now: DateTime<Utc>,
        action: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let (author, role) = match &self.actor {
            Some(actor) => (actor.username.as_str(), Some(actor.role)),
            None => (author, None),
        };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut writer = Writer { tx, device_id: &self.device_id, author, role, users_on: None, now };
        let out = action(&mut writer)?;
        writer.tx.commit()?;
        Ok(out)
    }
}

/// A transaction in progress: appends events and updates their projections.
#[derive(Debug)]
pub struct Writer<'a> {
    tx: Transaction<'a>,
    device_id: &'a str,
    author: &'a str,
    role: Option<Role>,
    /// Whether any user account exists, asked once per action when there is no actor.
    users_on: Option<bool>,
    now: DateTime<Utc>,
}

impl Writer<'_> {
    /// Appends `event` to this device's chain and applies it to the projections.
    pub fn append(&mut self, event: &Event) -> Result<JournalEntry> {
        self.append_judged(event, None)
    }

    /// Appends an event that was judged under statute-profile `version`, recorded with it.
    pub fn append_judged(&mut self, event: &Event, version: Option<u32>) -> Result<JournalEntry> {
        self.judge(event.kind())?;
        let entry = journal::append(&self.tx, self.device_id, self.author, self.now, event, version)?;
        projection::apply(&self.tx, &entry, event)?;
        Ok(entry)
    }

    /// Refuses, before anything is written, an event the actor's role may not append
    /// (`role_forbidden`), or any event when users exist and nobody is logged in (`login_required`).
    fn judge(&mut self, kind: &str) -> Result<()> {
        match self.role {
            Some(role) if role.may_append(kind) => Ok(()),
            Some(role) => Err(crate::users::forbidden(role, kind)),
            None => {
                let users_on = match self.users_on {
                    Some(on) => on,
                    None => crate::users::any(&self.tx)?,
                };
                self.users_on = Some(users_on);
                if users_on { Err(StoreError::Refused(ErrorCode::LoginRequired)) } else { Ok(()) }
            }
        }
    }

    /// The transaction, for reads that must see this action's own writes.
    pub fn conn(&self) -> &Connection {
        &self.tx
    }

    /// The action's time.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerDatabase { found: version, supported: SCHEMA_VERSION });
        }
        let Some(sql) = MIGRATIONS.get(version as usize) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

fn local_device(conn: &mut Connection) -> Result<String> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let existing: Option<String> =
        tx.query_row("SELECT id FROM device WHERE is_local = 1", [], |r| r.get(0)).optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            let id = uuid::Uuid::now_v7().to_string();
            let created = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
            tx.execute("INSERT INTO device (id, is_local, created_at) VALUES (?1, 1, ?2)", (&id, created))?;
            id
        }
    };
    tx.commit()?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_sets_the_pragmas_and_the_schema_version() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open_in(dir.path()).expect("opens");
        let c = store.conn();
        let mode: String = c.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("pragma");
        let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).expect("pragma");
        let fk: i64 = c.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).expect("pragma");
        let version: u32 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("pragma");
        assert_eq!((mode.as_str(), sync, fk, version), ("wal", 2, 1, SCHEMA_VERSION));
    }

    #[test]
    fn reopening_keeps_the_device_and_does_not_migrate_twice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = Store::open_in(dir.path()).expect("opens").device_id().to_owned();
        let again = Store::open_in(dir.path()).expect("reopens");
        assert_eq!(again.device_id(), first);
    }

    #[test]
    fn a_newer_database_is_refused_with_both_versions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("future.sqlite3");
        let conn = Connection::open(&path).expect("sqlite");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7).expect("pragma");
        drop(conn);
        match Store::open(&path) {
            Err(StoreError::NewerDatabase { found, supported }) => {
                assert_eq!((found, supported), (SCHEMA_VERSION + 7, SCHEMA_VERSION));
            }
            other => panic!("expected NewerDatabase, got {other:?}"),
        }
    }

    #[test]
    fn a_file_that_is_not_a_database_is_an_integrity_failure() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("garbage.sqlite3");
        std::fs::write(&path, vec![0x5a_u8; 8192]).expect("write");
        let err = Store::open(&path).expect_err("refused");
        assert_eq!(err.code(), hamyar_core::ErrorCode::IntegrityFailed, "{err}");
    }
}
