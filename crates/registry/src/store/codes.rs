//! One-time enrolment codes (کد ثبت‌نام): issued by an operator for one legal ID, handed to the
//! cooperative out of band, consumed by its first successful enrolment. Only a hash is stored.

use chrono::{DateTime, Utc};
use hamyar_core::protocol::content_hash;
use rusqlite::Connection;

use super::timestamp;
use crate::error::Result;

/// Characters a person can read aloud and type back: no 0/O, 1/I/L.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters in a code (about 59 bits).
const LENGTH: usize = 12;

/// A fresh code, grouped in fours: `K7QX-4M2P-9TRA`.
pub fn generate() -> Result<String> {
    let mut chars = Vec::with_capacity(LENGTH);
    let mut pool = [0u8; 32];
    while chars.len() < LENGTH {
        getrandom::fill(&mut pool)?;
        // Five bits per byte, rejecting the one value past the alphabet, so no letter is likelier.
        for b in pool {
            if let Some(&c) = ALPHABET.get(usize::from(b & 0x1f))
                && chars.len() < LENGTH
            {
                chars.push(char::from(c));
            }
        }
    }
    let groups: Vec<String> = chars.chunks(4).map(|g| g.iter().collect()).collect();
    Ok(groups.join("-"))
}

/// The code as compared: upper case, without the dashes and spaces people add or drop.
fn normalize(code: &str) -> String {
    code.chars().filter(|c| !matches!(c, '-' | ' ')).map(|c| c.to_ascii_uppercase()).collect()
}

/// What is stored instead of the code.
fn hash(code: &str) -> String {
    content_hash(normalize(code).as_bytes())
}

/// Records a fresh code for `legal_id` and returns it (it is not kept anywhere but the output).
pub fn issue(conn: &Connection, legal_id: &str, now: DateTime<Utc>) -> Result<String> {
    let code = generate()?;
    conn.execute(
        "INSERT INTO enrolment_codes (code_hash, legal_id, issued_at) VALUES (?1, ?2, ?3)",
        (hash(&code), legal_id, timestamp(now)),
    )?;
    Ok(code)
}

/// Marks `code` used if it was issued for `legal_id` and never used; returns its hash then.
pub fn consume(conn: &Connection, legal_id: &str, code: &str, now: DateTime<Utc>) -> Result<Option<String>> {
    let code_hash = hash(code);
    let changed = conn.execute(
        "UPDATE enrolment_codes SET used_at = ?1 WHERE code_hash = ?2 AND legal_id = ?3 AND used_at IS NULL",
        (timestamp(now), &code_hash, legal_id),
    )?;
    Ok((changed == 1).then_some(code_hash))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    #[test]
    fn a_code_is_twelve_unambiguous_characters_in_groups_of_four() {
        let code = generate().expect("code");
        assert_eq!(code.len(), 14);
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b))));
    }

    #[test]
    fn a_code_works_once_for_its_own_legal_id_in_any_spelling() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = store::open(&dir.path().join("r.db")).expect("open");
        let now = Utc::now();
        let code = issue(&conn, "14100001233", now).expect("issue");
        assert_eq!(consume(&conn, "10380284790", &code, now).expect("consume"), None);
        let typed = code.replace('-', " ").to_lowercase();
        assert!(consume(&conn, "14100001233", &typed, now).expect("consume").is_some());
        assert_eq!(consume(&conn, "14100001233", &code, now).expect("consume"), None);
    }

    #[test]
    fn the_code_itself_is_not_stored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = store::open(&dir.path().join("r.db")).expect("open");
        let code = issue(&conn, "14100001233", Utc::now()).expect("issue");
        let stored: String =
            conn.query_row("SELECT code_hash FROM enrolment_codes", [], |r| r.get(0)).expect("row");
        assert!(!stored.contains(&normalize(&code)));
    }
}
