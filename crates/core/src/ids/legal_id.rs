//! Legal-entity national ID (شناسه ملی اشخاص حقوقی): 11 digits with a weighted check digit.

use crate::error::ErrorCode;
use crate::text::identifier_digits;

const WEIGHTS: [u32; 5] = [29, 27, 23, 19, 17];

/// A valid legal-entity national ID, stored as its 11 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalId(String);

impl LegalId {
    /// Reads an ID as typed (any digit form, spaces and dashes allowed) and checks it.
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let digits = identifier_digits(input).ok_or(ErrorCode::LegalIdFormat)?;
        if digits.is_empty() {
            return Err(ErrorCode::Required);
        }
        if digits.len() != 11 {
            return Err(ErrorCode::LegalIdFormat);
        }
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        // Digits 4–9 all zero mark a number no registry issues.
        if d[3..9].iter().all(|&x| x == 0) {
            return Err(ErrorCode::LegalIdChecksum);
        }
        if check_digit(&d[..10]) != d[10] {
            return Err(ErrorCode::LegalIdChecksum);
        }
        Ok(Self(digits))
    }

    /// The 11 ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The 11th digit that the first ten call for.
fn check_digit(first_ten: &[u32]) -> u32 {
    let d = first_ten[9] + 2;
    let sum: u32 = first_ten.iter().enumerate().map(|(i, &x)| (d + x) * WEIGHTS[i % 5]).sum();
    let r = sum % 11;
    if r == 10 { 0 } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_vector_is_valid_and_its_neighbour_is_not() {
        assert_eq!(LegalId::parse("10380284790").map(|id| id.0), Ok("10380284790".to_owned()));
        assert_eq!(LegalId::parse("10380284791"), Err(ErrorCode::LegalIdChecksum));
    }

    #[test]
    fn persian_digits_and_separators_are_accepted() {
        assert!(LegalId::parse("۱۰۳۸۰۲۸۴۷۹۰").is_ok());
        assert!(LegalId::parse("١٠٣٨٠٢٨٤٧٩٠").is_ok());
        assert!(LegalId::parse("103-8028-4790").is_ok());
    }

    #[test]
    fn wrong_shapes_are_format_errors() {
        assert_eq!(LegalId::parse(""), Err(ErrorCode::Required));
        assert_eq!(LegalId::parse("1038028479"), Err(ErrorCode::LegalIdFormat));
        assert_eq!(LegalId::parse("103802847901"), Err(ErrorCode::LegalIdFormat));
        assert_eq!(LegalId::parse("1038028479x"), Err(ErrorCode::LegalIdFormat));
    }

    #[test]
    fn zeros_are_refused() {
        assert_eq!(LegalId::parse("00000000000"), Err(ErrorCode::LegalIdChecksum));
        assert_eq!(LegalId::parse("10300000000"), Err(ErrorCode::LegalIdChecksum));
    }

    #[test]
    fn exactly_one_check_digit_completes_any_prefix() {
        for prefix in ["1038028479", "1410000123", "1086201345", "1400539871"] {
            let valid: Vec<u32> =
                (0..10).filter(|c| LegalId::parse(&format!("{prefix}{c}")).is_ok()).collect();
            assert_eq!(valid.len(), 1, "prefix {prefix}: {valid:?}");
        }
    }
}
