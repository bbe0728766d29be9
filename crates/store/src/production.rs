//! Use cases of production, workforce, quality and sales (تولید): record, correct, read, and the
//! period aggregates, all computed in SQL on the indexed projections.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::{Event, ProductAdded, ProductRetired};
use hamyar_core::production::{
    self as rules, Period, PeriodClose, ProductFacts, ProductInput, ProductionInput, ProductionReversal,
    QualityInput, SaleInput, Unit, WorkforceInput,
};
use hamyar_core::shares::{Refusal, action_date};
use hamyar_core::text::normalize_text;
use hamyar_core::{ErrorCode, ErrorDetails, Field, FieldError};
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::projection::enum_from_text;
use crate::{Result, Store, StoreError, Writer};

/// A product in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Product {
    /// Id (شناسه کالا).
    pub product: u32,
    /// Name.
    pub name: String,
    /// Unit.
    pub unit: Unit,
    /// Category.
    pub category: Option<String>,
    /// Standard or internal code.
    pub code: Option<String>,
    /// The day it was retired.
    #[ts(type = "string | null")]
    pub retired: Option<NaiveDate>,
}

fn refusal(r: Refusal) -> StoreError {
    r.into()
}

fn fields(field: Field, code: ErrorCode) -> StoreError {
    StoreError::Invalid(vec![FieldError { field, code }])
}

fn product_from_row(r: &Row<'_>) -> rusqlite::Result<Product> {
    let retired: Option<String> = r.get(5)?;
    Ok(Product {
        product: r.get(0)?,
        name: r.get(1)?,
        unit: enum_from_text(r.get(2)?)?,
        category: r.get(3)?,
        code: r.get(4)?,
        retired: retired.and_then(|d| d.parse().ok()),
    })
}

const PRODUCT_COLUMNS: &str = "product, name, unit, category, code, retired";

/// One product.
pub fn product(conn: &Connection, id: u32) -> Result<Option<Product>> {
    let sql = format!("SELECT {PRODUCT_COLUMNS} FROM product WHERE product = ?1");
    Ok(conn.query_row(&sql, [id], product_from_row).optional()?)
}

/// The catalogue, by name (Persian collation is left to the UI); retired ones last.
pub fn products(conn: &Connection) -> Result<Vec<Product>> {
    let sql = format!("SELECT {PRODUCT_COLUMNS} FROM product ORDER BY retired IS NOT NULL, product");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], product_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What the rules need of a product: [`product`]'s unit and retirement, read by a cached
/// statement (an import asks for every row) without the columns the rules do not look at.
fn facts(conn: &Connection, id: u32) -> Result<Option<ProductFacts>> {
    let found = conn
        .prepare_cached("SELECT unit, retired FROM product WHERE product = ?1")?
        .query_row([id], |r| Ok((enum_from_text::<Unit>(r.get(0)?)?, r.get::<_, Option<String>>(1)?)))
        .optional()?;
    Ok(found.map(|(unit, retired)| ProductFacts {
        unit,
        retired: retired.and_then(|d| d.parse::<NaiveDate>().ok()).is_some(),
    }))
}

fn name_taken(conn: &Connection, name: &str, except: Option<u32>) -> Result<bool> {
    let found: Option<u32> =
        conn.query_row("SELECT product FROM product WHERE name = ?1", [name], |r| r.get(0)).optional()?;
    Ok(matches!(found, Some(id) if Some(id) != except))
}

/// Adds a product to the catalogue.
pub fn add_product(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &ProductInput,
) -> Result<Product> {
    store.write(author, now, |w| add_product_in(w, input))
}

