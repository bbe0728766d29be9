//! Use cases of general assemblies and board meetings (مجامع و جلسات): each life-cycle step is
//! judged against the statute in force on the meeting's day, and a check the statute does not mark
//! as a warning refuses the step with its code (and writes nothing).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::jalali::parse_date;
use hamyar_core::meeting::record::{
    Body, CheckedIn, ConveneInput, DecisionsNotified, ElectionInput, ElectionRecorded, MeetingConvened,
    MeetingCreated, MeetingEnded, MeetingInput, MeetingNoticed, MinutesInput, MinutesRecorded, NoticeInput,
    NotifyInput, OfficeFilled, OfficeVacated, ProxyInput, ProxyRegistered, ResolutionInput,
    ResolutionRecorded,
};
use hamyar_core::meeting::{
    self as rules, ConvenedBy, ElectionResult, Holder, MeetingKind, MeetingStage, NoticeChannel, QuorumCount,
    RuleCheck, Tally,
};
use hamyar_core::member::MemberStatus;
use hamyar_core::statute::StatuteVersion;
use hamyar_core::text::{ascii_digits, normalize_text};
use hamyar_core::{ErrorCode, ErrorDetails, Field, FieldError};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::projection::{enum_from_text, profile, statute};
use crate::{Result, Store, StoreError, Writer, members};

/// Longest agenda item, place or name.
const MAX_TEXT: usize = 500;

/// A meeting as lists and pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Meeting {
    /// Number.
    pub meeting: u32,
    /// Kind.
    pub kind: MeetingKind,
    /// Call (نوبت).
    pub call: u8,
    /// The earlier call.
    pub previous: Option<u32>,
    /// The annual ordinary assembly.
    pub annual: bool,
    /// Elections on the agenda.
    pub elections: bool,
    /// Day (ISO).
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Hour.
    pub hour: String,
    /// Place and address.
    pub place: String,
    /// When and where proxies are validated.
    pub proxy_check: Option<String>,
    /// Last day of candidacy.
    #[ts(type = "string | null")]
    pub candidacy_until: Option<NaiveDate>,
    /// Agenda.
    pub agenda: Vec<String>,
    /// Where it stands.
    pub stage: MeetingStage,
    /// Who convened it.
    pub convened_by: Option<ConvenedBy>,
    /// The day of the request that led to it.
    #[ts(type = "string | null")]
    pub requested: Option<NaiveDate>,
    /// Decisions notified on.
    #[ts(type = "string | null")]
    pub notified_on: Option<NaiveDate>,
    /// Closed, cancelled or failed on.
    #[ts(type = "string | null")]
    pub ended_on: Option<NaiveDate>,
    /// Why it was cancelled.
    pub outcome_note: Option<String>,
    /// Checks the statute let through as warnings.
    pub warnings: Vec<RuleCheck>,
}

const MEETING_COLUMNS: &str = "meeting, kind, call, previous, annual, elections, date, hour, place, proxy_check, \
     candidacy_until, agenda, stage, convened_by, requested, notified_on, closed_on, outcome_note, warnings";

fn conversion(i: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn day_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = r.get(i)?;
    text.map(|d| d.parse().map_err(|e| conversion(i, e))).transpose()
}

fn meeting_from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    let agenda: String = r.get(11)?;
    let warnings: String = r.get(18)?;
    let stage: MeetingStage = enum_from_text(r.get(12)?)?;
    let note: Option<String> = r.get(17)?;
    Ok(Meeting {
        meeting: r.get(0)?,
        kind: enum_from_text(r.get(1)?)?,
        call: r.get(2)?,
        previous: r.get(3)?,
        annual: r.get(4)?,
        elections: r.get(5)?,
        date: day_at(r, 6)?.ok_or_else(|| conversion(6, std::fmt::Error))?,
        hour: r.get(7)?,
        place: r.get(8)?,
        proxy_check: r.get(9)?,
        candidacy_until: day_at(r, 10)?,
        agenda: serde_json::from_str(&agenda).map_err(|e| conversion(11, e))?,
        stage,
        convened_by: r.get::<_, Option<String>>(13)?.map(enum_from_text).transpose()?,
        requested: day_at(r, 14)?,
        notified_on: day_at(r, 15)?,
        ended_on: day_at(r, 16)?,
        // A failed meeting's note is its quorum count (read through `failed_quorum`).
        outcome_note: if stage == MeetingStage::Failed { None } else { note },
        warnings: serde_json::from_str(&warnings).map_err(|e| conversion(18, e))?,
    })
}

/// One meeting.
pub fn get(conn: &Connection, id: u32) -> Result<Option<Meeting>> {
    let sql = format!("SELECT {MEETING_COLUMNS} FROM meeting WHERE meeting = ?1");
    Ok(conn.query_row(&sql, [id], meeting_from_row).optional()?)
}

/// Every meeting, newest day first.
pub fn list(conn: &Connection) -> Result<Vec<Meeting>> {
    let sql = format!("SELECT {MEETING_COLUMNS} FROM meeting ORDER BY date DESC, meeting DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], meeting_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn field(field: Field, code: ErrorCode) -> StoreError {
    StoreError::Invalid(vec![FieldError { field, code }])
}

fn rule(code: ErrorCode, limit: Option<String>, value: Option<String>) -> StoreError {
    StoreError::Rule { code, details: ErrorDetails { limit, value, ..ErrorDetails::default() } }
}

fn member_rule(code: ErrorCode, no: u32) -> StoreError {
    StoreError::Rule { code, details: ErrorDetails { membership_no: Some(no), ..ErrorDetails::default() } }
}

fn meeting_or_refuse(conn: &Connection, id: u32) -> Result<Meeting> {
    get(conn, id)?.ok_or_else(|| field(Field::Meeting, ErrorCode::UnknownMeeting))
}

fn statute_on(conn: &Connection, date: NaiveDate) -> Result<StatuteVersion> {
    statute::in_force(conn, date)?.ok_or(StoreError::Refused(ErrorCode::StatuteNotSet))
}

/// Refuses the first check the statute does not mark as a warning; returns the rest as warnings.
fn judge(version: &StatuteVersion, checks: Vec<RuleCheck>) -> Result<Vec<RuleCheck>> {
    match checks.iter().find(|c| !version.warns(c.code)) {
        Some(c) => Err(rule(c.code, c.limit.clone(), c.value.clone())),
        None => Ok(checks),
    }
}

fn move_to(m: &Meeting, to: MeetingStage) -> Result<()> {
    rules::check_move(m.kind, m.stage, to).map_err(|code| {
        rule(code, Some(format!("{:?}", m.stage).to_lowercase()), Some(format!("{to:?}").to_lowercase()))
    })
}

fn text(value: &str, f: Field, required: bool, errors: &mut Vec<FieldError>) -> Option<String> {
    let t = normalize_text(value);
    if t.is_empty() {
        if required {
            errors.push(FieldError { field: f, code: ErrorCode::Required });
        }
        return None;
    }
    if t.chars().count() > MAX_TEXT {
        errors.push(FieldError { field: f, code: ErrorCode::TooLong });
        return None;
    }
    Some(t)
}

fn hour(value: &str) -> Option<String> {
    let t = ascii_digits(value.trim());
    let (h, m) = t.split_once(':')?;
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && t.len() <= 5).then(|| format!("{h:02}:{m:02}"))
}

