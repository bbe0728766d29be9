//! Iranian phone numbers: a landline with its area code (0 + 2 + 8 digits) or a mobile (09…),
//! stored in the national form that starts with 0.

use crate::error::ErrorCode;
use crate::text::ascii_digits;

/// A phone number in national form: 11 digits starting with 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    /// Reads a number as typed: any digit form; spaces, dashes and brackets; `+98`, `0098` or `98` prefixes.
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let ascii = ascii_digits(input);
        let trimmed = ascii.trim();
        if trimmed.is_empty() {
            return Err(ErrorCode::Required);
        }
        let mut digits = String::with_capacity(trimmed.len());
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => {}
                ' ' | '-' | '(' | ')' | '.' | '\u{00A0}' => {}
                _ => return Err(ErrorCode::PhoneFormat),
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("0098") {
            format!("0{rest}")
        } else if digits.len() == 12 && digits.starts_with("98") {
            format!("0{}", &digits[2..])
        } else {
            digits
        };
        let ok = national.len() == 11 && national.starts_with('0') && !national.starts_with("00");
        if ok { Ok(Self(national)) } else { Err(ErrorCode::PhoneFormat) }
    }

    /// Whether this is a mobile number (09…).
    pub fn is_mobile(&self) -> bool {
        self.0.starts_with("09")
    }

    /// The 11 ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national(s: &str) -> Result<String, ErrorCode> {
        Phone::parse(s).map(|p| p.0)
    }

    #[test]
    fn mobile_forms_normalise_to_09() {
        for s in ["09121234567", "+98 912 123 4567", "0098-912-123-4567", "989121234567", "۰۹۱۲۱۲۳۴۵۶۷"]
        {
            assert_eq!(national(s), Ok("09121234567".to_owned()), "{s}");
        }
        assert!(Phone::parse("09121234567").is_ok_and(|p| p.is_mobile()));
    }

    #[test]
    fn landlines_keep_their_area_code() {
        assert_eq!(national("(021) 8888-1234"), Ok("02188881234".to_owned()));
        assert!(Phone::parse("086 3344 5566").is_ok_and(|p| !p.is_mobile()));
    }

    #[test]
    fn wrong_numbers_are_refused() {
        assert_eq!(national(""), Err(ErrorCode::Required));
        assert_eq!(national("8888123"), Err(ErrorCode::PhoneFormat));
        assert_eq!(national("0912123456"), Err(ErrorCode::PhoneFormat));
        assert_eq!(national("00912123456"), Err(ErrorCode::PhoneFormat));
        assert_eq!(national("0912-abc-4567"), Err(ErrorCode::PhoneFormat));
    }
}
