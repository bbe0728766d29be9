//! What the store's integration tests share: Jalali instants, the refusal reason, and the
//! byte-for-byte fingerprint a refusal must leave unchanged.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

use chrono::{DateTime, NaiveTime, Utc};
use hamyar_core::jalali::JalaliDate;
use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::{Store, StoreError};
use sha2::{Digest, Sha256};

/// Noon in Tehran on a Jalali day.
pub fn on(y: i32, m: u8, d: u8) -> DateTime<Utc> {
    let day = JalaliDate::new(y, m, d).and_then(JalaliDate::to_gregorian).expect("valid day");
    day.and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap()).and_utc()
}

/// The code a refusal gives: the first field's for `validation_failed`, else its own.
pub fn reason(e: &IpcError) -> ErrorCode {
    match (&e.code, &e.details) {
        (ErrorCode::ValidationFailed, Some(d)) if !d.fields.is_empty() => d.fields[0].code,
        (code, _) => *code,
    }
}

/// The database file and its WAL, hashed: a refusal must leave both exactly as they were.
pub fn fingerprint(store: &Store) -> String {
    let path = store.path().to_path_buf();
    let mut h = Sha256::new();
    for p in [path.clone(), path.with_extension("sqlite3-wal")] {
        h.update(std::fs::read(&p).unwrap_or_default());
    }
    format!("{:x}", h.finalize())
}

/// Asserts that `action` is refused with `code` and leaves the file untouched.
pub fn refused<T: std::fmt::Debug>(
    store: &mut Store,
    what: &str,
    code: ErrorCode,
    action: impl FnOnce(&mut Store) -> Result<T, StoreError>,
) {
    let before = fingerprint(store);
    let err = action(store).expect_err(what);
    assert_eq!(reason(&err.to_ipc()), code, "{what}: {err:?}");
    assert_eq!(fingerprint(store), before, "{what}: a refusal changed the file");
}
