//! Jalali (Solar Hijri, هجری شمسی) dates. Dates are stored as ISO Gregorian and converted here,
//! at the edge, with `icu_calendar` (33-year rule with the astronomical correction table: 1403 is leap).

use chrono::{Datelike, NaiveDate, Weekday};
use icu_calendar::cal::Persian;
use icu_calendar::{Date, Iso};

use crate::error::ErrorCode;
use crate::text::ascii_digits;

/// Oldest and newest Jalali years Hamyar accepts (≈ 1921–2121 CE).
pub const MIN_YEAR: i32 = 1300;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 1500;

/// Jalali month names, فروردین first.
pub const MONTH_NAMES_FA: [&str; 12] =
    ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

/// Persian weekday names, شنبه (Saturday) first, as the Iranian week runs.
pub const WEEKDAY_NAMES_FA: [&str; 7] = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];

/// A day of the Jalali calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JalaliDate {
    /// Year, e.g. 1403.
    pub year: i32,
    /// Month 1 (Farvardin) to 12 (Esfand).
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

impl JalaliDate {
    /// The Jalali date of a Gregorian day.
    pub fn from_gregorian(date: NaiveDate) -> Self {
        let rata_die = icu_calendar::types::RataDie::new(i64::from(date.num_days_from_ce()));
        let p = Date::from_rata_die(rata_die, Persian);
        Self { year: p.year().extended_year(), month: p.month().ordinal, day: p.day_of_month().0 }
    }

    /// Checks the fields and returns the date, refusing days a year does not have (30 Esfand 1404).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, ErrorCode> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(ErrorCode::DateOutOfRange);
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(ErrorCode::DateFormat);
        }
        Ok(Self { year, month, day })
    }

    /// The Gregorian day of this Jalali date.
    pub fn to_gregorian(self) -> Result<NaiveDate, ErrorCode> {
        let p = Date::try_new_persian(self.year, self.month, self.day).map_err(|_| ErrorCode::DateFormat)?;
        let iso = p.to_calendar(Iso);
        NaiveDate::from_ymd_opt(
            iso.year().extended_year(),
            u32::from(iso.month().ordinal),
            u32::from(iso.day_of_month().0),
        )
        .ok_or(ErrorCode::DateOutOfRange)
    }

    /// The date as `YYYY/MM/DD` in ASCII digits.
    pub fn to_ascii(self) -> String {
        format!("{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }
}

impl std::fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_ascii())
    }
}

/// Whether a Jalali year is a leap year (Esfand has 30 days).
pub fn is_leap_year(year: i32) -> bool {
    Date::try_new_persian(year, 1, 1).map(|d| d.is_in_leap_year()).unwrap_or(false)
}

/// Days in a Jalali month: 31 for the first six, 30 for the next five, 29 or 30 for Esfand.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_leap_year(year) => 30,
        12 => 29,
        _ => 0,
    }
}

/// Index of a weekday in the Iranian week: 0 = Saturday (شنبه) … 6 = Friday (جمعه).
pub fn weekday_index(date: NaiveDate) -> usize {
    match date.weekday() {
        Weekday::Sat => 0,
        Weekday::Sun => 1,
        Weekday::Mon => 2,
        Weekday::Tue => 3,
        Weekday::Wed => 4,
        Weekday::Thu => 5,
        Weekday::Fri => 6,
    }
}

/// Persian name of the weekday of a date.
pub fn weekday_fa(date: NaiveDate) -> &'static str {
    WEEKDAY_NAMES_FA[weekday_index(date)]
}

