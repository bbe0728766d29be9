//! Use cases of the member register (دفتر ثبت اعضا): admit, correct, activate, warn, exit, read.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::{Event, MemberAdmission, MemberDated, MemberUpdate, MemberWarning};
use hamyar_core::member::{
    self as rules, ExitContext, ExitInput, ExitReason, MemberData, MemberInput, MemberStatus,
};
use hamyar_core::profile::CooperativeKind;
use hamyar_core::shares::{Holding, LedgerFacts, MemberFacts, percent};
use hamyar_core::statute::StatuteValues;
use hamyar_core::text::normalize_text;
use hamyar_core::{ErrorCode, Field, FieldError};
use rusqlite::{Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use crate::projection::{enum_from_text, profile, statute};
use crate::{Result, Store, StoreError, Writer};

/// A member as the register shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Member {
    /// Membership number (شماره عضویت).
    pub membership_no: u32,
    /// Where the member stands.
    pub status: MemberStatus,
    /// Joining date.
    #[ts(type = "string")]
    pub joined: NaiveDate,
    /// Exit date, once left.
    #[ts(type = "string | null")]
    pub exit_date: Option<NaiveDate>,
    /// Why they left.
    pub exit_reason: Option<ExitReason>,
    /// Name as shown in lists and documents.
    pub display_name: String,
    /// Particulars.
    #[serde(flatten)]
    pub data: MemberData,
    /// When the record last changed (RFC 3339 UTC).
    pub updated_at: String,
    /// The event that last changed it.
    pub event_id: String,
}

/// A register row: the member and what they hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MemberRow {
    /// The member.
    pub member: Member,
    /// Shares and rials held.
    pub holding: Holding,
    /// Rials still owed.
    #[ts(type = "string")]
    pub unpaid: Decimal,
    /// Percent of the subscribed capital (2 decimals).
    #[ts(type = "string")]
    pub percent: Decimal,
    /// While something is owed: the day the rest falls due (first subscription + the statute's months).
    #[ts(type = "string | null")]
    pub unpaid_due: Option<NaiveDate>,
}

const MEMBER_COLUMNS: &str = "m.membership_no, m.status, m.joined, m.exit_date, m.exit_reason, m.particulars, m.updated_at, m.event_id";

fn conversion(i: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn member_from_row(r: &Row<'_>) -> rusqlite::Result<Member> {
    let joined: String = r.get(2)?;
    let exit_date: Option<String> = r.get(3)?;
    let particulars: String = r.get(5)?;
    let data: MemberData = serde_json::from_str(&particulars).map_err(|e| conversion(5, e))?;
    Ok(Member {
        membership_no: r.get(0)?,
        status: enum_from_text(r.get(1)?)?,
        joined: joined.parse().map_err(|e| conversion(2, e))?,
        exit_date: exit_date.map(|d| d.parse()).transpose().map_err(|e| conversion(3, e))?,
        exit_reason: r.get::<_, Option<String>>(4)?.map(enum_from_text).transpose()?,
        display_name: data.display_name(),
        data,
        updated_at: r.get(6)?,
        event_id: r.get(7)?,
    })
}

/// One member, if the number exists.
pub fn get(conn: &Connection, no: u32) -> Result<Option<Member>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} FROM member m WHERE m.membership_no = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([no], member_from_row).optional()?)
}

/// A member's current holding (zero when they hold nothing).
pub fn holding(conn: &Connection, no: u32) -> Result<Holding> {
    Ok(conn
        .prepare_cached(
            "SELECT COALESCE(SUM(shares), 0), COALESCE(SUM(subscribed), 0), COALESCE(SUM(paid), 0) \
             FROM share_line WHERE membership_no = ?1",
        )?
        .query_row([no], |r| Ok(Holding { shares: r.get(0)?, subscribed: r.get(1)?, paid: r.get(2)? }))?)
}

/// The cooperative's subscribed capital and how many members hold shares.
pub fn ledger_facts(conn: &Connection) -> Result<LedgerFacts> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(subscribed), 0), \
         (SELECT COUNT(*) FROM (SELECT 1 FROM share_line GROUP BY membership_no HAVING SUM(shares) > 0)) \
         FROM share_line",
        [],
        |r| Ok(LedgerFacts { total_subscribed: r.get(0)?, shareholders: r.get(1)? }),
    )?)
}

/// What the share rules need to know about a member.
pub fn facts(conn: &Connection, no: u32) -> Result<Option<MemberFacts>> {
    let Some(m) = get(conn, no)? else { return Ok(None) };
    Ok(Some(MemberFacts { status: m.status, joined: m.joined, holding: holding(conn, no)? }))
}

