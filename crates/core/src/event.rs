//! Domain events: every change to the ledger is one of these, appended to the journal.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::access::InspectorNote;
use crate::meeting::record::{
    CheckedIn, DecisionsNotified, ElectionRecorded, MeetingConvened, MeetingCreated, MeetingEnded,
    MeetingNoticed, MinutesRecorded, OfficeFilled, OfficeVacated, ProxyRegistered, ResolutionRecorded,
};
use crate::member::{MemberData, MemberExit, MemberStatus};
use crate::production::{
    PeriodClose, ProductData, ProductionRecord, ProductionReversal, QualityTest, Sale, WorkforceMonth,
};
use crate::profile::CooperativeProfileData;
use crate::shares::{ShareEntry, ShareEntryKind};
use crate::statute::StatuteVersion;
use crate::year::{YearApproved, YearClosed};

/// A change to the cooperative's records. The journal stores `kind()`, `schema_version()` and the
/// payload JSON; [`Event::decode`] reads them back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload")]
pub enum Event {
    /// The cooperative's profile was set (ثبت مشخصات تعاونی); the whole profile, not a diff.
    #[serde(rename = "profile.set")]
    ProfileSet(CooperativeProfileData),
    /// The statute profile was set or amended (اساسنامه).
    #[serde(rename = "statute.set")]
    StatuteSet(StatuteVersion),
    /// A member was admitted, or registered as an applicant (پذیرش عضو).
    #[serde(rename = "member.admit")]
    MemberAdmitted(MemberAdmission),
    /// A member's particulars were corrected.
    #[serde(rename = "member.update")]
    MemberUpdated(MemberUpdate),
    /// An applicant was admitted by the board.
    #[serde(rename = "member.activate")]
    MemberActivated(MemberDated),
    /// The board gave a member a written warning (تذکر کتبی).
    #[serde(rename = "member.warn")]
    MemberWarned(MemberWarning),
    /// A member left (خروج عضو).
    #[serde(rename = "member.exit")]
    MemberExited(MemberExit),
    /// Shares subscribed.
    #[serde(rename = "share.subscribe")]
    ShareSubscribed(ShareEntry),
    /// A payment towards subscribed shares.
    #[serde(rename = "share.pay")]
    SharePaid(ShareEntry),
    /// Shares transferred between members.
    #[serde(rename = "share.transfer")]
    ShareTransferred(ShareEntry),
    /// A former member's shares refunded.
    #[serde(rename = "share.refund")]
    ShareRefunded(ShareEntry),
    /// New fully paid shares from a resolution.
    #[serde(rename = "share.capitalise")]
    ShareCapitalised(ShareEntry),
    /// A share entry reversed.
    #[serde(rename = "share.reverse")]
    ShareReversed(ShareEntry),
    /// A product entered the catalogue (فهرست کالا).
    #[serde(rename = "product.add")]
    ProductAdded(ProductAdded),
    /// A product's particulars were corrected (its unit only while nothing was recorded with it).
    #[serde(rename = "product.update")]
    ProductUpdated(ProductAdded),
    /// A product was retired: kept, but no longer offered for new entries.
    #[serde(rename = "product.retire")]
    ProductRetired(ProductRetired),
    /// A day's output of one product (ثبت تولید).
    #[serde(rename = "production.record")]
    ProductionRecorded(ProductionRecord),
    /// A production entry undone whole (a correction).
    #[serde(rename = "production.reverse")]
    ProductionReversed(ProductionReversal),
    /// A month's workforce, whole (replaces the month's earlier record).
    #[serde(rename = "workforce.set")]
    WorkforceSet(WorkforceMonth),
    /// A lab test of a batch.
    #[serde(rename = "quality.add")]
    QualityAdded(QualityTest),
    /// A sale, domestic or export.
    #[serde(rename = "sale.record")]
    SaleRecorded(Sale),
    /// The books were closed through a day.
    #[serde(rename = "period.close")]
    PeriodClosed(PeriodClose),
    /// A general assembly or board meeting was planned.
    #[serde(rename = "meeting.create")]
    MeetingCreated(MeetingCreated),
    /// It was convened (دعوت).
    #[serde(rename = "meeting.convene")]
    MeetingConvened(MeetingConvened),
    /// Its notice was published on one channel.
    #[serde(rename = "meeting.notice")]
    MeetingNoticed(MeetingNoticed),
    /// A proxy was validated and registered.
    #[serde(rename = "meeting.proxy")]
    ProxyRegistered(ProxyRegistered),
    /// Someone checked in at the door.
    #[serde(rename = "meeting.checkin")]
    CheckedIn(CheckedIn),
    /// A resolution was voted on.
    #[serde(rename = "meeting.resolve")]
    ResolutionRecorded(ResolutionRecorded),
    /// An election's ballots were counted.
    #[serde(rename = "meeting.elect")]
    ElectionRecorded(ElectionRecorded),
    /// The minutes were taken.
    #[serde(rename = "meeting.minutes")]
    MinutesRecorded(MinutesRecorded),
    /// The decisions were notified to the members.
    #[serde(rename = "meeting.notify")]
    DecisionsNotified(DecisionsNotified),
    /// Nothing more to do.
    #[serde(rename = "meeting.close")]
    MeetingClosed(MeetingEnded),
    /// Called off before it was held.
    #[serde(rename = "meeting.cancel")]
    MeetingCancelled(MeetingEnded),
    /// Not held for lack of quorum.
    #[serde(rename = "meeting.fail")]
    MeetingFailed(MeetingEnded),
    /// A seat in office fell vacant.
    #[serde(rename = "office.vacate")]
    OfficeVacated(OfficeVacated),
    /// An alternate was called to a vacant seat.
    #[serde(rename = "office.fill")]
    OfficeFilled(OfficeFilled),
    /// A fiscal year was closed with its net result and a checkpoint of capital (بستن سال مالی).
    #[serde(rename = "year.close")]
    YearClosed(YearClosed),
    /// The annual assembly approved the year's distribution (تصویب تقسیم مازاد).
    #[serde(rename = "year.approve")]
    YearApproved(YearApproved),
    /// A period's report to the national registry was closed (its document is kept whole).
    #[serde(rename = "report.close")]
    ReportClosed(ReportClosed),
    /// An inspector's note (یادداشت بازرس) about a member, a meeting or the cooperative.
    #[serde(rename = "inspector.note")]
    InspectorNoted(InspectorNote),
}

