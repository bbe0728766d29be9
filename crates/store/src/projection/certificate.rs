//! Projection `share_certificate`: after every share entry, each member it touched holds exactly
//! the certificate their holding calls for — cancelled and reissued when the shares change or the
//! holding becomes fully paid (temporary → final).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::Result;

pub(crate) fn reconcile(conn: &Connection, event_id: &str, date: NaiveDate, no: u32) -> Result<()> {
    let (shares, subscribed, paid): (i64, i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(shares), 0), COALESCE(SUM(subscribed), 0), COALESCE(SUM(paid), 0) \
         FROM share_line WHERE membership_no = ?1",
        [no],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let wanted = (shares > 0).then_some(if paid >= subscribed { "final" } else { "temporary" });
    let current: Option<(i64, i64, String)> = conn
        .query_row(
            "SELECT serial, shares, kind FROM share_certificate WHERE membership_no = ?1 AND cancelled_on IS NULL",
            [no],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let unchanged = match (&current, wanted) {
        (Some((_, held, kind)), Some(w)) => *held == shares && kind == w,
        (None, None) => true,
        _ => false,
    };
    if unchanged {
        return Ok(());
    }
    if let Some((serial, _, _)) = current {
        conn.execute(
            "UPDATE share_certificate SET cancelled_on = ?2, cancelled_by = ?3 WHERE serial = ?1",
            rusqlite::params![serial, date.to_string(), event_id],
        )?;
    }
    if let Some(kind) = wanted {
        conn.execute(
            "INSERT INTO share_certificate (serial, membership_no, shares, subscribed, paid, kind, issued_on, issued_by) \
             VALUES ((SELECT COALESCE(MAX(serial), 0) + 1 FROM share_certificate), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![no, shares, subscribed, paid, kind, date.to_string(), event_id],
        )?;
    }
    Ok(())
}
