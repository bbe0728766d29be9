//! Production entries from a CSV or XLSX sheet (ورود از اکسل): columns recognised by their
//! Persian or English headers, every row judged exactly as the entry grid judges it, a preview
//! that names each bad row and why, and a commit that records all rows or none.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::production::{ProductionInput, WorkerInput};
use hamyar_core::text::{ascii_digits, normalize_text};
use hamyar_core::{ErrorCode, ErrorDetails, Field, FieldError};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::production::{self, record_production_in};
use crate::{Result, Store, StoreError};

/// Most rows one import may carry (a year of a busy workshop's entries).
pub const MAX_ROWS: usize = 100_000;

/// Columns the importer knows, with the headers it recognises (normalised, lower case).
const COLUMNS: &[(Field, &[&str])] = &[
    (Field::Date, &["date", "تاریخ", "تاریخ تولید"]),
    (Field::Product, &["product", "کالا", "محصول", "نام کالا", "شناسه کالا", "کد کالا"]),
    (Field::Quantity, &["quantity", "qty", "مقدار", "تعداد"]),
    (Field::UnitValue, &["unit_value", "unit value", "ارزش واحد", "فی", "قیمت واحد", "بهای واحد"]),
    (Field::Unit, &["unit", "واحد"]),
    (Field::Workshop, &["workshop", "line", "کارگاه", "خط", "خط تولید"]),
    (Field::Shift, &["shift", "نوبت", "نوبت کاری", "شیفت"]),
    (Field::MembershipNo, &["member", "membership_no", "عضو", "شماره عضویت"]),
    (Field::Hours, &["hours", "ساعت", "ساعت کار"]),
];

const REQUIRED: [Field; 4] = [Field::Date, Field::Product, Field::Quantity, Field::UnitValue];

/// A sheet column and the field it was recognised as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportColumn {
    /// The header as written.
    pub header: String,
    /// The field, when recognised; unrecognised columns are ignored.
    pub field: Option<Field>,
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportRow {
    /// Row number as the spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// The date as read (ISO when it could be read).
    pub date: String,
    /// The product's id, when found.
    pub product: Option<u32>,
    /// The product as written in the sheet.
    pub product_text: String,
    /// Quantity as written.
    pub quantity: String,
    /// Unit value as written.
    pub unit_value: String,
    /// Why the row would be refused; empty when it is good.
    pub errors: Vec<FieldError>,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    /// The columns and what each was recognised as.
    pub columns: Vec<ImportColumn>,
    /// Every data row.
    pub rows: Vec<ImportRow>,
    /// Rows that would be recorded.
    pub good: u32,
    /// Rows that are refused.
    pub bad: u32,
}

/// What a committed import recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportResult {
    /// Entries recorded.
    pub recorded: u32,
    /// Their total value, rials.
    #[ts(type = "string")]
    pub total_value: String,
}

fn refused(code: ErrorCode, field: Option<Field>) -> StoreError {
    match field {
        Some(field) => StoreError::Invalid(vec![FieldError { field, code }]),
        None => StoreError::Refused(code),
    }
}

/// Reads a sheet into rows of text: an XLSX workbook's first sheet, or CSV (comma, semicolon or
/// tab; UTF-8 with or without a BOM).
pub fn read_sheet(name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let rows =
        if is_zip || name.to_lowercase().ends_with(".xlsx") { read_xlsx(bytes)? } else { read_csv(bytes)? };
    let rows: Vec<Vec<String>> =
        rows.into_iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).collect();
    if rows.len() < 2 {
        return Err(refused(ErrorCode::ImportEmpty, Some(Field::File)));
    }
    if rows.len() > MAX_ROWS + 1 {
        return Err(StoreError::Rule {
            code: ErrorCode::ImportFormat,
            details: ErrorDetails {
                limit: Some(MAX_ROWS.to_string()),
                value: Some((rows.len() - 1).to_string()),
                ..ErrorDetails::default()
            },
        });
    }
    Ok(rows)
}

/// Most columns a sheet may span (Excel 2003's limit; the importers know at most 16).
pub const MAX_COLUMNS: u32 = 256;

