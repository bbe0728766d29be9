//! The outbox (صف ارسال): every closed report waits here until the registry gives a receipt
//! for it. A pass sends pending reports in the order they were closed; a 2xx (or "already
//! received") marks a report sent with its receipt, another 4xx parks it for a person with the
//! registry's reason, and a 5xx/408/429 or no answer at all leaves it pending with its next
//! attempt (exponential backoff with jitter) written down, so the wait survives a restart.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::protocol::{self, Receipt};
use hamyar_store::Store;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::client::{Endpoint, Failure, Registry};
use crate::{Result, SyncError, keys, report};

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutboxState {
    /// Waiting to be sent (or to be tried again).
    Pending,
    /// The registry gave a receipt.
    Sent,
    /// The registry refused it; a person must look.
    Parked,
}

impl OutboxState {
    fn parse(text: &str) -> Self {
        match text {
            "sent" => Self::Sent,
            "parked" => Self::Parked,
            _ => Self::Pending,
        }
    }
}

/// One report in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutboxRow {
    /// The report's id.
    pub id: String,
    /// Its period's label.
    pub period: String,
    /// Where it stands.
    pub state: OutboxState,
    /// Attempts so far.
    pub attempts: u32,
    /// Not before this (RFC 3339), while pending.
    pub next_attempt: String,
    /// The last failure, for the screen.
    pub last_error: Option<String>,
    /// The registry's receipt, once sent.
    pub receipt: Option<Receipt>,
    /// The report it corrects.
    pub supersedes: Option<String>,
    /// `sha256:` of the document.
    pub content_hash: String,
    /// When the period was closed (RFC 3339).
    pub closed_at: String,
}

/// One attempt in a report's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attempt {
    /// When (RFC 3339).
    pub at: String,
    /// `sent`, `already`, `retry`, `parked` or `resent` (put back in the queue by a person).
    pub outcome: String,
    /// The HTTP status, when the registry answered.
    pub status: Option<u16>,
    /// What happened, in the registry's or the network's words.
    pub detail: String,
}

/// How many reports stand where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Counts {
    /// With a receipt.
    pub sent: u32,
    /// Waiting.
    pub pending: u32,
    /// Refused, waiting for a person.
    pub parked: u32,
}

/// What one pass did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PassResult {
    /// Totals after the pass.
    #[serde(flatten)]
    pub counts: Counts,
    /// Reports that got their receipt in this pass.
    pub sent_now: u32,
    /// Why the pass stopped before sending everything due: `not_enrolled`,
    /// `registry_unreachable` or `clock_skew`; `None` when it did not stop early.
    pub stopped: Option<ErrorCode>,
    /// The registry's clock minus ours, in seconds, when it answered.
    pub clock_skew_seconds: Option<i64>,
    /// The earliest next attempt of a pending report (RFC 3339).
    pub next_attempt: Option<String>,
}

/// Everything the sync screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncOverview {
    /// The registry enrolled with, if any.
    pub settings: Option<RegistrySettings>,
    /// Whether the signing key is in the data folder and is the one enrolled.
    pub key_ok: bool,
    /// The cooperative's legal ID from its profile, if set.
    pub legal_id: Option<String>,
    /// Totals by state.
    pub counts: Counts,
    /// Every report in the outbox, in the order closed.
    pub rows: Vec<OutboxRow>,
    /// The last pass (the button's or the background sender's), since the app started.
    pub last_pass: Option<PassResult>,
    /// When it ran (RFC 3339).
    pub last_pass_at: Option<String>,
}

/// The overview, without the last pass (the desktop adds what it remembers).
pub fn overview(conn: &Connection, data_dir: &Path) -> Result<SyncOverview> {
    let settings = settings(conn)?;
    let key = keys::load(data_dir).ok().flatten();
    let key_ok = match (&settings, &key) {
        (Some(s), Some(k)) => s.public_key == k.public_hex(),
        _ => false,
    };
    Ok(SyncOverview {
        settings,
        key_ok,
        legal_id: report::legal_id(conn).ok(),
        counts: counts(conn)?,
        rows: list(conn)?,
        last_pass: None,
        last_pass_at: None,
    })
}

