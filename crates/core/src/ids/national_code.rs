//! National code (کد ملی): 10 digits, the last a mod-11 check digit over the first nine.

use crate::error::ErrorCode;
use crate::text::identifier_digits;

/// A valid national code (کد ملی), stored as its 10 ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalCode(String);

impl NationalCode {
    /// Reads a national code as typed (any digit form, spaces and dashes allowed) and checks it.
    /// Eight or nine digits are taken as a code whose leading zeros were lost, as spreadsheets do.
    pub fn parse(input: &str) -> Result<Self, ErrorCode> {
        let digits = identifier_digits(input).ok_or(ErrorCode::NationalCodeFormat)?;
        if digits.is_empty() {
            return Err(ErrorCode::Required);
        }
        if !(8..=10).contains(&digits.len()) {
            return Err(ErrorCode::NationalCodeFormat);
        }
        let digits = format!("{digits:0>10}");
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        // Codes of one repeated digit, or with zeros where the serial number goes, pass the
        // arithmetic but are never issued: people type them to get past a form.
        if d.iter().all(|&x| x == d[0]) || d[3..9].iter().all(|&x| x == 0) {
            return Err(ErrorCode::NationalCodeChecksum);
        }
        if check_digit(&d[..9]) != d[9] {
            return Err(ErrorCode::NationalCodeChecksum);
        }
        Ok(Self(digits))
    }

    /// The 10 ASCII digits, leading zeros included.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl NationalCode {
    /// The `n`-th of a sequence of distinct valid codes (serials spread over the range, the check
    /// digit computed): for demo ledgers, seed data and tests, never for a real person.
    pub fn sample(n: u32) -> Self {
        let serial = 100_000_000 + u64::from(n) * 7_919 % 899_999_999;
        let first: Vec<u32> = format!("{serial:09}").bytes().map(|b| u32::from(b - b'0')).collect();
        let check = check_digit(&first);
        Self(format!("{serial:09}{check}"))
    }
}

/// The 10th digit that the first nine call for.
fn check_digit(first_nine: &[u32]) -> u32 {
    let sum: u32 = first_nine.iter().zip((2..=10).rev()).map(|(&x, w)| x * w).sum();
    let r = sum % 11;
    if r < 2 { r } else { 11 - r }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(s: &str) -> Result<String, ErrorCode> {
        NationalCode::parse(s).map(|c| c.0)
    }

    #[test]
    fn samples_are_valid_and_distinct() {
        let codes: Vec<String> = (1..=2_000).map(|n| NationalCode::sample(n).0).collect();
        for code in &codes {
            assert_eq!(stored(code).as_ref(), Ok(code), "{code}");
        }
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len());
    }

    #[test]
    fn reference_vectors_are_valid() {
        for code in ["0499370899", "0076229645", "1583250689"] {
            assert_eq!(stored(code), Ok(code.to_owned()));
        }
    }

    #[test]
    fn eight_or_nine_digits_get_their_leading_zeros_back() {
        assert_eq!(stored("11537027"), Ok("0011537027".to_owned()));
        assert_eq!(stored("076229645"), Ok("0076229645".to_owned()));
    }

    #[test]
    fn reference_counterexamples_are_checksum_errors() {
        for code in ["9999999999", "1234567890", "0000000000"] {
            assert_eq!(stored(code), Err(ErrorCode::NationalCodeChecksum), "{code}");
        }
    }

    #[test]
    fn persian_and_arabic_indic_digits_and_separators_are_accepted() {
        assert_eq!(stored("۰۴۹۹۳۷۰۸۹۹"), Ok("0499370899".to_owned()));
        assert_eq!(stored("٠٤٩٩٣٧٠٨٩٩"), Ok("0499370899".to_owned()));
        assert_eq!(stored("049-937089-9"), Ok("0499370899".to_owned()));
        assert_eq!(stored(" 049 937 0899 "), Ok("0499370899".to_owned()));
    }

    #[test]
    fn wrong_shapes_are_format_errors() {
        assert_eq!(stored(""), Err(ErrorCode::Required));
        assert_eq!(stored(" - "), Err(ErrorCode::Required));
        assert_eq!(stored("1153702"), Err(ErrorCode::NationalCodeFormat));
        assert_eq!(stored("04993708990"), Err(ErrorCode::NationalCodeFormat));
        assert_eq!(stored("04993708a9"), Err(ErrorCode::NationalCodeFormat));
        assert_eq!(stored("ABCDEFGHIJ"), Err(ErrorCode::NationalCodeFormat));
    }

    #[test]
    fn placeholder_codes_are_refused_even_when_the_arithmetic_passes() {
        // 1111111111: the sum is 54, 54 mod 11 = 10, so the check digit 1 "fits".
        assert_eq!(check_digit(&[1; 9]), 1);
        assert_eq!(stored("1111111111"), Err(ErrorCode::NationalCodeChecksum));
        // Zeros where the serial goes: 123 000000 with its computed check digit.
        let check = check_digit(&[1, 2, 3, 0, 0, 0, 0, 0, 0]);
        assert_eq!(stored(&format!("123000000{check}")), Err(ErrorCode::NationalCodeChecksum));
    }

    #[test]
    fn exactly_one_check_digit_completes_any_prefix() {
        for prefix in ["049937089", "007622964", "158325068", "001153702", "999999998", "361012345"] {
            let valid: Vec<u32> =
                (0..10).filter(|c| NationalCode::parse(&format!("{prefix}{c}")).is_ok()).collect();
            assert_eq!(valid.len(), 1, "prefix {prefix}: {valid:?}");
        }
        // Where the placeholder rules bite, no digit completes the prefix.
        for prefix in ["111111111", "000000000", "123000000"] {
            assert!((0..10).all(|c| NationalCode::parse(&format!("{prefix}{c}")).is_err()), "{prefix}");
        }
    }
}
