//! One-time enrolment codes (کد ثبت‌نام): issued by an operator for one legal ID, handed to the
//! cooperative out of band, consumed by its first successful enrolment. Only a hash is stored.

use chrono::{DateTime, Utc};
use hamyar_core::protocol::content_hash;

use super::{Store, timestamp};
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
pub fn hash(code: &str) -> String {
    content_hash(normalize(code).as_bytes())
}

/// Records a fresh code for `legal_id` and returns it (it is not kept anywhere but the output).
pub fn issue(store: &Store, legal_id: &str, now: DateTime<Utc>) -> Result<String> {
    let code = generate()?;
    let (code_hash, issued_at) = (hash(&code), timestamp(now));
    store.write(|tx| tx.insert_code(&code_hash, legal_id, &issued_at))?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_twelve_unambiguous_characters_in_groups_of_four() {
        let code = generate().expect("code");
        assert_eq!(code.len(), 14);
        let groups: Vec<&str> = code.split('-').collect();
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b))));
    }

    #[test]
    fn a_code_is_hashed_in_any_spelling_alike() {
        let code = generate().expect("code");
        assert_eq!(hash(&code.replace('-', " ").to_lowercase()), hash(&code));
        assert!(!hash(&code).contains(&normalize(&code)));
    }
}
