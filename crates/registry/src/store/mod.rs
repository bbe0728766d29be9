//! The registry's SQLite file: the one place a connection is opened (pragmas, forward-only
//! migrations, the registry's own key). The tables each have a module; the use-cases that
//! span several (enrolment, accepting a report) open one IMMEDIATE transaction each.

pub mod codes;
pub mod cooperatives;
pub mod reports;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::protocol::KeyPair;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::error::{RegistryError, Result};

/// Embedded migrations; migration `i` brings `user_version` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/0001_registry.sql")];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Opens (creating if needed) the registry database at `path`: WAL, `synchronous=FULL`,
/// foreign keys, a busy timeout (the CLI may issue codes while the server runs); migrates it
/// forward and refuses a file from a newer binary.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(RegistryError::NewerDatabase { found: version, supported: SCHEMA_VERSION });
        }
        let Some(sql) = MIGRATIONS.get(version as usize) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}

/// The registry's signing key, generated from the OS's randomness the first time and kept in
/// the database from then on.
pub fn registry_key(conn: &mut Connection, now: DateTime<Utc>) -> Result<KeyPair> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let stored: Option<String> =
        tx.query_row("SELECT seed_hex FROM registry_key WHERE id = 1", [], |r| r.get(0)).optional()?;
    let key = match stored {
        Some(seed) => KeyPair::from_seed_hex(&seed).ok_or(RegistryError::UnreadableKey)?,
        None => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed)?;
            let key = KeyPair::from_seed(seed);
            tx.execute(
                "INSERT INTO registry_key (id, seed_hex, public_key, created_at) VALUES (1, ?1, ?2, ?3)",
                (key.seed_hex(), key.public_hex(), timestamp(now)),
            )?;
            key
        }
    };
    tx.commit()?;
    Ok(key)
}

/// The protocol's time format: RFC 3339, UTC, whole seconds, `Z`.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_key_is_made_once_and_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("registry.db");
        let first = registry_key(&mut open(&path).expect("open"), Utc::now()).expect("key");
        let again = registry_key(&mut open(&path).expect("reopen"), Utc::now()).expect("key");
        assert_eq!(first.public_hex(), again.public_hex());
    }

    #[test]
    fn a_database_from_a_newer_binary_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("registry.db");
        drop(open(&path).expect("open"));
        let conn = Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("bump");
        drop(conn);
        assert!(matches!(open(&path), Err(RegistryError::NewerDatabase { .. })));
    }

    #[test]
    fn timestamps_are_whole_seconds_in_utc() {
        let at = DateTime::parse_from_rfc3339("2026-03-01T10:20:30.123+03:30").expect("time");
        assert_eq!(timestamp(at.with_timezone(&Utc)), "2026-03-01T06:50:30Z");
    }
}