fn active_members(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT COUNT(*) FROM member WHERE status = 'active'", [], |r| r.get(0))?)
}

fn is_active(conn: &Connection, no: u32) -> Result<bool> {
    Ok(members::get(conn, no)?.is_some_and(|m| m.status == MemberStatus::Active))
}

fn active_or_refuse(conn: &Connection, no: u32) -> Result<()> {
    match members::get(conn, no)? {
        None => Err(member_rule(ErrorCode::UnknownMember, no)),
        Some(m) if m.status != MemberStatus::Active => Err(member_rule(ErrorCode::MemberNotActive, no)),
        Some(_) => Ok(()),
    }
}

fn fiscal_year_of(conn: &Connection, date: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let start = profile::read(conn)?.map(|p| p.data.fiscal_year_start()).unwrap_or_default();
    start.year_containing(date).map_err(|code| field(Field::Date, code))
}

/// The meeting's number to create next.
fn next_id(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT COALESCE(MAX(meeting), 0) + 1 FROM meeting", [], |r| r.get(0))?)
}

/// Plans a meeting: a draft, or a later call of an assembly whose earlier call failed.
pub fn create(store: &mut Store, author: &str, now: DateTime<Utc>, input: &MeetingInput) -> Result<Meeting> {
    store.write(author, now, |w| create_in(w, input))
}

/// Plans and convenes a meeting in one action (`convene.meeting` is set to the new meeting).
pub fn create_convened(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &MeetingInput,
    convene: &ConveneInput,
) -> Result<Meeting> {
    store.write(author, now, |w| {
        let m = create_in(w, input)?;
        convene_in(w, &ConveneInput { meeting: m.meeting, ..convene.clone() })
    })
}

/// [`create`] inside an open transaction.
pub fn create_in(w: &mut Writer<'_>, input: &MeetingInput) -> Result<Meeting> {
    let conn = w.conn();
    let mut errors = Vec::new();
    let date =
        parse_date(&input.date).map_err(|code| errors.push(FieldError { field: Field::Date, code })).ok();
    let hour = match hour(&input.hour) {
        Some(h) => Some(h),
        None => {
            errors.push(FieldError { field: Field::Hour, code: ErrorCode::DateFormat });
            None
        }
    };
    let place = text(&input.place, Field::Place, true, &mut errors);
    let assembly = input.kind.is_assembly();
    let proxy_check = text(&input.proxy_check, Field::Place, false, &mut errors);
    let mut agenda = Vec::new();
    for item in &input.agenda {
        if let Some(t) = text(item, Field::Agenda, false, &mut errors) {
            agenda.push(t);
        }
    }
    if agenda.is_empty() {
        errors.push(FieldError { field: Field::Agenda, code: ErrorCode::Required });
    }
    let candidacy_until = if input.elections && assembly && !input.candidacy_until.trim().is_empty() {
        parse_date(&input.candidacy_until)
            .map_err(|code| errors.push(FieldError { field: Field::CandidacyUntil, code }))
            .ok()
    } else {
        if input.elections && assembly {
            errors.push(FieldError { field: Field::CandidacyUntil, code: ErrorCode::Required });
        }
        None
    };
    if let Err(code) = rules::check_call(input.kind, input.call) {
        errors.push(FieldError { field: Field::Call, code });
    }
    let (Some(date), Some(hour), Some(place), true) = (date, hour, place, errors.is_empty()) else {
        return Err(StoreError::Invalid(errors));
    };
    if input.elections && !assembly {
        return Err(field(Field::Kind, ErrorCode::MeetingStepInvalid));
    }
    if input.annual && input.kind != MeetingKind::Ordinary {
        return Err(field(Field::Kind, ErrorCode::MeetingStepInvalid));
    }
    let previous = match input.previous {
        Some(id) => {
            let p = get(conn, id)?.ok_or_else(|| field(Field::Previous, ErrorCode::UnknownMeeting))?;
            if p.date >= date {
                return Err(rule(
                    ErrorCode::PreviousCallRequired,
                    Some(p.date.to_string()),
                    Some(date.to_string()),
                ));
            }
            Some((p.kind, p.call, p.stage))
        }
        None => None,
    };
    rules::check_next_call(input.kind, input.call, previous).map_err(|code| rule(code, None, None))?;
    // A later call keeps the earlier call's agenda and elections, as the regulation requires.
    let id = next_id(conn)?;
    let created = MeetingCreated {
        meeting: id,
        kind: input.kind,
        call: input.call,
        previous: input.previous,
        annual: input.annual,
        elections: input.elections,
        date,
        hour,
        place,
        proxy_check,
        candidacy_until,
        agenda,
    };
    let version = statute::in_force(conn, date)?.map(|v| v.version);
    w.append_judged(&Event::MeetingCreated(created), version)?;
    meeting_or_refuse(w.conn(), id)
}

fn day_or_today(text: &str, today: NaiveDate, f: Field) -> Result<NaiveDate> {
    if text.trim().is_empty() {
        return Ok(today);
    }
    let d = parse_date(text).map_err(|code| field(f, code))?;
    if d > today { Err(field(f, ErrorCode::DateInFuture)) } else { Ok(d) }
}

/// Convenes a meeting (دعوت): who calls it, on whose request.
pub fn convene(store: &mut Store, author: &str, now: DateTime<Utc>, input: &ConveneInput) -> Result<Meeting> {
    store.write(author, now, |w| convene_in(w, input))
}