/// Reads a date as a user or a script writes it: ISO `YYYY-MM-DD` (Gregorian) or Jalali
/// `YYYY/MM/DD`, in Persian, Arabic-Indic or Latin digits, with or without zero padding.
pub fn parse_date(input: &str) -> Result<NaiveDate, ErrorCode> {
    let text = ascii_digits(input.trim());
    if text.is_empty() {
        return Err(ErrorCode::Required);
    }
    let (sep, jalali) = if text.contains('/') { ('/', true) } else { ('-', false) };
    let parts: Vec<&str> = text.split(sep).collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(ErrorCode::DateFormat);
    };
    let digits_ok =
        |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits_ok(y, 4) && digits_ok(m, 2) && digits_ok(d, 2)) || y.len() != 4 {
        return Err(ErrorCode::DateFormat);
    }
    let (year, month, day): (i32, u8, u8) = (
        y.parse().map_err(|_| ErrorCode::DateFormat)?,
        m.parse().map_err(|_| ErrorCode::DateFormat)?,
        d.parse().map_err(|_| ErrorCode::DateFormat)?,
    );
    if jalali {
        JalaliDate::new(year, month, day)?.to_gregorian()
    } else {
        let date =
            NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day)).ok_or(ErrorCode::DateFormat)?;
        let j = JalaliDate::from_gregorian(date);
        if (MIN_YEAR..=MAX_YEAR).contains(&j.year) { Ok(date) } else { Err(ErrorCode::DateOutOfRange) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Fixture {
        pairs: Vec<Pair>,
        leap_years: Vec<i32>,
        invalid_jalali: Vec<String>,
    }

    #[derive(Deserialize)]
    struct Pair {
        iso: String,
        jalali: String,
        weekday: usize,
    }

    fn fixture() -> Fixture {
        let text = include_str!("../../../tests/fixtures/jalali-dates.json");
        serde_json::from_str(text).expect("the shared Jalali fixture parses")
    }

    #[test]
    fn shared_fixture_converts_both_ways() {
        for p in fixture().pairs {
            let iso = NaiveDate::parse_from_str(&p.iso, "%Y-%m-%d").expect("fixture ISO date");
            let j = JalaliDate::from_gregorian(iso);
            assert_eq!(j.to_ascii(), p.jalali, "{}", p.iso);
            assert_eq!(parse_date(&p.jalali), Ok(iso), "{}", p.jalali);
            assert_eq!(j.to_gregorian(), Ok(iso));
            assert_eq!(weekday_index(iso), p.weekday, "{}", p.iso);
        }
    }

    #[test]
    fn leap_years_match_the_fixture() {
        let f = fixture();
        for year in 1390..=1440 {
            assert_eq!(is_leap_year(year), f.leap_years.contains(&year), "{year}");
        }
        assert_eq!(days_in_month(1403, 12), 30);
        assert_eq!(days_in_month(1404, 12), 29);
    }

    #[test]
    fn impossible_jalali_dates_are_refused() {
        for text in fixture().invalid_jalali {
            assert!(parse_date(&text).is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn every_digit_form_and_padding_is_read() {
        let expected = NaiveDate::from_ymd_opt(2025, 3, 20);
        for text in ["۱۴۰۳/۱۲/۳۰", "١٤٠٣/١٢/٣٠", "1403/12/30", " 1403/12/30 ", "2025-03-20"] {
            assert_eq!(parse_date(text).ok(), expected, "{text}");
        }
        assert_eq!(parse_date("1404/1/1").ok(), NaiveDate::from_ymd_opt(2025, 3, 21));
    }

    #[test]
    fn malformed_and_out_of_range_dates_have_their_codes() {
        assert_eq!(parse_date(""), Err(ErrorCode::Required));
        assert_eq!(parse_date("1403/12"), Err(ErrorCode::DateFormat));
        assert_eq!(parse_date("1403.12.30"), Err(ErrorCode::DateFormat));
        assert_eq!(parse_date("03/12/30"), Err(ErrorCode::DateFormat));
        assert_eq!(parse_date("2025-02-30"), Err(ErrorCode::DateFormat));
        assert_eq!(parse_date("1250/01/01"), Err(ErrorCode::DateOutOfRange));
        assert_eq!(parse_date("1850-01-01"), Err(ErrorCode::DateOutOfRange));
    }

    #[test]
    fn every_day_for_two_centuries_round_trips() {
        let mut day = NaiveDate::from_ymd_opt(1922, 1, 1).expect("valid");
        let end = NaiveDate::from_ymd_opt(2120, 12, 31).expect("valid");
        while day <= end {
            assert_eq!(JalaliDate::from_gregorian(day).to_gregorian(), Ok(day));
            day = day.succ_opt().expect("next day");
        }
    }
}
