//! Projections: tables derived from the journal that queries read. Each event kind updates
//! them in the same transaction it is appended in; `verify` rebuilds them all and compares.

pub(crate) mod profile;

use hamyar_core::event::Event;
use rusqlite::Connection;

use crate::Result;
use crate::journal::JournalEntry;

/// Every projection table, in the order `verify` clears and compares them.
pub(crate) const TABLES: &[&str] = &["cooperative_profile"];

/// Applies one event to the projections.
pub(crate) fn apply(conn: &Connection, entry: &JournalEntry, event: &Event) -> Result<()> {
    match event {
        Event::ProfileSet(data) => profile::apply_set(conn, entry, data),
    }
}

/// A serde-named enum as its wire text (`"production"` for `CooperativeKind::Production`).
pub(crate) fn enum_text<T: serde::Serialize>(value: &T) -> Result<String> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// Reads a serde-named enum back from its wire text.
pub(crate) fn enum_from_text<T: serde::de::DeserializeOwned>(text: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}
