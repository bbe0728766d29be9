//! Spreadsheets out (خروجی اکسل): the one rule for numbers in a cell, and the one writer that
//! turns sheets of cells into an XLSX workbook (right to left, bold headers, Jalali dates, rials
//! with thousands separators) or a CSV file (UTF-8 with a BOM, so Excel reads the Persian).
//!
//! The rule for numbers: a cell is a double, so an integer (rials, a count) is written as a number
//! only while a double holds it exactly (below 2^53 in magnitude — every cooperative's amounts);
//! above that, its digits go in as text, never a rounded figure.

use std::io::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use hamyar_core::jalali::JalaliDate;
use rust_decimal::Decimal;

use crate::{Result, StoreError};

/// Integers below this magnitude are exact doubles.
pub const EXACT_LIMIT: i128 = 1 << 53;

/// `n` as a spreadsheet number, when a double holds it exactly.
pub fn exact_number(n: i128) -> Option<f64> {
    if n.abs() < EXACT_LIMIT {
        // Exact: every integer of this size is a double.
        #[allow(clippy::cast_precision_loss)]
        let value = n as f64;
        Some(value)
    } else {
        None
    }
}

/// One cell of an exported sheet, by what it holds (which decides how it is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text as it is.
    Text(String),
    /// A day, written as its Jalali date (`1403/12/30`); none leaves the cell empty.
    Date(Option<NaiveDate>),
    /// Rials: a number with thousands separators in XLSX, plain digits in CSV.
    Rials(i128),
    /// A count or a number (membership number, shares): a plain whole number.
    Count(i128),
    /// A quantity, hours or a percent: a number when a double shows it as written, else its text.
    Decimal(Decimal),
}

impl Cell {
    /// Text, from anything that is text.
    pub fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    /// Rials from their decimal text (the wire form of money); text that is not a whole number stays text.
    pub fn rials_text(s: &str) -> Self {
        s.parse::<i128>().map_or_else(|_| Self::Text(s.to_owned()), Self::Rials)
    }

    /// The cell as CSV text (and as the text an XLSX cell falls back to).
    fn as_text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Date(d) => d.map(|d| JalaliDate::from_gregorian(d).to_ascii()).unwrap_or_default(),
            Self::Rials(n) | Self::Count(n) => n.to_string(),
            Self::Decimal(d) => d.normalize().to_string(),
        }
    }
}

/// One sheet of an export: its name (the XLSX tab), its column headers and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The tab's name (at most 31 characters, as Excel allows).
    pub name: String,
    /// Column headers, in Persian.
    pub headers: Vec<String>,
    /// The rows, each as long as the headers.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A sheet with these headers and no rows yet.
    pub fn new(name: &str, headers: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The two file kinds an export can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// An Excel workbook, one tab per sheet.
    Xlsx,
    /// Comma-separated text; several sheets follow one another, each under a line with its name.
    Csv,
}

