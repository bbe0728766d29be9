//! Meetings as sheets: the list (what the meetings screen shows), and one meeting — its
//! particulars and quorum, the attendance sheet, and the resolutions with their counts.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::words;
use crate::Result;
use crate::meetings::{self, Meeting};
use crate::xlsx::{Cell, Sheet};

const LIST_HEADERS: [&str; 11] = [
    "شماره",
    "نوع جلسه",
    "نوبت",
    "تاریخ",
    "ساعت",
    "محل",
    "مرحله",
    "سالیانه",
    "انتخابات",
    "دستور جلسه",
    "تاریخ پایان",
];

fn agenda(m: &Meeting) -> String {
    m.agenda.join(" / ")
}

pub(super) fn list_sheets(conn: &Connection) -> Result<Vec<Sheet>> {
    let mut sheet = Sheet::new("جلسات", &LIST_HEADERS);
    for m in meetings::list(conn)? {
        sheet.rows.push(vec![
            Cell::Count(m.meeting.into()),
            Cell::text(words::meeting_kind(m.kind)),
            Cell::Count(m.call.into()),
            Cell::Date(Some(m.date)),
            Cell::text(&m.hour),
            Cell::text(&m.place),
            Cell::text(words::meeting_stage(m.stage)),
            Cell::text(words::yes_no(m.annual)),
            Cell::text(words::yes_no(m.elections)),
            Cell::text(agenda(&m)),
            Cell::Date(m.ended_on),
        ]);
    }
    Ok(vec![sheet])
}

pub(super) fn meeting_sheets(conn: &Connection, id: u32, now: DateTime<Utc>) -> Result<Vec<Sheet>> {
    let page = meetings::page(conn, id, now)?;
    let m = &page.meeting;
    let mut facts = vec![
        ("شماره", Cell::Count(m.meeting.into())),
        ("نوع جلسه", Cell::text(words::meeting_kind(m.kind))),
        ("نوبت", Cell::Count(m.call.into())),
        ("تاریخ", Cell::Date(Some(m.date))),
        ("ساعت", Cell::text(&m.hour)),
        ("محل", Cell::text(&m.place)),
        ("مرحله", Cell::text(words::meeting_stage(m.stage))),
        ("دستور جلسه", Cell::text(agenda(m))),
    ];
    if let Some(q) = &page.quorum {
        facts.extend([
            ("دارندگان حق حضور", Cell::Count(q.entitled.into())),
            ("حد نصاب لازم", Cell::Count(q.required.into())),
            ("حاضر (شخصاً)", Cell::Count(q.in_person.into())),
            ("حاضر (با وکالت)", Cell::Count(q.by_proxy.into())),
            ("جمع حاضران", Cell::Count(q.present.into())),
            ("حد نصاب", Cell::text(if q.met { "حاصل شد" } else { "حاصل نشد" })),
        ]);
    }
    let mut meeting = Sheet::new("جلسه", &["شرح", "مقدار"]);
    meeting.rows = facts.into_iter().map(|(label, value)| vec![Cell::text(label), value]).collect();

    let mut attendance = Sheet::new(
        "حضور و غیاب",
        &["شماره عضویت", "نام", "کد ملی", "حاضر", "وکیل", "حاضر با وکالت", "وکالت از اعضای"],
    );
    for a in &page.attendance {
        let holds: Vec<String> = a.holds.iter().map(u32::to_string).collect();
        attendance.rows.push(vec![
            Cell::Count(a.membership_no.into()),
            Cell::text(&a.name),
            Cell::text(a.national_code.clone().unwrap_or_default()),
            Cell::text(words::yes_no(a.present)),
            Cell::text(a.proxy_holder.clone().unwrap_or_default()),
            Cell::text(words::yes_no(a.represented)),
            Cell::text(holds.join("، ")),
        ]);
    }
    for name in &page.non_members_present {
        attendance.rows.push(vec![
            Cell::text(""),
            Cell::text(name),
            Cell::text(""),
            Cell::text(words::yes_no(true)),
            Cell::text(""),
            Cell::text(""),
            Cell::text(""),
        ]);
    }

    let mut resolutions = Sheet::new(
        "مصوبات",
        &["شماره", "متن مصوبه", "موافق", "مخالف", "ممتنع", "آرای حاضر", "حداقل رأی لازم", "نتیجه"],
    );
    for r in &page.resolutions {
        let t = &r.tally;
        resolutions.rows.push(vec![
            Cell::Count(r.number.into()),
            Cell::text(&r.text),
            Cell::Count(t.yes.into()),
            Cell::Count(t.no.into()),
            Cell::Count(t.abstain.into()),
            Cell::Count(t.votes_present.into()),
            Cell::Count(t.required.into()),
            Cell::text(if t.passed { "تصویب شد" } else { "تصویب نشد" }),
        ]);
    }
    Ok(vec![meeting, attendance, resolutions])
}
