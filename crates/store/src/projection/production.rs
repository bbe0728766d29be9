//! Projections of products, production, workforce, lab tests, sales and closed periods.

use hamyar_core::event::{ProductAdded, ProductRetired};
use hamyar_core::production::{
    PeriodClose, ProductionRecord, ProductionReversal, QualityTest, Sale, WorkforceMonth, month_key,
};
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;

use super::enum_text;
use crate::journal::JournalEntry;
use crate::{Result, StoreError};

/// A quantity in thousandths of its unit (the core allows three places at most).
pub(crate) fn milli(q: Decimal) -> Result<i64> {
    let scaled = q * Decimal::from(1000);
    if !scaled.fract().is_zero() {
        return Err(StoreError::Refused(hamyar_core::ErrorCode::NumberFormat));
    }
    i64::try_from(scaled).map_err(|_| StoreError::Refused(hamyar_core::ErrorCode::AmountTooLarge))
}

/// Hours in hundredths.
pub(crate) fn centi(h: Decimal) -> Result<i64> {
    let scaled = h * Decimal::from(100);
    i64::try_from(scaled.trunc()).map_err(|_| StoreError::Refused(hamyar_core::ErrorCode::HoursInvalid))
}

pub(crate) fn apply_product(conn: &Connection, entry: &JournalEntry, p: &ProductAdded) -> Result<()> {
    conn.execute(
        "INSERT INTO product (product, name, unit, category, code, updated_at, event_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (product) DO UPDATE SET name = ?2, unit = ?3, category = ?4, code = ?5, \
         updated_at = ?6, event_id = ?7",
        rusqlite::params![
            p.product,
            p.data.name,
            enum_text(&p.data.unit)?,
            p.data.category,
            p.data.code,
            entry.wall_time,
            entry.id
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_retire(conn: &Connection, entry: &JournalEntry, r: &ProductRetired) -> Result<()> {
    conn.execute(
        "UPDATE product SET retired = ?2, updated_at = ?3, event_id = ?4 WHERE product = ?1",
        rusqlite::params![r.product, r.date.to_string(), entry.wall_time, entry.id],
    )?;
    Ok(())
}

/// Adds an entry (or, negated, its reversal) to the day's total for its product.
fn add_to_day(
    conn: &Connection,
    date: &str,
    month: i64,
    product: i64,
    qty: i64,
    value: i64,
    entries: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO production_daily (date, product, month, quantity_milli, value, entries) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (date, product) DO UPDATE SET \
         quantity_milli = quantity_milli + excluded.quantity_milli, value = value + excluded.value, \
         entries = entries + excluded.entries",
    )?
    .execute(rusqlite::params![date, product, month, qty, value, entries])?;
    Ok(())
}

pub(crate) fn apply_record(conn: &Connection, entry: &JournalEntry, r: &ProductionRecord) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO production_entry (event_id, date, month, product, quantity_milli, unit_value, value, \
         workshop, shift, recorded_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2)",
    )?
    .execute(rusqlite::params![
        entry.id,
        r.date.to_string(),
        month_key(r.date),
        r.product,
        milli(r.quantity)?,
        r.unit_value,
        r.value,
        r.workshop,
        r.shift,
    ])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO production_worker (event_id, membership_no, hours_centi) VALUES (?1, ?2, ?3)",
    )?;
    for w in &r.workers {
        stmt.execute(rusqlite::params![entry.id, w.membership_no, centi(w.hours)?])?;
    }
    add_to_day(
        conn,
        &r.date.to_string(),
        i64::from(month_key(r.date)),
        i64::from(r.product),
        milli(r.quantity)?,
        r.value,
        1,
    )
}

/// A reversal row negates the original on the original's date, so every period's total is right.
pub(crate) fn apply_reverse(conn: &Connection, entry: &JournalEntry, r: &ProductionReversal) -> Result<()> {
    let found = conn
        .query_row(
            "SELECT date, month, product, quantity_milli, unit_value, value, workshop, shift \
             FROM production_entry WHERE event_id = ?1 AND reverses IS NULL",
            [&r.reverses],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, Option<String>>(7)?,
                ))
            },
        )
        .optional()?;
    let Some((date, month, product, qty, unit_value, value, workshop, shift)) = found else {
        return Err(StoreError::Refused(hamyar_core::ErrorCode::UnknownEntry));
    };
    conn.execute(
        "INSERT INTO production_entry (event_id, date, month, product, quantity_milli, unit_value, value, \
         workshop, shift, recorded_on, reverses, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        rusqlite::params![
            entry.id,
            date,
            month,
            product,
            -qty,
            unit_value,
            -value,
            workshop,
            shift,
            r.date.to_string(),
            r.reverses,
            r.reason
        ],
    )?;
    conn.execute(
        "INSERT INTO production_worker (event_id, membership_no, hours_centi) \
         SELECT ?2, membership_no, -hours_centi FROM production_worker WHERE event_id = ?1",
        [&r.reverses, &entry.id],
    )?;
    conn.execute(
        "UPDATE production_entry SET reversed_by = ?2 WHERE event_id = ?1",
        [&r.reverses, &entry.id],
    )?;
    add_to_day(conn, &date, month, product, -qty, -value, 0)
}

pub(crate) fn apply_workforce(conn: &Connection, entry: &JournalEntry, w: &WorkforceMonth) -> Result<()> {
    let month = w.year * 100 + i32::from(w.month);
    conn.execute("DELETE FROM workforce_hours WHERE month = ?1", [month])?;
    conn.execute(
        "INSERT INTO workforce_month (month, member_workers, employees, women, insured, event_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (month) DO UPDATE SET member_workers = ?2, \
         employees = ?3, women = ?4, insured = ?5, event_id = ?6",
        rusqlite::params![month, w.member_workers, w.employees, w.women, w.insured, entry.id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO workforce_hours (month, membership_no, hours_centi) VALUES (?1, ?2, ?3)",
    )?;
    for h in &w.hours {
        stmt.execute(rusqlite::params![month, h.membership_no, centi(h.hours)?])?;
    }
    Ok(())
}

pub(crate) fn apply_quality(conn: &Connection, entry: &JournalEntry, q: &QualityTest) -> Result<()> {
    conn.execute(
        "INSERT INTO quality_test (event_id, date, product, batch, test, standard, measured, passed, tester) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            entry.id,
            q.date.to_string(),
            q.product,
            q.batch,
            q.test,
            q.standard,
            q.measured,
            q.passed,
            q.tester
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_sale(conn: &Connection, entry: &JournalEntry, s: &Sale) -> Result<()> {
    let export = s.export.as_ref();
    conn.execute(
        "INSERT INTO sale (event_id, date, month, product, quantity_milli, value, destination, currency, \
         foreign_amount, import_substitution) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        rusqlite::params![
            entry.id,
            s.date.to_string(),
            month_key(s.date),
            s.product,
            milli(s.quantity)?,
            s.value,
            export.map(|e| e.destination.clone()),
            export.map(|e| e.currency.clone()),
            export.and_then(|e| e.foreign_amount).map(|a| a.to_string()),
            s.import_substitution
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_close(conn: &Connection, entry: &JournalEntry, c: &PeriodClose) -> Result<()> {
    conn.execute(
        "INSERT INTO closed_period (event_id, through, note) VALUES (?1, ?2, ?3)",
        rusqlite::params![entry.id, c.through.to_string(), c.note],
    )?;
    Ok(())
}
