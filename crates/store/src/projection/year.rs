//! Projections of `year.close` and `year.approve`.

use hamyar_core::year::{YearApproved, YearClosed};
use rusqlite::{Connection, params};

use super::enum_text;
use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply_close(conn: &Connection, entry: &JournalEntry, c: &YearClosed) -> Result<()> {
    conn.execute(
        "INSERT INTO fiscal_year (year, date_from, date_to, net_result, legal_reserve_opening, \
            precautionary_reserve_opening, average_capital, shares, subscribed, paid, note, event_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            c.year,
            c.from.to_string(),
            c.to.to_string(),
            c.net_result,
            c.legal_reserve_opening,
            c.precautionary_reserve_opening,
            c.average_capital,
            c.capital.shares,
            c.capital.subscribed,
            c.capital.paid,
            c.note,
            entry.id,
        ],
    )?;
    // The year's days are closed like a period: nothing new may be dated in them.
    let note = if c.note.is_empty() { format!("year {}", c.year) } else { c.note.clone() };
    conn.execute(
        "INSERT INTO closed_period (event_id, through, note) VALUES (?1, ?2, ?3)",
        params![entry.id, c.to.to_string(), note],
    )?;
    Ok(())
}

pub(crate) fn apply_approve(conn: &Connection, entry: &JournalEntry, a: &YearApproved) -> Result<()> {
    conn.execute(
        "UPDATE fiscal_year SET approved_event = ?2, meeting = ?3, resolution = ?4, approved_on = ?5, \
            legal_reserve_closing = ?6, precautionary_reserve_closing = ?7 WHERE year = ?1",
        params![
            a.year,
            entry.id,
            a.meeting,
            a.resolution,
            a.date.to_string(),
            a.legal_reserve_closing,
            a.precautionary_reserve_closing
        ],
    )?;
    for part in &a.proposal.parts {
        conn.execute(
            "INSERT INTO distribution_part (year, kind, amount) VALUES (?1, ?2, ?3)",
            params![a.year, enum_text(&part.kind)?, part.amount],
        )?;
    }
    for p in &a.payouts {
        conn.execute(
            "INSERT INTO distribution_line (year, membership_no, return_on_shares, surplus_by_work, total, \
                new_shares, capitalised, payable) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                a.year,
                p.membership_no,
                p.amounts.return_on_shares,
                p.amounts.surplus_by_work,
                p.amounts.total,
                p.new_shares,
                p.capitalised,
                p.payable
            ],
        )?;
    }
    Ok(())
}
