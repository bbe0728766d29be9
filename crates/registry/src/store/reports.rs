//! Received reports (گزارش‌های دریافتی) and their receipts. A report is stored once, bytes
//! verbatim; a correction is a new report that names the earlier one in `supersedes`.

use chrono::{DateTime, Utc};
use hamyar_core::protocol::{KeyPair, Receipt, ReportDocument, content_hash};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use super::timestamp;
use crate::error::Result;

/// A report as it arrived: the parsed document, its raw bytes and who signed them.
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    /// The parsed body.
    pub document: &'a ReportDocument,
    /// The body exactly as received: what the signature and the content hash cover.
    pub body: &'a [u8],
    /// The sender's key (lower-case hex).
    pub public_key: &'a str,
    /// The sender's signature over `body`.
    pub signature: &'a str,
}

/// How an upload ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// Stored now; the receipt's JSON.
    Created(String),
    /// Stored before with the same bytes; the receipt given then, byte for byte.
    AlreadyHeld(String),
    /// The report id was stored before with other bytes.
    Conflict,
    /// `supersedes` names no accepted report of this cooperative and period.
    SupersedesUnknown,
}

/// Stores `incoming` and signs its receipt with `registry`, or says why not, in one
/// IMMEDIATE transaction: a crash leaves either nothing or the report with its receipt (and
/// the superseded report marked).
pub fn accept(
    conn: &mut Connection,
    registry: &KeyPair,
    incoming: Incoming<'_>,
    now: DateTime<Utc>,
) -> Result<Accepted> {
    let doc = incoming.document;
    let hash = content_hash(incoming.body);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let earlier: Option<(String, String)> = tx
        .query_row("SELECT content_hash, receipt FROM reports WHERE report_id = ?1", [&doc.report_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    if let Some((stored_hash, receipt)) = earlier {
        return Ok(if stored_hash == hash { Accepted::AlreadyHeld(receipt) } else { Accepted::Conflict });
    }
    if let Some(previous) = &doc.supersedes {
        let open: Option<i64> = tx
            .query_row(
                "SELECT seq FROM reports
                 WHERE report_id = ?1 AND legal_id = ?2 AND period = ?3 AND superseded_by IS NULL",
                (previous, &doc.legal_id, &doc.period.label),
                |r| r.get(0),
            )
            .optional()?;
        if open.is_none() {
            return Ok(Accepted::SupersedesUnknown);
        }
    }
    let seq: i64 = tx.query_row("SELECT coalesce(max(seq), 0) + 1 FROM reports", [], |r| r.get(0))?;
    let mut receipt = Receipt {
        registry_id: format!("HR-{seq:06}"),
        report_id: doc.report_id.clone(),
        legal_id: doc.legal_id.clone(),
        period: doc.period.label.clone(),
        received_at: timestamp(now),
        content_hash: hash,
        signature: String::new(),
    };
    receipt.signature = registry.sign_hex(&receipt.signing_bytes());
    let receipt_json = serde_json::to_string(&receipt)?;
    tx.execute(
        "INSERT INTO reports (seq, registry_id, report_id, legal_id, period, body, content_hash,
                              public_key, signature, received_at, supersedes, receipt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        rusqlite::params![
            seq,
            receipt.registry_id,
            receipt.report_id,
            receipt.legal_id,
            receipt.period,
            incoming.body,
            receipt.content_hash,
            incoming.public_key,
            incoming.signature,
            receipt.received_at,
            doc.supersedes,
            receipt_json,
        ],
    )?;
    if let Some(previous) = &doc.supersedes {
        tx.execute("UPDATE reports SET superseded_by = ?1 WHERE report_id = ?2", (&doc.report_id, previous))?;
    }
    tx.commit()?;
    Ok(Accepted::Created(receipt_json))
}

/// What a status query needs of a stored report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// Whose report it is.
    pub legal_id: String,
    /// The correcting report's id, once there is one.
    pub superseded_by: Option<String>,
    /// The receipt given when it was accepted (JSON).
    pub receipt: String,
}

/// The stored report `report_id`, if any.
pub fn find(conn: &Connection, report_id: &str) -> Result<Option<Held>> {
    Ok(conn
        .query_row(
            "SELECT legal_id, superseded_by, receipt FROM reports WHERE report_id = ?1",
            [report_id],
            |r| Ok(Held { legal_id: r.get(0)?, superseded_by: r.get(1)?, receipt: r.get(2)? }),
        )
        .optional()?)
}

/// One line of the registry's list of reports (the `reports` command and the HTML page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportRow {
    /// The registry's number, `HR-000001`.
    pub registry_id: String,
    /// The cooperative's report id.
    pub report_id: String,
    /// The cooperative's legal ID.
    pub legal_id: String,
    /// The period's label.
    pub period: String,
    /// When it was received.
    pub received_at: String,
    /// `sha256:` of the stored bytes.
    pub content_hash: String,
    /// `accepted` or `superseded`.
    pub state: String,
    /// The report this one corrects.
    pub supersedes: Option<String>,
    /// The report that corrects this one.
    pub superseded_by: Option<String>,
}

