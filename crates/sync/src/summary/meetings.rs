//! Section `meetings`: the general assemblies and board meetings that took place during the
//! period (dated within it and held — or convened and failed for lack of quorum), with their
//! resolutions and elections counted, how many were cancelled, and the seats in office on the
//! period's last day (the body, the role and the term's dates — never who holds them).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Span;

/// The section `meetings` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MeetingsSection {
    /// Meetings that took place, by day and number.
    pub held: Vec<MeetingHeld>,
    /// Meetings dated within the period that were cancelled before they were held.
    pub cancelled: u32,
    /// Sums over `held`.
    pub totals: MeetingTotals,
    /// Seats in office on the period's last day, by body, role and term.
    pub offices: Vec<OfficeSeats>,
}

/// One meeting that took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MeetingHeld {
    /// The meeting's number in the cooperative's records.
    pub meeting: u32,
    /// Day (ISO).
    pub date: String,
    /// `ordinary`, `extraordinary` or `board`.
    pub kind: String,
    /// The annual ordinary assembly.
    pub annual: bool,
    /// Call (نوبت): 1, 2 or 3.
    pub call: u8,
    /// Whether the quorum was met (a meeting that failed for lack of quorum is `false`).
    pub quorum_met: bool,
    /// Resolutions voted.
    pub resolutions: u32,
    /// Of them, passed.
    pub resolutions_passed: u32,
    /// Of them, not passed.
    pub resolutions_failed: u32,
    /// Elections held (board, inspectors).
    pub elections: u32,
}

/// Sums over the meetings that took place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MeetingTotals {
    /// General assemblies (ordinary and extraordinary) that took place.
    pub assemblies: u32,
    /// Board meetings that took place.
    pub board_meetings: u32,
    /// Meetings that failed for lack of quorum.
    pub quorum_failed: u32,
    /// Resolutions voted.
    pub resolutions: u32,
    /// Of them, passed.
    pub resolutions_passed: u32,
    /// Elections held.
    pub elections: u32,
}

/// Seats of one body and role whose term runs on the period's last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct OfficeSeats {
    /// `board` or `inspectors`.
    pub body: String,
    /// `principal` (an alternate called to a vacant seat counts here) or `alternate`.
    pub role: String,
    /// Seats filled.
    pub seats: u32,
    /// First day of the term (ISO).
    pub term_start: String,
    /// Last day of the term (ISO).
    pub term_end: String,
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<MeetingsSection> {
    let (from, to) = (span.from.to_string(), span.to.to_string());
    let mut stmt = conn.prepare(
        "SELECT m.meeting, m.date, m.kind, m.annual, m.call, m.stage <> 'failed', \
                (SELECT COUNT(*) FROM meeting_resolution r WHERE r.meeting = m.meeting), \
                (SELECT COUNT(*) FROM meeting_resolution r WHERE r.meeting = m.meeting AND r.passed), \
                (SELECT COUNT(*) FROM election e WHERE e.meeting = m.meeting) \
           FROM meeting m \
          WHERE m.date BETWEEN ?1 AND ?2 AND m.stage IN ('held', 'minuted', 'notified', 'closed', 'failed') \
          ORDER BY m.date, m.meeting",
    )?;
    let held = stmt
        .query_map([&from, &to], |r| {
            let resolutions: u32 = r.get(6)?;
            let passed: u32 = r.get(7)?;
            Ok(MeetingHeld {
                meeting: r.get(0)?,
                date: r.get(1)?,
                kind: r.get(2)?,
                annual: r.get(3)?,
                call: r.get(4)?,
                quorum_met: r.get(5)?,
                resolutions,
                resolutions_passed: passed,
                resolutions_failed: resolutions.saturating_sub(passed),
                elections: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let cancelled: u32 = conn.query_row(
        "SELECT COUNT(*) FROM meeting WHERE date BETWEEN ?1 AND ?2 AND stage = 'cancelled'",
        [&from, &to],
        |r| r.get(0),
    )?;
    let mut totals = MeetingTotals::default();
    for m in &held {
        if m.kind == "board" {
            totals.board_meetings += 1;
        } else {
            totals.assemblies += 1;
        }
        if !m.quorum_met {
            totals.quorum_failed += 1;
        }
        totals.resolutions += m.resolutions;
        totals.resolutions_passed += m.resolutions_passed;
        totals.elections += m.elections;
    }
    // A seat counts while its term runs and it is not vacated; an alternate called to a vacant
    // seat serves as a principal from the day called.
    let mut stmt = conn.prepare(
        "SELECT body, serving, COUNT(*), start, end FROM ( \
            SELECT body, start, end, \
                   CASE WHEN role = 'principal' OR (called IS NOT NULL AND called <= ?1) \
                        THEN 'principal' ELSE 'alternate' END AS serving \
              FROM office_term \
             WHERE start <= ?1 AND ?1 <= end AND (vacated IS NULL OR ?1 < vacated)) \
          GROUP BY body, serving, start, end \
          ORDER BY body, serving DESC, start, end",
    )?;
    let offices = stmt
        .query_map([&to], |r| {
            Ok(OfficeSeats {
                body: r.get(0)?,
                role: r.get(1)?,
                seats: r.get(2)?,
                term_start: r.get(3)?,
                term_end: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(MeetingsSection { held, cancelled, totals, offices })
}
