//! Projection of `report.close`: the reports closed for the national registry.

use hamyar_core::event::ReportClosed;
use rusqlite::{Connection, params};

use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply_close(conn: &Connection, entry: &JournalEntry, r: &ReportClosed) -> Result<()> {
    conn.execute(
        "INSERT INTO report (report_id, period, date_from, date_to, supersedes, summary_hash, \
            content_hash, document, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            r.report_id,
            r.period,
            r.from.to_string(),
            r.to.to_string(),
            r.supersedes,
            r.summary_hash,
            r.content_hash,
            r.document,
            entry.id,
        ],
    )?;
    Ok(())
}
