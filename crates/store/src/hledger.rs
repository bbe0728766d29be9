//! Export of the share ledger as an hledger journal, so an independent tool can recompute the
//! register (`hledger balance`): per member, `equity:capital:mNNNN` carries the subscribed
//! capital (negative, as equity), `assets:receivable:mNNNN` what is still owed, and `assets:cash`
//! what was paid in or refunded. Amounts are whole current rials (`IRR`).

use std::fmt::Write as _;

use rusqlite::Connection;

use crate::Result;

/// The whole share ledger as hledger journal text, in entry order.
pub fn journal(conn: &Connection) -> Result<String> {
    let mut out = String::from("; Hamyar share ledger, exported for hledger. Amounts in current rials.\n");
    let mut stmt = conn.prepare(
        "SELECT e.event_id, e.kind, e.date, l.membership_no, l.subscribed, l.paid FROM share_entry e \
         JOIN share_line l ON l.event_id = e.event_id JOIN journal j ON j.id = e.event_id \
         ORDER BY e.date, j.hlc, j.device_id, l.line_no",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    let mut current: Option<String> = None;
    for row in rows {
        let (event_id, kind, date, member, subscribed, paid) = row?;
        if current.as_deref() != Some(&event_id) {
            let _ = write!(out, "\n{date} share {kind}  ; entry:{event_id}\n");
            current = Some(event_id);
        }
        let mut post = |account: String, amount: i64| {
            if amount != 0 {
                let _ = writeln!(out, "    {account:<36}  {amount} IRR");
            }
        };
        post(format!("equity:capital:m{member:04}"), -subscribed);
        post(format!("assets:receivable:m{member:04}"), subscribed - paid);
        post("assets:cash".to_owned(), paid);
    }
    Ok(out)
}
