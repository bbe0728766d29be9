//! The inspector's notes (یادداشت‌های بازرس): the one thing an inspector writes. Each is an
//! `inspector.note` event about a member, a meeting or the cooperative in general.

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::access::{InspectorNote, InspectorNoteInput, NOTE_MAX_CHARS, NoteSubject, note_event};
use hamyar_core::clock::tehran_date;
use hamyar_core::text::normalize_text;
use hamyar_core::{ErrorCode, Field, FieldError};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::{Result, Store, StoreError, meetings, members};

/// A recorded note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NoteRow {
    /// The journal event.
    pub event_id: String,
    /// The day of the note.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// What it is about.
    pub subject: NoteSubject,
    /// The note.
    pub text: String,
    /// Who wrote it: the user's display name when known, else the journal's author.
    pub author: String,
}

fn invalid(field: Field, code: ErrorCode) -> StoreError {
    StoreError::Invalid(vec![FieldError { field, code }])
}

/// Records a note after checking its day, its text and that its member or meeting exists.
pub fn add(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &InspectorNoteInput,
) -> Result<NoteRow> {
    let date = match hamyar_core::jalali::parse_date(&input.date) {
        Ok(d) if d > tehran_date(now) => return Err(invalid(Field::Date, ErrorCode::DateInFuture)),
        Ok(d) => d,
        Err(code) => return Err(invalid(Field::Date, code)),
    };
    let text = normalize_text(&input.text);
    if text.is_empty() {
        return Err(invalid(Field::Text, ErrorCode::Required));
    }
    if text.chars().count() > NOTE_MAX_CHARS {
        return Err(invalid(Field::Text, ErrorCode::TooLong));
    }
    store.write(author, now, |w| {
        match input.subject {
            NoteSubject::General => {}
            NoteSubject::Member { membership_no } => {
                members::get(w.conn(), membership_no)?
                    .ok_or(StoreError::Refused(ErrorCode::UnknownMember))?;
            }
            NoteSubject::Meeting { meeting } => {
                meetings::get(w.conn(), meeting)?.ok_or(StoreError::Refused(ErrorCode::UnknownMeeting))?;
            }
        }
        let entry = w.append(&note_event(InspectorNote { date, subject: input.subject, text }))?;
        list(w.conn())?
            .into_iter()
            .find(|n| n.event_id == entry.id)
            .ok_or(StoreError::Refused(ErrorCode::Internal))
    })
}

/// Every note, newest day first.
pub fn list(conn: &Connection) -> Result<Vec<NoteRow>> {
    let mut stmt = conn.prepare(
        "SELECT n.event_id, n.date, n.subject, n.member, n.meeting, n.text, COALESCE(u.display_name, n.author) \
         FROM inspector_note n LEFT JOIN app_user u ON u.username = n.author \
         ORDER BY n.date DESC, n.rowid DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let date: String = r.get(1)?;
        let subject: String = r.get(2)?;
        let member: Option<u32> = r.get(3)?;
        let meeting: Option<u32> = r.get(4)?;
        let subject = match (subject.as_str(), member, meeting) {
            ("member", Some(membership_no), _) => NoteSubject::Member { membership_no },
            ("meeting", _, Some(meeting)) => NoteSubject::Meeting { meeting },
            _ => NoteSubject::General,
        };
        Ok(NoteRow {
            event_id: r.get(0)?,
            date: date.parse().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, Box::new(e))
            })?,
            subject,
            text: r.get(5)?,
            author: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
