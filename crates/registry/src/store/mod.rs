//! The registry's storage: one SQLite file by default, or a PostgreSQL database when `--db` is a
//! `postgres://` (or `postgresql://`) URL. Both backends keep the same tables and behave alike;
//! the SQL of each lives in its own module ([`sqlite`], [`postgres`]) behind [`Tx`], the
//! statements one transaction can run. Everything else (the use-cases in [`codes`],
//! [`cooperatives`] and [`reports`], the registry's key, the migration rule) is shared.
//!
//! Every use-case is one transaction, committed when it returns `Ok` and rolled back otherwise.
//! SQLite runs writers one at a time (IMMEDIATE); PostgreSQL runs them SERIALIZABLE and runs a
//! transaction again when the database says it lost a race, so racing uploads of one report
//! still store it once.

pub mod codes;
pub mod cooperatives;
pub mod postgres;
pub mod reports;
pub mod sqlite;

use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::protocol::{KeyPair, Receipt};

use crate::error::{RegistryError, Result};
use reports::{Held, ReportRow};

/// The schema version this binary writes (each backend has this many migrations).
pub const SCHEMA_VERSION: u32 = 1;

/// Whether a transaction may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reads only.
    Read,
    /// Reads and writes, serialized against every other writer.
    Write,
}

/// A report about to be stored, with the receipt made for it.
#[derive(Debug, Clone, Copy)]
pub struct NewReport<'a> {
    /// The registry's running number.
    pub seq: i64,
    /// The receipt (registry number, report id, legal ID, period, time, content hash).
    pub receipt: &'a Receipt,
    /// The receipt as given, JSON.
    pub receipt_json: &'a str,
    /// The body bytes verbatim.
    pub body: &'a [u8],
    /// The sender's key (lower-case hex).
    pub public_key: &'a str,
    /// The sender's signature.
    pub signature: &'a str,
    /// The report this one corrects.
    pub supersedes: Option<&'a str>,
}

/// An enrolment about to be recorded.
#[derive(Debug, Clone, Copy)]
pub struct NewEnrolment<'a> {
    /// The cooperative.
    pub legal_id: &'a str,
    /// Its key from now on (lower-case hex).
    pub public_key: &'a str,
    /// The hash of the code it used.
    pub code_hash: &'a str,
    /// When.
    pub enrolled_at: &'a str,
}

