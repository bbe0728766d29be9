//! Members and their opening share balances from XLSX or CSV (ورود اعضا از اکسل), and the member
//! register out to XLSX or CSV. Columns are recognised by their Persian or English headers, or
//! mapped by the user; every row is judged by the same use cases as the member form and the share
//! ledger, inside one transaction — so duplicates within the file and the cap against the capital
//! the file itself builds are judged too. The preview runs that transaction and rolls it back;
//! the commit records every row or none.
//!
//! A member's standing travels with them: the status column (applicants stay applicants), the
//! day an applicant was admitted (recorded as the board's activation) and the day a member left.
//! An exit in a sheet is a transcription of one the cooperative recorded before (its notice,
//! warnings and heirs were judged then), so it is recorded as written, checked only for its day.

use std::path::Path;

use chrono::{DateTime, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::member::{ExitReason, Gender, MemberExit, MemberInput, MemberStatus};
use hamyar_core::shares::ShareAction;
use hamyar_core::text::{ascii_digits, normalize_text};
use hamyar_core::{ErrorCode, ErrorDetails, Field, FieldError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::export::words;
use crate::import::{ImportColumn, read_sheet};
use crate::xlsx::{Cell, Sheet};
use crate::{Result, Store, StoreError, Writer, members, shares};

/// Columns of the member sheet, with the headers recognised (normalised, lower case). The first
/// header of each is the one exports write.
const COLUMNS: &[(Field, &[&str])] = &[
    (Field::FirstName, &["نام", "first_name", "first name", "name"]),
    (Field::LastName, &["نام خانوادگی", "last_name", "last name", "family name", "surname"]),
    (Field::FatherName, &["نام پدر", "father_name", "father"]),
    (Field::NationalCode, &["کد ملی", "national_code", "national code", "کدملی"]),
    (Field::Gender, &["جنسیت", "gender"]),
    (Field::BirthDate, &["تاریخ تولد", "birth_date", "birth date"]),
    (Field::Mobile, &["تلفن همراه", "mobile", "موبایل", "همراه"]),
    (Field::Sheba, &["شبا", "sheba", "iban", "شماره شبا"]),
    (Field::Joined, &["تاریخ عضویت", "joined", "date joined", "عضویت"]),
    (Field::Shares, &["تعداد سهام", "shares", "سهام"]),
    (Field::Amount, &["مبلغ پرداخت‌شده", "paid", "پرداخت شده", "مبلغ پرداختی", "پرداختی"]),
    (Field::Status, &["وضعیت", "status", "وضعیت عضویت"]),
    (Field::ActivatedOn, &["تاریخ پذیرش", "activated_on", "activated", "admitted", "تاریخ تصویب عضویت"]),
    (Field::ExitDate, &["تاریخ خروج", "exit_date", "exit date", "left"]),
    (Field::PostalCode, &["کد پستی", "postal_code", "postal code", "کدپستی"]),
    (Field::Address, &["نشانی", "address", "آدرس"]),
];

const REQUIRED: [Field; 3] = [Field::FirstName, Field::LastName, Field::NationalCode];

/// What to import: the file, and optionally the user's mapping of its columns (one entry per
/// column, in order; `null` ignores a column).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberSheet {
    /// The file's name (its extension tells CSV from XLSX when the bytes do not).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The column mapping; absent: recognised from the headers.
    #[serde(default)]
    pub mapping: Option<Vec<Option<Field>>>,
}

/// One row of the preview: who, and why it cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MemberImportRow {
    /// Row number as the spreadsheet shows it (the header is row 1).
    pub row: u32,
    /// The name as written.
    pub name: String,
    /// The national code as written.
    pub national_code: String,
    /// Shares of the opening balance.
    pub shares: String,
    /// Paid rials of the opening balance.
    pub paid: String,
    /// Why it is refused; empty when it can be recorded.
    pub errors: Vec<FieldError>,
}

/// What importing the sheet would record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MemberImportPreview {
    /// The columns and the fields they were taken as.
    pub columns: Vec<ImportColumn>,
    /// Rows that can be recorded.
    pub good: u32,
    /// Rows refused.
    pub bad: u32,
    /// Every row.
    pub rows: Vec<MemberImportRow>,
}

fn header_field(header: &str) -> Option<Field> {
    let key = normalize_text(header).to_lowercase().replace('\u{200c}', " ");
    COLUMNS.iter().find(|(_, names)| names.iter().any(|n| n.replace('\u{200c}', " ") == key)).map(|(f, _)| *f)
}