impl SheetFormat {
    /// The kind a file name asks for: `.csv` is CSV, anything else XLSX.
    pub fn of(path: &Path) -> Self {
        let csv = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if csv { Self::Csv } else { Self::Xlsx }
    }
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> StoreError {
    StoreError::Io(std::io::Error::other(e.to_string()))
}

fn csv_error(e: csv::Error) -> StoreError {
    StoreError::Io(std::io::Error::other(e.to_string()))
}

/// The sheets as CSV bytes: a BOM, then each sheet's header and rows; with several sheets each
/// is preceded by a line holding its name and followed by an empty line.
pub fn csv_bytes(sheets: &[Sheet]) -> Result<Vec<u8>> {
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    for (i, sheet) in sheets.iter().enumerate() {
        if i > 0 {
            // An empty line between sheets (a record of one empty field would be `""`).
            out.push(b'\n');
        }
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
        if sheets.len() > 1 {
            w.write_record([&sheet.name]).map_err(csv_error)?;
        }
        w.write_record(&sheet.headers).map_err(csv_error)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(Cell::as_text)).map_err(csv_error)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Whether a decimal survives the trip through a double as written (15 significant digits).
fn decimal_number(d: Decimal) -> Option<f64> {
    let d = d.normalize();
    let digits = d.mantissa().unsigned_abs().to_string().len();
    if digits > 15 { None } else { d.to_string().parse().ok() }
}

/// The sheets as an XLSX workbook: right to left, bold frozen headers, Jalali dates as text,
/// rials as exact numbers shown with separators.
pub fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let bold = Format::new().set_bold();
    let rials = Format::new().set_num_format("#,##0");
    let count = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("#,##0.###");
    let mut book = Workbook::new();
    for sheet in sheets {
        let tab = book.add_worksheet();
        tab.set_name(&sheet.name).map_err(xlsx_error)?;
        tab.set_right_to_left(true);
        tab.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
        for (c, h) in (0_u16..).zip(&sheet.headers) {
            tab.write_string_with_format(0, c, h, &bold).map_err(xlsx_error)?;
        }
        for (r, row) in (1_u32..).zip(&sheet.rows) {
            for (c, cell) in (0_u16..).zip(row) {
                let number = match cell {
                    Cell::Rials(n) => exact_number(*n).map(|v| (v, &rials)),
                    Cell::Count(n) => exact_number(*n).map(|v| (v, &count)),
                    Cell::Decimal(d) => decimal_number(*d).map(|v| (v, &decimal)),
                    Cell::Text(_) | Cell::Date(_) => None,
                };
                let text = cell.as_text();
                if let Some(w) = widths.get_mut(usize::from(c)) {
                    *w = (*w).max(text.chars().count() + usize::from(matches!(cell, Cell::Rials(_))) * 4);
                }
                match number {
                    Some((value, format)) => tab.write_number_with_format(r, c, value, format),
                    None if text.is_empty() => continue,
                    None => tab.write_string(r, c, &text),
                }
                .map_err(xlsx_error)?;
            }
        }
        for (c, w) in (0_u16..).zip(widths) {
            // Column widths in characters, a little room beside the longest cell, capped.
            #[allow(clippy::cast_precision_loss)]
            let width = (w.clamp(6, 48) + 2) as f64;
            tab.set_column_width(c, width).map_err(xlsx_error)?;
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
}

/// Writes the sheets to `path` as XLSX or CSV by its extension; the file appears whole or not at
/// all (written to a temporary name beside it, synced, then renamed). Returns the rows written.
pub fn write(path: &Path, sheets: &[Sheet]) -> Result<usize> {
    let bytes = match SheetFormat::of(path) {
        SheetFormat::Csv => csv_bytes(sheets)?,
        SheetFormat::Xlsx => xlsx_bytes(sheets)?,
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.part"));
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(&bytes)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temp, path)) {
        let _ = std::fs::remove_file(&temp);
        return Err(StoreError::Io(e));
    }
    Ok(sheets.iter().map(|s| s.rows.len()).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_numbers_only_while_exact() {
        assert_eq!(
            exact_number(9_007_199_254_740_991).map(|v| v.to_string()),
            Some("9007199254740991".into())
        );
        assert_eq!(
            exact_number(-9_007_199_254_740_991).map(|v| v.to_string()),
            Some("-9007199254740991".into())
        );
        assert_eq!(exact_number(9_007_199_254_740_992), None);
        assert_eq!(exact_number(0), Some(0.0_f64).filter(|v| v.to_string() == "0"));
    }

    fn sheet(name: &str) -> Sheet {
        let mut s = Sheet::new(name, &["نام", "مبلغ (ریال)", "تاریخ"]);
        let day = NaiveDate::from_ymd_opt(2025, 3, 20).expect("a day");
        s.rows.push(vec![Cell::text("علی"), Cell::Rials(9_007_199_254_740_993), Cell::Date(Some(day))]);
        s
    }

    #[test]
    fn csv_has_a_bom_each_sheet_under_its_name_and_rials_in_full() {
        let text = String::from_utf8(csv_bytes(&[sheet("الف"), sheet("ب")]).expect("csv")).expect("utf-8");
        assert_eq!(
            text,
            "\u{FEFF}الف\nنام,مبلغ (ریال),تاریخ\nعلی,9007199254740993,1403/12/30\n\nب\nنام,مبلغ (ریال),تاریخ\nعلی,9007199254740993,1403/12/30\n"
        );
        let one = String::from_utf8(csv_bytes(&[sheet("الف")]).expect("csv")).expect("utf-8");
        assert!(one.starts_with("\u{FEFF}نام,"), "{one}");
    }

    #[test]
    fn a_failed_write_leaves_no_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-such-folder").join("out.xlsx");
        assert!(write(&missing, &[sheet("الف")]).is_err());
        let path = dir.path().join("out.csv");
        assert_eq!(write(&path, &[sheet("الف")]).expect("written"), 1);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out.csv"]);
    }
}
