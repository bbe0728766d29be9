//! Projection of `inspector.note`: the inspector's notes, by day and by what they are about.

use hamyar_core::access::{InspectorNote, NoteSubject};
use rusqlite::{Connection, params};

use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply_note(conn: &Connection, entry: &JournalEntry, n: &InspectorNote) -> Result<()> {
    let (subject, member, meeting) = match n.subject {
        NoteSubject::General => ("general", None, None),
        NoteSubject::Member { membership_no } => ("member", Some(membership_no), None),
        NoteSubject::Meeting { meeting } => ("meeting", None, Some(meeting)),
    };
    conn.execute(
        "INSERT INTO inspector_note (event_id, date, subject, member, meeting, text, author) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![entry.id, n.date.to_string(), subject, member, meeting, n.text, entry.author],
    )?;
    Ok(())
}
