//! What the member page and the printed documents show: certificates, the member's history,
//! and the certificate document with its amounts in Persian words.

use chrono::NaiveDate;
use hamyar_core::ErrorCode;
use hamyar_core::profile::CooperativeProfile;
use hamyar_core::words::rials_in_words;
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::members::{self, Member};
use crate::projection::{enum_from_text, profile, statute};
use crate::shares::{self, Statement};
use crate::{Result, Store, StoreError};

/// Temporary until the holding is fully paid, then final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CertificateKind {
    /// گواهی موقت سهم
    Temporary,
    /// ورقه سهم
    Final,
}

/// A share certificate (ورقه سهم).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Certificate {
    /// Serial number, in issue order.
    pub serial: u32,
    /// Holder.
    pub membership_no: u32,
    /// Shares it certifies.
    #[ts(type = "number")]
    pub shares: i64,
    /// Subscribed rials.
    #[ts(type = "string")]
    pub subscribed: Decimal,
    /// Paid rials when issued.
    #[ts(type = "string")]
    pub paid: Decimal,
    /// Temporary or final.
    pub kind: CertificateKind,
    /// Issue date.
    #[ts(type = "string")]
    pub issued_on: NaiveDate,
    /// Cancellation date, once reissued.
    #[ts(type = "string | null")]
    pub cancelled_on: Option<NaiveDate>,
}

fn date_at(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = r.get(i)?;
    text.parse()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn certificate_from_row(r: &Row<'_>) -> rusqlite::Result<Certificate> {
    Ok(Certificate {
        serial: r.get(0)?,
        membership_no: r.get(1)?,
        shares: r.get(2)?,
        subscribed: Decimal::from(r.get::<_, i64>(3)?),
        paid: Decimal::from(r.get::<_, i64>(4)?),
        kind: enum_from_text(r.get(5)?)?,
        issued_on: date_at(r, 6)?,
        cancelled_on: match r.get::<_, Option<String>>(7)? {
            Some(_) => Some(date_at(r, 7)?),
            None => None,
        },
    })
}

const CERTIFICATE_COLUMNS: &str =
    "serial, membership_no, shares, subscribed, paid, kind, issued_on, cancelled_on FROM share_certificate";

/// A member's certificates, newest first.
pub fn certificates(conn: &Connection, no: u32) -> Result<Vec<Certificate>> {
    let mut stmt =
        conn.prepare(&format!("SELECT {CERTIFICATE_COLUMNS} WHERE membership_no = ?1 ORDER BY serial DESC"))?;
    let rows = stmt.query_map([no], certificate_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One event in a member's or a meeting's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryItem {
    /// The journal event.
    pub event_id: String,
    /// Its kind, e.g. `member.admit`, `share.transfer`.
    pub kind: String,
    /// The business date (the entry's date; the recording day for events without one).
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// When it was recorded (RFC 3339 UTC).
    pub recorded_at: String,
    /// Who recorded it: the user's display name when the journal's author is a local account
    /// (docs/users.md), else the author as recorded (`app`, `cli:<name>`).
    pub author: String,
}

/// Every event that concerns a member, in the order recorded: member and share events, and the
/// inspector's notes about them.
pub fn history(conn: &Connection, no: u32) -> Result<Vec<HistoryItem>> {
    let mut stmt = conn.prepare(
        "SELECT j.id, j.kind, COALESCE(json_extract(j.payload, '$.date'), json_extract(j.payload, '$.joined'), \
         substr(j.wall_time, 1, 10)), j.wall_time, COALESCE(u.display_name, j.author) FROM journal j \
         LEFT JOIN app_user u ON u.username = j.author \
         WHERE ((j.kind LIKE 'member.%' OR j.kind = 'inspector.note') \
                AND json_extract(j.payload, '$.membership_no') = ?1) \
         OR j.id IN (SELECT event_id FROM share_line WHERE membership_no = ?1) \
         ORDER BY j.hlc, j.device_id",
    )?;
    history_rows(&mut stmt, no)
}

/// Every event of a meeting, in the order recorded (its date is the day it was recorded), with
/// the inspector's notes about it.
pub fn meeting_history(conn: &Connection, meeting: u32) -> Result<Vec<HistoryItem>> {
    let mut stmt = conn.prepare(
        "SELECT j.id, j.kind, substr(j.wall_time, 1, 10), j.wall_time, COALESCE(u.display_name, j.author) \
         FROM journal j LEFT JOIN app_user u ON u.username = j.author \
         WHERE (j.kind LIKE 'meeting.%' OR j.kind = 'inspector.note') \
           AND json_extract(j.payload, '$.meeting') = ?1 \
         ORDER BY j.hlc, j.device_id",
    )?;
    history_rows(&mut stmt, meeting)
}

fn history_rows(stmt: &mut rusqlite::Statement<'_>, key: u32) -> Result<Vec<HistoryItem>> {
    let rows = stmt.query_map([key], |r| {
        Ok(HistoryItem {
            event_id: r.get(0)?,
            kind: r.get(1)?,
            date: date_at(r, 2)?,
            recorded_at: r.get(3)?,
            author: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Everything the member page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MemberPage {
    /// The member.
    pub member: Member,
    /// Their share statement.
    pub statement: Statement,
    /// Their certificates, newest first.
    pub certificates: Vec<Certificate>,
    /// Every event about them.
    pub history: Vec<HistoryItem>,
}

/// The member page.
pub fn member_page(store: &Store, no: u32) -> Result<MemberPage> {
    let conn = store.conn();
    let member = members::get(conn, no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
    Ok(MemberPage {
        member,
        statement: shares::statement(store, no)?,
        certificates: certificates(conn, no)?,
        history: history(conn, no)?,
    })
}

/// A certificate as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CertificateDoc {
    /// The certificate.
    pub certificate: Certificate,
    /// Its holder.
    pub member: Member,
    /// The issuing cooperative.
    pub cooperative: Option<CooperativeProfile>,
    /// Par value in force on the issue date (rials).
    #[ts(type = "string")]
    pub par_value: Decimal,
    /// The subscribed amount in Persian words («… ریال»).
    pub amount_words: String,
    /// The paid amount in Persian words.
    pub paid_words: String,
}

/// The certificate with serial `serial`, ready to print.
pub fn certificate_doc(store: &Store, serial: u32) -> Result<CertificateDoc> {
    let conn = store.conn();
    let certificate = conn
        .query_row(&format!("SELECT {CERTIFICATE_COLUMNS} WHERE serial = ?1"), [serial], certificate_from_row)
        .optional()?
        .ok_or(StoreError::Refused(ErrorCode::NotFound))?;
    let member = members::get(conn, certificate.membership_no)?
        .ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
    let par_value =
        statute::in_force(conn, certificate.issued_on)?.map_or(Decimal::ZERO, |s| s.values.par_value);
    let words = |d: Decimal| rials_in_words(i64::try_from(d).unwrap_or(0));
    Ok(CertificateDoc {
        amount_words: words(certificate.subscribed),
        paid_words: words(certificate.paid),
        certificate,
        member,
        cooperative: profile::read(conn)?,
        par_value,
    })
}