/// The columns: the mapping when given (it must name every column), else the headers. A header
/// neither recognised nor mapped is refused (`import_column_unknown`), as is a missing required column.
fn columns(header: &[String], mapping: Option<&[Option<Field>]>) -> Result<Vec<ImportColumn>> {
    let cols: Vec<ImportColumn> = match mapping {
        Some(map) => {
            if map.len() != header.len() {
                return Err(StoreError::Invalid(vec![FieldError {
                    field: Field::File,
                    code: ErrorCode::ImportColumnUnknown,
                }]));
            }
            header.iter().zip(map).map(|(h, f)| ImportColumn { header: h.clone(), field: *f }).collect()
        }
        None => header.iter().map(|h| ImportColumn { header: h.clone(), field: header_field(h) }).collect(),
    };
    let unknown = cols.iter().find(|c| c.field.is_none() && !c.header.trim().is_empty());
    if let (None, Some(unknown)) = (mapping, unknown) {
        return Err(StoreError::Rule {
            code: ErrorCode::ImportColumnUnknown,
            details: ErrorDetails { value: Some(unknown.header.clone()), ..ErrorDetails::default() },
        });
    }
    let missing: Vec<FieldError> = REQUIRED
        .iter()
        .filter(|f| !cols.iter().any(|c| c.field == Some(**f)))
        .map(|f| FieldError { field: *f, code: ErrorCode::ImportColumnMissing })
        .collect();
    if missing.is_empty() { Ok(cols) } else { Err(StoreError::Invalid(missing)) }
}

fn gender(text: &str) -> Result<Option<Gender>, FieldError> {
    match normalize_text(text).to_lowercase().as_str() {
        "" => Ok(None),
        "زن" | "خانم" | "female" | "f" => Ok(Some(Gender::Female)),
        "مرد" | "آقا" | "male" | "m" => Ok(Some(Gender::Male)),
        _ => Err(FieldError { field: Field::Gender, code: ErrorCode::ImportFormat }),
    }
}

/// A status as a sheet writes it (or its English name); empty is none.
fn status(text: &str) -> Result<Option<MemberStatus>, FieldError> {
    let key = |t: &str| normalize_text(t).to_lowercase().replace('\u{200c}', " ");
    let text = key(text);
    if text.is_empty() {
        return Ok(None);
    }
    words::STATUSES
        .iter()
        .find(|(s, word)| key(word) == text || serde_json::to_value(s).is_ok_and(|v| v == text.as_str()))
        .map(|(s, _)| Some(*s))
        .ok_or(FieldError { field: Field::Status, code: ErrorCode::ImportFormat })
}

/// Records a past exit as the sheet gives it: the reason its status names, on its day (not in
/// the future, not before joining, in an open year).
fn transcribe_exit(w: &mut Writer<'_>, no: u32, status: MemberStatus, text: &str) -> Result<()> {
    let reason = match status {
        MemberStatus::Withdrawn => ExitReason::Withdrawal,
        MemberStatus::Expelled => ExitReason::Expulsion,
        MemberStatus::Deceased => ExitReason::Death,
        MemberStatus::Applicant | MemberStatus::Active => return Ok(()),
    };
    let refuse = |code| StoreError::Invalid(vec![FieldError { field: Field::ExitDate, code }]);
    let date = hamyar_core::jalali::parse_date(text).map_err(refuse)?;
    let joined = members::get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?.joined;
    if date > tehran_date(w.now()) {
        return Err(refuse(ErrorCode::DateInFuture));
    }
    if date < joined {
        return Err(refuse(ErrorCode::DateBeforeJoining));
    }
    crate::year::ensure_open(w.conn(), date)?;
    let (_, version) = members::statute_or_default(w.conn(), date)?;
    let exit = MemberExit {
        membership_no: no,
        reason,
        date,
        notice_date: None,
        resolution: None,
        heirs: Vec::new(),
    };
    w.append_judged(&Event::MemberExited(exit), version)?;
    Ok(())
}

/// The refusals of one action, as field errors of its row.
fn row_errors(e: StoreError, fallback: Field) -> Result<Vec<FieldError>> {
    match e {
        StoreError::Invalid(f) => Ok(f),
        StoreError::Rule { code, .. } | StoreError::Refused(code) => {
            Ok(vec![FieldError { field: fallback, code }])
        }
        other => Err(other),
    }
}

/// The sheet's header row and the field each header is recognised as (none for the others): what
/// the column-mapping step starts from. Reads the file, judges nothing.
pub fn headers(sheet: &MemberSheet) -> Result<Vec<ImportColumn>> {
    let rows = read_sheet(&sheet.name, &sheet.bytes)?;
    let header = rows.first().map(Vec::as_slice).unwrap_or_default();
    Ok(header.iter().map(|h| ImportColumn { header: h.clone(), field: header_field(h) }).collect())
}

