//! Projections `member` and `member_warning`: the register as the member events left it.

use hamyar_core::event::{MemberAdmission, MemberDated, MemberUpdate, MemberWarning};
use hamyar_core::member::{MemberData, MemberExit, MemberStatus};
use rusqlite::Connection;

use super::enum_text;
use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply_admit(conn: &Connection, entry: &JournalEntry, a: &MemberAdmission) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO member (membership_no, kind, first_name, last_name, national_code, legal_id, particulars, \
         status, joined, updated_at, event_id, admitted_as_applicant) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(rusqlite::params![
        a.membership_no,
        enum_text(&a.data.kind)?,
        a.data.first_name,
        a.data.last_name,
        a.data.national_code,
        a.data.legal_id,
        serde_json::to_string(&a.data)?,
        enum_text(&a.status)?,
        a.joined.to_string(),
        entry.wall_time,
        entry.id,
        a.status == MemberStatus::Applicant,
    ])?;
    Ok(())
}

pub(crate) fn apply_update(conn: &Connection, entry: &JournalEntry, u: &MemberUpdate) -> Result<()> {
    write_particulars(conn, entry, u.membership_no, &u.data)
}

fn write_particulars(conn: &Connection, entry: &JournalEntry, no: u32, data: &MemberData) -> Result<()> {
    conn.execute(
        "UPDATE member SET kind = ?2, first_name = ?3, last_name = ?4, national_code = ?5, legal_id = ?6, \
         particulars = ?7, updated_at = ?8, event_id = ?9 WHERE membership_no = ?1",
        rusqlite::params![
            no,
            enum_text(&data.kind)?,
            data.first_name,
            data.last_name,
            data.national_code,
            data.legal_id,
            serde_json::to_string(data)?,
            entry.wall_time,
            entry.id,
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_activate(conn: &Connection, entry: &JournalEntry, a: &MemberDated) -> Result<()> {
    conn.execute(
        "UPDATE member SET status = ?2, updated_at = ?3, event_id = ?4, activated_on = ?5 WHERE membership_no = ?1",
        rusqlite::params![
            a.membership_no,
            enum_text(&MemberStatus::Active)?,
            entry.wall_time,
            entry.id,
            a.date.to_string()
        ],
    )?;
    Ok(())
}

pub(crate) fn apply_warn(conn: &Connection, entry: &JournalEntry, w: &MemberWarning) -> Result<()> {
    conn.execute(
        "INSERT INTO member_warning (event_id, membership_no, date, note) VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![entry.id, w.membership_no, w.date.to_string(), w.note],
    )?;
    Ok(())
}

pub(crate) fn apply_exit(conn: &Connection, entry: &JournalEntry, x: &MemberExit) -> Result<()> {
    conn.execute(
        "UPDATE member SET status = ?2, exit_date = ?3, exit_reason = ?4, updated_at = ?5, event_id = ?6 \
         WHERE membership_no = ?1",
        rusqlite::params![
            x.membership_no,
            enum_text(&x.reason.status())?,
            x.date.to_string(),
            enum_text(&x.reason)?,
            entry.wall_time,
            entry.id,
        ],
    )?;
    Ok(())
}