/// Every stored report, in the order received.
pub fn list(conn: &Connection) -> Result<Vec<ReportRow>> {
    let mut stmt = conn.prepare(
        "SELECT registry_id, report_id, legal_id, period, received_at, content_hash, supersedes, superseded_by
         FROM reports ORDER BY seq",
    )?;
    let rows = stmt.query_map([], |r| {
        let superseded_by: Option<String> = r.get(7)?;
        Ok(ReportRow {
            registry_id: r.get(0)?,
            report_id: r.get(1)?,
            legal_id: r.get(2)?,
            period: r.get(3)?,
            received_at: r.get(4)?,
            content_hash: r.get(5)?,
            state: state(superseded_by.is_some()).to_owned(),
            supersedes: r.get(6)?,
            superseded_by,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The protocol's name for a report's state.
pub fn state(superseded: bool) -> &'static str {
    if superseded { "superseded" } else { "accepted" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;
    use hamyar_core::protocol::PeriodRef;

    fn document(report_id: &str, supersedes: Option<&str>) -> ReportDocument {
        ReportDocument {
            protocol: 1,
            schema: 1,
            report_id: report_id.into(),
            legal_id: "14100001233".into(),
            period: PeriodRef {
                label: "1404-Q1".into(),
                kind: "quarter".into(),
                from: "2025-03-21".into(),
                to: "2025-06-21".into(),
            },
            supersedes: supersedes.map(Into::into),
            closed_at: "2025-06-25T08:00:00Z".into(),
            summary: serde_json::json!({}),
        }
    }

    fn upload(conn: &mut Connection, key: &KeyPair, doc: &ReportDocument, body: &[u8]) -> Accepted {
        let incoming = Incoming { document: doc, body, public_key: "aa", signature: "bb" };
        accept(conn, key, incoming, Utc::now()).expect("accept")
    }

    #[test]
    fn a_report_is_numbered_and_its_receipt_verifies_and_is_given_again_verbatim() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("r.db")).expect("open");
        let key = KeyPair::from_seed([1; 32]);
        let doc = document("r1", None);
        let Accepted::Created(json) = upload(&mut conn, &key, &doc, b"body") else { panic!("not created") };
        let receipt: Receipt = serde_json::from_str(&json).expect("receipt");
        assert_eq!(receipt.registry_id, "HR-000001");
        assert!(receipt.verify(&key.public_hex()));
        assert_eq!(upload(&mut conn, &key, &doc, b"body"), Accepted::AlreadyHeld(json));
        assert_eq!(upload(&mut conn, &key, &doc, b"other"), Accepted::Conflict);
    }

    #[test]
    fn a_correction_must_name_an_open_report_of_the_same_period() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("r.db")).expect("open");
        let key = KeyPair::from_seed([1; 32]);
        assert!(matches!(upload(&mut conn, &key, &document("r1", None), b"1"), Accepted::Created(_)));
        assert_eq!(upload(&mut conn, &key, &document("r2", Some("nope")), b"2"), Accepted::SupersedesUnknown);
        let mut other_period = document("r2", Some("r1"));
        other_period.period.label = "1404-Q2".into();
        assert_eq!(upload(&mut conn, &key, &other_period, b"2"), Accepted::SupersedesUnknown);
        assert!(matches!(upload(&mut conn, &key, &document("r2", Some("r1")), b"2"), Accepted::Created(_)));
        assert_eq!(upload(&mut conn, &key, &document("r3", Some("r1")), b"3"), Accepted::SupersedesUnknown);
        let rows = list(&conn).expect("list");
        assert_eq!(rows[0].state, "superseded");
        assert_eq!(rows[0].superseded_by.as_deref(), Some("r2"));
        assert_eq!(rows[1].state, "accepted");
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn stored_reports_cannot_be_rewritten_or_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut conn = store::open(&dir.path().join("r.db")).expect("open");
        let key = KeyPair::from_seed([1; 32]);
        upload(&mut conn, &key, &document("r1", None), b"1");
        assert!(conn.execute("UPDATE reports SET body = x'00'", []).is_err());
        assert!(conn.execute("DELETE FROM reports", []).is_err());
    }
}
