//! The wall clock as Iranian users read it: Asia/Tehran has been UTC+03:30 all year since 2022
//! (daylight saving abolished), so a fixed offset is exact for every date Hamyar records now.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

/// UTC+03:30.
pub fn tehran_offset() -> FixedOffset {
    // 3 h 30 min is always a valid offset; the fallback only satisfies the type.
    FixedOffset::east_opt(3 * 3600 + 30 * 60).unwrap_or_else(|| Utc.fix())
}

/// The calendar day in Tehran at the instant `now`.
pub fn tehran_date(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&tehran_offset()).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn tehran_day_starts_at_20_30_utc() {
        let before = Utc.with_ymd_and_hms(2025, 3, 20, 20, 29, 59).single().expect("valid");
        let after = Utc.with_ymd_and_hms(2025, 3, 20, 20, 30, 0).single().expect("valid");
        assert_eq!(tehran_date(before), NaiveDate::from_ymd_opt(2025, 3, 20).expect("valid"));
        assert_eq!(tehran_date(after), NaiveDate::from_ymd_opt(2025, 3, 21).expect("valid"));
    }
}
