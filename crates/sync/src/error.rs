//! The sync crate's errors, and how each maps to the one error shape that leaves the backend.

use hamyar_core::protocol::Problem;
use hamyar_core::{ErrorCode, ErrorDetails, IpcError};
use hamyar_store::StoreError;

/// Why a sync action failed.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The ledger refused or failed.
    #[error(transparent)]
    Store(Box<StoreError>),
    /// The registry answered with a problem (an enrolment refused, say).
    #[error("the registry refused ({status}): {}", .problem.title)]
    Registry {
        /// The HTTP status.
        status: u16,
        /// The registry's RFC 9457 problem.
        problem: Box<Problem>,
    },
    /// The registry could not be reached or answered with something that is not the protocol.
    #[error("the registry could not be reached: {0}")]
    Unreachable(String),
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        Self::Store(Box::new(e))
    }
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        Self::from(StoreError::Sqlite(e))
    }
}

impl From<std::io::Error> for SyncError {
    fn from(e: std::io::Error) -> Self {
        Self::from(StoreError::Io(e))
    }
}

impl From<serde_json::Error> for SyncError {
    fn from(e: serde_json::Error) -> Self {
        Self::from(StoreError::Json(e))
    }
}

impl From<ErrorCode> for SyncError {
    fn from(code: ErrorCode) -> Self {
        Self::from(StoreError::Refused(code))
    }
}

impl SyncError {
    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Store(e) => e.code(),
            Self::Registry { .. } => ErrorCode::RegistryRefused,
            Self::Unreachable(_) => ErrorCode::RegistryUnreachable,
        }
    }

    /// The error as it crosses IPC and the CLI's `--json`.
    pub fn to_ipc(&self) -> IpcError {
        match self {
            Self::Store(e) => e.to_ipc(),
            Self::Registry { problem, .. } => IpcError {
                code: ErrorCode::RegistryRefused,
                message: problem.detail.clone().unwrap_or_else(|| problem.title.clone()),
                details: Some(Box::new(ErrorDetails {
                    value: Some(problem.code.clone()),
                    ..ErrorDetails::default()
                })),
            },
            Self::Unreachable(why) => {
                IpcError { code: ErrorCode::RegistryUnreachable, message: why.clone(), details: None }
            }
        }
    }
}

/// Result of a sync action.
pub type Result<T, E = SyncError> = std::result::Result<T, E>;
