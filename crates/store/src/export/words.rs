//! The Persian words exports write for the ledger's enums (the UI's catalogue has the same
//! words for the screen; a sheet is read outside Hamyar, so it carries them itself).

use hamyar_core::meeting::{MeetingKind, MeetingStage};
use hamyar_core::member::MemberStatus;
use hamyar_core::shares::ShareEntryKind;

/// Every member status and the word a sheet writes for it; the import reads them back.
pub(crate) const STATUSES: [(MemberStatus, &str); 5] = [
    (MemberStatus::Applicant, "متقاضی"),
    (MemberStatus::Active, "فعال"),
    (MemberStatus::Withdrawn, "خارج‌شده"),
    (MemberStatus::Expelled, "اخراج‌شده"),
    (MemberStatus::Deceased, "درگذشته"),
];

/// A member status in words.
pub(crate) fn status(s: MemberStatus) -> &'static str {
    STATUSES.iter().find(|(x, _)| *x == s).map_or("", |(_, w)| w)
}

/// A share entry's kind in words.
pub(crate) fn entry_kind(k: ShareEntryKind) -> &'static str {
    match k {
        ShareEntryKind::Subscribe => "تعهد خرید سهم",
        ShareEntryKind::Pay => "پرداخت",
        ShareEntryKind::Transfer => "انتقال سهم",
        ShareEntryKind::Refund => "استرداد سهم",
        ShareEntryKind::Capitalise => "افزایش سرمایه از محل سود",
        ShareEntryKind::Reverse => "سند برگشتی",
    }
}

/// A meeting's kind in words.
pub(crate) fn meeting_kind(k: MeetingKind) -> &'static str {
    match k {
        MeetingKind::Ordinary => "مجمع عمومی عادی",
        MeetingKind::Extraordinary => "مجمع عمومی فوق‌العاده",
        MeetingKind::Board => "جلسه هیئت مدیره",
    }
}

/// A meeting's stage in words.
pub(crate) fn meeting_stage(s: MeetingStage) -> &'static str {
    match s {
        MeetingStage::Draft => "پیش‌نویس",
        MeetingStage::Convened => "دعوت شده",
        MeetingStage::Noticed => "آگهی شده",
        MeetingStage::Held => "در حال برگزاری",
        MeetingStage::Minuted => "صورتجلسه شده",
        MeetingStage::Notified => "ابلاغ شده",
        MeetingStage::Closed => "بسته شده",
        MeetingStage::Cancelled => "لغو شده",
        MeetingStage::Failed => "به حد نصاب نرسید",
    }
}

/// Yes or no.
pub(crate) fn yes_no(b: bool) -> &'static str {
    if b { "بله" } else { "خیر" }
}
