//! Section `profile`: who reports — the cooperative's registered particulars (its own, not any
//! member's), its fiscal-year start, and which statute version was in force on the period's last
//! day (number and effective date only).

use hamyar_core::fiscal::FiscalYearStart;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Span, day};

/// The section `profile` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ProfileSection {
    /// The registered particulars; `null` while the profile has not been recorded.
    pub cooperative: Option<CooperativeFacts>,
    /// The Jalali month and day the fiscal year starts on (1/1 when no profile is recorded).
    pub fiscal_year_start: FiscalYearStartRef,
    /// The statute version in force on the period's last day, if any was recorded.
    pub statute: Option<StatuteRef>,
}

/// The cooperative's registered particulars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CooperativeFacts {
    /// Registered name.
    pub name: String,
    /// Legal national ID (شناسه ملی), 11 digits.
    pub legal_id: String,
    /// Registration number.
    pub registration_number: String,
    /// Registration date (ISO).
    pub registration_date: String,
    /// Kind by activity (`production`, `distribution`, …).
    pub kind: String,
    /// Province (`markazi`, `tehran`, …).
    pub province: String,
    /// City.
    pub city: String,
}

/// A fiscal year's first Jalali month and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct FiscalYearStartRef {
    /// Jalali month, 1–12.
    pub month: u8,
    /// Day of that month.
    pub day: u8,
}

/// A statute version by number and effective date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct StatuteRef {
    /// 1 for the first setting, one more per amendment.
    pub version: u32,
    /// The day it took effect (ISO).
    pub effective_from: String,
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<ProfileSection> {
    let row = conn
        .query_row(
            "SELECT name, legal_id, registration_number, registration_date, kind, province, city, \
             fiscal_year_start_month, fiscal_year_start_day FROM cooperative_profile WHERE singleton = 1",
            [],
            |r| {
                Ok((
                    CooperativeFacts {
                        name: r.get(0)?,
                        legal_id: r.get(1)?,
                        registration_number: r.get(2)?,
                        registration_date: r.get(3)?,
                        kind: r.get(4)?,
                        province: r.get(5)?,
                        city: r.get(6)?,
                    },
                    r.get::<_, u8>(7)?,
                    r.get::<_, u8>(8)?,
                ))
            },
        )
        .optional()?;
    let default = FiscalYearStart::default();
    let (cooperative, fiscal_year_start) = match row {
        Some((mut facts, month, day_of_month)) => {
            facts.registration_date = day(&facts.registration_date)?.to_string();
            (Some(facts), FiscalYearStartRef { month, day: day_of_month })
        }
        None => (None, FiscalYearStartRef { month: default.month, day: default.day }),
    };
    let statute = conn
        .query_row(
            "SELECT version, effective_from FROM statute_version WHERE effective_from <= ?1 \
             ORDER BY effective_from DESC, version DESC LIMIT 1",
            [span.to.to_string()],
            |r| Ok(StatuteRef { version: r.get(0)?, effective_from: r.get(1)? }),
        )
        .optional()?;
    Ok(ProfileSection { cooperative, fiscal_year_start, statute })
}