/// [`convene`] inside an open transaction (a meeting planned and convened in one action).
pub fn convene_in(w: &mut Writer<'_>, input: &ConveneInput) -> Result<Meeting> {
    {
        let conn = w.conn();
        let today = tehran_date(w.now());
        let m = meeting_or_refuse(conn, input.meeting)?;
        move_to(&m, MeetingStage::Convened)?;
        let version = statute_on(conn, m.date)?;
        let date = day_or_today(&input.date, today, Field::Date)?;
        let requested = if input.convened_by.has_convening_deadline() && m.kind.is_assembly() {
            Some(day_or_today(&input.requested, today, Field::Requested)?)
                .filter(|_| !input.requested.trim().is_empty())
        } else {
            None
        };
        if input.convened_by.has_convening_deadline() && m.kind.is_assembly() && requested.is_none() {
            return Err(field(Field::Requested, ErrorCode::Required));
        }
        let active = active_members(conn)?;
        if input.convened_by == ConvenedBy::Members
            && !rules::request_valid(&version.values, m.kind, input.requesters, active)
        {
            return Err(StoreError::Rule {
                code: ErrorCode::RequestTooFew,
                details: ErrorDetails {
                    limit: rules::request_threshold(&version.values, m.kind)
                        .map(|t| rules::required(&t, active).to_string()),
                    value: Some(input.requesters.to_string()),
                    ..ErrorDetails::default()
                },
            });
        }
        let checks = if m.kind.is_assembly() {
            rules::check_members(&version.values, active).into_iter().collect()
        } else {
            Vec::new()
        };
        let warnings = judge(&version, checks)?;
        let event = MeetingConvened {
            meeting: m.meeting,
            convened_by: input.convened_by,
            requested,
            requesters: input.requesters,
            date,
            warnings,
        };
        w.append_judged(&Event::MeetingConvened(event), Some(version.version))?;
        meeting_or_refuse(w.conn(), m.meeting)
    }
}

/// The checks a notice published on `published` would face; empty when it is within every rule.
pub fn notice_checks(conn: &Connection, m: &Meeting, published: NaiveDate) -> Result<Vec<RuleCheck>> {
    let version = statute_on(conn, m.date)?;
    let mut checks = rules::check_notice(&version.values, m.kind, m.elections, published, m.date);
    if m.annual {
        let (start, _) = fiscal_year_of(conn, m.date)?;
        let ended = start.pred_opt().ok_or(StoreError::Refused(ErrorCode::DateOutOfRange))?;
        let deadlines =
            rules::annual_deadlines(&version.values, ended).map_err(|code| field(Field::Date, code))?;
        checks.extend(rules::check_annual(&deadlines, Some(published), m.date));
    }
    if m.elections
        && let Some(term_end) = current_term_end(conn, Body::Board, published)?
        && let Some(c) = rules::check_election_notice(&version.values, term_end, published)
            .map_err(|code| field(Field::Published, code))?
    {
        checks.push(c);
    }
    if let (Some(by), Some(requested)) = (m.convened_by, m.requested)
        && by.has_convening_deadline()
        && let Some(c) = rules::check_convening(&version.values, requested, published)
            .map_err(|code| field(Field::Published, code))?
    {
        checks.push(c);
    }
    Ok(checks)
}

/// A check shown before the user commits, and whether the statute lets it through as a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckPreview {
    /// The finding.
    pub check: RuleCheck,
    /// The statute marks it as a warning: the step would be recorded with it.
    pub warning_only: bool,
}

/// What a notice published on `published` (ISO or Jalali) would face, before it is recorded.
pub fn notice_preview(conn: &Connection, meeting: u32, published: &str) -> Result<Vec<CheckPreview>> {
    let m = meeting_or_refuse(conn, meeting)?;
    let published = parse_date(published).map_err(|code| field(Field::Published, code))?;
    let version = statute_on(conn, m.date)?;
    Ok(notice_checks(conn, &m, published)?
        .into_iter()
        .map(|check| CheckPreview { warning_only: version.warns(check.code), check })
        .collect())
}

/// Records a published notice on one channel; the first moves the meeting to «noticed».
pub fn notice(store: &mut Store, author: &str, now: DateTime<Utc>, input: &NoticeInput) -> Result<Meeting> {
    store.write(author, now, |w| notice_in(w, input))
}

/// [`notice`] inside an open transaction.
pub fn notice_in(w: &mut Writer<'_>, input: &NoticeInput) -> Result<Meeting> {
    let conn = w.conn();
    let today = tehran_date(w.now());
    let m = meeting_or_refuse(conn, input.meeting)?;
    if !m.kind.is_assembly() {
        return Err(rule(ErrorCode::MeetingStepInvalid, None, None));
    }
    if m.stage != MeetingStage::Noticed {
        move_to(&m, MeetingStage::Noticed)?;
    }
    let published = parse_date(&input.published).map_err(|code| field(Field::Published, code))?;
    if published > today {
        return Err(field(Field::Published, ErrorCode::DateInFuture));
    }
    if published > m.date {
        return Err(rule(ErrorCode::NoticeTooShort, Some(m.date.to_string()), Some(published.to_string())));
    }
    let version = statute_on(conn, m.date)?;
    let warnings = judge(&version, notice_checks(conn, &m, published)?)?;
    let mut errors = Vec::new();
    let reference = text(&input.reference, Field::Channel, false, &mut errors);
    if !errors.is_empty() {
        return Err(StoreError::Invalid(errors));
    }
    let event = MeetingNoticed { meeting: m.meeting, published, channel: input.channel, reference, warnings };
    w.append_judged(&Event::MeetingNoticed(event), Some(version.version))?;
    meeting_or_refuse(w.conn(), m.meeting)
}

/// A registered proxy with names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Proxy {
    /// The member represented.
    pub principal: u32,
    /// Their name.
    pub principal_name: String,
    /// Who holds it.
    pub holder: Holder,
    /// The holder's name.
    pub holder_name: String,
    /// Who validated it.
    pub validated_by: String,
    /// Where.
    pub validated_at: String,
    /// When.
    #[ts(type = "string")]
    pub validated_on: NaiveDate,
}

fn name_of(conn: &Connection, no: u32) -> Result<String> {
    Ok(members::get(conn, no)?.map(|m| m.display_name).unwrap_or_default())
}

/// The proxies of a meeting.
pub fn proxies(conn: &Connection, meeting: u32) -> Result<Vec<Proxy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT principal, holder_member, holder_name, validated_by, validated_at, validated_on FROM meeting_proxy \
         WHERE meeting = ?1 ORDER BY principal",
    )?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, Option<u32>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                day_at(r, 5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (principal, member, name, validated_by, validated_at, on) in rows {
        let (holder, holder_name) = match (member, name) {
            (Some(no), _) => (Holder::Member(no), name_of(conn, no)?),
            (None, Some(n)) => (Holder::NonMember(n.clone()), n),
            (None, None) => continue,
        };
        out.push(Proxy {
            principal,
            principal_name: name_of(conn, principal)?,
            holder,
            holder_name,
            validated_by,
            validated_at,
            validated_on: on.unwrap_or_default(),
        });
    }
    Ok(out)
}

