//! Iranian postal code (کد پستی): 10 digits. The structural pattern is only a warning: the
//! post office's own data is the authority, and Hamyar works offline.

use crate::error::ErrorCode;
use crate::text::identifier_digits;

/// A 10-digit postal code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalCode(String);

impl PostalCode {
    /// Reads a postal code as typed (any digit form, spaces and dashes allowed).
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let digits = identifier_digits(input).ok_or(ErrorCode::PostalCodeFormat)?;
        if digits.is_empty() {
            return Err(ErrorCode::Required);
        }
        if digits.len() != 10 {
            return Err(ErrorCode::PostalCodeFormat);
        }
        Ok(Self(digits))
    }

    /// Whether the code has the shape Iranian codes have: no 0 or 2 in the first four digits,
    /// no 0, 2 or 5 in the fifth, no 2 in the last five, and not four equal leading digits.
    pub fn looks_plausible(&self) -> bool {
        let b = self.0.as_bytes();
        let four_same = b[0] == b[1] && b[1] == b[2] && b[2] == b[3];
        !four_same
            && b[..4].iter().all(|&c| c != b'0' && c != b'2')
            && !matches!(b[4], b'0' | b'2' | b'5')
            && b[5..].iter().all(|&c| c != b'2')
    }

    /// The 10 ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_vectors() {
        let good = PostalCode::parse("1193653471").map(|p| p.looks_plausible());
        assert_eq!(good, Ok(true));
        let odd = PostalCode::parse("1234567890").map(|p| p.looks_plausible());
        assert_eq!(odd, Ok(false));
    }

    #[test]
    fn four_equal_leading_digits_are_unlikely() {
        assert_eq!(PostalCode::parse("1111653471").map(|p| p.looks_plausible()), Ok(false));
    }

    #[test]
    fn shape_errors() {
        assert_eq!(PostalCode::parse("۱۱۹۳۶-۵۳۴۷۱").map(|p| p.0), Ok("1193653471".to_owned()));
        assert_eq!(PostalCode::parse("119365347"), Err(ErrorCode::PostalCodeFormat));
        assert_eq!(PostalCode::parse("11936534ab"), Err(ErrorCode::PostalCodeFormat));
        assert_eq!(PostalCode::parse(" "), Err(ErrorCode::Required));
    }
}
