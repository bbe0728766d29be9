//! Use cases of the share ledger (دفتر سهام): check and record entries, statements, the register.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::shares::{
    self as rules, CapPreview, Holding, Judged, PlannedEntry, RecordedEntry, ShareAction, ShareEntryKind,
    ShareLine,
};
use hamyar_core::{ErrorCode, IpcError};
use rusqlite::{Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::members::{self, Member, MemberRow};
use crate::projection::{enum_from_text, statute};
use crate::{Result, Store, StoreError, Writer};

/// What checking an entry before recording it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ShareCheck {
    /// The refusal, when the entry would be refused.
    pub error: Option<IpcError>,
    /// Non-blocking notes.
    pub warnings: Vec<ErrorCode>,
    /// The member's percent of the capital against the cap, after the entry.
    pub preview: Option<CapPreview>,
}

/// A recorded entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecordedShareEntry {
    /// The entry's id (its event id).
    pub entry_id: String,
    /// Its kind.
    pub kind: ShareEntryKind,
    /// Its per-member lines.
    pub lines: Vec<ShareLine>,
    /// Non-blocking notes.
    pub warnings: Vec<ErrorCode>,
}

/// Judges an action against the facts in `conn` and the statute in force on its date.
fn plan(conn: &Connection, now: DateTime<Utc>, action: &ShareAction) -> Result<(PlannedEntry, Option<u32>)> {
    let today = tehran_date(now);
    let member = |no: u32| -> Result<hamyar_core::shares::MemberFacts> {
        members::facts(conn, no)?.ok_or_else(|| StoreError::Rule {
            code: ErrorCode::UnknownMember,
            details: hamyar_core::ErrorDetails { membership_no: Some(no), ..Default::default() },
        })
    };
    let statute_on = |date: NaiveDate| -> Result<hamyar_core::statute::StatuteVersion> {
        statute::in_force(conn, date)?.ok_or(StoreError::Refused(ErrorCode::StatuteNotSet))
    };
    // The cooperative's totals scan the whole share ledger: only the rules that weigh a member
    // against the cap ask for them (a payment, a refund or a reversal does not).
    let ledger = || members::ledger_facts(conn);
    let planned = match action {
        ShareAction::Subscribe { membership_no, shares, date } => {
            let date = rules::action_date(date, today)?;
            let (m, s) = (member(*membership_no)?, statute_on(date)?);
            let j = Judged { statute: &s.values, today, ledger: ledger()? };
            (rules::plan_new_shares(*membership_no, *shares, date, None, &m, &j)?, Some(s.version))
        }
        ShareAction::Capitalise { membership_no, shares, date, resolution } => {
            let date = rules::action_date(date, today)?;
            let (m, s) = (member(*membership_no)?, statute_on(date)?);
            let j = Judged { statute: &s.values, today, ledger: ledger()? };
            (
                rules::plan_new_shares(*membership_no, *shares, date, Some(resolution), &m, &j)?,
                Some(s.version),
            )
        }
        ShareAction::Pay { membership_no, amount, date } => {
            let date = rules::action_date(date, today)?;
            let version = statute::in_force(conn, date)?.map(|s| s.version);
            (rules::plan_payment(*membership_no, amount, date, &member(*membership_no)?)?, version)
        }
        ShareAction::Transfer { membership_no, to_member, shares, date, resolution } => {
            let date = rules::action_date(date, today)?;
            let (from, s) = (member(*membership_no)?, statute_on(date)?);
            let to = members::facts(conn, *to_member)?;
            let j = Judged { statute: &s.values, today, ledger: ledger()? };
            let planned = rules::plan_transfer(
                (*membership_no, &from),
                (*to_member, to.as_ref()),
                *shares,
                date,
                resolution,
                &j,
            )?;
            (planned, Some(s.version))
        }
        ShareAction::Refund { membership_no, shares, date } => {
            let date = rules::action_date(date, today)?;
            let (m, s) = (member(*membership_no)?, statute_on(date)?);
            (rules::plan_refund(*membership_no, *shares, date, &m, &s.values)?, Some(s.version))
        }
        ShareAction::Reverse { entry, reason } => {
            let recorded = recorded_entry(conn, entry)?;
            // Read every holding the reversal touches first, so a read error is an error, not a zero.
            let mut held = std::collections::HashMap::new();
            for line in recorded.iter().flat_map(|r| r.lines.iter()) {
                held.insert(line.membership_no, members::holding(conn, line.membership_no)?);
            }
            let holding_of = |no| held.get(&no).copied().unwrap_or_default();
            (rules::plan_reversal(entry, recorded.as_ref(), reason, today, holding_of)?, None)
        }
    };
    // Nothing new is dated inside a closed period (a reversal is dated today, after it).
    crate::year::ensure_open(conn, planned.0.entry.date)?;
    Ok(planned)
}

