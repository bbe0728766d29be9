//! Amounts in words (به حروف), as share certificates, refunds and minutes write them beside the
//! figures: groups of three digits, each with its scale word, joined by «و».
//!
//! Written in-house because `rust-persian-tools` 1.1.4 drops a scale after a group of zeros
//! (1,000,500,000 becomes «…پانصد میلیون»), splits چهارصد/ششصد/هفتصد/هشتصد/نهصد, and panics on
//! `i64::MIN` and from 10^18 on.

const ONES: [&str; 20] = [
    "",
    "یک",
    "دو",
    "سه",
    "چهار",
    "پنج",
    "شش",
    "هفت",
    "هشت",
    "نه",
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
];
const TENS: [&str; 10] = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"];
const HUNDREDS: [&str; 10] = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"];
/// Scale words for 10^0, 10^3 … 10^18. Iranian banks say «هزار میلیارد» rather than تریلیون,
/// and go on the same way; seven groups cover every `u64`, hence every `i64` magnitude.
const SCALES: [&str; 7] =
    ["", "هزار", "میلیون", "میلیارد", "هزار میلیارد", "میلیون میلیارد", "میلیارد میلیارد"];

/// An integer in Persian words (به حروف): `1_000_500_000` → «یک میلیارد و پانصد هزار».
pub fn amount_in_words(n: i64) -> String {
    if n == 0 {
        return "صفر".to_owned();
    }
    let words = magnitude_in_words(n.unsigned_abs());
    if n < 0 { format!("منفی {words}") } else { words }
}

/// An amount of rials in words, as printed on certificates: «… ریال».
pub fn rials_in_words(n: i64) -> String {
    format!("{} ریال", amount_in_words(n))
}

/// A non-zero magnitude in words. Each group of three keeps its own scale, so a group of zeros
/// is skipped without shifting the scales of the groups above it.
fn magnitude_in_words(mut m: u64) -> String {
    let mut groups = Vec::new();
    for scale in SCALES {
        let group = (m % 1000) as usize;
        m /= 1000;
        if group == 0 {
            continue;
        }
        let words = group_in_words(group);
        groups.push(if scale.is_empty() { words } else { format!("{words} {scale}") });
    }
    groups.reverse();
    groups.join(" و ")
}