/// The first sheet's non-empty rows, from its first used row and column (as a spreadsheet's
/// used range). Read cell by cell rather than as calamine's dense range, which allocates
/// rows × columns of the span its cells' addresses name — a few bytes addressing A1 and
/// XFD1048576 would ask for 17 billion cells (found by fuzzing, docs/fuzzing.md); a sheet
/// spanning more than [`MAX_COLUMNS`] columns or [`MAX_ROWS`] rows is refused instead.
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let bad = || refused(ErrorCode::ImportFormat, Some(Field::File));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| bad())?;
    let first = book.sheet_names().first().cloned().ok_or_else(bad)?;
    let mut reader = book.worksheet_cells_reader(&first).map_err(|_| bad())?;
    let mut cells: Vec<((u32, u32), String)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|_| bad())? {
        let value = Data::from(cell.get_value().clone());
        if value != Data::Empty {
            cells.push((cell.get_position(), cell_text(&value)));
        }
    }
    let (Some(top), Some(left)) =
        (cells.iter().map(|((r, _), _)| *r).min(), cells.iter().map(|((_, c), _)| *c).min())
    else {
        return Ok(Vec::new());
    };
    let too_far = |((r, c), _): &((u32, u32), String)| {
        usize::try_from(r - top).map_or(true, |r| r > MAX_ROWS) || c - left >= MAX_COLUMNS
    };
    if cells.iter().any(too_far) {
        return Err(bad());
    }
    cells.sort_by_key(|(pos, _)| *pos);
    let mut rows: Vec<(u32, Vec<String>)> = Vec::new();
    for ((r, c), text) in cells {
        if rows.last().is_none_or(|(row, _)| *row != r) {
            rows.push((r, Vec::new()));
        }
        if let Some((_, row)) = rows.last_mut() {
            let at = (c - left) as usize;
            if row.len() <= at {
                row.resize(at + 1, String::new());
            }
            row[at] = text;
        }
    }
    Ok(rows.into_iter().map(|(_, row)| row).collect())
}

/// A cell as text: numbers without a spurious `.0`, Excel dates as ISO days.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_day(d.as_f64()).map(|d| d.to_string()).unwrap_or_default(),
        Data::Error(_) => String::from("#ERROR"),
    }
}

/// An Excel serial day (1900 system, with its phantom 29 Feb 1900) as a date.
fn excel_day(serial: f64) -> Option<NaiveDate> {
    // NaN or infinity is no day (a NaN would otherwise truncate to 0, Excel's epoch).
    if !serial.is_finite() {
        return None;
    }
    let days = serial.trunc() as i64;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    // `try_days`: a date-formatted cell may hold any number, and `days` panics past ±2^43.
    epoch.checked_add_signed(chrono::Duration::try_days(days)?)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>> {
    let text = std::str::from_utf8(bytes).map_err(|_| refused(ErrorCode::ImportFormat, Some(Field::File)))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|_| refused(ErrorCode::ImportFormat, Some(Field::File)))?;
        rows.push(record.iter().map(str::to_owned).collect());
    }
    Ok(rows)
}

/// Recognises the header row; refuses a sheet that lacks a required column.
fn columns(header: &[String]) -> Result<Vec<ImportColumn>> {
    let cols: Vec<ImportColumn> = header
        .iter()
        .map(|h| {
            let key = normalize_text(h).to_lowercase();
            let field = COLUMNS.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(f, _)| *f);
            ImportColumn { header: h.clone(), field }
        })
        .collect();
    let missing: Vec<FieldError> = REQUIRED
        .iter()
        .filter(|f| !cols.iter().any(|c| c.field == Some(**f)))
        .map(|f| FieldError { field: *f, code: ErrorCode::ImportColumnMissing })
        .collect();
    if missing.is_empty() { Ok(cols) } else { Err(StoreError::Invalid(missing)) }
}

fn product_by_text(conn: &Connection, text: &str) -> Result<Option<u32>> {
    let t = normalize_text(text);
    if let Ok(id) = ascii_digits(&t).parse::<u32>() {
        return Ok(Some(id));
    }
    // Cached: asked once for every row of the sheet.
    Ok(conn
        .prepare_cached("SELECT product FROM product WHERE name = ?1 OR code = ?1")?
        .query_row([&t], |r| r.get(0))
        .optional()?)
}

