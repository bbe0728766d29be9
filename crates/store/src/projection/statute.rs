//! Projection `statute_version`: every recorded version of the statute profile.

use chrono::NaiveDate;
use hamyar_core::statute::StatuteVersion;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply_set(conn: &Connection, entry: &JournalEntry, v: &StatuteVersion) -> Result<()> {
    conn.execute(
        "INSERT INTO statute_version (version, effective_from, resolution, statute_values, event_id, \
         rule_warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![
            v.version,
            v.effective_from.to_string(),
            v.resolution,
            serde_json::to_string(&v.values)?,
            entry.id,
            v.rule_warnings.as_ref().map(serde_json::to_string).transpose()?,
        ],
    )?;
    Ok(())
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<StatuteVersion> {
    let conversion = |i, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e)
    };
    let date: String = r.get(1)?;
    let values: String = r.get(3)?;
    let warnings: Option<String> = r.get(4)?;
    Ok(StatuteVersion {
        version: r.get(0)?,
        effective_from: date.parse().map_err(|e| conversion(1, Box::new(e)))?,
        resolution: r.get(2)?,
        values: serde_json::from_str(&values).map_err(|e| conversion(3, Box::new(e)))?,
        rule_warnings: warnings
            .map(|w| serde_json::from_str(&w))
            .transpose()
            .map_err(|e| conversion(4, Box::new(e)))?,
    })
}

const SELECT: &str =
    "SELECT version, effective_from, resolution, statute_values, rule_warnings FROM statute_version";

/// The newest version recorded.
pub(crate) fn latest(conn: &Connection) -> Result<Option<StatuteVersion>> {
    Ok(conn.query_row(&format!("{SELECT} ORDER BY version DESC LIMIT 1"), [], from_row).optional()?)
}

/// The version in force on `date`: the newest whose effective date is not after it.
pub(crate) fn in_force(conn: &Connection, date: NaiveDate) -> Result<Option<StatuteVersion>> {
    let sql =
        format!("{SELECT} WHERE effective_from <= ?1 ORDER BY effective_from DESC, version DESC LIMIT 1");
    Ok(conn.query_row(&sql, [date.to_string()], from_row).optional()?)
}

/// Every version, newest first.
pub(crate) fn history(conn: &Connection) -> Result<Vec<StatuteVersion>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY version DESC"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