/// Progress while a pass sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Progress {
    /// Reports handled so far in this pass.
    pub done: u32,
    /// Reports this pass means to send.
    pub total: u32,
    /// The report being sent now.
    pub report_id: String,
    /// Its period.
    pub period: String,
}

/// Exponential backoff with jitter: the `n`th failure waits a random time between half and all
/// of `base × 2^(n−1)`, never more than `cap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The first wait.
    pub base: Duration,
    /// The longest wait.
    pub cap: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self { base: Duration::from_secs(30), cap: Duration::from_secs(3600) }
    }
}

impl Backoff {
    /// The default, with `HAMYAR_SYNC_BACKOFF_MS` (milliseconds) as the first wait when set.
    pub fn from_env() -> Self {
        let mut b = Self::default();
        if let Some(ms) = std::env::var("HAMYAR_SYNC_BACKOFF_MS").ok().and_then(|v| v.parse::<u64>().ok()) {
            b.base = Duration::from_millis(ms);
        }
        b
    }

    /// The wait after the `attempts`th failure (1-based), with jitter from `random`.
    pub fn delay(&self, attempts: u32, random: u64) -> Duration {
        let base = u64::try_from(self.base.as_millis()).unwrap_or(u64::MAX);
        let cap = u64::try_from(self.cap.as_millis()).unwrap_or(u64::MAX);
        let full = base.saturating_mul(1u64 << attempts.saturating_sub(1).min(30)).min(cap);
        let half = full / 2;
        Duration::from_millis(half + random % (full - half + 1))
    }
}

/// How a pass behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SendOptions {
    /// Send every pending report now, whatever its next attempt (the «ارسال» button).
    pub force: bool,
    /// Send even when the clocks disagree by more than [`CLOCK_TOLERANCE`].
    pub ignore_clock: bool,
    /// The retry waits.
    pub backoff: Backoff,
}

/// How far the clocks may disagree before a pass stops to warn.
pub const CLOCK_TOLERANCE: Duration = Duration::from_secs(600);

/// The registry this cooperative is enrolled with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegistrySettings {
    /// Its address.
    pub url: String,
    /// The cooperative's legal ID as enrolled.
    pub legal_id: String,
    /// Our public key.
    pub public_key: String,
    /// Its public key (receipts are checked against it).
    pub registry_key: String,
    /// When (RFC 3339).
    pub enrolled_at: String,
    /// A PEM certificate trusted instead of the platform's roots.
    pub pinned_cert: Option<String>,
    /// A proxy URL.
    pub proxy: Option<String>,
    /// Per-request timeout in milliseconds.
    pub timeout_ms: u32,
}

impl RegistrySettings {
    /// The endpoint these settings describe.
    pub fn endpoint(&self) -> Endpoint {
        Endpoint {
            url: self.url.clone(),
            timeout: Duration::from_millis(u64::from(self.timeout_ms)),
            pinned_cert: self.pinned_cert.clone(),
            proxy: self.proxy.clone(),
        }
    }
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Writes a closed report's outbox row (inside the transaction that closes it).
pub(crate) fn enqueue(conn: &Connection, report_id: &str, now: DateTime<Utc>) -> hamyar_store::Result<()> {
    let at = stamp(now);
    conn.execute(
        "INSERT INTO outbox (report_id, seq, state, next_attempt, created_at, updated_at) \
         VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox), 'pending', ?2, ?2, ?2)",
        params![report_id, at],
    )?;
    Ok(())
}

/// The registry settings, if enrolled.
pub fn settings(conn: &Connection) -> Result<Option<RegistrySettings>> {
    Ok(conn
        .query_row(
            "SELECT url, legal_id, public_key, registry_key, enrolled_at, pinned_cert, proxy, timeout_ms \
               FROM registry_settings WHERE id = 1",
            [],
            |r| {
                Ok(RegistrySettings {
                    url: r.get(0)?,
                    legal_id: r.get(1)?,
                    public_key: r.get(2)?,
                    registry_key: r.get(3)?,
                    enrolled_at: r.get(4)?,
                    pinned_cert: r.get(5)?,
                    proxy: r.get(6)?,
                    timeout_ms: r.get(7)?,
                })
            },
        )
        .optional()?)
}

/// How to reach a registry when enrolling.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EnrolInput {
    /// The registry's address.
    pub url: String,
    /// The one-time code the registry issued.
    pub code: String,
    /// A PEM certificate to trust instead of the platform's roots.
    pub pinned_cert: Option<String>,
    /// A proxy URL.
    pub proxy: Option<String>,
    /// Per-request timeout in milliseconds (default 15 000).
    pub timeout_ms: Option<u32>,
}

