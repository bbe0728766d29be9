//! `hamyar-cli report|enrol|sync|outbox|export-package`: period reports and their way to the
//! national registry, through the same `hamyar-sync` functions the desktop app uses.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use hamyar_core::ErrorCode;
use hamyar_store::{ExitClass, Store};
use hamyar_sync::outbox::{self, Backoff, EnrolInput, OutboxRow, OutboxState, SendOptions};
use hamyar_sync::{SyncError, report};
use serde::Serialize;

use crate::commands::{Failure, Output, author, output};

impl From<SyncError> for Failure {
    fn from(e: SyncError) -> Self {
        let class = match &e {
            SyncError::Store(s) => s.exit_class(),
            SyncError::Registry { .. } => ExitClass::Rejected,
            SyncError::Unreachable(_) => ExitClass::Other,
        };
        Self { error: Box::new(e.to_ipc()), class }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum ReportCommand {
    /// Preview a period's summary (1404-Q1 or 1403) without writing anything.
    Build {
        /// The period.
        #[arg(long)]
        period: String,
    },
    /// Close a period: write its report and outbox row together (sending is `sync`).
    Close {
        /// The period.
        #[arg(long)]
        period: String,
    },
    /// Every closed report, newest first.
    List,
}

#[derive(Debug, clap::Subcommand)]
pub enum OutboxCommand {
    /// Every report in the outbox, in the order closed.
    List,
    /// One report's attempts.
    History {
        /// The report id.
        #[arg(long)]
        id: String,
    },
    /// Put a parked report back in the queue.
    Requeue {
        /// The report id.
        #[arg(long)]
        id: String,
    },
}

/// `enrol` options.
#[derive(Debug, clap::Args)]
pub struct EnrolArgs {
    /// The registry's address (https, or http to this computer).
    #[arg(long)]
    registry: String,
    /// The one-time enrolment code the registry issued.
    #[arg(long)]
    code: String,
    /// A PEM certificate to trust instead of the system's roots.
    #[arg(long, value_name = "FILE")]
    pinned_cert: Option<PathBuf>,
    /// A proxy URL (else HTTPS_PROXY / NO_PROXY are honoured).
    #[arg(long)]
    proxy: Option<String>,
    /// Per-request timeout in milliseconds.
    #[arg(long)]
    timeout_ms: Option<u32>,
}

/// `sync` options.
#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// One pass, then exit (exit 0 even when the registry is down: the reports wait).
    #[arg(long)]
    once: bool,
    /// Send every pending report now, whatever its next attempt.
    #[arg(long)]
    force: bool,
    /// Send even when this computer's clock is far from the registry's.
    #[arg(long)]
    ignore_clock: bool,
}

fn data_dir_of(store: &Store) -> PathBuf {
    store.path().parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// `report build|close|list`.
pub fn report_cmd(store: &mut Store, c: &ReportCommand) -> Result<Output, Failure> {
    match c {
        ReportCommand::Build { period } => {
            let today = hamyar_core::clock::tehran_date(Utc::now());
            let preview = report::preview(store.conn(), period, today)?;
            let human = serde_json::to_string_pretty(&preview.summary).unwrap_or_default();
            output(&preview, human)
        }
        ReportCommand::Close { period } => {
            let info = report::close(store, &author(), Utc::now(), period)?;
            let human = format!("closed {} as report {} ({})", info.period, info.id, info.content_hash);
            output(&info, human)
        }
        ReportCommand::List => {
            let list = report::list(store.conn())?;
            let human =
                list.iter().map(|r| format!("{}  {}  {}", r.period, r.id, r.closed_at)).collect::<Vec<_>>();
            output(&list, human.join("\n"))
        }
    }
}

/// `enrol --registry URL --code CODE`.
pub fn enrol(store: &mut Store, a: &EnrolArgs) -> Result<Output, Failure> {
    let pinned_cert =
        a.pinned_cert.as_ref().map(std::fs::read_to_string).transpose().map_err(SyncError::from)?;
    let input = EnrolInput {
        url: a.registry.clone(),
        code: a.code.clone(),
        pinned_cert,
        proxy: a.proxy.clone(),
        timeout_ms: a.timeout_ms,
    };
    let dir = data_dir_of(store);
    let settings = outbox::enrol(store, &dir, &input)?;
    let human = format!("enrolled {} with {} (key {})", settings.legal_id, settings.url, settings.public_key);
    output(&settings, human)
}

/// `sync [--once]`: passes until nothing pending is due (or one pass with `--once`).
pub fn sync(store: Store, a: &SyncArgs) -> Result<Output, Failure> {
    let dir = data_dir_of(&store);
    let ledger = RefCell::new(store);
    let options = SendOptions { force: a.force, ignore_clock: a.ignore_clock, backoff: Backoff::from_env() };
    loop {
        let result = outbox::run_once(&ledger, &dir, &options, Utc::now, |p| {
            if p.total > 0 && !p.period.is_empty() {
                eprintln!("sending {} of {}: {}", p.done + 1, p.total, p.period);
            }
        })?;
        let waiting = result.counts.pending > 0;
        let can_wait = matches!(result.stopped, None | Some(ErrorCode::RegistryUnreachable));
        if a.once || !waiting || !can_wait {
            let human = format!(
                "sent {}, pending {}, parked {}{}",
                result.counts.sent,
                result.counts.pending,
                result.counts.parked,
                result.stopped.map(|c| format!(" — stopped: {}", c.english())).unwrap_or_default()
            );
            return output(&result, human);
        }
        let wait = result
            .next_attempt
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc).signed_duration_since(Utc::now()))
            .and_then(|d| d.to_std().ok())
            .unwrap_or(Duration::from_millis(200));
        std::thread::sleep(wait.max(Duration::from_millis(50)));
    }
}

