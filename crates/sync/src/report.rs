//! Period reports (گزارش دوره): the preview of a period's summary, and closing it — the report
//! document and its outbox row written in one transaction, so a closed report is always on its
//! way and never twice.

use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::event::{Event, ReportClosed};
use hamyar_core::protocol::{self, PROTOCOL_VERSION, PeriodRef, ReportDocument, SUMMARY_SCHEMA};
use hamyar_store::Store;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::summary::{self, Span};
use crate::{Result, SyncError};

/// A period's summary as it would be reported now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Preview {
    /// The period.
    pub period: PeriodRef,
    /// The figures, section by section.
    #[ts(type = "Record<string, unknown>")]
    pub summary: serde_json::Value,
    /// `sha256:` of the summary's canonical JSON.
    pub summary_hash: String,
    /// The last report closed for this period, if any.
    pub previous: Option<ReportInfo>,
    /// Whether the summary equals that report's (closing again would be refused).
    pub unchanged: bool,
    /// Whether the period has ended (only then may it be closed).
    pub ended: bool,
}

/// A closed report, as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportInfo {
    /// Its id (UUIDv7).
    pub id: String,
    /// The period's label.
    pub period: String,
    /// The report it corrects.
    pub supersedes: Option<String>,
    /// `sha256:` of the document (what the registry's receipt names).
    pub content_hash: String,
    /// When it was closed (RFC 3339).
    pub closed_at: String,
}

/// The canonical bytes of a summary and their hash.
fn summary_bytes(summary: &serde_json::Value) -> Result<Vec<u8>> {
    protocol::canonical_json(summary)
        .map_err(|e| SyncError::from(hamyar_store::StoreError::Io(std::io::Error::other(e.to_string()))))
}

/// The summary of `period` as of now, beside the last report of it.
pub fn preview(conn: &Connection, period: &str, today: chrono::NaiveDate) -> Result<Preview> {
    let span = summary::span(conn, period)?;
    let summary = summary::build(conn, &span)?;
    let summary_hash = protocol::content_hash(&summary_bytes(&summary)?);
    let last = last_of_period(conn, &span.label)?;
    let unchanged = last.as_ref().is_some_and(|(_, hash)| *hash == summary_hash);
    Ok(Preview {
        period: span.period_ref(),
        summary,
        summary_hash,
        previous: last.map(|(info, _)| info),
        unchanged,
        ended: span.to < today,
    })
}

/// The newest report of a period and its summary hash.
fn last_of_period(conn: &Connection, label: &str) -> Result<Option<(ReportInfo, String)>> {
    let row = conn
        .query_row(
            "SELECT r.report_id FROM report r JOIN journal j ON j.id = r.event_id \
              WHERE r.period = ?1 ORDER BY j.rowid DESC LIMIT 1",
            [label],
            |r| r.get::<_, String>(0),
        )
        .optional()?;
    match row {
        Some(id) => Ok(Some(info_and_hash(conn, &id)?)),
        None => Ok(None),
    }
}

fn info_and_hash(conn: &Connection, id: &str) -> Result<(ReportInfo, String)> {
    let (period, supersedes, content_hash, document, summary_hash): (
        String,
        Option<String>,
        String,
        String,
        String,
    ) = conn.query_row(
        "SELECT period, supersedes, content_hash, document, summary_hash FROM report WHERE report_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let doc: ReportDocument = serde_json::from_str(&document)?;
    Ok((
        ReportInfo { id: id.to_owned(), period, supersedes, content_hash, closed_at: doc.closed_at },
        summary_hash,
    ))
}

/// One report, by id.
pub fn info(conn: &Connection, id: &str) -> Result<ReportInfo> {
    let exists: Option<i64> =
        conn.query_row("SELECT 1 FROM report WHERE report_id = ?1", [id], |r| r.get(0)).optional()?;
    if exists.is_none() {
        return Err(ErrorCode::NotFound.into());
    }
    Ok(info_and_hash(conn, id)?.0)
}

/// The document's bytes exactly as closed (what is signed and sent).
pub fn document(conn: &Connection, id: &str) -> Result<Vec<u8>> {
    let doc: Option<String> =
        conn.query_row("SELECT document FROM report WHERE report_id = ?1", [id], |r| r.get(0)).optional()?;
    doc.map(String::into_bytes).ok_or_else(|| ErrorCode::NotFound.into())
}

/// The cooperative's legal national ID from its profile.
pub fn legal_id(conn: &Connection) -> Result<String> {
    let profile = hamyar_store::profile::get_in(conn)?;
    profile
        .map(|p| p.data.legal_id)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| ErrorCode::LegalIdMissing.into())
}

