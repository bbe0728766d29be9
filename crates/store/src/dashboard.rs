//! The figures the dashboard shows, read from the projections and the journal.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::profile::CooperativeProfile;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::meetings;
use crate::members::{self, MemberStats};
use crate::production::{self, MonthTotal, PassRate, ProductTotal, Workforce};
use crate::projection::profile as projection;
use crate::{Result, Store};
use hamyar_core::meeting::record::Body;

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
    /// Share capital, subscribed and paid.
    pub capital: CapitalFigures,
    /// This month's production against the same month last year, and the last twelve months.
    pub production: ProductionFigures,
    /// Dates the board must not miss, soonest first.
    pub deadlines: Vec<Deadline>,
}

/// Share capital at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CapitalFigures {
    /// Subscribed capital, rials.
    #[ts(type = "string")]
    pub subscribed: String,
    /// Paid capital, rials.
    #[ts(type = "string")]
    pub paid: String,
    /// Members who owe part of their subscription.
    pub members_owing: u32,
}

/// Production at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductionFigures {
    /// This Jalali month, `1405-09`.
    pub month: String,
    /// Value made this month so far, rials.
    #[ts(type = "string")]
    pub month_value: String,
    /// Value made in the same month a year ago, rials.
    #[ts(type = "string")]
    pub last_year_value: String,
    /// This month by product.
    pub products: Vec<ProductTotal>,
    /// The twelve months ending this month.
    pub months: Vec<MonthTotal>,
    /// The same twelve months a year earlier.
    pub months_last_year: Vec<MonthTotal>,
    /// The newest month's workforce.
    pub workforce: Option<Workforce>,
    /// Lab tests passed this fiscal year (over all products).
    pub pass_rate: Option<PassRate>,
}

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DeadlineKind {
    /// A member's unpaid subscription falls due.
    UnpaidShares,
    /// The annual assembly's notice must be published.
    AnnualNotice,
    /// The annual assembly must be held.
    AnnualAssembly,
    /// The board's term is ending: the day its election assembly's notice is due (two months before the term ends).
    BoardTerm,
    /// The inspectors' term ends.
    InspectorTerm,
    /// An inspector's seat fell vacant: the day by which the board must call the alternate.
    InspectorVacancy,
}

/// A date the board must not miss.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Deadline {
    /// What it is.
    pub kind: DeadlineKind,
    /// The day (ISO).
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The member concerned, when one is.
    pub membership_no: Option<u32>,
    /// Their name.
    pub name: Option<String>,
    /// Already past.
    pub overdue: bool,
}

/// How much the journal holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct JournalStats {
    /// Events recorded.
    pub event_count: u32,
    /// Devices whose chains the journal holds.
    pub device_count: u32,
    /// Wall time of the newest event to arrive (RFC 3339 UTC).
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
        // Indexed reads only: the journal can hold millions of events. Rows only ever arrive (the
        // triggers refuse UPDATE and DELETE) with `seq` = the next integer, so the newest `seq` is
        // the count; `verify` walks every row. The newest arrival's wall time stands for freshness.
        conn.query_row(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM journal), \
             (SELECT COUNT(*) FROM device d WHERE EXISTS (SELECT 1 FROM journal j WHERE j.device_id = d.id)), \
             (SELECT wall_time FROM journal ORDER BY seq DESC LIMIT 1)",
            [],
            |r| Ok(JournalStats { event_count: r.get(0)?, device_count: r.get(1)?, last_event_at: r.get(2)? }),
        )?;
    let fiscal_year = profile.as_ref().and_then(|p| {
        let (start, end) = p.data.fiscal_year_start().year_containing(today).ok()?;
        let days = |from: NaiveDate, to: NaiveDate| u32::try_from((to - from).num_days()).unwrap_or(0);
        Some(FiscalYearSpan { start, end, days_elapsed: days(start, today) + 1, days_left: days(today, end) })
    });
    let members = members::stats(conn, today)?;
    let (capital, mut deadlines) = capital_and_dues(store, today)?;
    if profile.is_some() {
        deadlines.extend(meeting_deadlines(conn, today)?);
    }
    let production = production_figures(conn, today, fiscal_year.as_ref())?;
    deadlines.sort_by_key(|d| d.date);
    deadlines.truncate(MAX_DEADLINES);
    Ok(Dashboard { today, profile, journal, fiscal_year, members, capital, production, deadlines })
}