/// [`add_product`] inside an open transaction.
pub fn add_product_in(w: &mut Writer<'_>, input: &ProductInput) -> Result<Product> {
    let data = rules::validate_product(input).map_err(refusal)?;
    if name_taken(w.conn(), &data.name, None)? {
        return Err(fields(Field::Name, ErrorCode::DuplicateProductName));
    }
    let id: u32 =
        w.conn().query_row("SELECT COALESCE(MAX(product), 0) + 1 FROM product", [], |r| r.get(0))?;
    w.append(&Event::ProductAdded(ProductAdded { product: id, data }))?;
    product(w.conn(), id)?.ok_or(StoreError::Refused(ErrorCode::Internal))
}

/// Corrects a product's particulars; its unit may change only while nothing was recorded with it.
pub fn update_product(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    id: u32,
    input: &ProductInput,
) -> Result<Product> {
    store.write(author, now, |w| {
        let Some(old) = product(w.conn(), id)? else {
            return Err(fields(Field::Product, ErrorCode::UnknownProduct));
        };
        let data = rules::validate_product(input).map_err(refusal)?;
        if name_taken(w.conn(), &data.name, Some(id))? {
            return Err(fields(Field::Name, ErrorCode::DuplicateProductName));
        }
        if data.unit != old.unit && used(w.conn(), id)? {
            return Err(fields(Field::Unit, ErrorCode::UnitMismatch));
        }
        w.append(&Event::ProductUpdated(ProductAdded { product: id, data }))?;
        product(w.conn(), id)?.ok_or(StoreError::Refused(ErrorCode::Internal))
    })
}

fn used(conn: &Connection, id: u32) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM production_entry WHERE product = ?1) \
         OR EXISTS (SELECT 1 FROM sale WHERE product = ?1) OR EXISTS (SELECT 1 FROM quality_test WHERE product = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Retires a product: kept with its history, no longer offered for new entries.
pub fn retire_product(store: &mut Store, author: &str, now: DateTime<Utc>, id: u32) -> Result<Product> {
    store.write(author, now, |w| {
        match product(w.conn(), id)? {
            None => return Err(fields(Field::Product, ErrorCode::UnknownProduct)),
            Some(p) if p.retired.is_some() => return Err(fields(Field::Product, ErrorCode::ProductRetired)),
            Some(_) => {}
        }
        let date = tehran_date(w.now());
        w.append(&Event::ProductRetired(ProductRetired { product: id, date }))?;
        product(w.conn(), id)?.ok_or(StoreError::Refused(ErrorCode::Internal))
    })
}

pub use crate::year::{closed_through, ensure_open};

fn member_exists(conn: &Connection) -> impl Fn(u32) -> bool + '_ {
    move |no| {
        conn.prepare_cached("SELECT 1 FROM member WHERE membership_no = ?1")
            .and_then(|mut stmt| stmt.query_row([no], |_| Ok(())).optional())
            .ok()
            .flatten()
            .is_some()
    }
}

fn dated(conn: &Connection, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let date = action_date(text, today).map_err(refusal)?;
    ensure_open(conn, date)?;
    Ok(date)
}

/// A production entry as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductionEntry {
    /// The entry's id (its event id).
    pub id: String,
    /// The day the goods were made.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The product.
    pub product: u32,
    /// Its name.
    pub product_name: String,
    /// Its unit.
    pub unit: Unit,
    /// Quantity (negative on a reversal).
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Rials per unit.
    #[ts(type = "string")]
    pub unit_value: String,
    /// Value in rials (negative on a reversal).
    #[ts(type = "string")]
    pub value: String,
    /// Workshop or line.
    pub workshop: Option<String>,
    /// Shift.
    pub shift: Option<String>,
    /// The entry this one reverses.
    pub reverses: Option<String>,
    /// The reversal that undid this entry.
    pub reversed_by: Option<String>,
    /// Members who did the work, with hours.
    pub workers: Vec<rules::WorkerHours>,
}

fn quantity_of(milli: i64) -> Decimal {
    Decimal::new(milli, 3).normalize()
}

fn hours_of(centi: i64) -> Decimal {
    Decimal::new(centi, 2).normalize()
}

