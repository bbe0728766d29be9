//! The fiscal year (سال مالی): set by the statute, by default 1 Farvardin to the end of Esfand.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;
use crate::jalali::{JalaliDate, days_in_month};

/// The Jalali month and day on which every fiscal year starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiscalYearStart {
    /// Jalali month, 1–12.
    pub month: u8,
    /// Day of that month.
    pub day: u8,
}

impl Default for FiscalYearStart {
    fn default() -> Self {
        Self { month: 1, day: 1 }
    }
}

impl FiscalYearStart {
    /// Checks that every Jalali year has this day (so 30 Esfand is refused: common years lack it).
    pub fn new(month: u8, day: u8) -> Result<Self, ErrorCode> {
        let longest_common = match month {
            1..=6 => 31,
            7..=11 => 30,
            12 => 29,
            _ => return Err(ErrorCode::FiscalYearStartInvalid),
        };
        if day == 0 || day > longest_common {
            return Err(ErrorCode::FiscalYearStartInvalid);
        }
        Ok(Self { month, day })
    }

    /// The fiscal year that contains `date`: its first and last day (Gregorian).
    pub fn year_containing(self, date: NaiveDate) -> Result<(NaiveDate, NaiveDate), ErrorCode> {
        let j = JalaliDate::from_gregorian(date);
        let start_in =
            |year: i32| JalaliDate::new(year, self.month, self.day.min(days_in_month(year, self.month)));
        let mut start = start_in(j.year)?.to_gregorian()?;
        if start > date {
            start = start_in(j.year - 1)?.to_gregorian()?;
        }
        let next_start = start_in(JalaliDate::from_gregorian(start).year + 1)?.to_gregorian()?;
        let end = next_start.pred_opt().ok_or(ErrorCode::DateOutOfRange)?;
        Ok((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn default_year_runs_farvardin_to_esfand() {
        let fy = FiscalYearStart::default();
        // 1403 is leap: it ends on 30 Esfand = 2025-03-20.
        assert_eq!(fy.year_containing(d(2024, 10, 1)), Ok((d(2024, 3, 20), d(2025, 3, 20))));
        // 1404 is common: it ends on 29 Esfand = 2026-03-20.
        assert_eq!(fy.year_containing(d(2025, 3, 21)), Ok((d(2025, 3, 21), d(2026, 3, 20))));
        assert_eq!(fy.year_containing(d(2026, 3, 20)), Ok((d(2025, 3, 21), d(2026, 3, 20))));
    }

    #[test]
    fn a_mid_year_start_spans_two_jalali_years() {
        // Starts 1 Mehr: the year containing 1404/01/15 began 1403/07/01.
        let fy = FiscalYearStart::new(7, 1).expect("valid start");
        let date = JalaliDate::new(1404, 1, 15).and_then(JalaliDate::to_gregorian).expect("valid");
        let (start, end) = fy.year_containing(date).expect("in range");
        assert_eq!(JalaliDate::from_gregorian(start).to_ascii(), "1403/07/01");
        assert_eq!(JalaliDate::from_gregorian(end).to_ascii(), "1404/06/31");
    }

    #[test]
    fn impossible_starts_are_refused() {
        for (m, day) in [(0, 1), (13, 1), (1, 0), (1, 32), (7, 31), (12, 30)] {
            assert_eq!(FiscalYearStart::new(m, day), Err(ErrorCode::FiscalYearStartInvalid), "{m}/{day}");
        }
        assert!(FiscalYearStart::new(12, 29).is_ok());
    }
}
