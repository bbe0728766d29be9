//! Section `workforce`: who worked in the cooperative, month by month, as the board recorded it
//! for each Jalali month of the period (members who work, employees who are not members, women,
//! insured) and the hours members worked. Months without a record are counted, not invented.

use hamyar_core::jalali::JalaliDate;
use hamyar_core::production::month_key;
use rusqlite::Connection;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Span, centi};

/// The section `workforce` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkforceSection {
    /// The months recorded, in order.
    pub months: Vec<WorkforceMonthLine>,
    /// Jalali months the period spans.
    pub months_in_period: u32,
    /// Of them, recorded.
    pub months_recorded: u32,
    /// Average headcount over the months recorded (two places, half away from zero; `"0.00"`
    /// when none was).
    #[ts(type = "string")]
    pub average_headcount: String,
    /// Hours members worked in the months recorded.
    #[ts(type = "string")]
    pub hours: String,
}

/// One month's workforce.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkforceMonthLine {
    /// The Jalali month, `1404-08`.
    pub month: String,
    /// Members who work in the cooperative.
    pub member_workers: u32,
    /// Employees who are not members.
    pub employees: u32,
    /// Everyone who works.
    pub headcount: u32,
    /// Women among them.
    pub women: u32,
    /// Insured among them.
    pub insured: u32,
    /// Hours members worked.
    #[ts(type = "string")]
    pub hours: String,
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<WorkforceSection> {
    // A month belongs to the period its first day falls in (a fiscal year may start mid-month).
    let index = |key: i32| key / 100 * 12 + key % 100 - 1;
    let start = JalaliDate::from_gregorian(span.from);
    let first_index = index(month_key(span.from)) + i32::from(start.day != 1);
    let first = first_index.div_euclid(12) * 100 + first_index.rem_euclid(12) + 1;
    let last = month_key(span.to);
    let months_in_period = u32::try_from(index(last) - first_index + 1).unwrap_or(0);
    let mut stmt = conn.prepare(
        "SELECT m.month, m.member_workers, m.employees, m.women, m.insured, \
                (SELECT COALESCE(SUM(h.hours_centi), 0) FROM workforce_hours h WHERE h.month = m.month) \
           FROM workforce_month m WHERE m.month BETWEEN ?1 AND ?2 ORDER BY m.month",
    )?;
    let rows = stmt
        .query_map([first, last], |r| {
            Ok((
                r.get::<_, i32>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, u32>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (mut headcounts, mut hours) = (0_i64, 0_i64);
    let mut months = Vec::with_capacity(rows.len());
    for (month, member_workers, employees, women, insured, centis) in rows {
        let headcount = member_workers.saturating_add(employees);
        headcounts += i64::from(headcount);
        hours += centis;
        months.push(WorkforceMonthLine {
            month: format!("{}-{:02}", month / 100, month % 100),
            member_workers,
            employees,
            headcount,
            women,
            insured,
            hours: centi(centis),
        });
    }
    let recorded = u32::try_from(months.len()).unwrap_or(u32::MAX);
    let mut average = if recorded == 0 {
        Decimal::ZERO
    } else {
        (Decimal::from(headcounts) / Decimal::from(recorded))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    };
    average.rescale(2);
    Ok(WorkforceSection {
        months,
        months_in_period,
        months_recorded: recorded,
        average_headcount: average.to_string(),
        hours: centi(hours),
    })
}
