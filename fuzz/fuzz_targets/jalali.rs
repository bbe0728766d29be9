//! The Jalali date parser (تاریخ شمسی) on any text, and Jalali dates built from the input's bytes.
//! `parse_date` never panics; every day it accepts is in Hamyar's range and reads back from its
//! Jalali form (ASCII and Persian digits, with and without zero padding) and its ISO form as the
//! same day; every valid Jalali date converts to a Gregorian day and back to itself.
#![no_main]

use chrono::NaiveDate;
use hamyar_core::jalali::{JalaliDate, MAX_YEAR, MIN_YEAR, days_in_month, is_leap_year, parse_date};
use hamyar_core::text::persian_digits;
use libfuzzer_sys::fuzz_target;

fn round_trips(day: NaiveDate) {
    let j = JalaliDate::from_gregorian(day);
    assert!((MIN_YEAR..=MAX_YEAR).contains(&j.year), "{day} is out of range as {j}");
    assert_eq!(JalaliDate::new(j.year, j.month, j.day), Ok(j));
    assert_eq!(j.to_gregorian(), Ok(day), "{j}");
    assert_eq!(parse_date(&j.to_ascii()), Ok(day), "{j}");
    assert_eq!(parse_date(&persian_digits(&j.to_ascii())), Ok(day), "{j} in Persian digits");
    assert_eq!(parse_date(&format!("{}/{}/{}", j.year, j.month, j.day)), Ok(day), "{j} unpadded");
    assert_eq!(parse_date(&day.format("%Y-%m-%d").to_string()), Ok(day), "{day} as ISO");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(day) = parse_date(&text) {
        round_trips(day);
    }
    // Four bytes as a year near the range, a month and a day (invalid ones included).
    if let [a, b, m, d, ..] = *data {
        let year = MIN_YEAR - 20 + i32::from(u16::from_le_bytes([a, b]) % 240);
        let (month, day) = (m % 14, d % 33);
        let _ = is_leap_year(year);
        let _ = days_in_month(year, month);
        match JalaliDate::new(year, month, day) {
            Ok(j) => {
                let g = j.to_gregorian().expect("a valid Jalali date has a Gregorian day");
                assert_eq!(JalaliDate::from_gregorian(g), j);
                round_trips(g);
            }
            Err(_) => assert!(
                !(MIN_YEAR..=MAX_YEAR).contains(&year)
                    || !(1..=12).contains(&month)
                    || day == 0
                    || day > days_in_month(year, month)
            ),
        }
    }
});
