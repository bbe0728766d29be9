//! A period's production as sheets: its entries (with the members who did the work), the value
//! made in each month of the period, and the totals by product — what the production screen's
//! grid and summary show.

use hamyar_core::production::month_key;
use rusqlite::Connection;

use crate::production::{self, ProductionEntry};
use crate::xlsx::{Cell, Sheet};
use crate::{Result, StoreError};

const ENTRY_HEADERS: [&str; 11] = [
    "تاریخ",
    "کد کالا",
    "کالا",
    "واحد",
    "مقدار",
    "ارزش واحد (ریال)",
    "ارزش (ریال)",
    "کارگاه",
    "نوبت کاری",
    "اعضای شاغل (ساعت)",
    "سند برگشتی",
];

fn entry_row(e: &ProductionEntry) -> Vec<Cell> {
    let workers: Vec<String> =
        e.workers.iter().map(|w| format!("{} ({})", w.membership_no, w.hours.normalize())).collect();
    let marker = if e.reverses.is_some() {
        "برگشت"
    } else if e.reversed_by.is_some() {
        "برگشت‌خورده"
    } else {
        ""
    };
    vec![
        Cell::Date(Some(e.date)),
        Cell::Count(e.product.into()),
        Cell::text(&e.product_name),
        Cell::text(e.unit.persian()),
        Cell::Decimal(e.quantity),
        Cell::rials_text(&e.unit_value),
        Cell::rials_text(&e.value),
        Cell::text(e.workshop.clone().unwrap_or_default()),
        Cell::text(e.shift.clone().unwrap_or_default()),
        Cell::text(workers.join("، ")),
        Cell::text(marker),
    ]
}

/// How many Jalali months a period spans.
fn month_count(from: chrono::NaiveDate, to: chrono::NaiveDate) -> u32 {
    let (a, b) = (month_key(from), month_key(to));
    u32::try_from((b / 100 - a / 100) * 12 + (b % 100 - a % 100) + 1).unwrap_or(1)
}

pub(super) fn sheets(conn: &Connection, period: &str) -> Result<Vec<Sheet>> {
    let summary = production::summary(conn, period)?;
    let (from, to) = (summary.from, summary.to);
    let mut entries = Sheet::new("ثبت‌های تولید", &ENTRY_HEADERS);
    entries.rows = production::entries(conn, from, to, u32::MAX)?.iter().map(entry_row).collect();

    let mut months = Sheet::new("خلاصه ماهانه", &["ماه", "تعداد ثبت", "ارزش تولید (ریال)"]);
    let mut total: i128 = 0;
    let mut recorded: i128 = 0;
    for mt in production::monthly(conn, to, month_count(from, to))? {
        let value: i128 =
            mt.value.parse().map_err(|_| StoreError::Refused(hamyar_core::ErrorCode::Internal))?;
        total += value;
        recorded += i128::from(mt.entries);
        months.rows.push(vec![
            Cell::text(mt.month.replace('-', "/")),
            Cell::Count(mt.entries.into()),
            Cell::Rials(value),
        ]);
    }
    months.rows.push(vec![Cell::text("جمع"), Cell::Count(recorded), Cell::Rials(total)]);

    let mut products = Sheet::new("به تفکیک کالا", &["کد کالا", "کالا", "واحد", "مقدار", "ارزش (ریال)"]);
    for p in &summary.products {
        products.rows.push(vec![
            Cell::Count(p.product.into()),
            Cell::text(&p.name),
            Cell::text(p.unit.persian()),
            Cell::Decimal(p.quantity),
            Cell::rials_text(&p.value),
        ]);
    }
    products.rows.push(vec![
        Cell::text("جمع"),
        Cell::text(""),
        Cell::text(""),
        Cell::text(""),
        Cell::rials_text(&summary.total_value),
    ]);
    Ok(vec![entries, months, products])
}
