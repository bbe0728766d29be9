//! A member's share statement (صورت‌حساب سهام) as sheets: what the printed statement shows — the
//! member and their balance, and every entry that touched them in date order (reversed ones
//! marked) with the totals row.

use super::words;
use crate::xlsx::{Cell, Sheet};
use crate::{Result, Store, shares};

const HEADERS: [&str; 8] =
    ["ردیف", "تاریخ", "شرح", "تعداد سهام", "مبلغ تعهد (ریال)", "پرداخت (ریال)", "شماره مصوبه", "برگشت‌خورده"];

pub(super) fn sheets(store: &Store, no: u32) -> Result<Vec<Sheet>> {
    let s = shares::statement(store, no)?;
    let m = &s.member;
    let h = s.holding;
    let mut member = Sheet::new("عضو", &["شرح", "مقدار"]);
    member.rows = [
        ("عضو", Cell::text(&m.display_name)),
        ("شماره عضویت", Cell::Count(no.into())),
        (
            "کد ملی / شناسه ملی",
            Cell::text(m.data.national_code.clone().or_else(|| m.data.legal_id.clone()).unwrap_or_default()),
        ),
        ("وضعیت", Cell::text(words::status(m.status))),
        ("تاریخ عضویت", Cell::Date(Some(m.joined))),
        ("تعداد سهام", Cell::Count(h.shares.into())),
        ("سرمایه تعهدشده (ریال)", Cell::Rials(h.subscribed.into())),
        ("پرداخت‌شده (ریال)", Cell::Rials(h.paid.into())),
        ("مانده تعهد (ریال)", Cell::Rials(h.unpaid().into())),
        ("درصد از سرمایه", Cell::Decimal(s.percent)),
    ]
    .into_iter()
    .map(|(label, value)| vec![Cell::text(label), value])
    .collect();
    let mut entries = Sheet::new("صورت‌حساب", &HEADERS);
    for (i, e) in (1_i128..).zip(&s.entries) {
        entries.rows.push(vec![
            Cell::Count(i),
            Cell::Date(Some(e.date)),
            Cell::text(words::entry_kind(e.kind)),
            Cell::Count(e.line.shares.into()),
            Cell::Rials(e.line.subscribed.into()),
            Cell::Rials(e.line.paid.into()),
            Cell::text(e.resolution.clone().unwrap_or_default()),
            Cell::text(if e.reversed_by.is_some() { words::yes_no(true) } else { "" }),
        ]);
    }
    entries.rows.push(vec![
        Cell::text("جمع"),
        Cell::Date(None),
        Cell::text(""),
        Cell::Count(h.shares.into()),
        Cell::Rials(h.subscribed.into()),
        Cell::Rials(h.paid.into()),
        Cell::text(""),
        Cell::text(""),
    ]);
    Ok(vec![member, entries])
}
