//! Projections: tables derived from the journal that queries read. Each event kind updates
//! them in the same transaction it is appended in; `verify` rebuilds them all and compares.

pub(crate) mod certificate;
pub(crate) mod inspector;
pub(crate) mod meeting;
pub(crate) mod member;
pub(crate) mod production;
pub(crate) mod profile;
pub(crate) mod report;
pub(crate) mod shares;
pub(crate) mod statute;
pub(crate) mod year;

use hamyar_core::event::Event;
use hamyar_core::meeting::MeetingStage;
use hamyar_core::shares::ShareEntryKind;
use rusqlite::Connection;

use crate::Result;
use crate::journal::JournalEntry;

/// Every projection table, in an order `verify` can clear them in (children before parents).
pub(crate) const TABLES: &[&str] = &[
    "inspector_note",
    "report",
    "distribution_line",
    "distribution_part",
    "fiscal_year",
    "office_term",
    "election_candidate",
    "election",
    "meeting_resolution",
    "meeting_attendance",
    "meeting_proxy",
    "meeting_notice",
    "meeting",
    "closed_period",
    "sale",
    "quality_test",
    "workforce_hours",
    "workforce_month",
    "production_daily",
    "production_worker",
    "production_entry",
    "product",
    "share_certificate",
    "share_line",
    "share_entry",
    "member_warning",
    "member",
    "statute_version",
    "cooperative_profile",
];

/// Applies one event to the projections.
pub(crate) fn apply(conn: &Connection, entry: &JournalEntry, event: &Event) -> Result<()> {
    match event {
        Event::ProfileSet(data) => profile::apply_set(conn, entry, data),
        Event::StatuteSet(v) => statute::apply_set(conn, entry, v),
        Event::MemberAdmitted(a) => member::apply_admit(conn, entry, a),
        Event::MemberUpdated(u) => member::apply_update(conn, entry, u),
        Event::MemberActivated(a) => member::apply_activate(conn, entry, a),
        Event::MemberWarned(w) => member::apply_warn(conn, entry, w),
        Event::MemberExited(x) => member::apply_exit(conn, entry, x),
        Event::ShareSubscribed(e) => shares::apply(conn, entry, ShareEntryKind::Subscribe, e),
        Event::SharePaid(e) => shares::apply(conn, entry, ShareEntryKind::Pay, e),
        Event::ShareTransferred(e) => shares::apply(conn, entry, ShareEntryKind::Transfer, e),
        Event::ShareRefunded(e) => shares::apply(conn, entry, ShareEntryKind::Refund, e),
        Event::ShareCapitalised(e) => shares::apply(conn, entry, ShareEntryKind::Capitalise, e),
        Event::ShareReversed(e) => shares::apply(conn, entry, ShareEntryKind::Reverse, e),
        Event::ProductAdded(p) | Event::ProductUpdated(p) => production::apply_product(conn, entry, p),
        Event::ProductRetired(r) => production::apply_retire(conn, entry, r),
        Event::ProductionRecorded(r) => production::apply_record(conn, entry, r),
        Event::ProductionReversed(r) => production::apply_reverse(conn, entry, r),
        Event::WorkforceSet(w) => production::apply_workforce(conn, entry, w),
        Event::QualityAdded(q) => production::apply_quality(conn, entry, q),
        Event::SaleRecorded(s) => production::apply_sale(conn, entry, s),
        Event::PeriodClosed(c) => production::apply_close(conn, entry, c),
        Event::MeetingCreated(m) => meeting::apply_create(conn, entry, m),
        Event::MeetingConvened(c) => meeting::apply_convene(conn, entry, c),
        Event::MeetingNoticed(n) => meeting::apply_notice(conn, entry, n),
        Event::ProxyRegistered(p) => meeting::apply_proxy(conn, entry, p),
        Event::CheckedIn(c) => meeting::apply_checkin(conn, entry, c),
        Event::ResolutionRecorded(r) => meeting::apply_resolution(conn, entry, r),
        Event::ElectionRecorded(e) => meeting::apply_election(conn, entry, e),
        Event::MinutesRecorded(m) => meeting::apply_minutes(conn, entry, m),
        Event::DecisionsNotified(n) => meeting::apply_notify(conn, entry, n),
        Event::MeetingClosed(e) => meeting::apply_end(conn, entry, e, MeetingStage::Closed),
        Event::MeetingCancelled(e) => meeting::apply_end(conn, entry, e, MeetingStage::Cancelled),
        Event::MeetingFailed(e) => meeting::apply_end(conn, entry, e, MeetingStage::Failed),
        Event::OfficeVacated(v) => meeting::apply_vacate(conn, v),
        Event::OfficeFilled(f) => meeting::apply_fill(conn, f),
        Event::YearClosed(c) => year::apply_close(conn, entry, c),
        Event::YearApproved(a) => year::apply_approve(conn, entry, a),
        Event::ReportClosed(r) => report::apply_close(conn, entry, r),
        Event::InspectorNoted(n) => inspector::apply_note(conn, entry, n),
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
