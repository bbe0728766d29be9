//! Users and roles on a shared laptop (کاربران و نقش‌ها): who may append which event.
//!
//! The rule is one explicit table over every event kind the core knows ([`Role::may_append`]);
//! a kind missing from it fails a test, so a new event cannot arrive unclassified. The table and
//! its reasons are documented in `docs/users.md`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::event::Event;

/// A local account's role (نقش).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// A board member (عضو هیئت مدیره): everything, including users and settings.
    Board,
    /// A clerk (کارمند دفتر / متصدی ثبت): data entry — production, workforce, quality, sales,
    /// attendance, meeting drafts and minutes; no share events, statute, admissions or closings.
    Clerk,
    /// An inspector (بازرس): reads everything, writes only the inspector's notes.
    Inspector,
}

/// Who may append a kind: the three roles' answers, in one row of [`PERMISSIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    /// The event kind, as in the journal.
    pub kind: &'static str,
    /// Whether a clerk may append it (a board member always may).
    pub clerk: bool,
    /// Whether an inspector may append it.
    pub inspector: bool,
}

const fn row(kind: &'static str, clerk: bool, inspector: bool) -> Permission {
    Permission { kind, clerk, inspector }
}

/// Every event kind with who besides the board may append it. Order follows [`Event::KINDS`].
pub const PERMISSIONS: &[Permission] = &[
    // The cooperative's identity and its statute: board only.
    row("profile.set", false, false),
    row("statute.set", false, false),
    // The member register is a legal record kept by the board.
    row("member.admit", false, false),
    row("member.update", false, false),
    row("member.activate", false, false),
    row("member.warn", false, false),
    row("member.exit", false, false),
    // Share capital: never a clerk.
    row("share.subscribe", false, false),
    row("share.pay", false, false),
    row("share.transfer", false, false),
    row("share.refund", false, false),
    row("share.capitalise", false, false),
    row("share.reverse", false, false),
    // The product catalogue and the day's production: data entry.
    row("product.add", true, false),
    row("product.update", true, false),
    row("product.retire", true, false),
    row("production.record", true, false),
    row("production.reverse", true, false),
    row("workforce.set", true, false),
    row("quality.add", true, false),
    row("sale.record", true, false),
    // Closing the books through a day is the board's.
    row("period.close", false, false),
    // Meetings: a clerk drafts one, records publication of its notice, checks people in at the
    // door and takes the minutes; convening, proxies, votes, elections, notification and
    // ending are the board's acts.
    row("meeting.create", true, false),
    row("meeting.convene", false, false),
    row("meeting.notice", true, false),
    row("meeting.proxy", false, false),
    row("meeting.checkin", true, false),
    row("meeting.resolve", false, false),
    row("meeting.elect", false, false),
    row("meeting.minutes", true, false),
    row("meeting.notify", false, false),
    row("meeting.close", false, false),
    row("meeting.cancel", false, false),
    row("meeting.fail", false, false),
    row("office.vacate", false, false),
    row("office.fill", false, false),
    // Year-end and the period report: board only.
    row("year.close", false, false),
    row("year.approve", false, false),
    row("report.close", false, false),
    // The inspector's own notes (and the board, which may do everything).
    row("inspector.note", false, true),
];

impl Role {
    /// Every role, board first.
    pub const ALL: [Self; 3] = [Self::Board, Self::Clerk, Self::Inspector];

    /// The role's name as stored and shown in `details.role`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Board => "board",
            Self::Clerk => "clerk",
            Self::Inspector => "inspector",
        }
    }

    /// Reads a stored role name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether this role may append an event of `kind`. An unknown kind is refused to all but
    /// the board, which may do everything.
    pub fn may_append(self, kind: &str) -> bool {
        if self == Self::Board {
            return true;
        }
        PERMISSIONS.iter().find(|p| p.kind == kind).is_some_and(|p| match self {
            Self::Clerk => p.clerk,
            Self::Inspector => p.inspector,
            Self::Board => true,
        })
    }
}

/// The person at the keyboard (کاربر جاری), as the store and the shell know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Actor {
    /// Login name; the journal's `author`.
    pub username: String,
    /// Name shown in histories.
    pub display_name: String,
    /// What they may do.
    pub role: Role,
}

