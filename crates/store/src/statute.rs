//! Use cases of the statute profile (اساسنامه): view it with its history and defaults, set it.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::statute::{
    self as rules, DEFAULT_SOURCES, DefaultSource, StatuteInput, StatuteValues, StatuteVersion,
};
use serde::Serialize;
use ts_rs::TS;

use crate::projection::statute as projection;
use crate::{Result, Store, StoreError, Writer};

/// The statute screen: what is in force, what came before, and the law's defaults.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StatuteView {
    /// The newest version, or `None` before the first setting.
    pub current: Option<StatuteVersion>,
    /// Every version, newest first.
    pub history: Vec<StatuteVersion>,
    /// The defaults, shown until a version is recorded.
    pub defaults: StatuteValues,
    /// Where each default comes from.
    pub sources: Vec<DefaultSource>,
}

/// The statute screen's data.
pub fn view(store: &Store) -> Result<StatuteView> {
    let conn = store.conn();
    Ok(StatuteView {
        current: projection::latest(conn)?,
        history: projection::history(conn)?,
        defaults: StatuteValues::default(),
        sources: DEFAULT_SOURCES.to_vec(),
    })
}

/// The version in force on `date`, if any was recorded.
pub fn in_force(store: &Store, date: NaiveDate) -> Result<Option<StatuteVersion>> {
    projection::in_force(store.conn(), date)
}

/// Records the first setting or an amendment as one `statute.set` event.
pub fn set(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &StatuteInput,
) -> Result<StatuteVersion> {
    store.write(author, now, |w| set_in(w, input))
}

/// [`set`], inside a transaction already open.
pub fn set_in(w: &mut Writer<'_>, input: &StatuteInput) -> Result<StatuteVersion> {
    let latest = projection::latest(w.conn())?;
    let today = tehran_date(w.now());
    let version = rules::next_version(input, latest.as_ref(), today).map_err(StoreError::Invalid)?;
    w.append_judged(&Event::StatuteSet(version.clone()), Some(version.version))?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::now;
    use hamyar_core::ErrorCode;

    fn input(resolution: &str, effective: &str) -> StatuteInput {
        StatuteInput {
            values: StatuteValues::default(),
            effective_from: effective.into(),
            resolution: resolution.into(),
            rule_warnings: None,
        }
    }

    #[test]
    fn versions_are_numbered_and_judged_by_date() {
        let mut store = Store::open_in_memory().expect("store");
        assert_eq!(view(&store).expect("view").current, None);
        set(&mut store, "t", now(), &input("", "1405/01/01")).expect("first");
        let mut amended = input("مصوبه ۷", "1405/07/01");
        amended.values.max_member_capital_pct = 20.into();
        set(&mut store, "t", now(), &amended).expect("amendment");
        let v = view(&store).expect("view");
        assert_eq!(v.history.iter().map(|h| h.version).collect::<Vec<_>>(), vec![2, 1]);
        let d = |s: &str| s.parse::<NaiveDate>().expect("date");
        assert_eq!(in_force(&store, d("2026-05-01")).expect("q").map(|v| v.version), Some(1));
        assert_eq!(in_force(&store, d("2026-10-01")).expect("q").map(|v| v.version), Some(2));
        assert_eq!(in_force(&store, d("2025-01-01")).expect("q"), None);
        let recorded: Option<i64> = store
            .conn()
            .query_row("SELECT profile_version FROM journal ORDER BY seq DESC LIMIT 1", [], |r| r.get(0))
            .expect("row");
        assert_eq!(recorded, Some(2));
    }

    #[test]
    fn an_amendment_without_resolution_is_refused_and_writes_nothing() {
        let mut store = Store::open_in_memory().expect("store");
        set(&mut store, "t", now(), &input("", "")).expect("first");
        let err = set(&mut store, "t", now(), &input("", "")).expect_err("refused");
        assert_eq!(err.code(), ErrorCode::ValidationFailed);
        assert_eq!(view(&store).expect("view").history.len(), 1);
    }
}
