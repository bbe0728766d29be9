//! Iranian mobile number (تلفن همراه): 11 digits starting with 09, stored in that national form
//! whichever way it was typed. Operators are not told apart: numbers move between them.

use crate::error::ErrorCode;
use crate::text::ascii_digits;

/// A mobile number (تلفن همراه) in national form: `09` and nine more ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobile(String);

impl Mobile {
    /// Reads a number as typed: any digit form; spaces, dashes and brackets; `+98`, `0098`
    /// or `98` before the 9, or the 10 digits without the leading 0.
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let ascii = ascii_digits(input);
        let trimmed = ascii.trim();
        if trimmed.is_empty() {
            return Err(ErrorCode::Required);
        }
        let (international, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '(' | ')' | '.' | '\u{00A0}' => {}
                _ => return Err(ErrorCode::MobileFormat),
            }
        }
        let subscriber = if international {
            digits.strip_prefix("98")
        } else if let Some(rest) = digits.strip_prefix("0098") {
            Some(rest)
        } else if digits.len() == 12 {
            digits.strip_prefix("98")
        } else if digits.len() == 10 {
            Some(digits.as_str())
        } else {
            digits.strip_prefix('0')
        };
        match subscriber {
            Some(s) if s.len() == 10 && s.starts_with('9') => Ok(Self(format!("0{s}"))),
            _ => Err(ErrorCode::MobileFormat),
        }
    }

    /// The 11 ASCII digits, starting with 09.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national(s: &str) -> Result<String, ErrorCode> {
        Mobile::parse(s).map(|m| m.0)
    }

    #[test]
    fn every_usual_form_normalises_to_09() {
        for s in [
            "09121234567",
            "0912 123 4567",
            "0912-123-4567",
            "+98 912 123 4567",
            "+989121234567",
            "0098 912 123 4567",
            "98 912 123 4567",
            "989121234567",
            "9121234567",
            "(0912) 123-4567",
            "۰۹۱۲۱۲۳۴۵۶۷",
            "٠٩١٢١٢٣٤٥٦٧",
            "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
        ] {
            assert_eq!(national(s), Ok("09121234567".to_owned()), "{s}");
        }
    }

    #[test]
    fn landlines_are_not_mobiles() {
        assert_eq!(national("02188881234"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("+98 21 8888 1234"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("2188881234"), Err(ErrorCode::MobileFormat));
    }

    #[test]
    fn wrong_numbers_are_refused() {
        assert_eq!(national(""), Err(ErrorCode::Required));
        assert_eq!(national("   "), Err(ErrorCode::Required));
        assert_eq!(national("0912123456"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("091212345678"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("00989121234567"), Ok("09121234567".to_owned()));
        assert_eq!(national("009891212345678"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("+09121234567"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("+1 912 123 4567"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("0912-abc-4567"), Err(ErrorCode::MobileFormat));
        assert_eq!(national("0912+1234567"), Err(ErrorCode::MobileFormat));
    }
}