struct Parsed {
    row: ImportRow,
    input: ProductionInput,
}

fn parse_rows(conn: &Connection, rows: &[Vec<String>]) -> Result<(Vec<ImportColumn>, Vec<Parsed>)> {
    let Some((header, data)) = rows.split_first() else {
        return Err(refused(ErrorCode::ImportEmpty, Some(Field::File)));
    };
    let cols = columns(header)?;
    let mut parsed = Vec::with_capacity(data.len());
    for (i, cells) in data.iter().enumerate() {
        let get = |field: Field| -> String {
            cols.iter()
                .position(|c| c.field == Some(field))
                .and_then(|p| cells.get(p))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let product_text = get(Field::Product);
        let product = product_by_text(conn, &product_text)?;
        let mut errors = Vec::new();
        let member = get(Field::MembershipNo);
        let workers = if member.is_empty() {
            Vec::new()
        } else {
            match ascii_digits(&member).parse::<u32>() {
                Ok(no) => vec![WorkerInput { membership_no: no, hours: get(Field::Hours) }],
                Err(_) => {
                    errors.push(FieldError { field: Field::MembershipNo, code: ErrorCode::UnknownMember });
                    Vec::new()
                }
            }
        };
        let unit = get(Field::Unit);
        let input = ProductionInput {
            date: get(Field::Date),
            product: product.unwrap_or(0),
            quantity: get(Field::Quantity),
            unit_value: get(Field::UnitValue),
            unit: (!unit.is_empty()).then_some(unit),
            workshop: get(Field::Workshop),
            shift: get(Field::Shift),
            workers,
        };
        let row = ImportRow {
            row: u32::try_from(i + 2).unwrap_or(u32::MAX),
            date: input.date.clone(),
            product,
            product_text,
            quantity: input.quantity.clone(),
            unit_value: input.unit_value.clone(),
            errors,
        };
        parsed.push(Parsed { row, input });
    }
    Ok((cols, parsed))
}

fn judge(conn: &Connection, today: NaiveDate, p: &mut Parsed) -> Result<()> {
    match production::plan_entry(conn, today, &p.input) {
        Ok(r) => {
            p.row.date = r.date.to_string();
            Ok(())
        }
        Err(StoreError::Invalid(f)) => {
            p.row.errors.extend(f);
            Ok(())
        }
        Err(StoreError::Rule { code, .. } | StoreError::Refused(code)) => {
            p.row.errors.push(FieldError { field: Field::Date, code });
            Ok(())
        }
        Err(other) => Err(other),
    }
}

/// What importing `bytes` would record, row by row; writes nothing.
pub fn preview(store: &Store, now: DateTime<Utc>, name: &str, bytes: &[u8]) -> Result<ImportPreview> {
    let rows = read_sheet(name, bytes)?;
    let conn = store.conn();
    let today = tehran_date(now);
    let (columns, mut parsed) = parse_rows(conn, &rows)?;
    for p in &mut parsed {
        judge(conn, today, p)?;
    }
    let bad = parsed.iter().filter(|p| !p.row.errors.is_empty()).count();
    Ok(ImportPreview {
        columns,
        good: u32::try_from(parsed.len() - bad).unwrap_or(u32::MAX),
        bad: u32::try_from(bad).unwrap_or(u32::MAX),
        rows: parsed.into_iter().map(|p| p.row).collect(),
    })
}

/// Records every row of the sheet in one transaction, or none: a single bad row refuses the
/// whole import with `import_rows_invalid` (the preview lists why).
pub fn commit(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    name: &str,
    bytes: &[u8],
) -> Result<ImportResult> {
    let rows = read_sheet(name, bytes)?;
    store.write(author, now, |w| {
        let today = tehran_date(w.now());
        let (_, mut parsed) = parse_rows(w.conn(), &rows)?;
        for p in &mut parsed {
            judge(w.conn(), today, p)?;
        }
        let bad = parsed.iter().filter(|p| !p.row.errors.is_empty()).count();
        if bad > 0 {
            return Err(StoreError::Rule {
                code: ErrorCode::ImportRowsInvalid,
                details: ErrorDetails { value: Some(bad.to_string()), ..ErrorDetails::default() },
            });
        }
        let mut total: i128 = 0;
        for p in &parsed {
            let (_, recorded) = record_production_in(w, &p.input)?;
            total += i128::from(recorded.value);
        }
        Ok(ImportResult {
            recorded: u32::try_from(parsed.len()).unwrap_or(u32::MAX),
            total_value: total.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_days_count_from_the_1900_system() {
        assert_eq!(excel_day(45_736.0).map(|d| d.to_string()), Some("2025-03-20".to_owned()));
        assert_eq!(excel_day(1.0).map(|d| d.to_string()), Some("1899-12-31".to_owned()));
    }

    #[test]
    fn excel_serial_days_beyond_any_calendar_are_no_day() {
        // A date-formatted cell may hold any number (seen beside the fuzzer's finding, docs/fuzzing.md).
        assert_eq!(excel_day(1e300), None);
        assert_eq!(excel_day(-1e300), None);
        assert_eq!(excel_day(f64::NAN), None);
        assert_eq!(excel_day(f64::INFINITY), None);
    }

    fn workbook(cells: &[(u32, u16, &str)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, c, text) in cells {
            sheet.write_string(*r, *c, *text).expect("a cell");
        }
        book.save_to_buffer().expect("a workbook")
    }

    #[test]
    fn an_xlsx_whose_cells_span_the_whole_grid_is_refused_without_allocating_it() {
        // Two cells, A1 and XFD1048576: calamine's dense range would be 17 billion cells (found
        // by fuzzing, docs/fuzzing.md). Refused as a file Hamyar cannot read, at once.
        let far = workbook(&[(0, 0, "تاریخ"), (1_048_575, 16_383, "x")]);
        let refused = read_sheet("far.xlsx", &far);
        assert!(
            matches!(&refused, Err(StoreError::Invalid(f)) if f == &[FieldError { field: Field::File, code: ErrorCode::ImportFormat }]),
            "{refused:?}"
        );
        let wide = workbook(&[(0, 0, "a"), (1, 256, "b")]);
        assert!(matches!(read_sheet("wide.xlsx", &wide), Err(StoreError::Invalid(_))));
    }

    #[test]
    fn an_xlsx_is_read_from_its_first_used_cell_without_its_empty_rows() {
        let book = workbook(&[(2, 2, "تاریخ"), (2, 4, "کالا"), (4, 3, "۱۰"), (5, 257, "x")]);
        let rows = read_sheet("b.xlsx", &book).expect("rows");
        let expected: Vec<Vec<String>> = vec![
            vec!["تاریخ".into(), String::new(), "کالا".into()],
            vec![String::new(), "۱۰".into()],
            [vec![String::new(); 255], vec!["x".into()]].concat(),
        ];
        assert_eq!(rows, expected);
    }

    #[test]
    fn csv_delimiters_and_the_bom_are_recognised() {
        let rows = read_sheet("a.csv", "\u{FEFF}تاریخ;کالا\n1403/12/01;پارچه\n".as_bytes()).expect("rows");
        assert_eq!(
            rows,
            vec![vec!["تاریخ".to_owned(), "کالا".to_owned()], vec!["1403/12/01".into(), "پارچه".into()]]
        );
        assert!(matches!(read_sheet("a.csv", b"date\n"), Err(StoreError::Invalid(_))));
        assert!(matches!(read_sheet("a.csv", &[0xff, 0xfe, 0x00]), Err(StoreError::Invalid(_))));
    }

    #[test]
    fn a_sheet_without_a_required_column_is_refused_with_the_missing_fields() {
        let header: Vec<String> = ["تاریخ", "کالا", "مقدار"].iter().map(|s| (*s).to_owned()).collect();
        match columns(&header) {
            Err(StoreError::Invalid(f)) => {
                assert_eq!(
                    f,
                    vec![FieldError { field: Field::UnitValue, code: ErrorCode::ImportColumnMissing }]
                )
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
