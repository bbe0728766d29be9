//! Section `members`: the register in numbers — who was a member on the period's last day, by
//! status, kind and gender, and how many joined, were admitted by the board and left during it.
//!
//! Status on a past day is rebuilt rather than read from the register (which holds today's):
//! a member counts from their joining day; an exit counts from its day; an applicant becomes
//! active on the day of the board's admission (`member.activate`, read from the journal, which
//! is the only place that keeps that day).


use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Span;

/// The section `members` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MembersSection {
    /// The register on the period's last day, by status (everyone who had joined by then).
    pub by_status: StatusCounts,
    /// Active members on the period's last day.
    pub active: u32,
    /// Those active members by kind.
    pub active_by_kind: KindCounts,
    /// Those active members by gender (legal persons and members without a recorded gender are
    /// `unspecified`).
    pub active_by_gender: GenderCounts,
    /// Active members who work in the cooperative (as the register says today).
    pub active_working: u32,
    /// Joined during the period (as members or applicants).
    pub joined: u32,
    /// Applicants admitted by the board during the period.
    pub admitted: u32,
    /// Left during the period, by reason.
    pub left: ExitCounts,
}

/// Members by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct StatusCounts {
    /// Applied, not yet admitted by the board (متقاضی).
    pub applicant: u32,
    /// Active (عضو فعال).
    pub active: u32,
    /// Withdrew (خروج به درخواست عضو).
    pub withdrawn: u32,
    /// Expelled (اخراج).
    pub expelled: u32,
    /// Deceased (فوت).
    pub deceased: u32,
}

/// Members by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct KindCounts {
    /// Natural persons (شخص حقیقی).
    pub person: u32,
    /// Legal persons (شخص حقوقی).
    pub legal: u32,
}

/// Members by gender.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct GenderCounts {
    /// Women.
    pub female: u32,
    /// Men.
    pub male: u32,
    /// Not recorded, or a legal person.
    pub unspecified: u32,
}

/// Exits by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ExitCounts {
    /// All exits.
    pub total: u32,
    /// Withdrawals.
    pub withdrawn: u32,
    /// Expulsions.
    pub expelled: u32,
    /// Deaths.
    pub deceased: u32,
}

struct Row {
    kind: String,
    gender: Option<String>,
    works: bool,
    status: String,
    joined: String,
    exit_date: Option<String>,
    /// Admitted as an applicant (the board's admission came later, if at all).
    applicant_admitted: bool,
    /// The day the board admitted them (`member.activate`).
    activated_on: Option<String>,
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<MembersSection> {
    let (from, to) = (span.from.to_string(), span.to.to_string());
    let mut stmt = conn.prepare(
        "SELECT membership_no, kind, json_extract(particulars, '$.gender'), \
                COALESCE(json_extract(particulars, '$.works_in_coop'), 0), status, joined, exit_date, \
                admitted_as_applicant, activated_on \
           FROM member ORDER BY membership_no",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Row {
                    kind: r.get(1)?,
                    gender: r.get(2)?,
                    works: r.get(3)?,
                    status: r.get(4)?,
                    joined: r.get(5)?,
                    exit_date: r.get(6)?,
                    applicant_admitted: r.get(7)?,
                    activated_on: r.get(8)?,
                })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let mut s = MembersSection {
        by_status: StatusCounts::default(),
        active: 0,
        active_by_kind: KindCounts::default(),
        active_by_gender: GenderCounts::default(),
        active_working: 0,
        joined: 0,
        admitted: 0,
        left: ExitCounts::default(),
    };
    let within = |d: &str| from.as_str() <= d && d <= to.as_str();
    for m in rows {
        let activation = m.activated_on.as_ref();
        if within(&m.joined) {
            s.joined += 1;
        }
        if activation.is_some_and(|d| within(d)) {
            s.admitted += 1;
        }
        if m.exit_date.as_deref().is_some_and(within) {
            s.left.total += 1;
            match m.status.as_str() {
                "withdrawn" => s.left.withdrawn += 1,
                "expelled" => s.left.expelled += 1,
                "deceased" => s.left.deceased += 1,
                _ => {}
            }
        }
        if m.joined.as_str() > to.as_str() {
            continue;
        }
        let exited = m.exit_date.as_deref().is_some_and(|d| d <= to.as_str());
        let status = if exited {
            m.status.as_str()
        } else if m.status == "applicant"
            || (m.applicant_admitted && activation.is_none_or(|d| d.as_str() > to.as_str()))
        {
            "applicant"
        } else {
            "active"
        };
        match status {
            "applicant" => s.by_status.applicant += 1,
            "withdrawn" => s.by_status.withdrawn += 1,
            "expelled" => s.by_status.expelled += 1,
            "deceased" => s.by_status.deceased += 1,
            _ => {
                s.by_status.active += 1;
                s.active += 1;
                if m.kind == "legal" {
                    s.active_by_kind.legal += 1;
                } else {
                    s.active_by_kind.person += 1;
                }
                match m.gender.as_deref() {
                    Some("female") if m.kind != "legal" => s.active_by_gender.female += 1,
                    Some("male") if m.kind != "legal" => s.active_by_gender.male += 1,
                    _ => s.active_by_gender.unspecified += 1,
                }
                if m.works {
                    s.active_working += 1;
                }
            }
        }
    }
    Ok(s)
}
