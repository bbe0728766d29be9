//! Cooperatives (تعاونی‌ها) and their enrolled keys: one current key per legal ID, every
//! enrolment kept on record.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::{codes, timestamp};
use crate::error::Result;

/// How an enrolment ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Enrolled {
    /// The key is now the cooperative's; any earlier key no longer is.
    Done {
        /// When (the protocol's time format).
        enrolled_at: String,
    },
    /// The code is unknown, used, or issued for another legal ID.
    CodeInvalid,
    /// The key is already enrolled for another cooperative.
    KeyTaken,
}

/// Enrols `public_key` (lower-case hex) for `legal_id` with a one-time `code`, in one
/// transaction: the code is consumed only if the key is recorded.
pub fn enrol(
    conn: &mut Connection,
    legal_id: &str,
    code: &str,
    public_key: &str,
    now: DateTime<Utc>,
) -> Result<Enrolled> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let Some(code_hash) = codes::consume(&tx, legal_id, code, now)? else {
        return Ok(Enrolled::CodeInvalid);
    };
    if cooperative_of(&tx, public_key)?.is_some_and(|owner| owner != legal_id) {
        // Dropping the transaction rolls the code back: it stays usable.
        return Ok(Enrolled::KeyTaken);
    }
    let enrolled_at = timestamp(now);
    tx.execute(
        "INSERT INTO cooperatives (legal_id, public_key, enrolled_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (legal_id) DO UPDATE SET public_key = excluded.public_key, enrolled_at = excluded.enrolled_at",
        (legal_id, public_key, &enrolled_at),
    )?;
    tx.execute(
        "INSERT INTO enrolments (legal_id, public_key, code_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4)",
        (legal_id, public_key, &code_hash, &enrolled_at),
    )?;
    tx.commit()?;
    Ok(Enrolled::Done { enrolled_at })
}

/// The legal ID `public_key` is currently enrolled for.
pub fn cooperative_of(conn: &Connection, public_key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT legal_id FROM cooperatives WHERE public_key = ?1", [public_key], |r| r.get(0))
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    const COOP: &str = "14100001233";
    const OTHER: &str = "10380284790";

    #[test]
    fn a_new_code_replaces_the_key_and_the_old_key_no_longer_counts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("r.db")).expect("open");
        let now = Utc::now();
        let first = codes::issue(&conn, COOP, now).expect("code");
        assert!(matches!(enrol(&mut conn, COOP, &first, "aa", now), Ok(Enrolled::Done { .. })));
        let second = codes::issue(&conn, COOP, now).expect("code");
        assert!(matches!(enrol(&mut conn, COOP, &second, "bb", now), Ok(Enrolled::Done { .. })));
        assert_eq!(cooperative_of(&conn, "aa").expect("lookup"), None);
        assert_eq!(cooperative_of(&conn, "bb").expect("lookup").as_deref(), Some(COOP));
        let kept: i64 = conn.query_row("SELECT count(*) FROM enrolments", [], |r| r.get(0)).expect("count");
        assert_eq!(kept, 2);
    }

    #[test]
    fn a_key_taken_by_another_cooperative_leaves_the_code_unused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("r.db")).expect("open");
        let now = Utc::now();
        let theirs = codes::issue(&conn, OTHER, now).expect("code");
        assert!(matches!(enrol(&mut conn, OTHER, &theirs, "aa", now), Ok(Enrolled::Done { .. })));
        let ours = codes::issue(&conn, COOP, now).expect("code");
        assert_eq!(enrol(&mut conn, COOP, &ours, "aa", now).expect("enrol"), Enrolled::KeyTaken);
        assert!(matches!(enrol(&mut conn, COOP, &ours, "bb", now), Ok(Enrolled::Done { .. })));
    }
}
