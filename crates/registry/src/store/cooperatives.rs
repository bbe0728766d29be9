//! Cooperatives (تعاونی‌ها) and their enrolled keys: one current key per legal ID, every
//! enrolment kept on record.

use chrono::{DateTime, Utc};

use super::{NewEnrolment, Store, codes, timestamp};
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
/// transaction: the code is used up only if the key is recorded.
pub fn enrol(
    store: &Store,
    legal_id: &str,
    code: &str,
    public_key: &str,
    now: DateTime<Utc>,
) -> Result<Enrolled> {
    let (code_hash, enrolled_at) = (codes::hash(code), timestamp(now));
    store.write(|tx| {
        if !tx.code_is_unused(&code_hash, legal_id)? {
            return Ok(Enrolled::CodeInvalid);
        }
        if tx.cooperative_of(public_key)?.is_some_and(|owner| owner != legal_id) {
            // Nothing written: the code stays usable.
            return Ok(Enrolled::KeyTaken);
        }
        if !tx.use_code(&code_hash, legal_id, &enrolled_at)? {
            return Ok(Enrolled::CodeInvalid);
        }
        tx.enrol(&NewEnrolment { legal_id, public_key, code_hash: &code_hash, enrolled_at: &enrolled_at })?;
        Ok(Enrolled::Done { enrolled_at: enrolled_at.clone() })
    })
}

/// The legal ID `public_key` is currently enrolled for.
pub fn cooperative_of(store: &Store, public_key: &str) -> Result<Option<String>> {
    store.read(|tx| tx.cooperative_of(public_key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::temp_store;

    const COOP: &str = "14100001233";
    const OTHER: &str = "10380284790";

    #[test]
    fn a_code_works_once_for_its_own_legal_id_in_any_spelling() {
        let (_dir, store) = temp_store();
        let now = Utc::now();
        let code = codes::issue(&store, COOP, now).expect("issue");
        assert_eq!(enrol(&store, OTHER, &code, "aa", now).expect("enrol"), Enrolled::CodeInvalid);
        let typed = code.replace('-', " ").to_lowercase();
        assert!(matches!(enrol(&store, COOP, &typed, "aa", now), Ok(Enrolled::Done { .. })));
        assert_eq!(enrol(&store, COOP, &code, "bb", now).expect("enrol"), Enrolled::CodeInvalid);
    }

    #[test]
    fn a_new_code_replaces_the_key_and_the_old_key_no_longer_counts() {
        let (_dir, store) = temp_store();
        let now = Utc::now();
        let first = codes::issue(&store, COOP, now).expect("code");
        assert!(matches!(enrol(&store, COOP, &first, "aa", now), Ok(Enrolled::Done { .. })));
        let second = codes::issue(&store, COOP, now).expect("code");
        assert!(matches!(enrol(&store, COOP, &second, "bb", now), Ok(Enrolled::Done { .. })));
        assert_eq!(cooperative_of(&store, "aa").expect("lookup"), None);
        assert_eq!(cooperative_of(&store, "bb").expect("lookup").as_deref(), Some(COOP));
    }

    #[test]
    fn a_key_taken_by_another_cooperative_leaves_the_code_unused() {
        let (_dir, store) = temp_store();
        let now = Utc::now();
        let theirs = codes::issue(&store, OTHER, now).expect("code");
        assert!(matches!(enrol(&store, OTHER, &theirs, "aa", now), Ok(Enrolled::Done { .. })));
        let ours = codes::issue(&store, COOP, now).expect("code");
        assert_eq!(enrol(&store, COOP, &ours, "aa", now).expect("enrol"), Enrolled::KeyTaken);
        assert!(matches!(enrol(&store, COOP, &ours, "bb", now), Ok(Enrolled::Done { .. })));
    }
}
