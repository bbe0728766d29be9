//! Stable error codes and the one error shape that crosses the IPC edge and the CLI's `--json`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::ProfileField;

/// A stable, machine-readable reason for a refusal or a failure. Never renamed: the UI's
/// catalogues, scripts and tests key on these strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// A required field is empty.
    Required,
    /// A text is longer than its field allows.
    TooLong,
    /// A legal-entity national ID (شناسه ملی) is not 11 digits.
    LegalIdFormat,
    /// A legal-entity national ID fails its check digit.
    LegalIdChecksum,
    /// A registration number is not 1–12 digits.
    RegistrationNumberFormat,
    /// A date could not be read as ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD`.
    DateFormat,
    /// A date is outside the years Hamyar accepts.
    DateOutOfRange,
    /// A date lies in the future where only past dates make sense.
    DateInFuture,
    /// A postal code is not 10 digits.
    PostalCodeFormat,
    /// A postal code has 10 digits but not the shape Iranian codes have (a warning).
    PostalCodeUnlikely,
    /// A phone number is neither a landline nor a mobile number.
    PhoneFormat,
    /// A fiscal-year start is not a day every Jalali year has.
    FiscalYearStartInvalid,
    /// One or more fields were refused; `details.fields` lists them.
    ValidationFailed,
    /// The thing asked for does not exist yet.
    NotFound,
    /// Demo data may only be created in an empty database.
    DemoNeedsEmptyDatabase,
    /// The database was written by a newer Hamyar.
    DatabaseNewerThanApp,
    /// The database or its journal failed an integrity check.
    IntegrityFailed,
    /// SQLite refused or failed.
    StorageFailed,
    /// A file could not be read or written.
    IoFailed,
    /// A bug: something that should not happen.
    Internal,
}

impl ErrorCode {
    /// The code as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooLong => "too_long",
            Self::LegalIdFormat => "legal_id_format",
            Self::LegalIdChecksum => "legal_id_checksum",
            Self::RegistrationNumberFormat => "registration_number_format",
            Self::DateFormat => "date_format",
            Self::DateOutOfRange => "date_out_of_range",
            Self::DateInFuture => "date_in_future",
            Self::PostalCodeFormat => "postal_code_format",
            Self::PostalCodeUnlikely => "postal_code_unlikely",
            Self::PhoneFormat => "phone_format",
            Self::FiscalYearStartInvalid => "fiscal_year_start_invalid",
            Self::ValidationFailed => "validation_failed",
            Self::NotFound => "not_found",
            Self::DemoNeedsEmptyDatabase => "demo_needs_empty_database",
            Self::DatabaseNewerThanApp => "database_newer_than_app",
            Self::IntegrityFailed => "integrity_failed",
            Self::StorageFailed => "storage_failed",
            Self::IoFailed => "io_failed",
            Self::Internal => "internal",
        }
    }

    /// A plain English sentence for logs and the CLI; the UI has its own Persian and English catalogues.
    pub fn english(self) -> &'static str {
        match self {
            Self::Required => "This field is required.",
            Self::TooLong => "This text is too long.",
            Self::LegalIdFormat => "A legal-entity national ID has exactly 11 digits.",
            Self::LegalIdChecksum => "This legal-entity national ID is not valid (check digit mismatch).",
            Self::RegistrationNumberFormat => "A registration number has 1 to 12 digits.",
            Self::DateFormat => "Write the date as Jalali YYYY/MM/DD or ISO YYYY-MM-DD.",
            Self::DateOutOfRange => "The date is outside the supported range (Jalali 1300-1500).",
            Self::DateInFuture => "This date cannot be in the future.",
            Self::PostalCodeFormat => "A postal code has exactly 10 digits.",
            Self::PostalCodeUnlikely => {
                "This postal code does not look like an Iranian postal code; check it."
            }
            Self::PhoneFormat => {
                "Write a landline with its area code (0XX XXXXXXXX) or a mobile number (09XX XXX XXXX)."
            }
            Self::FiscalYearStartInvalid => {
                "The fiscal year must start on a day every Jalali year has (Esfand 30 is not)."
            }
            Self::ValidationFailed => "Nothing was saved: some fields are not valid.",
            Self::NotFound => "Not found.",
            Self::DemoNeedsEmptyDatabase => "Demo data can only be created in an empty database.",
            Self::DatabaseNewerThanApp => {
                "This database was written by a newer version of Hamyar; update Hamyar to open it."
            }
            Self::IntegrityFailed => "The ledger failed its integrity check.",
            Self::StorageFailed => "The database refused the operation.",
            Self::IoFailed => "A file could not be read or written.",
            Self::Internal => "Internal error.",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One refused field of a form: which field, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// The field, named as in the form and the event payload.
    pub field: ProfileField,
    /// Why it was refused.
    pub code: ErrorCode,
}

/// What an error carries besides its code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorDetails {
    /// Refused fields, for `validation_failed`.
    pub fields: Vec<FieldError>,
    /// The journal event concerned, when there is one.
    pub event_id: Option<String>,
    /// For `database_newer_than_app`: the schema version found in the file.
    pub found_version: Option<u32>,
    /// For `database_newer_than_app`: the newest schema version this binary knows.
    pub supported_version: Option<u32>,
}

/// The one error shape that leaves the backend: over IPC to the UI, and on stdout from `hamyar-cli --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// Stable code; the UI turns it into a sentence.
    pub code: ErrorCode,
    /// English text for logs; never shown as the only explanation.
    pub message: String,
    /// Structured details, when the code has any.
    pub details: Option<ErrorDetails>,
}

impl IpcError {
    /// An error with only a code and its English sentence.
    pub fn from_code(code: ErrorCode) -> Self {
        Self { code, message: code.english().to_owned(), details: None }
    }

    /// A `validation_failed` error listing the refused fields.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        Self {
            code: ErrorCode::ValidationFailed,
            message: ErrorCode::ValidationFailed.english().to_owned(),
            details: Some(ErrorDetails { fields, ..ErrorDetails::default() }),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_match_serde_names() {
        let all = [
            ErrorCode::Required,
            ErrorCode::TooLong,
            ErrorCode::LegalIdFormat,
            ErrorCode::LegalIdChecksum,
            ErrorCode::RegistrationNumberFormat,
            ErrorCode::DateFormat,
            ErrorCode::DateOutOfRange,
            ErrorCode::DateInFuture,
            ErrorCode::PostalCodeFormat,
            ErrorCode::PostalCodeUnlikely,
            ErrorCode::PhoneFormat,
            ErrorCode::FiscalYearStartInvalid,
            ErrorCode::ValidationFailed,
            ErrorCode::NotFound,
            ErrorCode::DemoNeedsEmptyDatabase,
            ErrorCode::DatabaseNewerThanApp,
            ErrorCode::IntegrityFailed,
            ErrorCode::StorageFailed,
            ErrorCode::IoFailed,
            ErrorCode::Internal,
        ];
        for code in all {
            let json = serde_json::to_string(&code).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert!(!code.english().is_empty());
        }
    }

    #[test]
    fn invalid_error_lists_its_fields() {
        let err = IpcError::invalid(vec![FieldError {
            field: ProfileField::LegalId,
            code: ErrorCode::LegalIdChecksum,
        }]);
        let json = serde_json::to_value(&err).unwrap_or_default();
        assert_eq!(json["code"], "validation_failed");
        assert_eq!(json["details"]["fields"][0]["field"], "legal_id");
        assert_eq!(json["details"]["fields"][0]["code"], "legal_id_checksum");
    }
}