fn proxy_pairs(conn: &Connection, meeting: u32) -> Result<Vec<(u32, Holder)>> {
    Ok(proxies(conn, meeting)?.into_iter().map(|p| (p.principal, p.holder)).collect())
}

/// Registers a validated proxy (وکالت‌نامه).
pub fn proxy(store: &mut Store, author: &str, now: DateTime<Utc>, input: &ProxyInput) -> Result<Proxy> {
    store.write(author, now, |w| proxy_in(w, input))
}

/// [`proxy`] inside an open transaction.
pub fn proxy_in(w: &mut Writer<'_>, input: &ProxyInput) -> Result<Proxy> {
    let conn = w.conn();
    let today = tehran_date(w.now());
    let m = meeting_or_refuse(conn, input.meeting)?;
    if !m.kind.is_assembly()
        || !matches!(m.stage, MeetingStage::Convened | MeetingStage::Noticed | MeetingStage::Held)
    {
        return Err(rule(ErrorCode::MeetingStepInvalid, None, None));
    }
    let version = statute_on(conn, m.date)?;
    active_or_refuse(conn, input.principal)?;
    let holder = match input.holder_member {
        Some(no) => {
            active_or_refuse(conn, no)?;
            Holder::Member(no)
        }
        None => {
            let name = normalize_text(&input.holder_name);
            if name.is_empty() {
                return Err(field(Field::Holder, ErrorCode::Required));
            }
            Holder::NonMember(name)
        }
    };
    let mut errors = Vec::new();
    let validated_by = text(&input.validated_by, Field::ValidatedBy, true, &mut errors);
    let validated_at = text(&input.validated_at, Field::Place, true, &mut errors);
    let validated_on = day_or_today(&input.date, today, Field::Date);
    let (Some(validated_by), Some(validated_at), true) = (validated_by, validated_at, errors.is_empty())
    else {
        return Err(StoreError::Invalid(errors));
    };
    let validated_on = validated_on?;
    let existing = proxy_pairs(conn, m.meeting)?;
    rules::check_proxy(&version.values, input.principal, &holder, &existing).map_err(|code| {
        let held = existing.iter().filter(|(_, h)| *h == holder).count();
        StoreError::Rule {
            code,
            details: ErrorDetails {
                membership_no: Some(input.principal),
                limit: Some(rules::proxy_limit(&version.values, &holder).to_string()),
                value: Some(held.to_string()),
                ..ErrorDetails::default()
            },
        }
    })?;
    let event = ProxyRegistered {
        meeting: m.meeting,
        principal: input.principal,
        holder,
        validated_by,
        validated_at,
        validated_on,
    };
    w.append_judged(&Event::ProxyRegistered(event), Some(version.version))?;
    proxies(w.conn(), m.meeting)?
        .into_iter()
        .find(|p| p.principal == input.principal)
        .ok_or(StoreError::Refused(ErrorCode::Internal))
}

/// A term of office (دوره تصدی).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Officer {
    /// Board or inspectors.
    pub body: Body,
    /// The member.
    pub membership_no: u32,
    /// Their name.
    pub name: String,
    /// Principal or alternate.
    pub principal: bool,
    /// Rank in the election.
    pub rank: u32,
    /// First day.
    #[ts(type = "string")]
    pub start: NaiveDate,
    /// Last day.
    #[ts(type = "string")]
    pub end: NaiveDate,
    /// The meeting that elected them.
    pub meeting: u32,
    /// The day the seat fell vacant, if it did.
    #[ts(type = "string | null")]
    pub vacated: Option<NaiveDate>,
    /// For an alternate called to a vacant seat: the day called.
    #[ts(type = "string | null")]
    pub called: Option<NaiveDate>,
    /// For a vacated seat: the alternate called to it.
    pub filled_by: Option<u32>,
}

/// Everyone elected, newest terms first.
pub fn officers(conn: &Connection) -> Result<Vec<Officer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.body, t.membership_no, t.role, t.rank, t.start, t.end, e.meeting, t.vacated, t.called, \
         t.filled_by FROM office_term t JOIN election e ON e.event_id = t.event_id \
         ORDER BY t.end DESC, t.body, t.role DESC, t.rank",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, u32>(3)?,
                day_at(r, 4)?,
                day_at(r, 5)?,
                r.get::<_, u32>(6)?,
                (day_at(r, 7)?, day_at(r, 8)?, r.get::<_, Option<u32>>(9)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (body, no, role, rank, start, end, meeting, (vacated, called, filled_by)) in rows {
        out.push(Officer {
            body: enum_from_text(body)?,
            membership_no: no,
            name: name_of(conn, no)?,
            principal: role == "principal",
            rank,
            start: start.unwrap_or_default(),
            end: end.unwrap_or_default(),
            meeting,
            vacated,
            called,
            filled_by,
        });
    }
    Ok(out)
}

/// Principals of `body` whose term covers `date`, by rank.
pub fn in_office(conn: &Connection, body: Body, date: NaiveDate) -> Result<Vec<Officer>> {
    let mut list: Vec<Officer> = officers(conn)?
        .into_iter()
        .filter(|o| {
            let from = o.called.map_or(o.start, |c| c.max(o.start));
            o.body == body
                && o.principal
                && from <= date
                && date <= o.end
                && o.vacated.is_none_or(|v| date < v)
        })
        .collect();
    list.sort_by_key(|o| o.rank);
    Ok(list)
}

/// The last day of the newest term of `body` that is running on `date`.
fn current_term_end(conn: &Connection, body: Body, date: NaiveDate) -> Result<Option<NaiveDate>> {
    Ok(officers(conn)?.into_iter().filter(|o| o.body == body && o.end >= date).map(|o| o.end).max())
}