const ENTRY_SELECT: &str = "SELECT e.event_id, e.date, e.product, p.name, p.unit, e.quantity_milli, e.unit_value, \
     e.value, e.workshop, e.shift, e.reverses, e.reversed_by FROM production_entry e \
     JOIN product p ON p.product = e.product";

fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<ProductionEntry> {
    let date: String = r.get(1)?;
    Ok(ProductionEntry {
        id: r.get(0)?,
        date: date.parse().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
        })?,
        product: r.get(2)?,
        product_name: r.get(3)?,
        unit: enum_from_text(r.get(4)?)?,
        quantity: quantity_of(r.get(5)?),
        unit_value: r.get::<_, i64>(6)?.to_string(),
        value: r.get::<_, i64>(7)?.to_string(),
        workshop: r.get(8)?,
        shift: r.get(9)?,
        reverses: r.get(10)?,
        reversed_by: r.get(11)?,
        workers: Vec::new(),
    })
}

fn with_workers(conn: &Connection, mut entries: Vec<ProductionEntry>) -> Result<Vec<ProductionEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT membership_no, hours_centi FROM production_worker WHERE event_id = ?1 ORDER BY rowid",
    )?;
    for e in &mut entries {
        e.workers = stmt
            .query_map([&e.id], |r| {
                Ok(rules::WorkerHours { membership_no: r.get(0)?, hours: hours_of(r.get(1)?) })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(entries)
}

/// One entry.
pub fn entry(conn: &Connection, id: &str) -> Result<Option<ProductionEntry>> {
    let sql = format!("{ENTRY_SELECT} WHERE e.event_id = ?1");
    let found = conn.query_row(&sql, [id], entry_from_row).optional()?;
    Ok(with_workers(conn, found.into_iter().collect())?.pop())
}

/// Entries between two days (inclusive), in the order they were recorded; at most `limit`, newest kept.
pub fn entries(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    limit: u32,
) -> Result<Vec<ProductionEntry>> {
    let sql = format!("{ENTRY_SELECT} WHERE e.date BETWEEN ?1 AND ?2 ORDER BY e.rowid DESC LIMIT ?3");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt
        .query_map(rusqlite::params![from.to_string(), to.to_string(), limit], entry_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.reverse();
    with_workers(conn, rows)
}

/// Judges an entry without recording it: the refused fields, or none.
pub fn check_production(
    store: &Store,
    now: DateTime<Utc>,
    input: &ProductionInput,
) -> Result<Vec<FieldError>> {
    match plan_entry(store.conn(), tehran_date(now), input) {
        Ok(_) => Ok(Vec::new()),
        Err(StoreError::Invalid(f)) => Ok(f),
        Err(e) => Err(e),
    }
}

/// Judges an entry against the catalogue, the members and the closed periods; records nothing.
pub fn plan_entry(
    conn: &Connection,
    today: NaiveDate,
    input: &ProductionInput,
) -> Result<rules::ProductionRecord> {
    let date = action_date(&input.date, today);
    let facts = facts(conn, input.product)?;
    // Judge every field even when the date is refused, so the grid marks all at once.
    let planned = rules::plan_production(input, *date.as_ref().unwrap_or(&today), facts, member_exists(conn));
    match (date, planned) {
        (Ok(d), Ok(r)) => {
            ensure_open(conn, d)?;
            Ok(r)
        }
        (Err(Refusal::Fields(mut a)), Err(Refusal::Fields(b))) => {
            a.extend(b);
            Err(StoreError::Invalid(a))
        }
        (Err(r), _) | (_, Err(r)) => Err(r.into()),
    }
}

/// Records one production entry (one row of the grid), in its own transaction, and reads it back.
pub fn record_production(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &ProductionInput,
) -> Result<ProductionEntry> {
    store.write(author, now, |w| {
        let (id, _) = record_production_in(w, input)?;
        entry(w.conn(), &id)?.ok_or(StoreError::Refused(ErrorCode::Internal))
    })
}

/// One entry inside an open transaction (an import records many in one): its event id and what
/// was recorded, without reading it back.
pub fn record_production_in(
    w: &mut Writer<'_>,
    input: &ProductionInput,
) -> Result<(String, rules::ProductionRecord)> {
    let record = plan_entry(w.conn(), tehran_date(w.now()), input)?;
    let appended = w.append(&Event::ProductionRecorded(record.clone()))?;
    Ok((appended.id, record))
}

/// Reverses an entry whole (the correction of a mistake); the reversal counts on the original's
/// date. An entry inside a closed period is refused unless `post_close`: the reversal is then
/// recorded as a post-close adjustment, the one change a closed period accepts.
pub fn reverse_production(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    id: &str,
    reason: &str,
    post_close: bool,
) -> Result<ProductionEntry> {
    store.write(author, now, |w| reverse_in(w, id, reason, post_close))
}

fn reverse_in(w: &mut Writer<'_>, id: &str, reason: &str, post_close: bool) -> Result<ProductionEntry> {
    {
        let Some(original) = entry(w.conn(), id)? else {
            return Err(fields(Field::Entry, ErrorCode::UnknownEntry));
        };
        if original.reverses.is_some() {
            return Err(fields(Field::Entry, ErrorCode::ReversalOfReversal));
        }
        if original.reversed_by.is_some() {
            return Err(fields(Field::Entry, ErrorCode::AlreadyReversed));
        }
        let reason = normalize_text(reason);
        if reason.is_empty() {
            return Err(fields(Field::Reason, ErrorCode::Required));
        }
        if !post_close {
            ensure_open(w.conn(), original.date)?;
        }
        let date = tehran_date(w.now());
        let appended = w.append(&Event::ProductionReversed(ProductionReversal {
            reverses: id.to_owned(),
            date,
            reason,
            post_close,
        }))?;
        entry(w.conn(), &appended.id)?.ok_or(StoreError::Refused(ErrorCode::Internal))
    }
}

fn fiscal_start(conn: &Connection) -> Result<(u8, u8)> {
    let found = conn
        .query_row(
            "SELECT fiscal_year_start_month, fiscal_year_start_day FROM cooperative_profile WHERE singleton = 1",
            [],
            |r| Ok((r.get::<_, u8>(0)?, r.get::<_, u8>(1)?)),
        )
        .optional()?;
    Ok(found.unwrap_or((1, 1)))
}

/// A period's first and last day, from its text (`1403-12`, `1403-Q4`, `1403`).
pub fn period_span(conn: &Connection, text: &str) -> Result<(Period, NaiveDate, NaiveDate)> {
    let period = Period::parse(text).map_err(|code| fields(Field::Period, code))?;
    let (from, to) = period.span(fiscal_start(conn)?).map_err(|code| fields(Field::Period, code))?;
    Ok((period, from, to))
}

/// One product's line in a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductTotal {
    /// The product.
    pub product: u32,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Quantity in the period.
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Value in rials.
    #[ts(type = "string")]
    pub value: String,
}

/// What was made in a period, by product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductionSummary {
    /// The period, canonical (`1403-12`, `1403-Q4`, `1403`).
    pub period: String,
    /// First day (ISO).
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Last day (ISO).
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// By product, products with nothing left out.
    pub products: Vec<ProductTotal>,
    /// Value of everything made.
    #[ts(type = "string")]
    pub total_value: String,
}

fn totals(conn: &Connection, table: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<ProductTotal>> {
    let sql = format!(
        "SELECT t.product, p.name, p.unit, SUM(t.quantity_milli), SUM(t.value) FROM {table} t \
         JOIN product p ON p.product = t.product WHERE t.date BETWEEN ?1 AND ?2 \
         GROUP BY t.product HAVING SUM(t.quantity_milli) <> 0 OR SUM(t.value) <> 0 ORDER BY t.product"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([from.to_string(), to.to_string()], |r| {
            Ok(ProductTotal {
                product: r.get(0)?,
                name: r.get(1)?,
                unit: enum_from_text(r.get(2)?)?,
                quantity: quantity_of(r.get(3)?),
                value: r.get::<_, i64>(4)?.to_string(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn sum_values(rows: &[ProductTotal]) -> String {
    rows.iter().map(|p| p.value.parse::<i128>().unwrap_or(0)).sum::<i128>().to_string()
}

/// What was made in `period`, by product.
pub fn summary(conn: &Connection, period: &str) -> Result<ProductionSummary> {
    let (period, from, to) = period_span(conn, period)?;
    let products = totals(conn, "production_daily", from, to)?;
    Ok(ProductionSummary { period: period.label(), from, to, total_value: sum_values(&products), products })
}

/// One month's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthTotal {
    /// The Jalali month, `1403-12`.
    pub month: String,
    /// Value made, rials.
    #[ts(type = "string")]
    pub value: String,
    /// Entries recorded (reversals not counted).
    pub entries: u32,
}

/// Value made per Jalali month for `months` months ending with the month of `last`; months with
/// nothing are present with zero.
pub fn monthly(conn: &Connection, last: NaiveDate, months: u32) -> Result<Vec<MonthTotal>> {
    let end = rules::month_key(last);
    let mut keys = Vec::new();
    let (mut y, mut m) = (end / 100, end % 100);
    for _ in 0..months {
        keys.push(y * 100 + m);
        m -= 1;
        if m == 0 {
            m = 12;
            y -= 1;
        }
    }
    keys.reverse();
    let first = keys.first().copied().unwrap_or(end);
    // The daily table is keyed by date: scan the months' days, not the whole table.
    let span = |key: i32| {
        Period::Month { year: key / 100, month: u8::try_from(key % 100).unwrap_or(1) }
            .span((1, 1))
            .map_err(|code| fields(Field::Period, code))
    };
    let (from, _) = span(first)?;
    let (_, to) = span(end)?;
    let mut stmt = conn.prepare_cached(
        "SELECT month, SUM(value), SUM(entries) FROM production_daily WHERE date BETWEEN ?1 AND ?2 GROUP BY month",
    )?;
    let found = stmt
        .query_map([from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, i32>(0)?, r.get::<_, i64>(1)?, r.get::<_, u32>(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(keys
        .into_iter()
        .map(|k| {
            let (value, entries) =
                found.iter().find(|(m, _, _)| *m == k).map_or((0, 0), |(_, v, n)| (*v, *n));
            MonthTotal { month: format!("{}-{:02}", k / 100, k % 100), value: value.to_string(), entries }
        })
        .collect())
}

/// A month's workforce as screens show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Workforce {
    /// The Jalali month, `1403-12`.
    pub month: String,
    /// Members who work in the cooperative.
    pub member_workers: u32,
    /// Employees who are not members.
    pub employees: u32,
    /// Everyone who works.
    pub headcount: u32,
    /// Women.
    pub women: u32,
    /// Insured.
    pub insured: u32,
    /// Hours per member.
    pub hours: Vec<rules::WorkerHours>,
}

/// Records a month's workforce (replacing the month's earlier record).
pub fn set_workforce(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &WorkforceInput,
) -> Result<Workforce> {
    store.write(author, now, |w| set_workforce_in(w, input))
}

/// [`set_workforce`] inside an open transaction.
pub fn set_workforce_in(w: &mut Writer<'_>, input: &WorkforceInput) -> Result<Workforce> {
    let month = rules::plan_workforce(input, member_exists(w.conn())).map_err(refusal)?;
    let first = hamyar_core::jalali::JalaliDate::new(month.year, month.month, 1)
        .and_then(|d| d.to_gregorian())
        .map_err(|code| fields(Field::Month, code))?;
    if first > tehran_date(w.now()) {
        return Err(fields(Field::Month, ErrorCode::DateInFuture));
    }
    let last = hamyar_core::jalali::JalaliDate::new(
        month.year,
        month.month,
        hamyar_core::jalali::days_in_month(month.year, month.month),
    )
    .and_then(|d| d.to_gregorian())
    .map_err(|code| fields(Field::Month, code))?;
    ensure_open(w.conn(), last)?;
    let key = month.year * 100 + i32::from(month.month);
    w.append(&Event::WorkforceSet(month))?;
    workforce(w.conn(), key)?.ok_or(StoreError::Refused(ErrorCode::Internal))
}

/// The workforce of a month (`140312`), if recorded.
pub fn workforce(conn: &Connection, month: i32) -> Result<Option<Workforce>> {
    let found = conn
        .query_row(
            "SELECT member_workers, employees, women, insured FROM workforce_month WHERE month = ?1",
            [month],
            |r| Ok((r.get::<_, u32>(0)?, r.get::<_, u32>(1)?, r.get::<_, u32>(2)?, r.get::<_, u32>(3)?)),
        )
        .optional()?;
    let Some((member_workers, employees, women, insured)) = found else { return Ok(None) };
    let mut stmt = conn.prepare_cached(
        "SELECT membership_no, hours_centi FROM workforce_hours WHERE month = ?1 ORDER BY membership_no",
    )?;
    let hours = stmt
        .query_map([month], |r| {
            Ok(rules::WorkerHours { membership_no: r.get(0)?, hours: hours_of(r.get(1)?) })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Workforce {
        month: format!("{}-{:02}", month / 100, month % 100),
        member_workers,
        employees,
        headcount: member_workers + employees,
        women,
        insured,
        hours,
    }))
}

/// The workforce of a month given as text (`1403-12`, any digit form).
pub fn workforce_month(conn: &Connection, text: &str) -> Result<Option<Workforce>> {
    match Period::parse(text).map_err(|code| fields(Field::Month, code))? {
        Period::Month { year, month } => workforce(conn, year * 100 + i32::from(month)),
        _ => Err(fields(Field::Month, ErrorCode::PeriodFormat)),
    }
}

/// The newest month with a workforce record, on or before `date`'s month.
pub fn latest_workforce(conn: &Connection, date: NaiveDate) -> Result<Option<Workforce>> {
    let month: Option<i32> = conn.query_row(
        "SELECT MAX(month) FROM workforce_month WHERE month <= ?1",
        [rules::month_key(date)],
        |r| r.get(0),
    )?;
    month.map_or(Ok(None), |m| workforce(conn, m))
}

/// Hours each member worked between two days: the month's workforce hours where the month has a
/// record, else the hours on that month's production entries (the surplus-by-work basis).
pub fn work_hours(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<rules::WorkerHours>> {
    let mut stmt = conn.prepare_cached(
        "SELECT membership_no, SUM(h) FROM ( \
           SELECT membership_no, hours_centi AS h FROM workforce_hours WHERE month BETWEEN ?3 AND ?4 \
           UNION ALL \
           SELECT w.membership_no, w.hours_centi FROM production_worker w \
             JOIN production_entry e ON e.event_id = w.event_id \
            WHERE e.date BETWEEN ?1 AND ?2 \
              AND NOT EXISTS (SELECT 1 FROM workforce_month m WHERE m.month = e.month)) \
         GROUP BY membership_no HAVING SUM(h) <> 0 ORDER BY membership_no",
    )?;
    let rows = stmt
        .query_map(
            rusqlite::params![from.to_string(), to.to_string(), rules::month_key(from), rules::month_key(to)],
            |r| Ok(rules::WorkerHours { membership_no: r.get(0)?, hours: hours_of(r.get(1)?) }),
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A lab test as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QualityRow {
    /// Its id (event id).
    pub id: String,
    /// The test itself.
    #[serde(flatten)]
    pub test: rules::QualityTest,
    /// Product name.
    pub product_name: String,
}

/// Records a lab test.
pub fn add_quality(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &QualityInput,
) -> Result<QualityRow> {
    store.write(author, now, |w| add_quality_in(w, input))
}

/// [`add_quality`] inside an open transaction.
pub fn add_quality_in(w: &mut Writer<'_>, input: &QualityInput) -> Result<QualityRow> {
    let date = dated(w.conn(), &input.date, tehran_date(w.now()))?;
    let test = rules::plan_quality(input, date, facts(w.conn(), input.product)?).map_err(refusal)?;
    let appended = w.append(&Event::QualityAdded(test.clone()))?;
    let product_name = product(w.conn(), test.product)?.map(|p| p.name).unwrap_or_default();
    Ok(QualityRow { id: appended.id, test, product_name })
}

/// Pass rate of one product in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PassRate {
    /// The product.
    pub product: u32,
    /// Its name.
    pub name: String,
    /// Tests in the period.
    pub tests: u32,
    /// Of them, passed.
    pub passed: u32,
    /// Percent passed, two places.
    #[ts(type = "string")]
    pub percent: Decimal,
}

/// Pass rates per product in a period, and over all products (product 0, name empty) last.
pub fn pass_rates(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<PassRate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.product, p.name, COUNT(*), SUM(q.passed) FROM quality_test q \
         JOIN product p ON p.product = q.product WHERE q.date BETWEEN ?1 AND ?2 \
         GROUP BY q.product ORDER BY q.product",
    )?;
    let mut rows = stmt
        .query_map([from.to_string(), to.to_string()], |r| {
            let tests: u32 = r.get(2)?;
            let passed: u32 = r.get(3)?;
            Ok(PassRate {
                product: r.get(0)?,
                name: r.get(1)?,
                tests,
                passed,
                percent: hamyar_core::shares::percent(i64::from(passed), i64::from(tests)),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (tests, passed) = rows.iter().fold((0u32, 0u32), |(t, p), r| (t + r.tests, p + r.passed));
    if tests > 0 {
        rows.push(PassRate {
            product: 0,
            name: String::new(),
            tests,
            passed,
            percent: hamyar_core::shares::percent(i64::from(passed), i64::from(tests)),
        });
    }
    Ok(rows)
}

/// Lab tests in a period, newest first.
pub fn quality_tests(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<QualityRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.event_id, q.date, q.product, q.batch, q.test, q.standard, q.measured, q.passed, q.tester, p.name \
         FROM quality_test q JOIN product p ON p.product = q.product WHERE q.date BETWEEN ?1 AND ?2 \
         ORDER BY q.date DESC, q.rowid DESC",
    )?;
    let rows = stmt
        .query_map([from.to_string(), to.to_string()], |r| {
            let date: String = r.get(1)?;
            Ok(QualityRow {
                id: r.get(0)?,
                test: rules::QualityTest {
                    date: date.parse().map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
                    })?,
                    product: r.get(2)?,
                    batch: r.get(3)?,
                    test: r.get(4)?,
                    standard: r.get(5)?,
                    measured: r.get(6)?,
                    passed: r.get(7)?,
                    tester: r.get(8)?,
                },
                product_name: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Lab tests of a period with their pass rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QualityReport {
    /// The tests, newest first.
    pub tests: Vec<QualityRow>,
    /// Pass rate per product; the overall rate (product 0) last.
    pub rates: Vec<PassRate>,
}

/// The lab tests of a period (`1403-12`, `1403-Q4`, `1403`) and their pass rates.
pub fn quality_report(conn: &Connection, period: &str) -> Result<QualityReport> {
    let (_, from, to) = period_span(conn, period)?;
    Ok(QualityReport { tests: quality_tests(conn, from, to)?, rates: pass_rates(conn, from, to)? })
}

/// Records a sale.
pub fn add_sale(store: &mut Store, author: &str, now: DateTime<Utc>, input: &SaleInput) -> Result<String> {
    store.write(author, now, |w| add_sale_in(w, input))
}

/// [`add_sale`] inside an open transaction.
pub fn add_sale_in(w: &mut Writer<'_>, input: &SaleInput) -> Result<String> {
    let date = dated(w.conn(), &input.date, tehran_date(w.now()))?;
    let sale = rules::plan_sale(input, date, facts(w.conn(), input.product)?).map_err(refusal)?;
    Ok(w.append(&Event::SaleRecorded(sale))?.id)
}

/// Sales of one product in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SalesTotal {
    /// The product and its quantity and value sold.
    #[serde(flatten)]
    pub total: ProductTotal,
    /// Of the value, exported (rials).
    #[ts(type = "string")]
    pub export_value: String,
    /// Of the value, goods that replace imports (rials).
    #[ts(type = "string")]
    pub import_substitution_value: String,
}

/// Sales in a period, by product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SalesSummary {
    /// The period, canonical.
    pub period: String,
    /// First day.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Last day.
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// By product.
    pub products: Vec<SalesTotal>,
    /// Everything sold (rials).
    #[ts(type = "string")]
    pub total_value: String,
    /// Everything exported (rials).
    #[ts(type = "string")]
    pub export_value: String,
    /// Destinations with their value, largest first.
    pub destinations: Vec<(String, String)>,
}

/// Sales in `period`, by product, with exports and import substitution.
pub fn sales_summary(conn: &Connection, period: &str) -> Result<SalesSummary> {
    let (period, from, to) = period_span(conn, period)?;
    let base = totals(conn, "sale", from, to)?;
    let mut stmt = conn.prepare_cached(
        "SELECT product, SUM(CASE WHEN destination IS NULL THEN 0 ELSE value END), \
         SUM(CASE WHEN import_substitution THEN value ELSE 0 END) FROM sale WHERE date BETWEEN ?1 AND ?2 \
         GROUP BY product",
    )?;
    let extra = stmt
        .query_map([from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total_value = sum_values(&base);
    let export_value: i64 = extra.iter().map(|(_, e, _)| *e).sum();
    let products = base
        .into_iter()
        .map(|total| {
            let (e, s) =
                extra.iter().find(|(p, _, _)| *p == total.product).map_or((0, 0), |(_, e, s)| (*e, *s));
            SalesTotal { total, export_value: e.to_string(), import_substitution_value: s.to_string() }
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT destination, SUM(value) FROM sale WHERE date BETWEEN ?1 AND ?2 AND destination IS NOT NULL \
         GROUP BY destination ORDER BY SUM(value) DESC, destination",
    )?;
    let destinations = stmt
        .query_map([from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.to_string()))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SalesSummary {
        period: period.label(),
        from,
        to,
        products,
        total_value,
        export_value: export_value.to_string(),
        destinations,
    })
}

/// Closes the books through `through`: nothing new may be dated on or before it.
pub fn close_period(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    through: &str,
    note: &str,
) -> Result<NaiveDate> {
    store.write(author, now, |w| {
        let date = action_date(through, tehran_date(w.now())).map_err(refusal)?;
        if let Some(previous) = closed_through(w.conn())?.filter(|p| date <= *p) {
            return Err(StoreError::Rule {
                code: ErrorCode::PeriodClosed,
                details: ErrorDetails {
                    limit: Some(previous.to_string()),
                    value: Some(date.to_string()),
                    ..ErrorDetails::default()
                },
            });
        }
        let note = normalize_text(note);
        if note.is_empty() {
            return Err(fields(Field::Reason, ErrorCode::Required));
        }
        w.append(&Event::PeriodClosed(PeriodClose { through: date, note }))?;
        Ok(date)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_and_hours_read_back_exactly() {
        assert_eq!(quantity_of(12_250).to_string(), "12.25");
        assert_eq!(quantity_of(-3_000).to_string(), "-3");
        assert_eq!(hours_of(750).to_string(), "7.5");
    }
}