#[derive(Serialize)]
struct OutboxLine<'a> {
    id: &'a str,
    period: &'a str,
    state: OutboxState,
    receipt: Option<&'a hamyar_core::protocol::Receipt>,
    attempts: u32,
    next_attempt: &'a str,
    last_error: Option<&'a str>,
    supersedes: Option<&'a str>,
    content_hash: &'a str,
}

/// `outbox list|history|requeue`.
pub fn outbox_cmd(store: &mut Store, c: &OutboxCommand) -> Result<Output, Failure> {
    match c {
        OutboxCommand::List => {
            let rows = outbox::list(store.conn())?;
            let lines: Vec<OutboxLine<'_>> = rows.iter().map(line).collect();
            let human = rows
                .iter()
                .map(|r| {
                    let state = serde_json::to_value(r.state).map(|v| v.to_string()).unwrap_or_default();
                    let extra = match (&r.receipt, &r.last_error) {
                        (Some(rc), _) => rc.registry_id.clone(),
                        (None, Some(e)) => e.clone(),
                        _ => String::new(),
                    };
                    format!("{}  {}  {}  {extra}", r.period, r.id, state.trim_matches('"'))
                })
                .collect::<Vec<_>>();
            output(&lines, human.join("\n"))
        }
        OutboxCommand::History { id } => {
            let h = outbox::history(store.conn(), id)?;
            let human =
                h.iter().map(|a| format!("{}  {}  {}", a.at, a.outcome, a.detail)).collect::<Vec<_>>();
            output(&h, human.join("\n"))
        }
        OutboxCommand::Requeue { id } => {
            outbox::requeue(store, &author(), Utc::now(), id)?;
            output(&serde_json::json!({ "requeued": id }), format!("{id} is pending again"))
        }
    }
}

fn line(r: &OutboxRow) -> OutboxLine<'_> {
    OutboxLine {
        id: &r.id,
        period: &r.period,
        state: r.state,
        receipt: r.receipt.as_ref(),
        attempts: r.attempts,
        next_attempt: &r.next_attempt,
        last_error: r.last_error.as_deref(),
        supersedes: r.supersedes.as_deref(),
        content_hash: &r.content_hash,
    }
}

/// `export-package --period P --to DIR [--report ID]`: the period's newest report (or the one
/// named), with sheets per module and a checklist, for manual upload.
pub fn export_package(
    store: &Store,
    period: &str,
    to: &Path,
    report_id: Option<&str>,
) -> Result<Output, Failure> {
    let conn = store.conn();
    let span = report::span(conn, period)?;
    let id = match report_id {
        Some(id) => id.to_owned(),
        None => report::list(conn)?
            .into_iter()
            .find(|r| r.period == span.label)
            .map(|r| r.id)
            .ok_or_else(|| Failure::from(SyncError::from(ErrorCode::NotFound)))?,
    };
    let files = report::export_package(conn, &id, to)?;
    let human = files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n");
    output(&files, human)
}
