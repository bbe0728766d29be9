//! Projections of meetings: the meeting row and its stage, notices, proxies, attendance,
//! resolutions, elections and the terms of office they start.

use hamyar_core::meeting::record::{
    CheckedIn, DecisionsNotified, ElectionRecorded, MeetingConvened, MeetingCreated, MeetingEnded,
    MeetingNoticed, MinutesRecorded, OfficeFilled, OfficeVacated, ProxyRegistered, ResolutionRecorded,
};
use hamyar_core::meeting::{Holder, MeetingStage, RuleCheck};
use rusqlite::{Connection, OptionalExtension};

use super::enum_text;
use crate::Result;
use crate::journal::JournalEntry;

fn set_stage(conn: &Connection, entry: &JournalEntry, meeting: u32, stage: MeetingStage) -> Result<()> {
    conn.execute(
        "UPDATE meeting SET stage = ?2, event_id = ?3 WHERE meeting = ?1",
        rusqlite::params![meeting, enum_text(&stage)?, entry.id],
    )?;
    Ok(())
}

fn add_warnings(conn: &Connection, meeting: u32, warnings: &[RuleCheck]) -> Result<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let old: Option<String> = conn
        .query_row("SELECT warnings FROM meeting WHERE meeting = ?1", [meeting], |r| r.get(0))
        .optional()?;
    let mut all: Vec<RuleCheck> = old.map(|w| serde_json::from_str(&w)).transpose()?.unwrap_or_default();
    all.extend(warnings.iter().cloned());
    conn.execute(
        "UPDATE meeting SET warnings = ?2 WHERE meeting = ?1",
        rusqlite::params![meeting, serde_json::to_string(&all)?],
    )?;
    Ok(())
}

pub(crate) fn apply_create(conn: &Connection, entry: &JournalEntry, m: &MeetingCreated) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting (meeting, kind, call, previous, annual, elections, date, hour, place, proxy_check, \
         candidacy_until, agenda, stage, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        rusqlite::params![
            m.meeting,
            enum_text(&m.kind)?,
            m.call,
            m.previous,
            m.annual,
            m.elections,
            m.date.to_string(),
            m.hour,
            m.place,
            m.proxy_check,
            m.candidacy_until.map(|d| d.to_string()),
            serde_json::to_string(&m.agenda)?,
            enum_text(&MeetingStage::Draft)?,
            entry.id
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_convene(conn: &Connection, entry: &JournalEntry, c: &MeetingConvened) -> Result<()> {
    conn.execute(
        "UPDATE meeting SET convened_by = ?2, requested = ?3, convened_on = ?4 WHERE meeting = ?1",
        rusqlite::params![
            c.meeting,
            enum_text(&c.convened_by)?,
            c.requested.map(|d| d.to_string()),
            c.date.to_string()
        ],
    )?;
    add_warnings(conn, c.meeting, &c.warnings)?;
    set_stage(conn, entry, c.meeting, MeetingStage::Convened)
}

pub(crate) fn apply_notice(conn: &Connection, entry: &JournalEntry, n: &MeetingNoticed) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_notice (event_id, meeting, published, channel, reference) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![entry.id, n.meeting, n.published.to_string(), enum_text(&n.channel)?, n.reference],
    )?;
    add_warnings(conn, n.meeting, &n.warnings)?;
    set_stage(conn, entry, n.meeting, MeetingStage::Noticed)
}