/// Judges and records every row inside `w`'s transaction; the rows, each with its refusals.
fn record_rows(
    w: &mut Writer<'_>,
    rows: &[Vec<String>],
    mapping: Option<&[Option<Field>]>,
) -> Result<MemberImportPreview> {
    let Some((header, data)) = rows.split_first() else {
        return Err(StoreError::Invalid(vec![FieldError {
            field: Field::File,
            code: ErrorCode::ImportEmpty,
        }]));
    };
    let cols = columns(header, mapping)?;
    let mut out = Vec::with_capacity(data.len());
    for (i, cells) in data.iter().enumerate() {
        let get = |field: Field| -> String {
            cols.iter()
                .position(|c| c.field == Some(field))
                .and_then(|p| cells.get(p))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let mut errors = Vec::new();
        let gender = gender(&get(Field::Gender)).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let status = status(&get(Field::Status)).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let (activated_on, exit_date) = (get(Field::ActivatedOn), get(Field::ExitDate));
        // An applicant has not been admitted; only a member who left has a day of leaving.
        if status == Some(MemberStatus::Applicant) && !activated_on.is_empty() {
            errors.push(FieldError { field: Field::ActivatedOn, code: ErrorCode::ImportFormat });
        }
        match (status.is_some_and(MemberStatus::has_exited), exit_date.is_empty()) {
            (true, true) => errors.push(FieldError { field: Field::ExitDate, code: ErrorCode::Required }),
            (false, false) => {
                errors.push(FieldError { field: Field::ExitDate, code: ErrorCode::ImportFormat })
            }
            _ => {}
        }
        let input = MemberInput {
            first_name: get(Field::FirstName),
            last_name: get(Field::LastName),
            father_name: get(Field::FatherName),
            national_code: get(Field::NationalCode),
            gender,
            birth_date: get(Field::BirthDate),
            mobile: get(Field::Mobile),
            sheba: get(Field::Sheba),
            joined: get(Field::Joined),
            postal_code: get(Field::PostalCode),
            address: get(Field::Address),
            applicant: status == Some(MemberStatus::Applicant) || !activated_on.is_empty(),
            ..MemberInput::default()
        };
        let shares_text = ascii_digits(&get(Field::Shares));
        let paid_text = get(Field::Amount);
        let shares_count = if shares_text.is_empty() {
            Ok(0)
        } else {
            shares_text
                .trim()
                .parse::<u32>()
                .map_err(|_| FieldError { field: Field::Shares, code: ErrorCode::NumberFormat })
        };
        if let Err(e) = &shares_count {
            errors.push(*e);
        }
        // The paid rials: empty or zero is nothing paid; anything but digits is refused here.
        let paid_digits: String =
            ascii_digits(&paid_text).chars().filter(|c| !matches!(c, ',' | '\u{066C}' | ' ' | '_')).collect();
        if !paid_digits.chars().all(|c| c.is_ascii_digit()) {
            errors.push(FieldError { field: Field::Amount, code: ErrorCode::NumberFormat });
        }
        let paid_any = paid_digits.chars().any(|c| c != '0');
        if errors.is_empty() {
            match members::add_in(w, &input) {
                Ok(m) => {
                    let no = m.membership_no;
                    let date = m.joined.to_string();
                    if let Ok(count @ 1..) = shares_count {
                        let subscribe =
                            ShareAction::Subscribe { membership_no: no, shares: count, date: date.clone() };
                        if let Err(e) = shares::record_in(w, &subscribe) {
                            errors.extend(row_errors(e, Field::Shares)?);
                        }
                    }
                    if errors.is_empty() && paid_any {
                        let pay = ShareAction::Pay { membership_no: no, amount: paid_text.clone(), date };
                        if let Err(e) = shares::record_in(w, &pay) {
                            errors.extend(row_errors(e, Field::Amount)?);
                        }
                    }
                    if errors.is_empty()
                        && !activated_on.is_empty()
                        && let Err(e) = members::activate_in(w, no, &activated_on)
                    {
                        let found = row_errors(e, Field::ActivatedOn)?;
                        errors.extend(found.into_iter().map(|f| FieldError {
                            field: if f.field == Field::Date { Field::ActivatedOn } else { f.field },
                            ..f
                        }));
                    }
                    if let (true, Some(s)) = (errors.is_empty(), status)
                        && let Err(e) = transcribe_exit(w, no, s, &exit_date)
                    {
                        errors.extend(row_errors(e, Field::ExitDate)?);
                    }
                }
                Err(e) => errors.extend(row_errors(e, Field::NationalCode)?),
            }
        }
        out.push(MemberImportRow {
            row: u32::try_from(i + 2).unwrap_or(u32::MAX),
            name: format!("{} {}", input.first_name, input.last_name).trim().to_owned(),
            national_code: input.national_code,
            shares: shares_text,
            paid: paid_text,
            errors,
        });
    }
    let bad = out.iter().filter(|r| !r.errors.is_empty()).count();
    Ok(MemberImportPreview {
        columns: cols,
        good: u32::try_from(out.len() - bad).unwrap_or(u32::MAX),
        bad: u32::try_from(bad).unwrap_or(u32::MAX),
        rows: out,
    })
}

/// What importing the sheet would record, row by row: judged inside a transaction that is then
/// rolled back, so nothing is written.
pub fn preview(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    sheet: &MemberSheet,
) -> Result<MemberImportPreview> {
    let rows = read_sheet(&sheet.name, &sheet.bytes)?;
    let mut seen = None;
    // An error out of the action rolls its transaction back: the rows are judged, nothing stays.
    let rolled_back = store.write(author, now, |w| -> Result<()> {
        seen = Some(record_rows(w, &rows, sheet.mapping.as_deref())?);
        Err(StoreError::Refused(ErrorCode::Internal))
    });
    match (rolled_back, seen) {
        (Err(_), Some(p)) => Ok(p),
        (Err(e), None) => Err(e),
        (Ok(()), _) => Err(StoreError::Refused(ErrorCode::Internal)),
    }
}

/// Records every row, or none: one bad row refuses the whole sheet (`import_rows_invalid`;
/// the preview says why).
pub fn commit(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    sheet: &MemberSheet,
) -> Result<MemberImportPreview> {
    let rows = read_sheet(&sheet.name, &sheet.bytes)?;
    store.write(author, now, |w| {
        let p = record_rows(w, &rows, sheet.mapping.as_deref())?;
        if p.bad > 0 {
            return Err(StoreError::Rule {
                code: ErrorCode::ImportRowsInvalid,
                details: ErrorDetails { value: Some(p.bad.to_string()), ..ErrorDetails::default() },
            });
        }
        Ok(p)
    })
}

/// Each member's admission day, for those admitted as applicants and since activated.
fn activations(store: &Store) -> Result<std::collections::HashMap<u32, chrono::NaiveDate>> {
    let mut stmt = store
        .conn()
        .prepare("SELECT membership_no, activated_on FROM member WHERE activated_on IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?)))?;
    let mut found = std::collections::HashMap::new();
    for row in rows {
        let (no, day) = row?;
        if let Ok(day) = day.parse() {
            found.insert(no, day);
        }
    }
    Ok(found)
}

/// The member register as a sheet, headed like the import's columns (so an export imports back):
/// each member with their standing and their holding as an opening balance on their joining day.
pub(crate) fn register_sheet(store: &Store) -> Result<Sheet> {
    let headers: Vec<&str> = COLUMNS.iter().map(|(_, names)| names[0]).collect();
    let mut sheet = Sheet::new("اعضا", &headers);
    let activated = activations(store)?;
    for r in members::list(store)? {
        let m = &r.member;
        let d = &m.data;
        let text = |t: &Option<String>| Cell::text(t.clone().unwrap_or_default());
        sheet.rows.push(vec![
            Cell::text(&d.first_name),
            Cell::text(&d.last_name),
            text(&d.father_name),
            text(&d.national_code),
            Cell::text(match d.gender {
                Some(Gender::Female) => "زن",
                Some(Gender::Male) => "مرد",
                None => "",
            }),
            Cell::Date(d.birth_date),
            text(&d.mobile),
            text(&d.sheba),
            Cell::Date(Some(m.joined)),
            Cell::Count(r.holding.shares.into()),
            Cell::Rials(r.holding.paid.into()),
            Cell::text(words::status(m.status)),
            Cell::Date(activated.get(&m.membership_no).copied()),
            Cell::Date(m.exit_date),
            text(&d.postal_code),
            text(&d.address),
        ]);
    }
    Ok(sheet)
}

/// Writes the member register to `path`: XLSX (right to left, Jalali dates, rials with
/// separators) or CSV (UTF-8 with a BOM, so Excel reads the Persian) by its extension.
pub fn export(store: &Store, path: &Path) -> Result<usize> {
    crate::xlsx::write(path, &[register_sheet(store)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_and_recognised_without_judging_a_row() {
        let sheet = MemberSheet {
            name: "m.csv".into(),
            bytes: "نام عضو,نام خانوادگي,کد ملی,یادداشت\nعلی,کریمی,123,\n".as_bytes().to_vec(),
            mapping: None,
        };
        let cols = headers(&sheet).expect("headers");
        let fields: Vec<Option<Field>> = cols.iter().map(|c| c.field).collect();
        // «خانوادگي» with an Arabic yeh is the same header once normalised.
        assert_eq!(fields, [None, Some(Field::LastName), Some(Field::NationalCode), None]);
        assert_eq!(cols[0].header, "نام عضو");
    }
}
