//! Received reports (گزارش‌های دریافتی) and their receipts. A report is stored once, bytes
//! verbatim; a correction is a new report that names the earlier one in `supersedes`.

use chrono::{DateTime, Utc};
use hamyar_core::protocol::{KeyPair, Receipt, ReportDocument, content_hash};
use serde::Serialize;

use super::{NewReport, Store, timestamp};
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
/// transaction: a crash leaves either nothing or the report with its receipt (and the
/// superseded report marked).
pub fn accept(
    store: &Store,
    registry: &KeyPair,
    incoming: Incoming<'_>,
    now: DateTime<Utc>,
) -> Result<Accepted> {
    let doc = incoming.document;
    let (hash, received_at) = (content_hash(incoming.body), timestamp(now));
    store.write(|tx| {
        if let Some(earlier) = tx.report(&doc.report_id)? {
            let same = earlier.content_hash == hash;
            return Ok(if same { Accepted::AlreadyHeld(earlier.receipt) } else { Accepted::Conflict });
        }
        if let Some(previous) = &doc.supersedes
            && !tx.is_open(previous, &doc.legal_id, &doc.period.label)?
        {
            return Ok(Accepted::SupersedesUnknown);
        }
        let seq = tx.next_seq()?;
        let mut receipt = Receipt {
            registry_id: format!("HR-{seq:06}"),
            report_id: doc.report_id.clone(),
            legal_id: doc.legal_id.clone(),
            period: doc.period.label.clone(),
            received_at: received_at.clone(),
            content_hash: hash.clone(),
            signature: String::new(),
        };
        receipt.signature = registry.sign_hex(&receipt.signing_bytes());
        let receipt_json = serde_json::to_string(&receipt)?;
        tx.insert_report(&NewReport {
            seq,
            receipt: &receipt,
            receipt_json: &receipt_json,
            body: incoming.body,
            public_key: incoming.public_key,
            signature: incoming.signature,
            supersedes: doc.supersedes.as_deref(),
        })?;
        if let Some(previous) = &doc.supersedes {
            tx.mark_superseded(previous, &doc.report_id)?;
        }
        Ok(Accepted::Created(receipt_json))
    })
}

/// What a status query (and a repeated upload) needs of a stored report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// Whose report it is.
    pub legal_id: String,
    /// `sha256:` of the stored bytes.
    pub content_hash: String,
    /// The correcting report's id, once there is one.
    pub superseded_by: Option<String>,
    /// The receipt given when it was accepted (JSON).
    pub receipt: String,
}

/// The stored report `report_id`, if any.
pub fn find(store: &Store, report_id: &str) -> Result<Option<Held>> {
    store.read(|tx| tx.report(report_id))
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

impl ReportRow {
    /// A row from its columns: registry id, report id, legal ID, period, received time and
    /// content hash, then `supersedes` and `superseded_by` (which decides the state).
    pub fn new(text: [String; 6], supersedes: Option<String>, superseded_by: Option<String>) -> Self {
        let [registry_id, report_id, legal_id, period, received_at, content_hash] = text;
        let state = state(superseded_by.is_some()).to_owned();
        Self {
            registry_id,
            report_id,
            legal_id,
            period,
            received_at,
            content_hash,
            state,
            supersedes,
            superseded_by,
        }
    }
}

/// Every stored report, in the order received.
pub fn list(store: &Store) -> Result<Vec<ReportRow>> {
    store.read(|tx| tx.reports())
}

/// The protocol's name for a report's state.
pub fn state(superseded: bool) -> &'static str {
    if superseded { "superseded" } else { "accepted" }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::temp_store;
    use hamyar_core::protocol::PeriodRef;

    pub(crate) fn document(report_id: &str, supersedes: Option<&str>) -> ReportDocument {
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

    fn upload(store: &Store, key: &KeyPair, doc: &ReportDocument, body: &[u8]) -> Accepted {
        let incoming = Incoming { document: doc, body, public_key: "aa", signature: "bb" };
        accept(store, key, incoming, Utc::now()).expect("accept")
    }

    #[test]
    fn a_report_is_numbered_and_its_receipt_verifies_and_is_given_again_verbatim() {
        let (_dir, store) = temp_store();
        let key = KeyPair::from_seed([1; 32]);
        let doc = document("r1", None);
        let Accepted::Created(json) = upload(&store, &key, &doc, b"body") else { panic!("not created") };
        let receipt: Receipt = serde_json::from_str(&json).expect("receipt");
        assert_eq!(receipt.registry_id, "HR-000001");
        assert!(receipt.verify(&key.public_hex()));
        assert_eq!(upload(&store, &key, &doc, b"body"), Accepted::AlreadyHeld(json));
        assert_eq!(upload(&store, &key, &doc, b"other"), Accepted::Conflict);
    }

    #[test]
    fn a_correction_must_name_an_open_report_of_the_same_period() {
        let (_dir, store) = temp_store();
        let key = KeyPair::from_seed([1; 32]);
        assert!(matches!(upload(&store, &key, &document("r1", None), b"1"), Accepted::Created(_)));
        assert_eq!(upload(&store, &key, &document("r2", Some("nope")), b"2"), Accepted::SupersedesUnknown);
        let mut other_period = document("r2", Some("r1"));
        other_period.period.label = "1404-Q2".into();
        assert_eq!(upload(&store, &key, &other_period, b"2"), Accepted::SupersedesUnknown);
        assert!(matches!(upload(&store, &key, &document("r2", Some("r1")), b"2"), Accepted::Created(_)));
        assert_eq!(upload(&store, &key, &document("r3", Some("r1")), b"3"), Accepted::SupersedesUnknown);
        let rows = list(&store).expect("list");
        assert_eq!(rows[0].state, "superseded");
        assert_eq!(rows[0].superseded_by.as_deref(), Some("r2"));
        assert_eq!(rows[1].state, "accepted");
        assert_eq!(rows.len(), 2);
    }
}
