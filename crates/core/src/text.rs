//! Text as typed by Iranian users: Persian, Arabic-Indic and Latin digits, Arabic ي/ك, stray spaces.
//! Everything is stored normalised (ASCII digits, Persian letters) and shown with Persian digits.

/// Maps Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; leaves everything else alone.
pub fn ascii_digits(input: &str) -> String {
    input.chars().map(ascii_digit).collect()
}

fn ascii_digit(c: char) -> char {
    match c {
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        _ => c,
    }
}

/// Maps ASCII digits to Persian digits (۰–۹), for display and print.
pub fn persian_digits(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Normalises free text: Arabic ي/ى/ك to Persian ی/ک, any digit form to ASCII, runs of white
/// space (but not the zero-width non-joiner) to one space, trimmed.
pub fn normalize_text(input: &str) -> String {
    let mapped: String = input
        .chars()
        .map(|c| match c {
            '\u{064A}' | '\u{0649}' => '\u{06CC}',
            '\u{0643}' => '\u{06A9}',
            other => ascii_digit(other),
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reduces an identifier as typed to its ASCII digits, dropping the spaces, dashes and
/// separators people put in them. Returns `None` when anything else is left.
pub fn identifier_digits(input: &str) -> Option<String> {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        let c = ascii_digit(c);
        match c {
            '0'..='9' => out.push(c),
            ' ' | '\u{00A0}' | '\u{200C}' | '-' | '_' | '.' | ',' | '\u{066C}' | '\u{060C}' | '/' => {}
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_digit_form_becomes_ascii() {
        assert_eq!(ascii_digits("۱۴۰۳/۱۲/۳۰"), "1403/12/30");
        assert_eq!(ascii_digits("١٤٠٣/١٢/٣٠"), "1403/12/30");
        assert_eq!(ascii_digits("1403/12/30"), "1403/12/30");
        assert_eq!(ascii_digits("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"), "01234567890123456789");
    }

    #[test]
    fn persian_digits_round_trip() {
        assert_eq!(persian_digits("1403/12/30"), "۱۴۰۳/۱۲/۳۰");
        assert_eq!(ascii_digits(&persian_digits("0123456789")), "0123456789");
    }

    #[test]
    fn arabic_letters_and_spaces_are_normalised() {
        assert_eq!(normalize_text("  تعاوني   توليدي\tكار  "), "تعاونی تولیدی کار");
        // The zero-width non-joiner is part of the word, not white space.
        assert_eq!(normalize_text("می\u{200C}شود"), "می\u{200C}شود");
    }

    #[test]
    fn identifiers_lose_their_separators_only() {
        assert_eq!(identifier_digits("۱۰۳-۸۰۲ ۸۴۷۹۰").as_deref(), Some("10380284790"));
        assert_eq!(identifier_digits("103a"), None);
    }
}