/// What an inspector's note is about (موضوع یادداشت بازرس).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "subject", rename_all = "snake_case")]
#[ts(export)]
pub enum NoteSubject {
    /// The cooperative in general.
    General,
    /// One member.
    Member {
        /// The member.
        membership_no: u32,
    },
    /// One meeting.
    Meeting {
        /// The meeting.
        meeting: u32,
    },
}

/// An inspector's note as typed (یادداشت بازرس).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InspectorNoteInput {
    /// Day, ISO or Jalali.
    pub date: String,
    /// What it is about.
    pub subject: NoteSubject,
    /// The note.
    pub text: String,
}

/// Payload of `inspector.note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectorNote {
    /// The day of the note.
    pub date: NaiveDate,
    /// What it is about.
    #[serde(flatten)]
    pub subject: NoteSubject,
    /// The note, normalised.
    pub text: String,
}

/// The longest note, in characters.
pub const NOTE_MAX_CHARS: usize = 4000;

/// The event an inspector's note is recorded as.
pub fn note_event(note: InspectorNote) -> Event {
    Event::InspectorNoted(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_kind_is_classified_exactly_once() {
        let kinds: Vec<&str> = Event::KINDS.iter().map(|(k, _)| *k).collect();
        let table: Vec<&str> = PERMISSIONS.iter().map(|p| p.kind).collect();
        for kind in &kinds {
            assert_eq!(
                table.iter().filter(|k| *k == kind).count(),
                1,
                "event kind {kind} must appear once in access::PERMISSIONS (and docs/users.md)"
            );
        }
        assert_eq!(table.len(), kinds.len(), "PERMISSIONS names a kind Event::KINDS does not know");
    }

    #[test]
    fn board_may_append_everything() {
        assert!(Event::KINDS.iter().all(|(k, _)| Role::Board.may_append(k)));
    }

    #[test]
    fn a_clerk_enters_data_but_never_touches_shares_statute_admissions_or_closings() {
        for kind in ["production.record", "production.reverse", "workforce.set", "quality.add", "sale.record"]
        {
            assert!(Role::Clerk.may_append(kind), "{kind}");
        }
        for kind in ["meeting.create", "meeting.checkin", "meeting.minutes"] {
            assert!(Role::Clerk.may_append(kind), "{kind}");
        }
        let forbidden = Event::KINDS.iter().map(|(k, _)| *k).filter(|k| {
            k.starts_with("share.")
                || k.starts_with("year.")
                || matches!(
                    *k,
                    "statute.set"
                        | "profile.set"
                        | "member.admit"
                        | "member.exit"
                        | "report.close"
                        | "period.close"
                        | "inspector.note"
                )
        });
        for kind in forbidden {
            assert!(!Role::Clerk.may_append(kind), "{kind}");
        }
    }

    #[test]
    fn an_inspector_may_append_only_notes() {
        let allowed: Vec<&str> =
            Event::KINDS.iter().map(|(k, _)| *k).filter(|k| Role::Inspector.may_append(k)).collect();
        assert_eq!(allowed, ["inspector.note"]);
    }

    #[test]
    fn unknown_kinds_are_refused_to_clerks_and_inspectors() {
        assert!(!Role::Clerk.may_append("member.teleport"));
        assert!(!Role::Inspector.may_append("member.teleport"));
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert_eq!(serde_json::to_string(&role).ok(), Some(format!("\"{}\"", role.as_str())));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn a_note_payload_names_its_subject_flat() {
        let note = InspectorNote {
            date: NaiveDate::from_ymd_opt(2025, 5, 1).expect("valid"),
            subject: NoteSubject::Member { membership_no: 3 },
            text: "دفتر سهام بررسی شد".into(),
        };
        let event = note_event(note);
        let payload = event.payload_json().expect("serialises");
        assert_eq!(
            payload,
            r#"{"date":"2025-05-01","membership_no":3,"subject":"member","text":"دفتر سهام بررسی شد"}"#
        );
        assert_eq!(Event::decode("inspector.note", 1, &payload).ok(), Some(event));
    }
}