/// Who is checked in: members and non-member holders.
fn attendance(conn: &Connection, meeting: u32) -> Result<(Vec<u32>, Vec<String>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT membership_no, holder_name FROM meeting_attendance WHERE meeting = ?1 ORDER BY rowid",
    )?;
    let rows = stmt
        .query_map([meeting], |r| Ok((r.get::<_, Option<u32>>(0)?, r.get::<_, Option<String>>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let members = rows.iter().filter_map(|(m, _)| *m).collect();
    let names = rows.into_iter().filter_map(|(_, n)| n).collect();
    Ok((members, names))
}

/// The live quorum of a meeting: who is entitled, who is present in person and by proxy.
pub fn quorum(conn: &Connection, meeting: u32) -> Result<QuorumCount> {
    let m = meeting_or_refuse(conn, meeting)?;
    quorum_of(conn, &m)
}

fn quorum_of(conn: &Connection, m: &Meeting) -> Result<QuorumCount> {
    let version = statute_on(conn, m.date)?;
    let (checked_in, names) = attendance(conn, m.meeting)?;
    let (entitled, in_person, by_proxy, floor) = if m.kind.is_assembly() {
        let a = rules::effective_votes(&checked_in, &names, &proxy_pairs(conn, m.meeting)?);
        (active_members(conn)?, a.in_person, a.by_proxy, version.values.presiding_panel)
    } else {
        let board = in_office(conn, Body::Board, m.date)?;
        (
            u32::try_from(board.len()).unwrap_or(u32::MAX),
            u32::try_from(checked_in.len()).unwrap_or(u32::MAX),
            0,
            1,
        )
    };
    rules::quorum(&version.values, m.kind, m.call, entitled, in_person, by_proxy, floor)
        .map_err(|code| rule(code, None, None))
}

/// Checks in one member, or a non-member proxy holder, at the door.
pub fn checkin(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    meeting: u32,
    member: Option<u32>,
    holder_name: Option<&str>,
) -> Result<QuorumCount> {
    store.write(author, now, |w| checkin_in(w, meeting, member, holder_name))
}

/// [`checkin`] inside an open transaction.
pub fn checkin_in(
    w: &mut Writer<'_>,
    meeting: u32,
    member: Option<u32>,
    holder_name: Option<&str>,
) -> Result<QuorumCount> {
    let conn = w.conn();
    let m = meeting_or_refuse(conn, meeting)?;
    if tehran_date(w.now()) < m.date {
        return Err(rule(ErrorCode::BeforeMeetingDay, Some(m.date.to_string()), None));
    }
    if m.stage != MeetingStage::Held {
        move_to(&m, MeetingStage::Held)?;
    }
    let (checked_in, names) = attendance(conn, meeting)?;
    let event = match (member, holder_name.map(normalize_text).filter(|n| !n.is_empty())) {
        (Some(no), _) => {
            if m.kind.is_assembly() {
                active_or_refuse(conn, no)?;
            } else {
                let board = in_office(conn, Body::Board, m.date)?;
                if board.is_empty() {
                    return Err(StoreError::Refused(ErrorCode::BoardNotElected));
                }
                if !board.iter().any(|o| o.membership_no == no) {
                    return Err(member_rule(ErrorCode::NotBoardMember, no));
                }
            }
            if checked_in.contains(&no) {
                return Err(member_rule(ErrorCode::AlreadyCheckedIn, no));
            }
            CheckedIn { meeting, member: Some(no), holder_name: None }
        }
        (None, Some(name)) => {
            let key = rules::holder_name_key(&name);
            let holds = proxy_pairs(conn, meeting)?
                .iter()
                .any(|(_, h)| matches!(h, Holder::NonMember(n) if rules::holder_name_key(n) == key));
            if !holds {
                return Err(field(Field::HolderName, ErrorCode::Required));
            }
            if names.iter().any(|n| rules::holder_name_key(n) == key) {
                return Err(field(Field::HolderName, ErrorCode::AlreadyCheckedIn));
            }
            CheckedIn { meeting, member: None, holder_name: Some(name) }
        }
        (None, None) => return Err(field(Field::MembershipNo, ErrorCode::Required)),
    };
    let version = statute::in_force(conn, m.date)?.map(|v| v.version);
    w.append_judged(&Event::CheckedIn(event), version)?;
    quorum(w.conn(), meeting)
}

fn quorum_met(conn: &Connection, m: &Meeting) -> Result<QuorumCount> {
    let q = quorum_of(conn, m)?;
    if q.met {
        Ok(q)
    } else {
        Err(rule(ErrorCode::QuorumNotMet, Some(q.required.to_string()), Some(q.present.to_string())))
    }
}

/// A resolution as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Resolution {
    /// Its number in the meeting.
    pub number: u32,
    /// What was resolved.
    pub text: String,
    /// The count and the outcome.
    pub tally: Tally,
}

/// The resolutions of a meeting, in order.
pub fn resolutions(conn: &Connection, meeting: u32) -> Result<Vec<Resolution>> {
    let mut stmt = conn.prepare_cached(
        "SELECT number, text, yes, no, abstain, votes_present, required, passed FROM meeting_resolution \
         WHERE meeting = ?1 ORDER BY number",
    )?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok(Resolution {
                number: r.get(0)?,
                text: r.get(1)?,
                tally: Tally {
                    yes: r.get(2)?,
                    no: r.get(3)?,
                    abstain: r.get(4)?,
                    votes_present: r.get(5)?,
                    required: r.get(6)?,
                    passed: r.get(7)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Records a resolution: the count is typed, the outcome computed from the statute's majority.
pub fn resolve(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &ResolutionInput,
) -> Result<Resolution> {
    store.write(author, now, |w| resolve_in(w, input))
}

/// [`resolve`] inside an open transaction.
pub fn resolve_in(w: &mut Writer<'_>, input: &ResolutionInput) -> Result<Resolution> {
    let conn = w.conn();
    let m = meeting_or_refuse(conn, input.meeting)?;
    if m.stage != MeetingStage::Held {
        return Err(rule(ErrorCode::MeetingStepInvalid, None, None));
    }
    let mut errors = Vec::new();
    let Some(text) = text(&input.text, Field::Text, true, &mut errors) else {
        return Err(StoreError::Invalid(errors));
    };
    let q = quorum_met(conn, &m)?;
    let version = statute_on(conn, m.date)?;
    let tally = rules::decide(&version.values, m.kind, q.present, input.yes, input.no, input.abstain)
        .map_err(StoreError::from)?;
    let number: u32 =
        conn.query_row("SELECT COUNT(*) + 1 FROM meeting_resolution WHERE meeting = ?1", [m.meeting], |r| {
            r.get(0)
        })?;
    let event = ResolutionRecorded { meeting: m.meeting, number, text: text.clone(), tally };
    w.append_judged(&Event::ResolutionRecorded(event), Some(version.version))?;
    Ok(Resolution { number, text, tally })
}

/// An election as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Election {
    /// Board or inspectors.
    pub body: Body,
    /// Principal seats.
    pub seats: u32,
    /// Alternate seats.
    pub alternates: u32,
    /// Ballots cast.
    pub ballots: u32,
    /// The outcome.
    pub result: ElectionResult,
    /// Names of everyone in the result.
    pub names: HashMap<u32, String>,
}

/// The elections of a meeting.
pub fn elections(conn: &Connection, meeting: u32) -> Result<Vec<Election>> {
    let mut stmt = conn.prepare_cached(
        "SELECT body, seats, alternates, ballots, result FROM election WHERE meeting = ?1 ORDER BY rowid",
    )?;
    let rows = stmt
        .query_map([meeting], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (body, seats, alternates, ballots, result) in rows {
        let result: ElectionResult = serde_json::from_str(&result)?;
        let mut names = HashMap::new();
        for r in result.principals.iter().chain(&result.alternates).chain(&result.not_elected) {
            names.insert(r.membership_no, name_of(conn, r.membership_no)?);
        }
        out.push(Election { body: enum_from_text(body)?, seats, alternates, ballots, result, names });
    }
    Ok(out)
}

/// Records an election's count: seats from the statute, candidates active members, ties refused
/// until the order drawn by lot is given; the elected start their terms.
pub fn elect(store: &mut Store, author: &str, now: DateTime<Utc>, input: &ElectionInput) -> Result<Election> {
    store.write(author, now, |w| elect_in(w, input))
}

/// [`elect`] inside an open transaction.
pub fn elect_in(w: &mut Writer<'_>, input: &ElectionInput) -> Result<Election> {
    let conn = w.conn();
    let m = meeting_or_refuse(conn, input.meeting)?;
    if m.stage != MeetingStage::Held || !m.elections {
        return Err(rule(ErrorCode::MeetingStepInvalid, None, None));
    }
    let version = statute_on(conn, m.date)?;
    let s = &version.values;
    match input.body {
        Body::Board => rules::check_seats_board(s, input.seats),
        Body::Inspectors => rules::check_seats_inspectors(s, input.seats),
    }
    .map_err(|code| field(Field::Seats, code))?;
    let q = quorum_met(conn, &m)?;
    if input.ballots > q.present {
        return Err(rule(
            ErrorCode::VotesExceedPresent,
            Some(q.present.to_string()),
            Some(input.ballots.to_string()),
        ));
    }
    let mut seen = Vec::new();
    for c in &input.candidates {
        if seen.contains(&c.membership_no) || !is_active(conn, c.membership_no)? {
            return Err(member_rule(ErrorCode::CandidateNotEligible, c.membership_no));
        }
        seen.push(c.membership_no);
        if c.votes > input.ballots {
            return Err(StoreError::Rule {
                code: ErrorCode::VotesExceedPresent,
                details: ErrorDetails {
                    membership_no: Some(c.membership_no),
                    limit: Some(input.ballots.to_string()),
                    value: Some(c.votes.to_string()),
                    ..ErrorDetails::default()
                },
            });
        }
    }
    if input.candidates.is_empty() {
        return Err(field(Field::Candidates, ErrorCode::Required));
    }
    let result = rules::tally_election_by_lot(input.seats, input.alternates, &input.candidates, &input.lot);
    if let Some(tie) = result.ties.first() {
        let tied: Vec<String> = tie.candidates.iter().map(u32::to_string).collect();
        return Err(rule(ErrorCode::ElectionTied, Some(tie.places.to_string()), Some(tied.join(","))));
    }
    let (term_start, term_end) = match input.body {
        Body::Board => {
            // From the election, unless the board in office serves on: then from its expiry.
            let running = current_term_end(conn, Body::Board, m.date)?;
            let start = match running {
                Some(end) if end >= m.date => {
                    end.succ_opt().ok_or(StoreError::Refused(ErrorCode::DateOutOfRange))?
                }
                _ => m.date,
            };
            (start, rules::term_end(start, s.board_term_years).map_err(|code| field(Field::TermEnd, code))?)
        }
        Body::Inspectors => {
            let (_, fy_end) = fiscal_year_of(conn, m.date)?;
            let end = rules::inspector_term_end(fy_end, s.inspector_term_years)
                .map_err(|code| field(Field::TermEnd, code))?;
            (m.date, end)
        }
    };
    let event = ElectionRecorded {
        meeting: m.meeting,
        body: input.body,
        seats: input.seats,
        alternates: input.alternates,
        ballots: input.ballots,
        candidates: input.candidates.clone(),
        lot: input.lot.clone(),
        result,
        term_start,
        term_end,
    };
    w.append_judged(&Event::ElectionRecorded(event), Some(version.version))?;
    elections(w.conn(), m.meeting)?.pop().ok_or(StoreError::Refused(ErrorCode::Internal))
}

/// Takes the minutes: the presiding panel; the rest is generated from what was recorded.
pub fn minutes(store: &mut Store, author: &str, now: DateTime<Utc>, input: &MinutesInput) -> Result<Meeting> {
    store.write(author, now, |w| minutes_in(w, input))
}

/// [`minutes`] inside an open transaction.
pub fn minutes_in(w: &mut Writer<'_>, input: &MinutesInput) -> Result<Meeting> {
    let conn = w.conn();
    let m = meeting_or_refuse(conn, input.meeting)?;
    move_to(&m, MeetingStage::Minuted)?;
    let mut errors = Vec::new();
    let chair = text(&input.chair, Field::Chair, true, &mut errors);
    let secretary = text(&input.secretary, Field::Secretary, true, &mut errors);
    let mut observers = Vec::new();
    for o in &input.observers {
        if let Some(t) = text(o, Field::Chair, false, &mut errors) {
            observers.push(t);
        }
    }
    let (Some(chair), Some(secretary), true) = (chair, secretary, errors.is_empty()) else {
        return Err(StoreError::Invalid(errors));
    };
    let quorum = quorum_met(conn, &m)?;
    let version = statute::in_force(conn, m.date)?.map(|v| v.version);
    let event = MinutesRecorded { meeting: m.meeting, chair, secretary, observers, quorum };
    w.append_judged(&Event::MinutesRecorded(event), version)?;
    meeting_or_refuse(w.conn(), m.meeting)
}

/// Records that the decisions were notified (assemblies: within 15 days).
pub fn notify(store: &mut Store, author: &str, now: DateTime<Utc>, input: &NotifyInput) -> Result<Meeting> {
    store.write(author, now, |w| notify_in(w, input))
}

/// [`notify`] inside an open transaction.
pub fn notify_in(w: &mut Writer<'_>, input: &NotifyInput) -> Result<Meeting> {
    let conn = w.conn();
    let m = meeting_or_refuse(conn, input.meeting)?;
    move_to(&m, MeetingStage::Notified)?;
    let date = day_or_today(&input.date, tehran_date(w.now()), Field::Date)?;
    let version = statute_on(conn, m.date)?;
    let check = rules::check_decisions_notice(&version.values, m.date, date)
        .map_err(|code| field(Field::Date, code))?;
    let warnings = judge(&version, check.into_iter().collect())?;
    let event = DecisionsNotified { meeting: m.meeting, date, channel: input.channel, warnings };
    w.append_judged(&Event::DecisionsNotified(event), Some(version.version))?;
    meeting_or_refuse(w.conn(), m.meeting)
}

/// How a meeting ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Ending {
    /// Everything done.
    Close,
    /// Called off before it was held (with a reason).
    Cancel,
    /// Not held for lack of quorum; the next call may follow.
    Fail,
}

/// Closes, cancels, or records that the meeting failed for lack of quorum.
pub fn end(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    meeting: u32,
    ending: Ending,
    reason: &str,
) -> Result<Meeting> {
    store.write(author, now, |w| end_in(w, meeting, ending, reason))
}

/// [`end`] inside an open transaction.
pub fn end_in(w: &mut Writer<'_>, meeting: u32, ending: Ending, reason: &str) -> Result<Meeting> {
    let conn = w.conn();
    let m = meeting_or_refuse(conn, meeting)?;
    let date = tehran_date(w.now());
    let (stage, event) = match ending {
        Ending::Close => {
            move_to(&m, MeetingStage::Closed)?;
            (MeetingStage::Closed, MeetingEnded { meeting, date, note: None, quorum: None })
        }
        Ending::Cancel => {
            move_to(&m, MeetingStage::Cancelled)?;
            let reason = normalize_text(reason);
            if reason.is_empty() {
                return Err(field(Field::Reason, ErrorCode::Required));
            }
            (MeetingStage::Cancelled, MeetingEnded { meeting, date, note: Some(reason), quorum: None })
        }
        Ending::Fail => {
            move_to(&m, MeetingStage::Failed)?;
            if date < m.date {
                return Err(rule(ErrorCode::BeforeMeetingDay, Some(m.date.to_string()), None));
            }
            let q = quorum_of(conn, &m)?;
            if q.met {
                return Err(rule(
                    ErrorCode::MeetingStepInvalid,
                    Some(q.required.to_string()),
                    Some(q.present.to_string()),
                ));
            }
            (MeetingStage::Failed, MeetingEnded { meeting, date: m.date, note: None, quorum: Some(q) })
        }
    };
    let version = statute::in_force(conn, m.date)?.map(|v| v.version);
    let ev = match stage {
        MeetingStage::Closed => Event::MeetingClosed(event),
        MeetingStage::Cancelled => Event::MeetingCancelled(event),
        _ => Event::MeetingFailed(event),
    };
    w.append_judged(&ev, version)?;
    meeting_or_refuse(w.conn(), meeting)
}

/// A notice as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Notice {
    /// Publication day.
    #[ts(type = "string")]
    pub published: NaiveDate,
    /// Channel.
    pub channel: NoticeChannel,
    /// Reference.
    pub reference: Option<String>,
}

/// One line of the attendance sheet: a member, whether present, and who represents them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttendanceLine {
    /// The member.
    pub membership_no: u32,
    /// Name.
    pub name: String,
    /// National code (for the signature column).
    pub national_code: Option<String>,
    /// Checked in.
    pub present: bool,
    /// Their proxy's holder, when they gave one.
    pub proxy_holder: Option<String>,
    /// The proxy counts now (the holder is present and the member is not).
    pub represented: bool,
    /// Proxies this member holds for others.
    pub holds: Vec<u32>,
}

/// Everything the meeting page, the paper kit and the minutes need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingPage {
    /// The meeting.
    pub meeting: Meeting,
    /// Notices published.
    pub notices: Vec<Notice>,
    /// Proxies registered.
    pub proxies: Vec<Proxy>,
    /// The attendance sheet: every active member (assembly) or board principal (board meeting).
    pub attendance: Vec<AttendanceLine>,
    /// Non-member proxy holders checked in.
    pub non_members_present: Vec<String>,
    /// The live quorum.
    pub quorum: Option<QuorumCount>,
    /// Resolutions.
    pub resolutions: Vec<Resolution>,
    /// Elections.
    pub elections: Vec<Election>,
    /// The minutes' panel, once taken.
    pub minutes: Option<MinutesRecorded>,
    /// The quorum count of a failed call.
    pub failed_quorum: Option<QuorumCount>,
    /// Steps the life cycle allows next.
    pub next_stages: Vec<MeetingStage>,
    /// The checks a notice published today would face (assemblies not yet noticed).
    pub notice_checks_today: Vec<RuleCheck>,
    /// The later call that follows this one, if any.
    pub next_call: Option<u32>,
    /// Who recorded what, in order (the meeting's events and the inspector's notes on it).
    pub history: Vec<crate::documents::HistoryItem>,
}

/// The meeting page.
pub fn page(conn: &Connection, id: u32, now: DateTime<Utc>) -> Result<MeetingPage> {
    let m = meeting_or_refuse(conn, id)?;
    let today = tehran_date(now);
    let proxies = proxies(conn, id)?;
    let (checked_in, names) = attendance(conn, id)?;
    let pairs: Vec<(u32, Holder)> = proxies.iter().map(|p| (p.principal, p.holder.clone())).collect();
    let counted = rules::effective_votes(&checked_in, &names, &pairs);
    let entitled: Vec<(u32, String, Option<String>)> = if m.kind.is_assembly() {
        let mut stmt = conn.prepare_cached(
            "SELECT membership_no FROM member WHERE status = 'active' ORDER BY membership_no",
        )?;
        let nos = stmt.query_map([], |r| r.get::<_, u32>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut v = Vec::with_capacity(nos.len());
        for no in nos {
            let member = members::get(conn, no)?;
            v.push((
                no,
                member.as_ref().map(|x| x.display_name.clone()).unwrap_or_default(),
                member.and_then(|x| x.data.national_code),
            ));
        }
        v
    } else {
        in_office(conn, Body::Board, m.date)?
            .into_iter()
            .map(|o| {
                let code =
                    members::get(conn, o.membership_no).ok().flatten().and_then(|x| x.data.national_code);
                (o.membership_no, o.name, code)
            })
            .collect()
    };
    let attendance = entitled
        .into_iter()
        .map(|(no, name, national_code)| AttendanceLine {
            membership_no: no,
            name,
            national_code,
            present: checked_in.contains(&no),
            proxy_holder: proxies.iter().find(|p| p.principal == no).map(|p| p.holder_name.clone()),
            represented: counted.represented.contains(&no),
            holds: proxies.iter().filter(|p| p.holder == Holder::Member(no)).map(|p| p.principal).collect(),
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT published, channel, reference FROM meeting_notice WHERE meeting = ?1 ORDER BY published, rowid",
    )?;
    let notices = stmt
        .query_map([id], |r| {
            Ok(Notice {
                published: day_at(r, 0)?.unwrap_or_default(),
                channel: enum_from_text(r.get(1)?)?,
                reference: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let minutes_json: Option<String> =
        conn.query_row("SELECT minutes FROM meeting WHERE meeting = ?1", [id], |r| r.get(0))?;
    let failed_json: Option<String> = if m.stage == MeetingStage::Failed {
        conn.query_row("SELECT outcome_note FROM meeting WHERE meeting = ?1", [id], |r| r.get(0))?
    } else {
        None
    };
    let minutes: Option<MinutesRecorded> = minutes_json.map(|j| serde_json::from_str(&j)).transpose()?;
    let failed_quorum: Option<QuorumCount> = failed_json.and_then(|j| serde_json::from_str(&j).ok());
    // Once the minutes are taken (or the call failed) the quorum is the one recorded then, not a
    // recount against today's register.
    let quorum = match m.stage {
        MeetingStage::Draft | MeetingStage::Cancelled => None,
        MeetingStage::Minuted | MeetingStage::Notified | MeetingStage::Closed => {
            minutes.as_ref().map(|x| x.quorum)
        }
        MeetingStage::Failed => failed_quorum,
        _ => quorum_of(conn, &m).ok(),
    };
    let notice_checks_today =
        if m.kind.is_assembly() && matches!(m.stage, MeetingStage::Draft | MeetingStage::Convened) {
            notice_checks(conn, &m, today).unwrap_or_default()
        } else {
            Vec::new()
        };
    let next_call: Option<u32> =
        conn.query_row("SELECT MIN(meeting) FROM meeting WHERE previous = ?1", [id], |r| r.get(0))?;
    Ok(MeetingPage {
        next_stages: rules::next_stages(m.kind, m.stage),
        notices,
        proxies,
        attendance,
        non_members_present: names,
        quorum,
        resolutions: resolutions(conn, id)?,
        elections: elections(conn, id)?,
        minutes,
        failed_quorum,
        notice_checks_today,
        next_call,
        history: crate::documents::meeting_history(conn, id)?,
        meeting: m,
    })
}

/// The annual assembly's deadlines for the fiscal year that ended last before `today`, and
/// whether an annual assembly was held inside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnnualStatus {
    /// The deadlines.
    pub deadlines: rules::AnnualDeadlines,
    /// The annual assembly held for that year, if any.
    pub held: Option<u32>,
}

/// The annual assembly's status for the last fiscal year that ended before `today`.
pub fn annual_status(conn: &Connection, today: NaiveDate) -> Result<AnnualStatus> {
    let (start, _) = fiscal_year_of(conn, today)?;
    let ended = start.pred_opt().ok_or(StoreError::Refused(ErrorCode::DateOutOfRange))?;
    let (values, _) = members::statute_or_default(conn, today)?;
    let deadlines = rules::annual_deadlines(&values, ended).map_err(|code| field(Field::Date, code))?;
    let held: Option<u32> = conn.query_row(
        "SELECT MIN(meeting) FROM meeting WHERE annual = 1 AND date > ?1 \
         AND stage IN ('held', 'minuted', 'notified', 'closed')",
        [ended.to_string()],
        |r| r.get(0),
    )?;
    Ok(AnnualStatus { deadlines, held })
}

fn officer_or_refuse(
    conn: &Connection,
    body: Body,
    no: u32,
    pick: impl Fn(&Officer) -> bool,
) -> Result<Officer> {
    officers(conn)?
        .into_iter()
        .find(|o| o.body == body && o.membership_no == no && pick(o))
        .ok_or_else(|| member_rule(ErrorCode::NotInOffice, no))
}

/// Records that a principal's seat fell vacant (death, resignation, disqualification); for an
/// inspector the board then has the statute's days to call the alternate.
pub fn vacate(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    body: Body,
    membership_no: u32,
    date: &str,
    reason: &str,
) -> Result<Officer> {
    store.write(author, now, |w| {
        let conn = w.conn();
        let date = day_or_today(date, tehran_date(w.now()), Field::Date)?;
        let reason = normalize_text(reason);
        if reason.is_empty() {
            return Err(field(Field::Reason, ErrorCode::Required));
        }
        if !in_office(conn, body, date)?.iter().any(|o| o.membership_no == membership_no) {
            return Err(member_rule(ErrorCode::NotInOffice, membership_no));
        }
        let version = statute::in_force(conn, date)?.map(|v| v.version);
        w.append_judged(&Event::OfficeVacated(OfficeVacated { body, membership_no, date, reason }), version)?;
        officer_or_refuse(w.conn(), body, membership_no, |o| o.vacated.is_some())
    })
}

/// Calls an alternate of the same election to a vacant seat for the rest of the term.
pub fn fill(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    body: Body,
    vacated: u32,
    alternate: u32,
    date: &str,
) -> Result<Officer> {
    store.write(author, now, |w| {
        let conn = w.conn();
        let date = day_or_today(date, tehran_date(w.now()), Field::Date)?;
        let seat = officer_or_refuse(conn, body, vacated, |o| {
            o.principal && o.vacated.is_some() && o.filled_by.is_none()
        })?;
        let stand_in = officer_or_refuse(conn, body, alternate, |o| {
            !o.principal && o.meeting == seat.meeting && o.end == seat.end && o.called.is_none()
        })?;
        if seat.vacated.is_some_and(|v| date < v) {
            return Err(field(Field::Date, ErrorCode::DateBeforeJoining));
        }
        let version = statute::in_force(conn, date)?.map(|v| v.version);
        let event = OfficeFilled { body, vacated, alternate: stand_in.membership_no, date };
        w.append_judged(&Event::OfficeFilled(event), version)?;
        officer_or_refuse(w.conn(), body, alternate, |o| o.principal)
    })
}

/// Inspector seats vacant and not yet filled, with the last day to call the alternate.
pub fn inspector_vacancies(conn: &Connection) -> Result<Vec<(Officer, NaiveDate)>> {
    let mut out = Vec::new();
    for o in officers(conn)?.into_iter().filter(|o| o.body == Body::Inspectors && o.filled_by.is_none()) {
        let Some(v) = o.vacated else { continue };
        let (values, _) = members::statute_or_default(conn, v)?;
        let due =
            rules::inspector_replacement_deadline(&values, v).map_err(|code| field(Field::Date, code))?;
        out.push((o, due));
    }
    Ok(out)
}
