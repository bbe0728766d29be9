//! The share register (دفتر سهام) as a sheet: what the register screen shows — each member's
//! status, shares, subscribed, paid and unpaid rials, percent of the capital and the day the rest
//! falls due — with the member's current certificate, and a totals row.

use std::collections::HashMap;

use super::words;
use crate::xlsx::{Cell, Sheet};
use crate::{Result, Store, shares};

const HEADERS: [&str; 13] = [
    "شماره عضویت",
    "نام",
    "کد ملی / شناسه ملی",
    "وضعیت",
    "تعداد سهام",
    "سرمایه تعهدشده (ریال)",
    "پرداخت‌شده (ریال)",
    "مانده تعهد (ریال)",
    "درصد از سرمایه",
    "سررسید مانده",
    "شماره ورقه سهم",
    "نوع ورقه",
    "تاریخ صدور ورقه",
];

/// A holder's uncancelled certificate: serial, kind in words, issue day.
type Current = (u32, &'static str, Option<chrono::NaiveDate>);

/// Each holder's uncancelled certificate.
fn current_certificates(store: &Store) -> Result<HashMap<u32, Current>> {
    let mut stmt = store.conn().prepare(
        "SELECT membership_no, serial, kind, issued_on FROM share_certificate WHERE cancelled_on IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(2)?;
        let issued: String = r.get(3)?;
        Ok((
            r.get::<_, u32>(0)?,
            (
                r.get::<_, u32>(1)?,
                if kind == "final" { "ورقه سهم" } else { "گواهی موقت سهم" },
                issued.parse().ok(),
            ),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn sheets(store: &Store) -> Result<Vec<Sheet>> {
    let register = shares::register(store)?;
    let certificates = current_certificates(store)?;
    let mut sheet = Sheet::new("دفتر سهام", &HEADERS);
    for row in &register.rows {
        let m = &row.member;
        let certificate = certificates.get(&m.membership_no);
        sheet.rows.push(vec![
            Cell::Count(m.membership_no.into()),
            Cell::text(&m.display_name),
            Cell::text(m.data.national_code.clone().or_else(|| m.data.legal_id.clone()).unwrap_or_default()),
            Cell::text(words::status(m.status)),
            Cell::Count(row.holding.shares.into()),
            Cell::Rials(row.holding.subscribed.into()),
            Cell::Rials(row.holding.paid.into()),
            Cell::Rials(row.holding.unpaid().into()),
            Cell::Decimal(row.percent),
            Cell::Date(row.unpaid_due),
            certificate.map_or(Cell::text(""), |c| Cell::Count(c.0.into())),
            Cell::text(certificate.map_or("", |c| c.1)),
            Cell::Date(certificate.and_then(|c| c.2)),
        ]);
    }
    let t = register.totals;
    sheet.rows.push(vec![
        Cell::text("جمع"),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::Count(t.shares.into()),
        Cell::Rials(t.subscribed.into()),
        Cell::Rials(t.paid.into()),
        Cell::Rials(t.unpaid().into()),
        Cell::text(""),
        Cell::Date(None),
        Cell::text(""),
        Cell::text(""),
        Cell::Date(None),
    ]);
    Ok(vec![sheet])
}
