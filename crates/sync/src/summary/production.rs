//! Section `production`: what was made during the period and what was sold, by product, with
//! exports apart (by product, destination and currency). Reversed entries net out on the day of
//! the goods they correct, as in the store's own period summaries.

use std::collections::BTreeMap;

use hamyar_core::production::Unit;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Span, milli};

/// The section `production` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ProductionSection {
    /// Made, by product id (products with nothing made are left out).
    pub made: Vec<ProductLine>,
    /// Value of everything made (rials).
    #[ts(type = "string")]
    pub made_value: String,
    /// Sold, by product id.
    pub sold: Vec<SoldLine>,
    /// Value of everything sold (rials).
    #[ts(type = "string")]
    pub sold_value: String,
    /// Of it, exported (rials).
    #[ts(type = "string")]
    pub export_value: String,
    /// Of it, goods that replace imports (rials).
    #[ts(type = "string")]
    pub import_substitution_value: String,
    /// Exports by product, destination and currency.
    pub exports: Vec<ExportLine>,
}

/// A product's quantity and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ProductLine {
    /// The product's id in the catalogue.
    pub product: u32,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Quantity in that unit.
    #[ts(type = "string")]
    pub quantity: String,
    /// Value (rials).
    #[ts(type = "string")]
    pub value: String,
}

/// A product's sales.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SoldLine {
    /// The product's id in the catalogue.
    pub product: u32,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Quantity sold.
    #[ts(type = "string")]
    pub quantity: String,
    /// Value sold (rials).
    #[ts(type = "string")]
    pub value: String,
    /// Quantity exported.
    #[ts(type = "string")]
    pub export_quantity: String,
    /// Value exported (rials).
    #[ts(type = "string")]
    pub export_value: String,
    /// Value of goods that replace imports (rials).
    #[ts(type = "string")]
    pub import_substitution_value: String,
}

/// Exports of one product to one destination in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ExportLine {
    /// The product's id.
    pub product: u32,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Destination country, as recorded.
    pub destination: String,
    /// ISO 4217 currency code, as recorded (empty when none was).
    pub currency: String,
    /// Quantity.
    #[ts(type = "string")]
    pub quantity: String,
    /// Value (rials).
    #[ts(type = "string")]
    pub value: String,
    /// Amount in that currency, summed exactly; `null` when no sale recorded one.
    #[ts(type = "string | null")]
    pub foreign_amount: Option<String>,
}

fn unit(text: String) -> rusqlite::Result<Unit> {
    Unit::ALL.into_iter().find(|u| u.as_str() == text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown unit {text}").into(),
        )
    })
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<ProductionSection> {
    let (from, to) = (span.from.to_string(), span.to.to_string());
    let made = hamyar_store::production::summary(conn, &span.label)?;
    let made_lines: Vec<ProductLine> = made
        .products
        .into_iter()
        .map(|p| ProductLine {
            product: p.product,
            name: p.name,
            unit: p.unit,
            quantity: p.quantity.normalize().to_string(),
            value: p.value,
        })
        .collect();

    let mut stmt = conn.prepare(
        "SELECT s.product, p.name, p.unit, SUM(s.quantity_milli), SUM(s.value), \
                SUM(CASE WHEN s.destination IS NULL THEN 0 ELSE s.quantity_milli END), \
                SUM(CASE WHEN s.destination IS NULL THEN 0 ELSE s.value END), \
                SUM(CASE WHEN s.import_substitution THEN s.value ELSE 0 END) \
           FROM sale s JOIN product p ON p.product = s.product \
          WHERE s.date BETWEEN ?1 AND ?2 GROUP BY s.product ORDER BY s.product",
    )?;
    let rows = stmt
        .query_map([&from, &to], |r| {
            Ok((
                (r.get::<_, u32>(0)?, r.get::<_, String>(1)?, unit(r.get(2)?)?),
                (r.get::<_, i64>(3)?, r.get::<_, i64>(4)?, r.get::<_, i64>(5)?),
                (r.get::<_, i64>(6)?, r.get::<_, i64>(7)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let (mut sold_value, mut export_value, mut substitution_value) = (0_i128, 0_i128, 0_i128);
    let mut sold = Vec::with_capacity(rows.len());
    for ((product, name, unit), (quantity, value, export_quantity), (export, substitution)) in rows {
        sold_value += i128::from(value);
        export_value += i128::from(export);
        substitution_value += i128::from(substitution);
        sold.push(SoldLine {
            product,
            name,
            unit,
            quantity: milli(quantity),
            value: value.to_string(),
            export_quantity: milli(export_quantity),
            export_value: export.to_string(),
            import_substitution_value: substitution.to_string(),
        });
    }

    // Foreign amounts are decimal text: summed here exactly, not by SQLite's floating point.
    struct Export {
        name: String,
        unit: String,
        quantity: i64,
        value: i64,
        foreign: Option<Decimal>,
    }
    let mut exports: BTreeMap<(u32, String, String), Export> = BTreeMap::new();
    let mut stmt = conn.prepare(
        "SELECT s.product, p.name, p.unit, s.destination, COALESCE(s.currency, ''), s.quantity_milli, s.value, \
                s.foreign_amount \
           FROM sale s JOIN product p ON p.product = s.product \
          WHERE s.date BETWEEN ?1 AND ?2 AND s.destination IS NOT NULL ORDER BY s.rowid",
    )?;
    let rows = stmt
        .query_map([&from, &to], |r| {
            Ok((
                (r.get::<_, u32>(0)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?),
                Export { name: r.get(1)?, unit: r.get(2)?, quantity: r.get(5)?, value: r.get(6)?, foreign: None },
                r.get::<_, Option<String>>(7)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let overflow = || crate::SyncError::from(hamyar_core::ErrorCode::AmountTooLarge);
    for (key, row, foreign) in rows {
        let foreign =
            foreign.map(|f| f.parse::<Decimal>()).transpose().map_err(|_| hamyar_core::ErrorCode::Internal)?;
        let e = exports.entry(key).or_insert(Export { quantity: 0, value: 0, foreign: None, ..row });
        e.quantity = e.quantity.checked_add(row.quantity).ok_or_else(overflow)?;
        e.value = e.value.checked_add(row.value).ok_or_else(overflow)?;
        if let Some(f) = foreign {
            e.foreign = Some(e.foreign.unwrap_or_default().checked_add(f).ok_or_else(overflow)?);
        }
    }
    let mut export_lines = Vec::with_capacity(exports.len());
    for ((product, destination, currency), e) in exports {
        export_lines.push(ExportLine {
            product,
            name: e.name,
            unit: unit(e.unit)?,
            destination,
            currency,
            quantity: milli(e.quantity),
            value: e.value.to_string(),
            foreign_amount: e.foreign.map(|f| f.normalize().to_string()),
        });
    }

    Ok(ProductionSection {
        made: made_lines,
        made_value: made.total_value,
        sold,
        sold_value: sold_value.to_string(),
        export_value: export_value.to_string(),
        import_substitution_value: substitution_value.to_string(),
        exports: export_lines,
    })
}
