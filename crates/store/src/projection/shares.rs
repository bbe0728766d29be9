//! Projections `share_entry` and `share_line`: the share ledger, one line per member changed.

use hamyar_core::shares::{ShareEntry, ShareEntryKind};
use rusqlite::Connection;

use super::enum_text;
use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply(
    conn: &Connection,
    entry: &JournalEntry,
    kind: ShareEntryKind,
    e: &ShareEntry,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO share_entry (event_id, kind, date, resolution, par_value, due_date, reverses, reason) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(rusqlite::params![
        entry.id,
        enum_text(&kind)?,
        e.date.to_string(),
        e.resolution,
        e.par_value.map(|p| p.to_string()),
        e.due_date.map(|d| d.to_string()),
        e.reverses,
        e.reason,
    ])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO share_line (event_id, line_no, membership_no, shares, subscribed, paid, counterparty) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, l) in e.lines.iter().enumerate() {
        stmt.execute(rusqlite::params![
            entry.id,
            i as i64,
            l.membership_no,
            l.shares,
            l.subscribed,
            l.paid,
            l.counterparty
        ])?;
    }
    if let Some(original) = &e.reverses {
        conn.execute("UPDATE share_entry SET reversed_by = ?2 WHERE event_id = ?1", [original, &entry.id])?;
    }
    let mut touched: Vec<u32> = e.lines.iter().map(|l| l.membership_no).collect();
    touched.dedup();
    for no in touched {
        super::certificate::reconcile(conn, &entry.id, e.date, no)?;
    }
    Ok(())
}
