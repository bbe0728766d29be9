//! Use cases of the cooperative profile: read it, check a form, save it through the journal.

use chrono::{DateTime, Utc};
use hamyar_core::FieldError;
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::profile::{self as rules, CooperativeProfile, ProfileCheck, ProfileInput};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::projection::profile as projection;
use crate::{Result, Store, StoreError};

/// What saving the profile produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SavedProfile {
    /// The profile as now recorded.
    pub profile: CooperativeProfile,
    /// The `profile.set` event that recorded it (the previous one when nothing changed).
    pub event_id: String,
    /// Doubts that did not block saving.
    pub warnings: Vec<FieldError>,
}

/// The recorded profile, if any.
pub fn get(store: &Store) -> Result<Option<CooperativeProfile>> {
    get_in(store.conn())
}

/// The recorded profile, read on `conn` (inside a transaction, say).
pub fn get_in(conn: &rusqlite::Connection) -> Result<Option<CooperativeProfile>> {
    projection::read(conn)
}

/// Checks a form against the rules as of `now`, writing nothing.
pub fn check(input: &ProfileInput, now: DateTime<Utc>) -> ProfileCheck {
    rules::check(input, tehran_date(now))
}

/// Validates and records the profile as one `profile.set` event. A refused form writes
/// nothing; a form identical to the recorded profile records nothing new.
pub fn save(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &ProfileInput,
) -> Result<SavedProfile> {
    let valid = rules::validate(input, tehran_date(now)).map_err(StoreError::Invalid)?;
    store.write(author, now, |w| {
        if let Some(current) = projection::read(w.conn())?
            && current.data == valid.data
        {
            let event_id = current.event_id.clone();
            return Ok(SavedProfile { profile: current, event_id, warnings: valid.warnings });
        }
        let entry = w.append(&Event::ProfileSet(valid.data))?;
        let profile = projection::read(w.conn())?
            .ok_or_else(|| StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))?;
        Ok(SavedProfile { profile, event_id: entry.id, warnings: valid.warnings })
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use hamyar_core::ErrorCode;
    use hamyar_core::Field;
    use hamyar_core::profile::{CooperativeKind, Province};

    pub(crate) fn input() -> ProfileInput {
        ProfileInput {
            name: "شرکت تعاونی تولیدی نمونه".into(),
            legal_id: "10380284790".into(),
            registration_number: "1234".into(),
            registration_date: "1399/02/10".into(),
            kind: Some(CooperativeKind::Production),
            province: Some(Province::Tehran),
            city: "تهران".into(),
            address: "خیابان آزادی، پلاک ۱".into(),
            postal_code: "1193653471".into(),
            phone: "02188881234".into(),
            fiscal_year_start_month: 1,
            fiscal_year_start_day: 1,
        }
    }

    pub(crate) fn now() -> DateTime<Utc> {
        "2026-11-28T08:00:00Z".parse().expect("valid time")
    }

    fn event_count(store: &Store) -> i64 {
        store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0)).expect("count")
    }

    #[test]
    fn saving_records_one_event_and_the_projection() {
        let mut store = Store::open_in_memory().expect("store");
        let saved = save(&mut store, "test", now(), &input()).expect("saved");
        assert_eq!(saved.profile.data.legal_id, "10380284790");
        assert_eq!(saved.profile.event_id, saved.event_id);
        assert_eq!(get(&store).expect("read"), Some(saved.profile));
        assert_eq!(event_count(&store), 1);
    }

    #[test]
    fn saving_the_same_profile_twice_records_nothing_new() {
        let mut store = Store::open_in_memory().expect("store");
        let first = save(&mut store, "test", now(), &input()).expect("saved");
        let second = save(&mut store, "test", now(), &input()).expect("saved");
        assert_eq!(first.event_id, second.event_id);
        assert_eq!(event_count(&store), 1);
    }

    #[test]
    fn an_invalid_legal_id_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("store");
        save(&mut store, "test", now(), &input()).expect("saved");
        let db = dir.path().join(crate::paths::DATABASE_FILE);
        let wal = db.with_extension("sqlite3-wal");
        let before = (std::fs::read(&db).expect("db"), std::fs::read(&wal).unwrap_or_default());

        let bad = ProfileInput { legal_id: "10380284791".into(), city: "شیراز".into(), ..input() };
        let err = save(&mut store, "test", now(), &bad).expect_err("refused");
        assert_eq!(err.code(), ErrorCode::ValidationFailed);
        let ipc = err.to_ipc();
        let fields = ipc.details.map(|d| d.fields).unwrap_or_default();
        assert_eq!(fields, vec![FieldError { field: Field::LegalId, code: ErrorCode::LegalIdChecksum }]);

        let after = (std::fs::read(&db).expect("db"), std::fs::read(&wal).unwrap_or_default());
        assert!(before == after, "a refused save changed the database files");
        assert_eq!(get(&store).expect("read").map(|p| p.data.city), Some("تهران".to_owned()));
    }
}