/// The statements a use-case runs inside one transaction; each backend implements them in its
/// own SQL. Times are the protocol's strings ([`timestamp`]).
pub trait Tx {
    /// The registry key's seed (hex), once made.
    fn registry_seed(&mut self) -> Result<Option<String>>;
    /// Records the registry key.
    fn insert_registry_key(&mut self, seed_hex: &str, public_key: &str, created_at: &str) -> Result<()>;
    /// Records an enrolment code's hash for `legal_id`.
    fn insert_code(&mut self, code_hash: &str, legal_id: &str, issued_at: &str) -> Result<()>;
    /// Whether the code with `code_hash` was issued for `legal_id` and never used.
    fn code_is_unused(&mut self, code_hash: &str, legal_id: &str) -> Result<bool>;
    /// Marks the code used; whether it was issued for `legal_id` and unused until now.
    fn use_code(&mut self, code_hash: &str, legal_id: &str, used_at: &str) -> Result<bool>;
    /// The legal ID `public_key` is currently enrolled for.
    fn cooperative_of(&mut self, public_key: &str) -> Result<Option<String>>;
    /// Makes `public_key` the cooperative's current key and records the enrolment.
    fn enrol(&mut self, enrolment: &NewEnrolment<'_>) -> Result<()>;
    /// The stored report `report_id`.
    fn report(&mut self, report_id: &str) -> Result<Option<Held>>;
    /// Whether `report_id` is a report of `legal_id` for `period` that nothing supersedes yet.
    fn is_open(&mut self, report_id: &str, legal_id: &str, period: &str) -> Result<bool>;
    /// The next registry number.
    fn next_seq(&mut self) -> Result<i64>;
    /// Stores a report.
    fn insert_report(&mut self, report: &NewReport<'_>) -> Result<()>;
    /// Marks `report_id` superseded by `by` (the one change a stored report ever gets).
    fn mark_superseded(&mut self, report_id: &str, by: &str) -> Result<()>;
    /// Every stored report in the order received.
    fn reports(&mut self) -> Result<Vec<ReportRow>>;
}

/// The registry's database, on either backend.
#[derive(Debug)]
pub enum Store {
    /// A SQLite file.
    Sqlite(sqlite::Sqlite),
    /// A PostgreSQL database (its pool and settings, boxed: they are much larger than a file's).
    Postgres(Box<postgres::Postgres>),
}

impl Store {
    /// Opens the database `target` names (a file path, or a PostgreSQL URL), creating the file
    /// or the tables if needed and migrating them forward; a database from a newer binary is
    /// refused.
    pub fn open(target: &str) -> Result<Self> {
        Self::open_as(target, Create::IfMissing)
    }

    /// Opens the registry database `target` names only if it exists: a mistyped path or an
    /// empty PostgreSQL database is an error, not an empty registry.
    pub fn open_existing(target: &str) -> Result<Self> {
        Self::open_as(target, Create::Never)
    }

    fn open_as(target: &str, create: Create) -> Result<Self> {
        Ok(if is_postgres_url(target) {
            Self::Postgres(Box::new(postgres::Postgres::open(target, create)?))
        } else {
            Self::Sqlite(sqlite::Sqlite::open(Path::new(target), create)?)
        })
    }

    /// Runs `work` in one transaction that may write; commits if it returns `Ok`. On
    /// PostgreSQL `work` may run more than once, each time in a fresh transaction.
    pub fn write<T>(&self, work: impl FnMut(&mut dyn Tx) -> Result<T>) -> Result<T> {
        self.run(Mode::Write, work)
    }

    /// Runs `work` in one read-only transaction.
    pub fn read<T>(&self, work: impl FnMut(&mut dyn Tx) -> Result<T>) -> Result<T> {
        self.run(Mode::Read, work)
    }

    fn run<T>(&self, mode: Mode, mut work: impl FnMut(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match self {
            Self::Sqlite(db) => db.run(mode, &mut work),
            Self::Postgres(db) => db.run(mode, &mut work),
        }
    }
}

/// Whether opening may create the database's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// Create the file or the tables when they are missing.
    IfMissing,
    /// Refuse a missing file or a database without the registry's tables.
    Never,
}

/// Whether `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    let lower = db.to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// The migrations a database at schema version `found` still needs, each with the version it
/// brings the database to; migration `i` of `migrations` brings version `i` to `i + 1`.
fn pending(found: u32, migrations: &'static [&'static str]) -> Result<Vec<(u32, &'static str)>> {
    if found > SCHEMA_VERSION {
        return Err(RegistryError::NewerDatabase { found, supported: SCHEMA_VERSION });
    }
    Ok((found..SCHEMA_VERSION)
        .zip(migrations.iter().skip(found as usize))
        .map(|(v, sql)| (v + 1, *sql))
        .collect())
}

/// The registry's signing key, generated from the OS's randomness the first time and kept in
/// the database from then on.
pub fn registry_key(store: &Store, now: DateTime<Utc>) -> Result<KeyPair> {
    store.write(|tx| match tx.registry_seed()? {
        Some(seed) => KeyPair::from_seed_hex(&seed).ok_or(RegistryError::UnreadableKey),
        None => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed)?;
            let key = KeyPair::from_seed(seed);
            tx.insert_registry_key(&key.seed_hex(), &key.public_hex(), &timestamp(now))?;
            Ok(key)
        }
    })
}

/// The protocol's time format: RFC 3339, UTC, whole seconds, `Z`.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A registry file in a temporary folder, for the unit tests.
#[cfg(test)]
pub(crate) fn temp_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("registry.db").to_str().expect("utf8").to_owned();
    (dir, path)
}

/// A fresh registry in a temporary folder, for the unit tests.
#[cfg(test)]
pub(crate) fn temp_store() -> (tempfile::TempDir, Store) {
    let (dir, path) = temp_file();
    (dir, Store::open(&path).expect("open"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_key_is_made_once_and_kept() {
        let (_dir, path) = temp_file();
        let first = registry_key(&Store::open(&path).expect("open"), Utc::now()).expect("key");
        let again = registry_key(&Store::open(&path).expect("reopen"), Utc::now()).expect("key");
        assert_eq!(first.public_hex(), again.public_hex());
    }

    #[test]
    fn postgres_urls_are_recognised_in_either_spelling() {
        assert!(is_postgres_url("postgres://registry@db/registry"));
        assert!(is_postgres_url("PostgreSQL://db/registry"));
        assert!(!is_postgres_url("/var/lib/hamyar/registry.db"));
    }

    #[test]
    fn pending_migrations_start_after_the_found_version_and_a_newer_database_is_refused() {
        static TWO: &[&str] = &["first"];
        assert_eq!(pending(0, TWO).expect("pending"), [(1, "first")]);
        assert!(pending(SCHEMA_VERSION, TWO).expect("pending").is_empty());
        assert!(matches!(pending(SCHEMA_VERSION + 1, TWO), Err(RegistryError::NewerDatabase { .. })));
    }

    #[test]
    fn timestamps_are_whole_seconds_in_utc() {
        let at = DateTime::parse_from_rfc3339("2026-03-01T10:20:30.123+03:30").expect("time");
        assert_eq!(timestamp(at.with_timezone(&Utc)), "2026-03-01T06:50:30Z");
    }
}
