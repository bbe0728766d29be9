//! The figures the dashboard shows, read from the projections and the journal.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::profile::CooperativeProfile;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::members::{self, MemberStats};
use crate::projection::profile as projection;
use crate::{Result, Store};

/// The cooperative at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    /// Today in Tehran (ISO date).
    #[ts(type = "string")]
    pub today: NaiveDate,
    /// The profile, or `None` before the first run is done.
    pub profile: Option<CooperativeProfile>,
    /// The journal's size and freshness.
    pub journal: JournalStats,
    /// The fiscal year containing today, once the profile says when years start.
    pub fiscal_year: Option<FiscalYearSpan>,
    /// Member counts and the minimum-members alarm.
    pub members: MemberStats,
}

/// How much the journal holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalStats {
    /// Events recorded.
    pub event_count: u32,
    /// Devices whose chains the journal holds.
    pub device_count: u32,
    /// Wall time of the newest event (RFC 3339 UTC).
    pub last_event_at: Option<String>,
}

/// The current fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FiscalYearSpan {
    /// First day (ISO).
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// Last day (ISO).
    #[ts(type = "string")]
    pub end: NaiveDate,
    /// Days from the first day to today, today included.
    pub days_elapsed: u32,
    /// Days after today until the year ends.
    pub days_left: u32,
}

/// Reads the dashboard's figures as of `now`.
pub fn figures(store: &Store, now: DateTime<Utc>) -> Result<Dashboard> {
    let conn = store.conn();
    let today = tehran_date(now);
    let profile = projection::read(conn)?;
    let journal =
        conn.query_row("SELECT COUNT(*), COUNT(DISTINCT device_id), MAX(wall_time) FROM journal", [], |r| {
            Ok(JournalStats { event_count: r.get(0)?, device_count: r.get(1)?, last_event_at: r.get(2)? })
        })?;
    let fiscal_year = profile.as_ref().and_then(|p| {
        let (start, end) = p.data.fiscal_year_start().year_containing(today).ok()?;
        let days = |from: NaiveDate, to: NaiveDate| u32::try_from((to - from).num_days()).unwrap_or(0);
        Some(FiscalYearSpan { start, end, days_elapsed: days(start, today) + 1, days_left: days(today, end) })
    });
    let members = members::stats(conn, today)?;
    Ok(Dashboard { today, profile, journal, fiscal_year, members })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::{input, now};

    #[test]
    fn an_empty_ledger_has_no_profile_and_no_year() {
        let store = Store::open_in_memory().expect("store");
        let d = figures(&store, now()).expect("figures");
        assert_eq!(d.profile, None);
        assert_eq!(d.fiscal_year, None);
        assert_eq!(d.journal, JournalStats { event_count: 0, device_count: 0, last_event_at: None });
        assert_eq!(d.today, NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid"));
    }

    #[test]
    fn the_fiscal_year_comes_from_the_profile() {
        let mut store = Store::open_in_memory().expect("store");
        crate::profile::save(&mut store, "test", now(), &input()).expect("saved");
        let d = figures(&store, now()).expect("figures");
        let fy = d.fiscal_year.expect("a fiscal year");
        // 1405: 2026-03-21 … 2027-03-20 (1405 is common); 2026-11-28 is day 253.
        assert_eq!((fy.start.to_string(), fy.end.to_string()), ("2026-03-21".into(), "2027-03-20".into()));
        assert_eq!((fy.days_elapsed, fy.days_left), (253, 112));
        assert_eq!(d.journal.event_count, 1);
        assert_eq!(d.journal.device_count, 1);
    }
}