/// Enrols this cooperative with a registry: makes the signing key if there is none, sends its
/// public half with the code, and keeps the registry's answer. Nothing is written when the
/// registry refuses or cannot be reached.
pub fn enrol(store: &mut Store, data_dir: &Path, input: &EnrolInput) -> Result<RegistrySettings> {
    let url = crate::client::check_url(&input.url)?;
    let code = input.code.trim();
    if code.is_empty() {
        return Err(ErrorCode::Required.into());
    }
    let legal_id = report::legal_id(store.conn())?;
    let timeout_ms = input.timeout_ms.unwrap_or(15_000).clamp(100, 120_000);
    let endpoint = Endpoint {
        url: url.clone(),
        timeout: Duration::from_millis(u64::from(timeout_ms)),
        pinned_cert: input.pinned_cert.clone().filter(|p| !p.trim().is_empty()),
        proxy: input.proxy.clone().filter(|p| !p.trim().is_empty()),
    };
    let registry = Registry::new(&endpoint)?;
    let key = keys::load_or_create(data_dir)?;
    let answer = registry.enrol(&protocol::EnrolmentRequest {
        legal_id: legal_id.clone(),
        code: code.to_owned(),
        public_key: key.public_hex(),
    })?;
    if answer.public_key != key.public_hex()
        || answer.legal_id != legal_id
        || !protocol::is_public_key(&answer.registry_key)
    {
        return Err(SyncError::Unreachable("the registry's answer does not match the enrolment".into()));
    }
    let settings = RegistrySettings {
        url,
        legal_id,
        public_key: answer.public_key,
        registry_key: answer.registry_key,
        enrolled_at: answer.enrolled_at,
        pinned_cert: endpoint.pinned_cert,
        proxy: endpoint.proxy,
        timeout_ms,
    };
    store.conn().execute(
        "INSERT OR REPLACE INTO registry_settings \
            (id, url, legal_id, public_key, registry_key, enrolled_at, pinned_cert, proxy, timeout_ms) \
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            settings.url,
            settings.legal_id,
            settings.public_key,
            settings.registry_key,
            settings.enrolled_at,
            settings.pinned_cert,
            settings.proxy,
            settings.timeout_ms
        ],
    )?;
    Ok(settings)
}

/// Every report in the outbox, in the order they were closed.
pub fn list(conn: &Connection) -> Result<Vec<OutboxRow>> {
    let mut stmt = conn.prepare(
        "SELECT o.report_id, r.period, o.state, o.attempts, o.next_attempt, o.last_error, o.receipt, \
                r.supersedes, r.content_hash, r.document \
           FROM outbox o JOIN report r ON r.report_id = o.report_id ORDER BY o.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, u32>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (
            id,
            period,
            state,
            attempts,
            next_attempt,
            last_error,
            receipt,
            supersedes,
            content_hash,
            document,
        ) = row?;
        let receipt = receipt.map(|r| serde_json::from_str::<Receipt>(&r)).transpose()?;
        let closed_at = serde_json::from_str::<protocol::ReportDocument>(&document)?.closed_at;
        out.push(OutboxRow {
            id,
            period,
            state: OutboxState::parse(&state),
            attempts,
            next_attempt,
            last_error,
            receipt,
            supersedes,
            content_hash,
            closed_at,
        });
    }
    Ok(out)
}