fn recorded_entry(conn: &Connection, id: &str) -> Result<Option<RecordedEntry>> {
    let head: Option<(String, Option<String>)> = conn
        .query_row("SELECT kind, reversed_by FROM share_entry WHERE event_id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((kind, reversed_by)) = head else { return Ok(None) };
    let mut stmt = conn.prepare(
        "SELECT membership_no, shares, subscribed, paid, counterparty FROM share_line WHERE event_id = ?1 ORDER BY line_no",
    )?;
    let lines = stmt
        .query_map([id], |r| {
            Ok(ShareLine {
                membership_no: r.get(0)?,
                shares: r.get(1)?,
                subscribed: r.get(2)?,
                paid: r.get(3)?,
                counterparty: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(RecordedEntry { kind: enum_from_text(kind)?, lines, reversed: reversed_by.is_some() }))
}

/// Checks an entry without recording it: the refusal it would meet, its warnings and cap preview.
pub fn check(store: &Store, now: DateTime<Utc>, action: &ShareAction) -> Result<ShareCheck> {
    match plan(store.conn(), now, action) {
        Ok((p, _)) => Ok(ShareCheck { error: None, warnings: p.warnings, preview: p.preview }),
        Err(e @ (StoreError::Invalid(_) | StoreError::Rule { .. } | StoreError::Refused(_))) => {
            Ok(ShareCheck { error: Some(e.to_ipc()), warnings: Vec::new(), preview: None })
        }
        Err(other) => Err(other),
    }
}

/// Records an entry as one `share.*` event, judged inside the same transaction.
pub fn record(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    action: &ShareAction,
) -> Result<RecordedShareEntry> {
    store.write(author, now, |w| record_in(w, action))
}

/// [`record`], inside a transaction already open.
pub fn record_in(w: &mut Writer<'_>, action: &ShareAction) -> Result<RecordedShareEntry> {
    let (planned, version) = plan(w.conn(), w.now(), action)?;
    let lines = planned.entry.lines.clone();
    let entry = w.append_judged(&Event::share(planned.kind, planned.entry), version)?;
    Ok(RecordedShareEntry { entry_id: entry.id, kind: planned.kind, lines, warnings: planned.warnings })
}

/// Records one capitalisation entry for many members (`grants`: member and new shares), judged
/// as a whole; used by the approval of a year's distribution.
pub fn record_capitalisation_in(
    w: &mut Writer<'_>,
    date: NaiveDate,
    resolution: &str,
    grants: &[(u32, u32)],
) -> Result<RecordedShareEntry> {
    let conn = w.conn();
    crate::year::ensure_open(conn, date)?;
    let statute = statute::in_force(conn, date)?.ok_or(StoreError::Refused(ErrorCode::StatuteNotSet))?;
    let mut facts = Vec::with_capacity(grants.len());
    for &(no, shares) in grants {
        let m = members::facts(conn, no)?.ok_or_else(|| StoreError::Rule {
            code: ErrorCode::UnknownMember,
            details: hamyar_core::ErrorDetails { membership_no: Some(no), ..Default::default() },
        })?;
        facts.push((no, shares, m));
    }
    let j = Judged {
        statute: &statute.values,
        today: tehran_date(w.now()),
        ledger: members::ledger_facts(conn)?,
    };
    let planned = rules::plan_capitalisation(&facts, date, resolution, &j)?;
    let lines = planned.entry.lines.clone();
    let entry = w.append_judged(&Event::share(planned.kind, planned.entry), Some(statute.version))?;
    Ok(RecordedShareEntry { entry_id: entry.id, kind: planned.kind, lines, warnings: planned.warnings })
}

/// One line of a member's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StatementLine {
    /// The entry.
    pub entry_id: String,
    /// Its kind.
    pub kind: ShareEntryKind,
    /// Its date.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The change for this member.
    pub line: ShareLine,
    /// Resolution reference.
    pub resolution: Option<String>,
    /// The entry this one reverses.
    pub reverses: Option<String>,
    /// The entry that reversed this one.
    pub reversed_by: Option<String>,
    /// Refund due date.
    #[ts(type = "string | null")]
    pub due_date: Option<NaiveDate>,
}

/// A member's share statement (صورت‌حساب سهام).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Statement {
    /// The member.
    pub member: Member,
    /// What they hold now.
    pub holding: Holding,
    /// Rials still owed.
    #[ts(type = "string")]
    pub unpaid: Decimal,
    /// Percent of the subscribed capital.
    #[ts(type = "string")]
    pub percent: Decimal,
    /// Every entry that touched them, in date order.
    pub entries: Vec<StatementLine>,
}

/// A member's statement.
pub fn statement(store: &Store, no: u32) -> Result<Statement> {
    let conn = store.conn();
    let member = members::get(conn, no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
    let holding = members::holding(conn, no)?;
    let total = members::ledger_facts(conn)?.total_subscribed;
    let mut stmt = conn.prepare(
        "SELECT e.event_id, e.kind, e.date, l.membership_no, l.shares, l.subscribed, l.paid, l.counterparty, \
         e.resolution, e.reverses, e.reversed_by, e.due_date FROM share_line l \
         JOIN share_entry e ON e.event_id = l.event_id JOIN journal j ON j.id = e.event_id \
         WHERE l.membership_no = ?1 ORDER BY e.date, j.hlc, l.line_no",
    )?;
    let entries = stmt
        .query_map([no], |r| {
            let date: String = r.get(2)?;
            let due: Option<String> = r.get(11)?;
            Ok(StatementLine {
                entry_id: r.get(0)?,
                kind: enum_from_text(r.get(1)?)?,
                date: date.parse().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
                })?,
                line: ShareLine {
                    membership_no: r.get(3)?,
                    shares: r.get(4)?,
                    subscribed: r.get(5)?,
                    paid: r.get(6)?,
                    counterparty: r.get(7)?,
                },
                resolution: r.get(8)?,
                reverses: r.get(9)?,
                reversed_by: r.get(10)?,
                due_date: due.and_then(|d| d.parse().ok()),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Statement {
        member,
        holding,
        unpaid: Decimal::from(holding.unpaid()),
        percent: rules::percent(holding.subscribed, total),
        entries,
    })
}

/// The share register (دفتر سهام): every member's holding and the cooperative's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Register {
    /// One row per member.
    pub rows: Vec<MemberRow>,
    /// The cooperative's totals.
    pub totals: Holding,
    /// Rials still owed in all.
    #[ts(type = "string")]
    pub unpaid: Decimal,
}

/// The register.
pub fn register(store: &Store) -> Result<Register> {
    let rows = members::list(store)?;
    let totals = rows.iter().fold(Holding::default(), |t, r| Holding {
        shares: t.shares + r.holding.shares,
        subscribed: t.subscribed + r.holding.subscribed,
        paid: t.paid + r.holding.paid,
    });
    Ok(Register { rows, totals, unpaid: Decimal::from(totals.unpaid()) })
}
