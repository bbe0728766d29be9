//! What can go wrong inside the registry (as opposed to what is wrong with a request, which is
//! a [`crate::http::problem::ApiError`]).

/// A failure of the registry itself: storage, randomness, I/O.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer hamyar-registry.
    #[error("this database has schema version {found}; this binary only supports up to {supported}")]
    NewerDatabase {
        /// The file's `user_version`.
        found: u32,
        /// [`crate::store::SCHEMA_VERSION`].
        supported: u32,
    },
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

/// The registry's result type.
pub type Result<T, E = RegistryError> = std::result::Result<T, E>;
