//! Sheba number (شبا), Iran's IBAN: `IR`, two check digits and a 22-digit account number
//! whose first three digits name the bank, checked with ISO 13616 mod 97.

use crate::error::ErrorCode;
use crate::text::identifier_digits;

/// `I` and `R` as ISO 13616 reads letters (A = 10 … Z = 35).
const IR_AS_DIGITS: &[u8] = b"1827";

/// A valid Sheba number (شبا), stored as `IR` and 24 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheba(String);

impl Sheba {
    /// Reads a Sheba number as typed: `IR` in either case or left out, any digit form,
    /// spaces and dashes allowed.
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let trimmed = input.trim();
        let body = match trimmed.get(..2) {
            Some(prefix) if prefix.eq_ignore_ascii_case("IR") => &trimmed[2..],
            _ => trimmed,
        };
        let digits = identifier_digits(body).ok_or(ErrorCode::ShebaFormat)?;
        if digits.is_empty() {
            return Err(if body.len() == trimmed.len() {
                ErrorCode::Required
            } else {
                ErrorCode::ShebaFormat
            });
        }
        if digits.len() != 24 {
            return Err(ErrorCode::ShebaFormat);
        }
        let (check, account) = digits.split_at(2);
        // ISO 13616 never issues check digits 00, 01 or 99; 00 and 01 would otherwise alias 97 and 98.
        if !("02"..="98").contains(&check) || remainder_97(account, check) != 1 {
            return Err(ErrorCode::ShebaChecksum);
        }
        Ok(Self(format!("IR{digits}")))
    }

    /// The bank's three-digit code (کد بانک), e.g. `054` for Parsian.
    pub fn bank_code(&self) -> &str {
        &self.0[4..7]
    }

    /// `IR` and the 24 ASCII digits, without spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The rearranged IBAN (account, then `IR` as digits, then the check digits) mod 97, digit by
/// digit so that the 30-digit number never has to be held.
fn remainder_97(account: &str, check: &str) -> u32 {
    account
        .bytes()
        .chain(IR_AS_DIGITS.iter().copied())
        .chain(check.bytes())
        .fold(0, |r, b| (r * 10 + u32::from(b - b'0')) % 97)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(s: &str) -> Result<String, ErrorCode> {
        Sheba::parse(s).map(|s| s.0)
    }

    #[test]
    fn reference_vectors_are_valid_and_name_their_bank() {
        let parsian = Sheba::parse("IR820540102680020817909002");
        assert_eq!(parsian.as_ref().map(|s| s.bank_code()), Ok("054"));
        assert_eq!(parsian.as_ref().map(|s| s.as_str()), Ok("IR820540102680020817909002"));
        let other = Sheba::parse("IR550570022080013447370101");
        assert_eq!(other.as_ref().map(|s| s.bank_code()), Ok("057"));
    }

    #[test]
    fn changing_the_last_digit_fails_the_check() {
        for base in ["IR82054010268002081790900", "IR55057002208001344737010"] {
            let valid: Vec<u32> = (0..10).filter(|c| Sheba::parse(&format!("{base}{c}")).is_ok()).collect();
            assert_eq!(valid.len(), 1, "{base}: {valid:?}");
        }
        assert_eq!(stored("IR820540102680020817909003"), Err(ErrorCode::ShebaChecksum));
        assert_eq!(stored("IR550570022080013447370102"), Err(ErrorCode::ShebaChecksum));
    }

    #[test]
    fn swapped_neighbours_fail_the_check() {
        assert_eq!(stored("IR820540102680020817990002"), Err(ErrorCode::ShebaChecksum));
    }

    #[test]
    fn typed_forms_are_stored_as_ir_and_ascii_digits() {
        let expected = Ok("IR820540102680020817909002".to_owned());
        for s in [
            "ir820540102680020817909002",
            "IR82 0540 1026 8002 0817 9090 02",
            " IR82-0540-1026-8002-0817-9090-02 ",
            "820540102680020817909002",
            "IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲",
            "IR٨٢٠٥٤٠١٠٢٦٨٠٠٢٠٨١٧٩٠٩٠٠٢",
            "۸۲ ۰۵۴۰ ۱۰۲۶ ۸۰۰۲ ۰۸۱۷ ۹۰۹۰ ۰۲",
        ] {
            assert_eq!(stored(s), expected, "{s}");
        }
    }

    #[test]
    fn wrong_shapes_are_format_errors() {
        assert_eq!(stored(""), Err(ErrorCode::Required));
        assert_eq!(stored("  "), Err(ErrorCode::Required));
        assert_eq!(stored("IR"), Err(ErrorCode::ShebaFormat));
        assert_eq!(stored("IR82054010268002081790900"), Err(ErrorCode::ShebaFormat));
        assert_eq!(stored("IR8205401026800208179090021"), Err(ErrorCode::ShebaFormat));
        assert_eq!(stored("DE820540102680020817909002"), Err(ErrorCode::ShebaFormat));
        assert_eq!(stored("IRIR820540102680020817909002"), Err(ErrorCode::ShebaFormat));
        assert_eq!(stored("IR82054010268002081790900x"), Err(ErrorCode::ShebaFormat));
    }

    #[test]
    fn check_digits_iso_never_issues_are_refused() {
        // Find an account whose true check digits are 97 or 98, then spell them 00 or 01.
        let aliased = (0..100_000u32).map(|n| format!("05401026800208{n:08}")).find_map(|account| {
            match 98 - remainder_97(&account, "00") {
                97 => Some(format!("IR00{account}")),
                98 => Some(format!("IR01{account}")),
                _ => None,
            }
        });
        let Some(aliased) = aliased else { panic!("no account with check digits 97 or 98") };
        assert_eq!(stored(&aliased), Err(ErrorCode::ShebaChecksum));
    }
}
