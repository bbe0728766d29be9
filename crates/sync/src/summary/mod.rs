//! The period summary (گزارش دوره‌ای): what a cooperative reports for a Jalali quarter or a
//! fiscal year, built from the journal's projections. Aggregates only: counts, sums and
//! percentages — no member's name, national code, telephone or other personal particulars; the
//! cooperative's own registered particulars are the one exception.
//!
//! Every section is one file with its typed struct (exported to TypeScript for the UI) and a
//! `build(conn, span)`; [`build`] puts them under their names in one JSON object. A new section
//! is a new file and one more name in the `sections!` list below.
//!
//! Conventions shared by every section, so the canonical JSON that is signed never meets a float:
//! money is integer rials as a decimal string (`"1250000"`, may be negative only where a field
//! says so); quantities and hours are decimal strings without trailing zeros (`"12.5"`);
//! percentages are decimal strings with exactly two places, rounded half away from zero
//! (`"83.33"`, [`percent`]); counts are JSON integers; dates are ISO `YYYY-MM-DD`. Every list has
//! an explicit order, so the same journal always gives the same bytes.

use chrono::NaiveDate;
use hamyar_core::ErrorCode;
use hamyar_core::production::Period;
use hamyar_core::protocol::PeriodRef;
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// Declares the sections in the order they are built, and composes them.
macro_rules! sections {
    ($($name:ident),+ $(,)?) => {
        $(pub mod $name;)+

        /// The sections' names, as keys of the summary object.
        pub const SECTIONS: &[&str] = &[$(stringify!($name)),+];

        fn compose(conn: &Connection, span: &Span) -> crate::Result<Map<String, Value>> {
            let mut out = Map::new();
            $(out.insert(stringify!($name).to_owned(), serde_json::to_value($name::build(conn, span)?)?);)+
            Ok(out)
        }
    };
}

sections!(profile, members, capital, meetings, production, workforce, quality);

/// A reportable period: a Jalali quarter or a fiscal year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Canonical label: `1404-Q1` or `1403`.
    pub label: String,
    /// Quarter or fiscal year.
    pub kind: SpanKind,
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
}

/// What kind of period a [`Span`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    /// A Jalali calendar quarter (Q1 = Farvardin–Khordad).
    Quarter,
    /// A fiscal year, named by the Jalali year it starts in.
    Year,
}

impl SpanKind {
    /// The wire name: `quarter` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }
}

impl Span {
    /// The period as the protocol names it in a report.
    pub fn period_ref(&self) -> PeriodRef {
        PeriodRef {
            label: self.label.clone(),
            kind: self.kind.as_str().to_owned(),
            from: self.from.to_string(),
            to: self.to.to_string(),
        }
    }
}

/// Reads a period (`1404-Q1`, `1403`, any digit form) with the cooperative's fiscal-year start.
/// A month is refused with `period_not_reportable`; text that is no period at all with the
/// store's own period error (`validation_failed` on the field `period`).
pub fn span(conn: &Connection, text: &str) -> crate::Result<Span> {
    let (period, from, to) = hamyar_store::production::period_span(conn, text)?;
    let kind = match period {
        Period::Quarter { .. } => SpanKind::Quarter,
        Period::FiscalYear { .. } => SpanKind::Year,
        Period::Month { .. } => return Err(ErrorCode::PeriodNotReportable.into()),
    };
    Ok(Span { label: period.label(), kind, from, to })
}

/// The whole summary of `span`: one object with a member per section
/// (`profile`, `members`, `capital`, `meetings`, `production`, `workforce`, `quality`).
pub fn build(conn: &Connection, span: &Span) -> crate::Result<Value> {
    Ok(Value::Object(compose(conn, span)?))
}

/// `part` of `whole` in percent, two places, rounded half away from zero (`"0.00"` when `whole`
/// is not positive) — the store's own display rule, [`hamyar_core::shares::percent`].
pub(crate) fn percent(part: i64, whole: i64) -> String {
    let mut p = hamyar_core::shares::percent(part, whole);
    p.rescale(2);
    p.to_string()
}

/// Thousandths of a unit (how the projections keep quantities) as a decimal string.
pub(crate) fn milli(value: i64) -> String {
    Decimal::new(value, 3).normalize().to_string()
}

/// Hundredths (how the projections keep hours) as a decimal string.
pub(crate) fn centi(value: i64) -> String {
    Decimal::new(value, 2).normalize().to_string()
}

/// A day read back from the projections.
pub(crate) fn day(text: &str) -> crate::Result<NaiveDate> {
    text.parse().map_err(|_| ErrorCode::Internal.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_back_without_floats_or_exponents() {
        assert_eq!(milli(12_250), "12.25");
        assert_eq!(milli(-3_000), "-3");
        assert_eq!(milli(1_000_000_000), "1000000");
        assert_eq!(centi(750), "7.5");
        assert_eq!(percent(5, 6), "83.33");
        assert_eq!(percent(1, 8), "12.50");
        assert_eq!(percent(0, 0), "0.00");
        assert_eq!(percent(2, 3), "66.67");
    }
}