/// Closes `period`: builds its summary, writes the report document (superseding the last report
/// of the period that is not parked) as a `report.close` event and its outbox row, together.
/// Refused while the period runs, when nothing changed since its last report, and without the
/// cooperative's legal ID.
pub fn close(store: &mut Store, author: &str, now: DateTime<Utc>, period: &str) -> Result<ReportInfo> {
    let today = hamyar_core::clock::tehran_date(now);
    store
        .write(author, now, |w| {
            let conn = w.conn();
            let preview = preview(conn, period, today).map_err(store_error)?;
            if !preview.ended {
                return Err(hamyar_store::StoreError::Refused(ErrorCode::PeriodNotEnded));
            }
            if preview.unchanged {
                return Err(hamyar_store::StoreError::Refused(ErrorCode::ReportUnchanged));
            }
            let legal_id = legal_id(conn).map_err(store_error)?;
            let supersedes: Option<String> = conn
                .query_row(
                    "SELECT r.report_id FROM report r JOIN journal j ON j.id = r.event_id \
                       JOIN outbox o ON o.report_id = r.report_id \
                      WHERE r.period = ?1 AND o.state <> 'parked' ORDER BY j.rowid DESC LIMIT 1",
                    [&preview.period.label],
                    |r| r.get(0),
                )
                .optional()?;
            let report_id = uuid::Uuid::now_v7().to_string();
            let closed_at = now.to_rfc3339_opts(SecondsFormat::Secs, true);
            let doc = ReportDocument {
                protocol: PROTOCOL_VERSION,
                schema: SUMMARY_SCHEMA,
                report_id: report_id.clone(),
                legal_id,
                period: preview.period.clone(),
                supersedes: supersedes.clone(),
                closed_at: closed_at.clone(),
                summary: preview.summary.clone(),
            };
            let bytes = protocol::canonical_json(&serde_json::to_value(&doc)?)
                .map_err(|e| hamyar_store::StoreError::Io(std::io::Error::other(e.to_string())))?;
            let document = String::from_utf8(bytes)
                .map_err(|e| hamyar_store::StoreError::Io(std::io::Error::other(e.to_string())))?;
            let content_hash = protocol::content_hash(document.as_bytes());
            let from = preview
                .period
                .from
                .parse()
                .map_err(|_| hamyar_store::StoreError::Refused(ErrorCode::Internal))?;
            let to = preview
                .period
                .to
                .parse()
                .map_err(|_| hamyar_store::StoreError::Refused(ErrorCode::Internal))?;
            w.append(&Event::ReportClosed(ReportClosed {
                report_id: report_id.clone(),
                period: preview.period.label.clone(),
                from,
                to,
                supersedes: supersedes.clone(),
                summary_hash: preview.summary_hash.clone(),
                content_hash: content_hash.clone(),
                document,
            }))?;
            crate::outbox::enqueue(w.conn(), &report_id, now)?;
            Ok(ReportInfo {
                id: report_id,
                period: preview.period.label,
                supersedes,
                content_hash,
                closed_at,
            })
        })
        .map_err(SyncError::from)
}

fn store_error(e: SyncError) -> hamyar_store::StoreError {
    match e {
        SyncError::Store(s) => *s,
        other => hamyar_store::StoreError::Io(std::io::Error::other(other.to_string())),
    }
}

/// Every closed report, newest first.
pub fn list(conn: &Connection) -> Result<Vec<ReportInfo>> {
    let mut stmt = conn.prepare(
        "SELECT r.report_id FROM report r JOIN journal j ON j.id = r.event_id ORDER BY j.rowid DESC",
    )?;
    let ids = stmt.query_map(params![], |r| r.get::<_, String>(0))?.collect::<Result<Vec<_>, _>>()?;
    ids.iter().map(|id| info(conn, id)).collect()
}

/// The span a period text names, for callers that only need its bounds.
pub fn span(conn: &Connection, period: &str) -> Result<Span> {
    summary::span(conn, period)
}

/// Writes report `id`'s export package (the document verbatim, sheets per module of the national
/// system, a Persian checklist) into `dir`, which must be new or empty.
pub fn export_package(conn: &Connection, id: &str, dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    let bytes = document(conn, id)?;
    let doc: ReportDocument = serde_json::from_slice(&bytes)?;
    let span = summary::span(conn, &doc.period.label)?;
    crate::export::write_package(conn, &span, &doc.summary, &bytes, dir)
}