pub(crate) fn apply_proxy(conn: &Connection, entry: &JournalEntry, p: &ProxyRegistered) -> Result<()> {
    let (member, name) = match &p.holder {
        Holder::Member(no) => (Some(*no), None),
        Holder::NonMember(name) => (None, Some(name.clone())),
    };
    conn.execute(
        "INSERT INTO meeting_proxy (meeting, principal, holder_member, holder_name, validated_by, validated_on, \
         validated_at, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        rusqlite::params![
            p.meeting,
            p.principal,
            member,
            name,
            p.validated_by,
            p.validated_on.to_string(),
            p.validated_at,
            entry.id
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_checkin(conn: &Connection, entry: &JournalEntry, c: &CheckedIn) -> Result<()> {
    conn.execute(
        "INSERT INTO meeting_attendance (event_id, meeting, membership_no, holder_name) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![entry.id, c.meeting, c.member, c.holder_name],
    )?;
    conn.execute(
        "UPDATE meeting SET held_on = COALESCE(held_on, date) WHERE meeting = ?1",
        rusqlite::params![c.meeting],
    )?;
    set_stage(conn, entry, c.meeting, MeetingStage::Held)
}

pub(crate) fn apply_resolution(
    conn: &Connection,
    entry: &JournalEntry,
    r: &ResolutionRecorded,
) -> Result<()> {
    let t = &r.tally;
    conn.execute(
        "INSERT INTO meeting_resolution (event_id, meeting, number, text, yes, no, abstain, votes_present, required, \
         passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        rusqlite::params![
            entry.id,
            r.meeting,
            r.number,
            r.text,
            t.yes,
            t.no,
            t.abstain,
            t.votes_present,
            t.required,
            t.passed
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_election(conn: &Connection, entry: &JournalEntry, e: &ElectionRecorded) -> Result<()> {
    conn.execute(
        "INSERT INTO election (event_id, meeting, body, seats, alternates, ballots, result) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            entry.id,
            e.meeting,
            enum_text(&e.body)?,
            e.seats,
            e.alternates,
            e.ballots,
            serde_json::to_string(&e.result)?
        ],
    )?;
    let mut cand = conn.prepare_cached(
        "INSERT INTO election_candidate (event_id, membership_no, votes) VALUES (?1, ?2, ?3)",
    )?;
    for c in &e.candidates {
        cand.execute(rusqlite::params![entry.id, c.membership_no, c.votes])?;
    }
    let mut term = conn.prepare_cached(
        "INSERT INTO office_term (event_id, body, membership_no, role, rank, start, end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let body = enum_text(&e.body)?;
    for (role, list) in [("principal", &e.result.principals), ("alternate", &e.result.alternates)] {
        for r in list {
            term.execute(rusqlite::params![
                entry.id,
                body,
                r.membership_no,
                role,
                r.rank,
                e.term_start.to_string(),
                e.term_end.to_string()
            ])?;
        }
    }
    Ok(())
}

pub(crate) fn apply_minutes(conn: &Connection, entry: &JournalEntry, m: &MinutesRecorded) -> Result<()> {
    conn.execute(
        "UPDATE meeting SET minutes = ?2 WHERE meeting = ?1",
        rusqlite::params![m.meeting, serde_json::to_string(m)?],
    )?;
    set_stage(conn, entry, m.meeting, MeetingStage::Minuted)
}

pub(crate) fn apply_notify(conn: &Connection, entry: &JournalEntry, n: &DecisionsNotified) -> Result<()> {
    conn.execute(
        "UPDATE meeting SET notified_on = ?2 WHERE meeting = ?1",
        rusqlite::params![n.meeting, n.date.to_string()],
    )?;
    add_warnings(conn, n.meeting, &n.warnings)?;
    set_stage(conn, entry, n.meeting, MeetingStage::Notified)
}

pub(crate) fn apply_end(
    conn: &Connection,
    entry: &JournalEntry,
    e: &MeetingEnded,
    stage: MeetingStage,
) -> Result<()> {
    let note = match &e.quorum {
        Some(q) => Some(serde_json::to_string(q)?),
        None => e.note.clone(),
    };
    conn.execute(
        "UPDATE meeting SET closed_on = ?2, outcome_note = ?3 WHERE meeting = ?1",
        rusqlite::params![e.meeting, e.date.to_string(), note],
    )?;
    set_stage(conn, entry, e.meeting, stage)
}

/// The principal's newest term of `body` gets the vacancy.
pub(crate) fn apply_vacate(conn: &Connection, v: &OfficeVacated) -> Result<()> {
    conn.execute(
        "UPDATE office_term SET vacated = ?3, vacancy_reason = ?4 WHERE rowid = (SELECT rowid FROM office_term \
         WHERE body = ?1 AND membership_no = ?2 AND role = 'principal' ORDER BY end DESC LIMIT 1)",
        rusqlite::params![enum_text(&v.body)?, v.membership_no, v.date.to_string(), v.reason],
    )?;
    Ok(())
}

/// The alternate of the same election takes the vacant seat from the day called.
pub(crate) fn apply_fill(conn: &Connection, f: &OfficeFilled) -> Result<()> {
    let body = enum_text(&f.body)?;
    let event: Option<String> = conn
        .query_row(
            "SELECT event_id FROM office_term WHERE body = ?1 AND membership_no = ?2 AND role = 'principal' \
             AND vacated IS NOT NULL ORDER BY end DESC LIMIT 1",
            rusqlite::params![body, f.vacated],
            |r| r.get(0),
        )
        .optional()?;
    let Some(event) = event else { return Ok(()) };
    conn.execute(
        "UPDATE office_term SET filled_by = ?3 WHERE event_id = ?1 AND membership_no = ?2",
        rusqlite::params![event, f.vacated, f.alternate],
    )?;
    conn.execute(
        "UPDATE office_term SET role = 'principal', called = ?3 WHERE event_id = ?1 AND membership_no = ?2",
        rusqlite::params![event, f.alternate, f.date.to_string()],
    )?;
    Ok(())
}