/// Payload of `product.add` and `product.update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAdded {
    /// Product id, assigned in order.
    pub product: u32,
    /// Particulars.
    pub data: ProductData,
}

/// Payload of `product.retire`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRetired {
    /// The product.
    pub product: u32,
    /// The day it was retired.
    pub date: NaiveDate,
}

/// Payload of `member.admit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberAdmission {
    /// Membership number, assigned in order.
    pub membership_no: u32,
    /// Joining date.
    pub joined: NaiveDate,
    /// Applicant or active.
    pub status: MemberStatus,
    /// Particulars.
    pub data: MemberData,
}

/// Payload of `member.update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberUpdate {
    /// The member.
    pub membership_no: u32,
    /// The corrected particulars, whole.
    pub data: MemberData,
}

/// Payload of events that only name a member and a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberDated {
    /// The member.
    pub membership_no: u32,
    /// The day.
    pub date: NaiveDate,
}

/// Payload of `member.warn`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberWarning {
    /// The member.
    pub membership_no: u32,
    /// The day the warning was given.
    pub date: NaiveDate,
    /// What it said.
    pub note: String,
}

/// Payload of `report.close`: one period's report as it will be uploaded, byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportClosed {
    /// The report's id (UUIDv7), also its upload's idempotency key.
    pub report_id: String,
    /// The period's canonical label (`1404-Q1`, `1403`).
    pub period: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// The earlier report of the same period this one corrects.
    pub supersedes: Option<String>,
    /// `sha256:` digest of the summary's canonical JSON (to tell an unchanged period).
    pub summary_hash: String,
    /// `sha256:` digest of `document`.
    pub content_hash: String,
    /// The report document's canonical JSON, exactly the bytes that are signed and sent.
    pub document: String,
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
    pub const KINDS: &'static [(&'static str, u32)] = &[
        ("profile.set", 1),
        ("statute.set", 1),
        ("member.admit", 1),
        ("member.update", 1),
        ("member.activate", 1),
        ("member.warn", 1),
        ("member.exit", 1),
        ("share.subscribe", 1),
        ("share.pay", 1),
        ("share.transfer", 1),
        ("share.refund", 1),
        ("share.capitalise", 1),
        ("share.reverse", 1),
        ("product.add", 1),
        ("product.update", 1),
        ("product.retire", 1),
        ("production.record", 1),
        ("production.reverse", 1),
        ("workforce.set", 1),
        ("quality.add", 1),
        ("sale.record", 1),
        ("period.close", 1),
        ("meeting.create", 1),
        ("meeting.convene", 1),
        ("meeting.notice", 1),
        ("meeting.proxy", 1),
        ("meeting.checkin", 1),
        ("meeting.resolve", 1),
        ("meeting.elect", 1),
        ("meeting.minutes", 1),
        ("meeting.notify", 1),
        ("meeting.close", 1),
        ("meeting.cancel", 1),
        ("meeting.fail", 1),
        ("office.vacate", 1),
        ("office.fill", 1),
        ("year.close", 1),
        ("year.approve", 1),
        ("report.close", 1),
        ("inspector.note", 1),
    ];

    /// The event's kind, as stored in the journal.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::ProfileSet(_) => "profile.set",
            Self::StatuteSet(_) => "statute.set",
            Self::MemberAdmitted(_) => "member.admit",
            Self::MemberUpdated(_) => "member.update",
            Self::MemberActivated(_) => "member.activate",
            Self::MemberWarned(_) => "member.warn",
            Self::MemberExited(_) => "member.exit",
            Self::ShareSubscribed(_) => "share.subscribe",
            Self::SharePaid(_) => "share.pay",
            Self::ShareTransferred(_) => "share.transfer",
            Self::ShareRefunded(_) => "share.refund",
            Self::ShareCapitalised(_) => "share.capitalise",
            Self::ShareReversed(_) => "share.reverse",
            Self::ProductAdded(_) => "product.add",
            Self::ProductUpdated(_) => "product.update",
            Self::ProductRetired(_) => "product.retire",
            Self::ProductionRecorded(_) => "production.record",
            Self::ProductionReversed(_) => "production.reverse",
            Self::WorkforceSet(_) => "workforce.set",
            Self::QualityAdded(_) => "quality.add",
            Self::SaleRecorded(_) => "sale.record",
            Self::PeriodClosed(_) => "period.close",
            Self::MeetingCreated(_) => "meeting.create",
            Self::MeetingConvened(_) => "meeting.convene",
            Self::MeetingNoticed(_) => "meeting.notice",
            Self::ProxyRegistered(_) => "meeting.proxy",
            Self::CheckedIn(_) => "meeting.checkin",
            Self::ResolutionRecorded(_) => "meeting.resolve",
            Self::ElectionRecorded(_) => "meeting.elect",
            Self::MinutesRecorded(_) => "meeting.minutes",
            Self::DecisionsNotified(_) => "meeting.notify",
            Self::MeetingClosed(_) => "meeting.close",
            Self::MeetingCancelled(_) => "meeting.cancel",
            Self::MeetingFailed(_) => "meeting.fail",
            Self::OfficeVacated(_) => "office.vacate",
            Self::OfficeFilled(_) => "office.fill",
            Self::YearClosed(_) => "year.close",
            Self::YearApproved(_) => "year.approve",
            Self::ReportClosed(_) => "report.close",
            Self::InspectorNoted(_) => "inspector.note",
        }
    }

    /// The payload schema version written now.
    pub fn schema_version(&self) -> u32 {
        let kind = self.kind();
        Self::KINDS.iter().find(|(k, _)| *k == kind).map_or(1, |(_, v)| *v)
    }

    /// A share-ledger event for an entry of `kind`.
    pub fn share(kind: ShareEntryKind, entry: ShareEntry) -> Self {
        match kind {
            ShareEntryKind::Subscribe => Self::ShareSubscribed(entry),
            ShareEntryKind::Pay => Self::SharePaid(entry),
            ShareEntryKind::Transfer => Self::ShareTransferred(entry),
            ShareEntryKind::Refund => Self::ShareRefunded(entry),
            ShareEntryKind::Capitalise => Self::ShareCapitalised(entry),
            ShareEntryKind::Reverse => Self::ShareReversed(entry),
        }
    }

    /// The share entry and its kind, for share-ledger events.
    pub fn as_share(&self) -> Option<(ShareEntryKind, &ShareEntry)> {
        match self {
            Self::ShareSubscribed(e) => Some((ShareEntryKind::Subscribe, e)),
            Self::SharePaid(e) => Some((ShareEntryKind::Pay, e)),
            Self::ShareTransferred(e) => Some((ShareEntryKind::Transfer, e)),
            Self::ShareRefunded(e) => Some((ShareEntryKind::Refund, e)),
            Self::ShareCapitalised(e) => Some((ShareEntryKind::Capitalise, e)),
            Self::ShareReversed(e) => Some((ShareEntryKind::Reverse, e)),
            _ => None,
        }
    }

    /// The payload as canonical JSON text (struct field order, no white space).
    pub fn payload_json(&self) -> Result<String, serde_json::Error> {
        let mut tagged = serde_json::to_value(self)?;
        Ok(tagged["payload"].take().to_string())
    }

    /// Reads a journal row back as an event.
    pub fn decode(kind: &str, schema_version: u32, payload: &str) -> Result<Self, DecodeError> {
        let &(known, supported) = Self::KINDS
            .iter()
            .find(|(k, _)| *k == kind)
            .ok_or_else(|| DecodeError::UnknownKind(kind.to_owned()))?;
        if schema_version > supported {
            return Err(DecodeError::NewerSchema { kind: kind.to_owned(), found: schema_version, supported });
        }
        let payload_err = |source| DecodeError::Payload { kind: kind.to_owned(), source };
        // Straight from the text, not through a `serde_json::Value` tree: verify decodes every
        // event of the journal, and the tree cost more than the rest of the decoding.
        let mut text = serde_json::Deserializer::from_str(payload);
        let row = TaggedRow { kind: known, payload: &mut text, next: RowField::Kind };
        let event =
            Self::deserialize(serde::de::value::MapAccessDeserializer::new(row)).map_err(payload_err)?;
        // The payload is one JSON value: nothing but white space may follow it.
        text.end().map_err(payload_err)?;
        Ok(event)
    }
}

