//! Exports to XLSX and CSV (خروجی اکسل): the member register, the share register, a member's
//! statement, the meetings (the list, or one meeting's attendance and resolutions) and a period's
//! production — each a module that turns its query into [`Sheet`]s, all written by the one writer
//! in [`crate::xlsx`].

mod meetings;
mod production;
mod share_register;
mod statement;
pub(crate) mod words;

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::xlsx::{self, Sheet};
use crate::{Result, Store};

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ExportRequest {
    /// The member register with each holding as an opening balance (the member import's columns).
    Members,
    /// The share register (دفتر سهام): every member's holding, certificate and the totals.
    ShareRegister,
    /// A member's share statement (صورت‌حساب سهام).
    Statement {
        /// The member.
        membership_no: u32,
    },
    /// The list of meetings.
    Meetings,
    /// One meeting: its particulars, attendance and resolutions, a sheet each.
    Meeting {
        /// The meeting's number.
        meeting: u32,
    },
    /// A period's production: its entries, the months' totals and the products' totals.
    Production {
        /// The period (`1403-12`, `1403-Q4`, `1403`).
        period: String,
    },
}

impl ExportRequest {
    /// The file name a save offers (without the extension).
    pub fn file_stem(&self) -> String {
        match self {
            Self::Members => "members".into(),
            Self::ShareRegister => "share-register".into(),
            Self::Statement { membership_no } => format!("statement-{membership_no}"),
            Self::Meetings => "meetings".into(),
            Self::Meeting { meeting } => format!("meeting-{meeting}"),
            Self::Production { period } => {
                // Only the period's digits, letters and dashes: never a path separator.
                let safe: String =
                    period.trim().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
                format!("production-{safe}")
            }
        }
    }
}

/// The sheets of an export, read from the ledger as it stands (`now` dates the percentages' due days).
pub fn sheets(store: &Store, request: &ExportRequest, now: DateTime<Utc>) -> Result<Vec<Sheet>> {
    match request {
        ExportRequest::Members => Ok(vec![crate::member_import::register_sheet(store)?]),
        ExportRequest::ShareRegister => share_register::sheets(store),
        ExportRequest::Statement { membership_no } => statement::sheets(store, *membership_no),
        ExportRequest::Meetings => meetings::list_sheets(store.conn()),
        ExportRequest::Meeting { meeting } => meetings::meeting_sheets(store.conn(), *meeting, now),
        ExportRequest::Production { period } => production::sheets(store.conn(), period),
    }
}

/// Writes an export to `path`, XLSX or CSV by its extension, whole or not at all; the rows written.
pub fn write(store: &Store, request: &ExportRequest, path: &Path, now: DateTime<Utc>) -> Result<usize> {
    let sheets = sheets(store, request, now)?;
    xlsx::write(path, &sheets)
}