/// A pending report, as a pass needs it.
#[derive(Debug)]
struct Pending {
    id: String,
    period: String,
    next_attempt: String,
}

/// The pending reports in send order.
fn pending(conn: &Connection) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare(
        "SELECT o.report_id, r.period, o.next_attempt FROM outbox o JOIN report r ON r.report_id = o.report_id \
          WHERE o.state = 'pending' ORDER BY o.seq",
    )?;
    let rows =
        stmt.query_map([], |r| Ok(Pending { id: r.get(0)?, period: r.get(1)?, next_attempt: r.get(2)? }))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// A report's attempts, oldest first.
pub fn history(conn: &Connection, report_id: &str) -> Result<Vec<Attempt>> {
    let mut stmt = conn.prepare(
        "SELECT at, outcome, status, detail FROM outbox_attempt WHERE report_id = ?1 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([report_id], |r| {
        Ok(Attempt { at: r.get(0)?, outcome: r.get(1)?, status: r.get(2)?, detail: r.get(3)? })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Totals by state.
pub fn counts(conn: &Connection) -> Result<Counts> {
    let mut c = Counts::default();
    let mut stmt = conn.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    for row in rows {
        let (state, n) = row?;
        match OutboxState::parse(&state) {
            OutboxState::Sent => c.sent = n,
            OutboxState::Pending => c.pending = n,
            OutboxState::Parked => c.parked = n,
        }
    }
    Ok(c)
}

/// Puts a parked report back in the queue (after the person fixed what the registry refused).
pub fn requeue(store: &mut Store, author: &str, now: DateTime<Utc>, report_id: &str) -> Result<()> {
    store
        .write(author, now, |w| {
            let changed = w.conn().execute(
                "UPDATE outbox SET state = 'pending', next_attempt = ?2, updated_at = ?2 \
                  WHERE report_id = ?1 AND state = 'parked'",
                params![report_id, stamp(now)],
            )?;
            if changed == 0 {
                return Err(hamyar_store::StoreError::Refused(ErrorCode::NotFound));
            }
            log(w.conn(), report_id, now, "resent", None, &format!("put back in the queue by {author}"))?;
            Ok(())
        })
        .map_err(SyncError::from)
}

fn log(
    conn: &Connection,
    report_id: &str,
    now: DateTime<Utc>,
    outcome: &str,
    status: Option<u16>,
    detail: &str,
) -> hamyar_store::Result<()> {
    conn.execute(
        "INSERT INTO outbox_attempt (report_id, at, outcome, status, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![report_id, stamp(now), outcome, status, detail],
    )?;
    Ok(())
}

/// What happened to one report in a pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Receipt checked and kept (`already` when the registry had it before).
    Sent {
        /// The receipt.
        receipt: Receipt,
        /// The registry answered 200 (it had the report already) rather than 201.
        already: bool,
    },
    /// Try again after the backoff (or the registry's `Retry-After`).
    Retry {
        /// Why.
        failure: Failure,
    },
    /// Refused for good: a person must look.
    Parked {
        /// HTTP status, when there was one.
        status: Option<u16>,
        /// Why.
        reason: String,
    },
}

/// Records one report's outcome, in one transaction; a report already sent is never changed.
pub fn record(
    store: &mut Store,
    report_id: &str,
    outcome: &Outcome,
    backoff: &Backoff,
    now: DateTime<Utc>,
) -> Result<()> {
    store
        .write("sync", now, |w| {
            let conn = w.conn();
            let attempts: Option<u32> = conn
                .query_row(
                    "SELECT attempts FROM outbox WHERE report_id = ?1 AND state = 'pending'",
                    [report_id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(attempts) = attempts else { return Ok(()) };
            let attempts = attempts + 1;
            let at = stamp(now);
            match outcome {
                Outcome::Sent { receipt, already } => {
                    let json = serde_json::to_string(receipt)?;
                    conn.execute(
                        "UPDATE outbox SET state = 'sent', attempts = ?2, receipt = ?3, last_error = NULL, \
                                updated_at = ?4 WHERE report_id = ?1",
                        params![report_id, attempts, json, at],
                    )?;
                    let (kind, status) = if *already { ("already", 200) } else { ("sent", 201) };
                    log(conn, report_id, now, kind, Some(status), &format!("receipt {}", receipt.registry_id))?;
                }
                Outcome::Retry { failure } => {
                    let mut wait = backoff.delay(attempts, random_u64());
                    if let Failure::Problem { retry_after: Some(s), .. } = failure {
                        wait = wait.max(Duration::from_secs(*s));
                    }
                    let next = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
                    let detail = failure.describe();
                    conn.execute(
                        "UPDATE outbox SET attempts = ?2, next_attempt = ?3, last_error = ?4, updated_at = ?5 \
                          WHERE report_id = ?1",
                        params![report_id, attempts, stamp(next), detail, at],
                    )?;
                    let status = match failure {
                        Failure::Problem { status, .. } => Some(*status),
                        Failure::Transport(_) => None,
                    };
                    log(conn, report_id, now, "retry", status, &detail)?;
                }
                Outcome::Parked { status, reason } => {
                    conn.execute(
                        "UPDATE outbox SET state = 'parked', attempts = ?2, last_error = ?3, updated_at = ?4 \
                          WHERE report_id = ?1",
                        params![report_id, attempts, reason, at],
                    )?;
                    log(conn, report_id, now, "parked", *status, reason)?;
                }
            }
            Ok(())
        })
        .map_err(SyncError::from)
}

fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    // Without a random source the jitter is merely absent; the wait is still right.
    let _ = getrandom::fill(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// Judges the registry's answer to one upload.
pub fn judge(
    answer: std::result::Result<crate::client::Accepted, Failure>,
    report_id: &str,
    document: &[u8],
    registry_key: &str,
) -> Outcome {
    match answer {
        Ok(accepted) => {
            let r = &accepted.receipt;
            if r.report_id != report_id {
                Outcome::Parked {
                    status: Some(accepted.status),
                    reason: "the receipt names another report".into(),
                }
            } else if r.content_hash != protocol::content_hash(document) {
                Outcome::Parked {
                    status: Some(accepted.status),
                    reason: "the receipt's content hash is not this report's".into(),
                }
            } else if !r.verify(registry_key) {
                Outcome::Parked {
                    status: Some(accepted.status),
                    reason: "the receipt is not signed by the enrolled registry".into(),
                }
            } else {
                Outcome::Sent { receipt: accepted.receipt, already: accepted.status == 200 }
            }
        }
        Err(failure) if failure.is_transient() => Outcome::Retry { failure },
        Err(failure) => {
            let status = match &failure {
                Failure::Problem { status, .. } => Some(*status),
                Failure::Transport(_) => None,
            };
            Outcome::Parked { status, reason: failure.describe() }
        }
    }
}

/// Access to the ledger for a pass that must not hold it while it waits on the network (the
/// desktop keeps the store behind a lock that the window also needs).
pub trait Ledger {
    /// Runs `f` with the store.
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T>;
}

impl Ledger for std::cell::RefCell<Store> {
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        f(&mut self.borrow_mut())
    }
}

/// One pass: sends the pending reports that are due (all of them when `force`), in order,
/// stopping at the first that must wait. Never an error for the registry being away: that is
/// a pending report with its next attempt written down.
pub fn run_once<L: Ledger>(
    ledger: &L,
    data_dir: &Path,
    options: &SendOptions,
    now: impl Fn() -> DateTime<Utc>,
    mut progress: impl FnMut(&Progress),
) -> Result<PassResult> {
    let plan = ledger.with_store(|store| Ok((settings(store.conn())?, pending(store.conn())?)))?;
    let (settings, pending) = plan;
    let mut result = PassResult {
        counts: Counts::default(),
        sent_now: 0,
        stopped: None,
        clock_skew_seconds: None,
        next_attempt: None,
    };
    let finish = |mut result: PassResult| -> Result<PassResult> {
        ledger.with_store(|store| {
            result.counts = counts(store.conn())?;
            result.next_attempt = store.conn().query_row(
                "SELECT MIN(next_attempt) FROM outbox WHERE state = 'pending'",
                [],
                |r| r.get(0),
            )?;
            Ok(result)
        })
    };
    let now_at_start = now();
    let due: Vec<Pending> = if options.force {
        pending
    } else {
        pending
            .into_iter()
            .take_while(|r| {
                DateTime::parse_from_rfc3339(&r.next_attempt)
                    .map(|t| t.with_timezone(&Utc) <= now_at_start)
                    .unwrap_or(true)
            })
            .collect()
    };
    if due.is_empty() {
        return finish(result);
    }
    let key = keys::load(data_dir)?;
    let (Some(settings), Some(key)) = (settings, key) else {
        result.stopped = Some(ErrorCode::NotEnrolled);
        return finish(result);
    };
    if key.public_hex() != settings.public_key {
        // The key file is not the one enrolled (a restored ledger on another computer, say).
        result.stopped = Some(ErrorCode::NotEnrolled);
        return finish(result);
    }
    let registry = Registry::new(&settings.endpoint())?;
    let first = &due[0];
    match registry.health() {
        Ok(health) => {
            if let Ok(theirs) = DateTime::parse_from_rfc3339(&health.time) {
                let skew = theirs.with_timezone(&Utc).signed_duration_since(now()).num_seconds();
                result.clock_skew_seconds = Some(skew);
                if skew.unsigned_abs() > CLOCK_TOLERANCE.as_secs() && !options.ignore_clock {
                    result.stopped = Some(ErrorCode::ClockSkew);
                    return finish(result);
                }
            }
        }
        Err(failure) => {
            let outcome = Outcome::Retry { failure };
            ledger.with_store(|store| record(store, &first.id, &outcome, &options.backoff, now()))?;
            result.stopped = Some(ErrorCode::RegistryUnreachable);
            return finish(result);
        }
    }
    let total = u32::try_from(due.len()).unwrap_or(u32::MAX);
    for (done, row) in due.iter().enumerate() {
        progress(&Progress {
            done: u32::try_from(done).unwrap_or(u32::MAX),
            total,
            report_id: row.id.clone(),
            period: row.period.clone(),
        });
        let document = ledger.with_store(|store| report::document(store.conn(), &row.id))?;
        let answer = registry.upload(&row.id, &document, &key);
        let outcome = judge(answer, &row.id, &document, &settings.registry_key);
        ledger.with_store(|store| record(store, &row.id, &outcome, &options.backoff, now()))?;
        match outcome {
            Outcome::Sent { .. } => result.sent_now += 1,
            Outcome::Retry { .. } => {
                result.stopped = Some(ErrorCode::RegistryUnreachable);
                break;
            }
            Outcome::Parked { .. } => {}
        }
    }
    progress(&Progress { done: total, total, report_id: String::new(), period: String::new() });
    finish(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_stays_within_half_and_all_and_is_capped() {
        let b = Backoff { base: Duration::from_secs(30), cap: Duration::from_secs(3600) };
        for (n, full) in [(1u32, 30_000u64), (2, 60_000), (3, 120_000), (8, 3_600_000), (40, 3_600_000)] {
            for random in [0u64, 1, 12_345, u64::MAX] {
                let d = u64::try_from(b.delay(n, random).as_millis()).expect("fits");
                assert!(d >= full / 2 && d <= full, "attempt {n}: {d} not within [{}, {full}]", full / 2);
            }
        }
        assert_eq!(b.delay(1, 0), Duration::from_millis(15_000));
        assert_eq!(Backoff { base: Duration::ZERO, cap: Duration::ZERO }.delay(5, 99), Duration::ZERO);
    }
}