/// The whole register with holdings, by membership number.
pub fn list(store: &Store) -> Result<Vec<MemberRow>> {
    let conn = store.conn();
    let total = ledger_facts(conn)?.total_subscribed;
    let today = tehran_date(Utc::now());
    let months = statute_or_default(conn, today)?.0.unpaid_deadline_months;
    let sql = format!(
        "SELECT {MEMBER_COLUMNS}, COALESCE(h.shares, 0), COALESCE(h.subscribed, 0), COALESCE(h.paid, 0),          f.first_subscription FROM member m          LEFT JOIN (SELECT membership_no, SUM(shares) AS shares, SUM(subscribed) AS subscribed, SUM(paid) AS paid                     FROM share_line GROUP BY membership_no) h ON h.membership_no = m.membership_no          LEFT JOIN (SELECT l.membership_no, MIN(e.date) AS first_subscription FROM share_line l                     JOIN share_entry e ON e.event_id = l.event_id                     WHERE e.kind = 'subscribe' AND e.reversed_by IS NULL GROUP BY l.membership_no) f                     ON f.membership_no = m.membership_no          ORDER BY m.membership_no"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        let member = member_from_row(r)?;
        let holding = Holding { shares: r.get(8)?, subscribed: r.get(9)?, paid: r.get(10)? };
        let first: Option<String> = r.get(11)?;
        let unpaid_due = first
            .and_then(|d| d.parse::<NaiveDate>().ok())
            .filter(|_| holding.unpaid() > 0)
            .and_then(|d| d.checked_add_months(chrono::Months::new(months)));
        Ok(MemberRow {
            member,
            holding,
            unpaid: Decimal::from(holding.unpaid()),
            percent: percent(holding.subscribed, total),
            unpaid_due,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The statute in force on `date`, or the law's defaults before one is recorded.
pub(crate) fn statute_or_default(conn: &Connection, date: NaiveDate) -> Result<(StatuteValues, Option<u32>)> {
    Ok(match statute::in_force(conn, date)? {
        Some(v) => (v.values, Some(v.version)),
        None => (StatuteValues::default(), None),
    })
}

fn duplicates(conn: &Connection, data: &MemberData, except: Option<u32>) -> Result<Vec<FieldError>> {
    let mut found = Vec::new();
    let taken = |column: &str, value: &Option<String>| -> Result<bool> {
        let Some(v) = value else { return Ok(false) };
        let sql = format!("SELECT membership_no FROM member WHERE {column} = ?1");
        let other: Option<u32> = conn.prepare_cached(&sql)?.query_row([v], |r| r.get(0)).optional()?;
        Ok(other.is_some_and(|no| Some(no) != except))
    };
    if taken("national_code", &data.national_code)? {
        found.push(FieldError { field: Field::NationalCode, code: ErrorCode::DuplicateNationalCode });
    }
    if taken("legal_id", &data.legal_id)? {
        found.push(FieldError { field: Field::LegalId, code: ErrorCode::DuplicateLegalId });
    }
    Ok(found)
}

/// Checks a member form (fields and duplicates) without saving.
pub fn check(
    store: &Store,
    now: DateTime<Utc>,
    input: &MemberInput,
    except: Option<u32>,
) -> Result<Vec<FieldError>> {
    match rules::validate(input, tehran_date(now)) {
        Ok(valid) => duplicates(store.conn(), &valid.data, except),
        Err(errors) => Ok(errors),
    }
}

/// Admits a member (or registers an applicant) with the next membership number.
pub fn add(store: &mut Store, author: &str, now: DateTime<Utc>, input: &MemberInput) -> Result<Member> {
    store.write(author, now, |w| add_in(w, input))
}

/// [`add`], inside a transaction already open (one user action that touches several modules).
pub fn add_in(w: &mut Writer<'_>, input: &MemberInput) -> Result<Member> {
    let valid = rules::validate(input, tehran_date(w.now())).map_err(StoreError::Invalid)?;
    let dup = duplicates(w.conn(), &valid.data, None)?;
    if !dup.is_empty() {
        return Err(StoreError::Invalid(dup));
    }
    let no: u32 = w
        .conn()
        .prepare_cached("SELECT COALESCE(MAX(membership_no), 0) + 1 FROM member")?
        .query_row([], |r| r.get(0))?;
    crate::year::ensure_open(w.conn(), valid.joined)?;
    let (_, version) = statute_or_default(w.conn(), valid.joined)?;
    let status = if valid.applicant { MemberStatus::Applicant } else { MemberStatus::Active };
    let admission = MemberAdmission { membership_no: no, joined: valid.joined, status, data: valid.data };
    w.append_judged(&Event::MemberAdmitted(admission), version)?;
    get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))
}

/// Corrects a member's particulars (the joining date and status are not changed here).
pub fn update(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    no: u32,
    input: &MemberInput,
) -> Result<Member> {
    let valid = rules::validate(input, tehran_date(now)).map_err(StoreError::Invalid)?;
    store.write(author, now, |w| {
        let current = get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
        let dup = duplicates(w.conn(), &valid.data, Some(no))?;
        if !dup.is_empty() {
            return Err(StoreError::Invalid(dup));
        }
        if current.data == valid.data {
            return Ok(current);
        }
        w.append(&Event::MemberUpdated(MemberUpdate { membership_no: no, data: valid.data }))?;
        get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))
    })
}

