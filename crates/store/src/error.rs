//! The store's errors, and how each maps to the one error shape that leaves the backend.

use hamyar_core::{ErrorCode, ErrorDetails, FieldError, IpcError};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input broke a rule; nothing was written.
    #[error("refused: {0:?}")]
    Invalid(Vec<FieldError>),
    /// A refusal that is not about one field (e.g. demo data into a non-empty ledger).
    #[error("refused: {}", .0.english())]
    Refused(ErrorCode),
    /// A rule refused the action (e.g. `share_cap_exceeded`), with what it concerns.
    #[error("refused by rule {code}")]
    Rule {
        /// Stable code.
        code: ErrorCode,
        /// The member, limit and value concerned.
        details: ErrorDetails,
    },
    /// The file's schema is newer than this binary.
    #[error("database schema version {found} is newer than this binary supports ({supported})")]
    NewerDatabase {
        /// `user_version` found in the file.
        found: u32,
        /// Newest version this binary migrates to.
        supported: u32,
    },
    /// A journal row could not be read back as an event.
    #[error("event {event_id} cannot be decoded: {source}")]
    Undecodable {
        /// The event's id.
        event_id: String,
        /// Why.
        source: hamyar_core::event::DecodeError,
    },
    /// SQLite failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A file operation failed.
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    /// JSON (de)serialisation of a payload failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// How a caller should classify a failure (the CLI's exit codes follow this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitClass {
    /// Rejected input or a rule: exit 2.
    Rejected,
    /// The file or the journal failed an integrity check: exit 3.
    Integrity,
    /// Anything else: exit 1.
    Other,
}

impl StoreError {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Invalid(_) => ErrorCode::ValidationFailed,
            Self::Refused(code) | Self::Rule { code, .. } => *code,
            Self::NewerDatabase { .. } => ErrorCode::DatabaseNewerThanApp,
            Self::Undecodable { .. } => ErrorCode::IntegrityFailed,
            Self::Sqlite(e) if is_corruption(e) => ErrorCode::IntegrityFailed,
            Self::Sqlite(_) => ErrorCode::StorageFailed,
            Self::Io(_) => ErrorCode::IoFailed,
            Self::Json(_) => ErrorCode::Internal,
        }
    }

    /// The exit class of this error.
    pub fn exit_class(&self) -> ExitClass {
        match self.code() {
            ErrorCode::IntegrityFailed => ExitClass::Integrity,
            ErrorCode::StorageFailed
            | ErrorCode::IoFailed
            | ErrorCode::Internal
            | ErrorCode::DatabaseNewerThanApp => ExitClass::Other,
            _ => ExitClass::Rejected,
        }
    }

    /// The error as it crosses IPC and the CLI's `--json`.
    pub fn to_ipc(&self) -> IpcError {
        let code = self.code();
        let details = match self {
            Self::Invalid(fields) => Some(ErrorDetails { fields: fields.clone(), ..ErrorDetails::default() }),
            Self::Rule { details, .. } => Some(details.clone()),
            Self::NewerDatabase { found, supported } => Some(ErrorDetails {
                found_version: Some(*found),
                supported_version: Some(*supported),
                ..ErrorDetails::default()
            }),
            Self::Undecodable { event_id, .. } => {
                Some(ErrorDetails { event_id: Some(event_id.clone()), ..ErrorDetails::default() })
            }
            _ => None,
        };
        let message = match self {
            Self::Invalid(_) | Self::Refused(_) | Self::Rule { .. } => code.english().to_owned(),
            other => other.to_string(),
        };
        IpcError { code, message, details: details.map(Box::new) }
    }
}

fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

impl From<hamyar_core::shares::Refusal> for StoreError {
    fn from(r: hamyar_core::shares::Refusal) -> Self {
        use hamyar_core::shares::Refusal;
        match r {
            Refusal::Fields(fields) => Self::Invalid(fields),
            Refusal::Rule { code, membership_no, limit, value } => Self::Rule {
                code,
                details: ErrorDetails {
                    membership_no,
                    limit: limit.map(|d| d.to_string()),
                    value: value.map(|d| d.to_string()),
                    ..ErrorDetails::default()
                },
            },
        }
    }
}