/// A journal row's kind and payload seen as the map `{"kind": …, "payload": …}`, the kind first:
/// the adjacently tagged form `Event` derives, so serde picks the variant from the kind and reads
/// the payload with that variant's type alone.
struct TaggedRow<'a, 'de> {
    kind: &'de str,
    payload: &'a mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
    next: RowField,
}

/// The entry of [`TaggedRow`] to read next.
#[derive(Clone, Copy)]
enum RowField {
    Kind,
    Payload,
    Done,
}

impl<'de> serde::de::MapAccess<'de> for TaggedRow<'_, 'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let key = match self.next {
            RowField::Kind => "kind",
            RowField::Payload => "payload",
            RowField::Done => return Ok(None),
        };
        seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(key)).map(Some)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        match self.next {
            RowField::Kind => {
                self.next = RowField::Payload;
                seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(self.kind))
            }
            RowField::Payload => {
                self.next = RowField::Done;
                seed.deserialize(&mut *self.payload)
            }
            RowField::Done => Err(serde::de::Error::custom("a journal row has only a kind and a payload")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::production::ProductData;
    use crate::profile::{CooperativeKind, Province};

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

    /// How `decode` read payloads before it read them straight from the text: through a
    /// `serde_json::Value` of the whole tagged event.
    fn decode_through_value(kind: &str, payload: &str) -> Option<Event> {
        let payload: serde_json::Value = serde_json::from_str(payload).ok()?;
        serde_json::from_value(serde_json::json!({ "kind": kind, "payload": payload })).ok()
    }

    #[test]
    fn decode_reads_every_kind_as_the_value_path_did() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 21).expect("valid");
        let note = |subject| {
            Event::InspectorNoted(crate::access::InspectorNote {
                date: day,
                subject,
                text: "«یادداشت»\n".into(),
            })
        };
        let samples = [
            Event::ProfileSet(profile()),
            Event::MemberActivated(MemberDated { membership_no: 7, date: day }),
            Event::MemberWarned(MemberWarning {
                membership_no: 7, date: day, note: "تذکر \"اول\"".into()
            }),
            Event::ProductAdded(ProductAdded {
                product: 3,
                data: ProductData {
                    name: "فرش".into(),
                    unit: crate::production::Unit::Pair,
                    category: None,
                    code: Some("A-1".into()),
                },
            }),
            Event::ProductRetired(ProductRetired { product: 3, date: day }),
            note(crate::access::NoteSubject::General),
            note(crate::access::NoteSubject::Member { membership_no: 4 }),
            Event::ReportClosed(ReportClosed {
                report_id: "0190-report".into(),
                period: "1404-Q1".into(),
                from: day,
                to: day,
                supersedes: None,
                summary_hash: "sha256:00".into(),
                content_hash: "sha256:11".into(),
                document: "{\"a\":[1,2]}".into(),
            }),
        ];
        let mut payloads: Vec<String> =
            samples.iter().map(|e| e.payload_json().expect("serialises")).collect();
        let valid = payloads.len();
        for sample in &samples {
            let recorded = sample.payload_json().expect("serialises");
            assert_eq!(Event::decode(sample.kind(), 1, &recorded).ok().as_ref(), Some(sample), "{recorded}");
        }
        // Text that is not one JSON value, or not the kind's shape: refused both ways.
        let first = payloads[0].clone();
        payloads.extend(
            [
                "",
                " ",
                "{",
                "{}",
                "null",
                "[]",
                "1",
                "\"x\"",
                "{\"unknown\":1}",
                "{} {}",
                "{},\"kind\":\"profile.set\"",
                "{},\"x\":1",
            ]
            .map(String::from),
        );
        payloads.extend([
            format!(" {first}\n\t"),
            format!("{first} x"),
            format!("{first},\"payload\":{first}"),
            first.replacen('{', "{\"name\":\"twice\",", 1),
            first.replacen("\"name\"", "\"nam\\u0065\"", 1),
        ]);
        let mut accepted = 0;
        for (kind, version) in Event::KINDS {
            for payload in &payloads {
                let now = Event::decode(kind, *version, payload).ok();
                let before = decode_through_value(kind, payload);
                // A repeated key was last-one-wins in a `Value`; read straight, it is refused.
                if payload.contains("\"name\":\"twice\"") {
                    assert_eq!(now, None, "{kind} {payload}");
                    continue;
                }
                assert_eq!(now, before, "{kind} {payload}");
                accepted += usize::from(now.is_some());
            }
        }
        // Each sample read back under its own kind (or one sharing its payload type), and the
        // padded copy of the first.
        assert!(accepted > valid, "{accepted}");
    }

    #[test]
    fn unknown_kinds_newer_schemas_and_bad_payloads_are_refused() {
        assert!(matches!(Event::decode("member.teleport", 1, "{}"), Err(DecodeError::UnknownKind(_))));
        assert!(matches!(Event::decode("profile.set", 2, "{}"), Err(DecodeError::NewerSchema { .. })));
        assert!(matches!(Event::decode("profile.set", 1, "{\"name\":1}"), Err(DecodeError::Payload { .. })));
    }
}