/// The annual assembly's deadlines (until it is held) and the ends of the terms in office: for the
/// board, the day its election notice is due (two months before the term ends).
fn meeting_deadlines(conn: &rusqlite::Connection, today: NaiveDate) -> Result<Vec<Deadline>> {
    let mut out = Vec::new();
    let annual = meetings::annual_status(conn, today)?;
    let (values, _) = members::statute_or_default(conn, today)?;
    if annual.held.is_none() {
        for (kind, date) in [
            (DeadlineKind::AnnualNotice, annual.deadlines.notice_by),
            (DeadlineKind::AnnualAssembly, annual.deadlines.assembly_by),
        ] {
            out.push(Deadline { kind, date, membership_no: None, name: None, overdue: date < today });
        }
    }
    for body in [Body::Board, Body::Inspectors] {
        let Some(end) = meetings::in_office(conn, body, today)?.iter().map(|o| o.end).max() else { continue };
        let (kind, date) = match body {
            Body::Board => (
                DeadlineKind::BoardTerm,
                hamyar_core::meeting::election_notice_deadline(&values, end).unwrap_or(end),
            ),
            Body::Inspectors => (DeadlineKind::InspectorTerm, end),
        };
        out.push(Deadline { kind, date, membership_no: None, name: None, overdue: date < today });
    }
    for (officer, due) in meetings::inspector_vacancies(conn)? {
        out.push(Deadline {
            kind: DeadlineKind::InspectorVacancy,
            date: due,
            membership_no: Some(officer.membership_no),
            name: Some(officer.name),
            overdue: due < today,
        });
    }
    Ok(out)
}

/// Deadlines shown at most.
const MAX_DEADLINES: usize = 8;

fn capital_and_dues(store: &Store, today: NaiveDate) -> Result<(CapitalFigures, Vec<Deadline>)> {
    let rows = members::list(store)?;
    let (mut subscribed, mut paid, mut owing) = (0i128, 0i128, 0u32);
    let mut deadlines = Vec::new();
    for r in &rows {
        subscribed += i128::from(r.holding.subscribed);
        paid += i128::from(r.holding.paid);
        if r.holding.unpaid() > 0 {
            owing += 1;
        }
        if let Some(due) = r.unpaid_due {
            deadlines.push(Deadline {
                kind: DeadlineKind::UnpaidShares,
                date: due,
                membership_no: Some(r.member.membership_no),
                name: Some(r.member.display_name.clone()),
                overdue: due < today,
            });
        }
    }
    let capital =
        CapitalFigures { subscribed: subscribed.to_string(), paid: paid.to_string(), members_owing: owing };
    Ok((capital, deadlines))
}

fn production_figures(
    conn: &rusqlite::Connection,
    today: NaiveDate,
    fiscal_year: Option<&FiscalYearSpan>,
) -> Result<ProductionFigures> {
    let year_ago = today.checked_sub_months(chrono::Months::new(12)).unwrap_or(today);
    let months = production::monthly(conn, today, 12)?;
    let months_last_year = production::monthly(conn, year_ago, 12)?;
    let this = months.last().cloned();
    let month = this.as_ref().map(|m| m.month.clone()).unwrap_or_default();
    let summary = production::summary(conn, &month)?;
    let last_year_value = months_last_year.last().map(|m| m.value.clone()).unwrap_or_else(|| "0".into());
    let pass_rate = match fiscal_year {
        Some(fy) => production::pass_rates(conn, fy.start, fy.end)?.into_iter().find(|r| r.product == 0),
        None => None,
    };
    Ok(ProductionFigures {
        month,
        month_value: summary.total_value,
        last_year_value,
        products: summary.products,
        months,
        months_last_year,
        workforce: production::latest_workforce(conn, today)?,
        pass_rate,
    })
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
