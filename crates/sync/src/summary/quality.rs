//! Section `quality`: lab tests dated within the period, by product, with the share that passed.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Span, percent};

/// The section `quality` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct QualitySection {
    /// By product id (products without tests are left out).
    pub products: Vec<QualityLine>,
    /// All tests.
    pub tests: u32,
    /// Of them, passed.
    pub passed: u32,
    /// Percent passed (two places, half away from zero; `"0.00"` when there were no tests).
    #[ts(type = "string")]
    pub pass_rate: String,
}

/// One product's tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct QualityLine {
    /// The product's id.
    pub product: u32,
    /// Its name.
    pub name: String,
    /// Tests.
    pub tests: u32,
    /// Of them, passed.
    pub passed: u32,
    /// Percent passed (two places, half away from zero).
    #[ts(type = "string")]
    pub pass_rate: String,
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<QualitySection> {
    // The store's pass rates are ordered by product, with the overall rate (product 0) last.
    let rates = hamyar_store::production::pass_rates(conn, span.from, span.to)?;
    let (mut tests, mut passed) = (0_u32, 0_u32);
    let mut products = Vec::with_capacity(rates.len());
    for r in rates.into_iter().filter(|r| r.product != 0) {
        tests = tests.saturating_add(r.tests);
        passed = passed.saturating_add(r.passed);
        products.push(QualityLine {
            product: r.product,
            name: r.name,
            tests: r.tests,
            passed: r.passed,
            pass_rate: percent(i64::from(r.passed), i64::from(r.tests)),
        });
    }
    Ok(QualitySection { products, tests, passed, pass_rate: percent(i64::from(passed), i64::from(tests)) })
}
