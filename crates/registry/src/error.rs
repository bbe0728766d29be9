//! What can go wrong inside the registry (as opposed to what is wrong with a request, which is
//! a [`crate::http::problem::ApiError`]).

/// A failure of the registry itself: storage, randomness, I/O.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed (or could not be reached).
    #[error("database: {}", postgres_message(.0))]
    Postgres(#[from] postgres::Error),
    /// The database was written by a newer hamyar-registry.
    #[error("this database has schema version {found}; this binary only supports up to {supported}")]
    NewerDatabase {
        /// The database's schema version.
        found: u32,
        /// [`crate::store::SCHEMA_VERSION`].
        supported: u32,
    },
    /// A database that must already exist does not (or has no registry tables).
    #[error("{0}")]
    NoDatabase(String),
    /// The stored registry key is not 64 hex digits.
    #[error("the stored registry key is unreadable")]
    UnreadableKey,
    /// A stored receipt is not valid JSON.
    #[error("a stored receipt is unreadable: {0}")]
    UnreadableReceipt(#[from] serde_json::Error),
    /// The operating system gave no randomness.
    #[error("no randomness from the operating system: {0}")]
    Random(#[from] getrandom::Error),
    /// Reading or writing outside the database failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A PostgreSQL error with its cause: the client's own message is only its kind ("db error").
fn postgres_message(error: &postgres::Error) -> String {
    match std::error::Error::source(error) {
        Some(cause) => format!("{error}: {cause}"),
        None => error.to_string(),
    }
}

/// The registry's result type.
pub type Result<T, E = RegistryError> = std::result::Result<T, E>;