/// A number from 1 to 999 in words: «نهصد و نود و نه».
fn group_in_words(group: usize) -> String {
    let (hundreds, rest) = (group / 100, group % 100);
    let mut parts = Vec::with_capacity(3);
    if hundreds > 0 {
        parts.push(HUNDREDS[hundreds]);
    }
    if rest >= 20 {
        parts.push(TENS[rest / 10]);
        if rest % 10 > 0 {
            parts.push(ONES[rest % 10]);
        }
    } else if rest > 0 {
        parts.push(ONES[rest]);
    }
    parts.join(" و ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_certificates_write_them() {
        let cases: &[(i64, &str)] = &[
            (0, "صفر"),
            (1, "یک"),
            (10, "ده"),
            (11, "یازده"),
            (18, "هجده"),
            (19, "نوزده"),
            (20, "بیست"),
            (21, "بیست و یک"),
            (99, "نود و نه"),
            (100, "صد"),
            (101, "صد و یک"),
            (110, "صد و ده"),
            (999, "نهصد و نود و نه"),
            (1000, "یک هزار"),
            (1001, "یک هزار و یک"),
            (12_000, "دوازده هزار"),
            (100_000, "صد هزار"),
            (1_000_000, "یک میلیون"),
            (1_200_000, "یک میلیون و دویست هزار"),
            (123_456_789, "صد و بیست و سه میلیون و چهارصد و پنجاه و شش هزار و هفتصد و هشتاد و نه"),
            (1_000_000_000, "یک میلیارد"),
            (1_000_000_000_000, "یک هزار میلیارد"),
            (2_500_000_000_000, "دو هزار میلیارد و پانصد میلیارد"),
            (1_000_000_000_000_000, "یک میلیون میلیارد"),
            (1_000_000_000_000_000_000, "یک میلیارد میلیارد"),
            (-25, "منفی بیست و پنج"),
        ];
        for &(n, words) in cases {
            assert_eq!(amount_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn a_group_of_zeros_does_not_shift_the_scales_above_it() {
        // The inputs on which rust-persian-tools 1.1.4 goes wrong.
        assert_eq!(amount_in_words(1_000_500_000), "یک میلیارد و پانصد هزار");
        assert_eq!(amount_in_words(100_000_500), "صد میلیون و پانصد");
        assert_eq!(amount_in_words(1_000_001), "یک میلیون و یک");
        assert_eq!(amount_in_words(2_000_000_001), "دو میلیارد و یک");
        assert_eq!(amount_in_words(1_000_000_000_000_001), "یک میلیون میلیارد و یک");
        assert_eq!(amount_in_words(5_000_000_007_000), "پنج هزار میلیارد و هفت هزار");
    }

    #[test]
    fn hundreds_are_written_joined() {
        let hundreds = ["صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"];
        for (i, words) in (1..=9).zip(hundreds) {
            assert_eq!(amount_in_words(i * 100), words);
        }
    }

    #[test]
    fn the_whole_i64_range_is_written_without_panicking() {
        let max = "نه میلیارد میلیارد و دویست و بیست و سه میلیون میلیارد و سیصد و هفتاد و دو هزار میلیارد \
                   و سی و شش میلیارد و هشتصد و پنجاه و چهار میلیون و هفتصد و هفتاد و پنج هزار و هشتصد و هفت";
        assert_eq!(amount_in_words(i64::MAX), max);
        let min = max.strip_suffix("هفت").map(|s| format!("منفی {s}هشت"));
        assert_eq!(Some(amount_in_words(i64::MIN)), min);
    }

    #[test]
    fn rials_carry_their_unit() {
        assert_eq!(rials_in_words(1_200_000), "یک میلیون و دویست هزار ریال");
        assert_eq!(rials_in_words(0), "صفر ریال");
    }

    /// Reads words back into a number, trusting only the three tables.
    fn read_back(words: &str) -> i128 {
        let (sign, words) = match words.strip_prefix("منفی ") {
            Some(rest) => (-1, rest),
            None => (1, words),
        };
        if words == "صفر" {
            return 0;
        }
        let (mut total, mut group, mut scale, mut in_scale) = (0i128, 0i128, 1i128, false);
        for token in words.split(' ').filter(|&t| t != "و") {
            let value = |table: &[&str]| table.iter().position(|&w| w == token);
            if let Some(s) = ["هزار", "میلیون", "میلیارد"].iter().position(|&w| w == token) {
                scale *= 1000i128.pow(s as u32 + 1);
                in_scale = true;
                continue;
            }
            if in_scale {
                total += group * scale;
                (group, scale, in_scale) = (0, 1, false);
            }
            let n = value(&HUNDREDS[1..])
                .map(|i| (i + 1) * 100)
                .or_else(|| value(&TENS[2..]).map(|i| (i + 2) * 10))
                .or_else(|| value(&ONES[1..]).map(|i| i + 1));
            let Some(n) = n else { panic!("unknown word {token:?} in {words:?}") };
            group += n as i128;
        }
        sign * (total + group * scale)
    }

    #[test]
    fn words_read_back_to_the_same_number() {
        let mut samples: Vec<i64> = (-1100..=2100).collect();
        // Every pattern of zero and non-zero groups, with a pseudo-random walk through the rest.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for mask in 0u32..128 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let mut n: i64 = 0;
            for g in 0..7 {
                // The top group (10^18) stays below 9 so that the sum fits an i64.
                let span = if g == 6 { 8 } else { 999 };
                let digit_group = if mask & (1 << g) != 0 { (x >> (g * 9)) % span + 1 } else { 0 };
                n += digit_group as i64 * 1000i64.pow(g);
            }
            samples.extend([n, -n, x as i64]);
        }
        samples.extend([i64::MAX, i64::MIN, i64::MIN + 1]);
        for n in samples {
            assert_eq!(read_back(&amount_in_words(n)), i128::from(n), "{n}: {}", amount_in_words(n));
        }
    }

    #[test]
    fn words_are_separated_by_single_spaces() {
        for n in [1, 20, 100, 1000, 1_000_500_000, i64::MAX, i64::MIN] {
            let words = amount_in_words(n);
            assert!(!words.contains("  ") && words.trim() == words, "{n}: {words:?}");
        }
    }
}