fn day(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    match hamyar_core::jalali::parse_date(text) {
        Ok(d) if d > today => {
            Err(StoreError::Invalid(vec![FieldError { field: Field::Date, code: ErrorCode::DateInFuture }]))
        }
        Ok(d) => Ok(d),
        Err(code) => Err(StoreError::Invalid(vec![FieldError { field: Field::Date, code }])),
    }
}

/// Admits an applicant by the board's decision.
pub fn activate(store: &mut Store, author: &str, now: DateTime<Utc>, no: u32, date: &str) -> Result<Member> {
    store.write(author, now, |w| activate_in(w, no, date))
}

/// [`activate`], inside a transaction already open (a member sheet's admitted applicants).
pub fn activate_in(w: &mut Writer<'_>, no: u32, date: &str) -> Result<Member> {
    let date = day(date, tehran_date(w.now()))?;
    let m = get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
    if m.status != MemberStatus::Applicant {
        return Err(StoreError::Refused(ErrorCode::MemberNotActive));
    }
    crate::year::ensure_open(w.conn(), date)?;
    w.append(&Event::MemberActivated(MemberDated { membership_no: no, date }))?;
    get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))
}

/// Records a written warning from the board (the first step towards an expulsion).
pub fn warn(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    no: u32,
    date: &str,
    note: &str,
) -> Result<()> {
    let date = day(date, tehran_date(now))?;
    let note = normalize_text(note);
    if note.is_empty() {
        return Err(StoreError::Invalid(vec![FieldError {
            field: Field::Reason,
            code: ErrorCode::Required,
        }]));
    }
    store.write(author, now, |w| {
        let m = get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
        if m.status.has_exited() {
            return Err(StoreError::Refused(ErrorCode::MemberAlreadyExited));
        }
        w.append(&Event::MemberWarned(MemberWarning { membership_no: no, date, note }))?;
        Ok(())
    })
}

/// Records a member's exit after checking the statute's timers.
pub fn exit(store: &mut Store, author: &str, now: DateTime<Utc>, input: &ExitInput) -> Result<Member> {
    let today = tehran_date(now);
    store.write(author, now, |w| {
        let conn = w.conn();
        let no = input.membership_no;
        let m = get(conn, no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
        let production = profile::read(conn)?.is_none_or(|p| p.data.kind == CooperativeKind::Production);
        let warnings = warning_dates(conn, no)?;
        let ctx = ExitContext {
            status: m.status,
            joined: m.joined,
            specialist: m.data.specialist,
            production_cooperative: production,
            warnings,
        };
        let judged_on = hamyar_core::jalali::parse_date(&input.date).unwrap_or(today);
        let (statute, version) = statute_or_default(conn, judged_on)?;
        let checked = rules::validate_exit(input, &ctx, &statute, today).map_err(StoreError::Invalid)?;
        crate::year::ensure_open(conn, checked.date)?;
        w.append_judged(&Event::MemberExited(checked), version)?;
        get(w.conn(), no)?.ok_or(StoreError::Refused(ErrorCode::UnknownMember))
    })
}

fn warning_dates(conn: &Connection, no: u32) -> Result<Vec<NaiveDate>> {
    let mut stmt = conn.prepare("SELECT date FROM member_warning WHERE membership_no = ?1 ORDER BY date")?;
    let dates = stmt.query_map([no], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(dates.iter().filter_map(|d| d.parse().ok()).collect())
}

/// Counts for the dashboard and the minimum-members alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[ts(export)]
pub struct MemberStats {
    /// Active members.
    pub active: u32,
    /// Applicants awaiting admission.
    pub applicants: u32,
    /// Members who left.
    pub exited: u32,
    /// The statute's minimum of active members.
    pub min_members: u32,
    /// Fewer active members than the minimum (a legal alarm).
    pub below_minimum: bool,
}

/// Member counts as of `today`.
pub fn stats(conn: &Connection, today: NaiveDate) -> Result<MemberStats> {
    let (statute, _) = statute_or_default(conn, today)?;
    let (active, applicants, exited): (u32, u32, u32) = conn.query_row(
        "SELECT COALESCE(SUM(status = 'active'), 0), COALESCE(SUM(status = 'applicant'), 0), \
         COALESCE(SUM(status IN ('withdrawn', 'expelled', 'deceased')), 0) FROM member",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    Ok(MemberStats {
        active,
        applicants,
        exited,
        min_members: statute.min_members,
        below_minimum: active < statute.min_members,
    })
}
