//! Domain events: every change to the ledger is one of these, appended to the journal.

use serde::{Deserialize, Serialize};

use crate::profile::CooperativeProfileData;

/// A change to the cooperative's records. The journal stores `kind()`, `schema_version()` and the
/// payload JSON; [`Event::decode`] reads them back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload")]
pub enum Event {
    /// The cooperative's profile was set (ثبت مشخصات تعاونی); the whole profile, not a diff.
    #[serde(rename = "profile.set")]
    ProfileSet(CooperativeProfileData),
}

/// An event row that cannot be read back as an [`Event`].
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// The kind is unknown to this binary.
    #[error("unknown event kind {0:?}")]
    UnknownKind(String),
    /// The schema version is newer than this binary understands.
    #[error("event kind {kind:?} has schema version {found}, this binary reads up to {supported}")]
    NewerSchema {
        /// Event kind.
        kind: String,
        /// Version in the row.
        found: u32,
        /// Newest version known.
        supported: u32,
    },
    /// The payload does not match the kind's schema.
    #[error("payload of {kind:?} does not match its schema: {source}")]
    Payload {
        /// Event kind.
        kind: String,
        /// What serde said.
        source: serde_json::Error,
    },
}

impl Event {
    /// Every kind this binary reads, with its current schema version.
    pub const KINDS: &'static [(&'static str, u32)] = &[("profile.set", 1)];

    /// The event's kind, as stored in the journal.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::ProfileSet(_) => "profile.set",
        }
    }

    /// The payload schema version written now.
    pub fn schema_version(&self) -> u32 {
        match self {
            Self::ProfileSet(_) => 1,
        }
    }

    /// The payload as canonical JSON text (struct field order, no white space).
    pub fn payload_json(&self) -> Result<String, serde_json::Error> {
        match self {
            Self::ProfileSet(p) => serde_json::to_string(p),
        }
    }

    /// Reads a journal row back as an event.
    pub fn decode(kind: &str, schema_version: u32, payload: &str) -> Result<Self, DecodeError> {
        let supported = Self::KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, v)| *v)
            .ok_or_else(|| DecodeError::UnknownKind(kind.to_owned()))?;
        if schema_version > supported {
            return Err(DecodeError::NewerSchema { kind: kind.to_owned(), found: schema_version, supported });
        }
        let payload_err = |source| DecodeError::Payload { kind: kind.to_owned(), source };
        match kind {
            "profile.set" => serde_json::from_str(payload).map(Self::ProfileSet).map_err(payload_err),
            other => Err(DecodeError::UnknownKind(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{CooperativeKind, Province};
    use chrono::NaiveDate;

    fn profile() -> CooperativeProfileData {
        CooperativeProfileData {
            name: "تعاونی نمونه".into(),
            legal_id: "10380284790".into(),
            registration_number: "4521".into(),
            registration_date: NaiveDate::from_ymd_opt(2019, 8, 3).expect("valid"),
            kind: CooperativeKind::Production,
            province: Province::Tehran,
            city: "تهران".into(),
            address: "خیابان آزادی".into(),
            postal_code: "1193653471".into(),
            phone: "02188881234".into(),
            fiscal_year_start_month: 1,
            fiscal_year_start_day: 1,
        }
    }

    #[test]
    fn events_round_trip_through_their_journal_columns() {
        let event = Event::ProfileSet(profile());
        let payload = event.payload_json().expect("serialises");
        assert_eq!(Event::decode(event.kind(), event.schema_version(), &payload).ok(), Some(event));
    }

    #[test]
    fn unknown_kinds_newer_schemas_and_bad_payloads_are_refused() {
        assert!(matches!(Event::decode("member.admit", 1, "{}"), Err(DecodeError::UnknownKind(_))));
        assert!(matches!(Event::decode("profile.set", 2, "{}"), Err(DecodeError::NewerSchema { .. })));
        assert!(matches!(Event::decode("profile.set", 1, "{\"name\":1}"), Err(DecodeError::Payload { .. })));
    }
}
