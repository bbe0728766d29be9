//! General assemblies (مجمع عمومی) and board meetings (جلسه هیأت مدیره): the pure rules.
//! The store gathers the facts (members, check-ins, proxies, dates, the statute in force), these
//! functions judge them, and the store records what they return. No SQLite, no clock.
//!
//! Conventions:
//! * Days are [`NaiveDate`]s (Gregorian, stored ISO). Deadlines counted in months are counted in
//!   **Jalali** months with [`add_jalali_months`] (a Gregorian month is not a Jalali month); deadlines
//!   counted in days are plain day counts.
//! * Every count is exact integer arithmetic: a [`Threshold`] is a fraction compared by
//!   cross-multiplication, never a float.
//! * A call (نوبت) is a plain `u8`: 1 or 2 for an ordinary assembly, 1 to 3 for an extraordinary one,
//!   only 1 for a board meeting ([`check_call`]).
//! * A refusal is an `Err` ([`ErrorCode`], or [`Refusal`] when a limit and a value help the user); a
//!   finding that the UI shows but that does not block (a late notice, too few members) is a [`RuleCheck`].
//! * In a [`RuleCheck`], day counts are written as whole numbers (`"20"`) and dates as ISO `YYYY-MM-DD`.
//!
//! Sources: the 1387 general-assembly regulation and the Co-operative Sector Law, as summarised in
//! the domain reference (sections A.3, A.4, A.7); every number that is not a fixed rule of law is
//! read from [`StatuteValues`].

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorCode;
use crate::jalali::{JalaliDate, days_in_month};
use crate::shares::Refusal;
use crate::statute::{Fraction, StatuteValues, Threshold};
use crate::text::normalize_text;

/// The kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeetingKind {
    /// مجمع عمومی عادی (annual, or «به‌طور فوق‌العاده» at any time): two calls.
    Ordinary,
    /// مجمع عمومی فوق‌العاده (statute, capital, dissolution, merger): three calls.
    Extraordinary,
    /// جلسه هیأت مدیره: one call, no notice window, no proxies.
    Board,
}

impl MeetingKind {
    /// How many calls (نوبت) this kind of meeting may have: ordinary 2, extraordinary 3, board 1.
    pub const fn calls(self) -> u8 {
        match self {
            Self::Ordinary => 2,
            Self::Extraordinary => 3,
            Self::Board => 1,
        }
    }

    /// Whether this is a general assembly (ordinary or extraordinary).
    pub const fn is_assembly(self) -> bool {
        !matches!(self, Self::Board)
    }
}

/// Who convened (دعوت‌کننده) the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConvenedBy {
    /// The board, on its own initiative.
    Board,
    /// An inspector (بازرس), who may ask for an ordinary or an extraordinary assembly.
    Inspector,
    /// Members: 1/5 of them for an ordinary, 1/3 for an extraordinary assembly ([`request_valid`]).
    Members,
    /// The Ministry (وزارت تعاون).
    Ministry,
    /// Another general assembly that ordered this one.
    Assembly,
}

impl ConvenedBy {
    /// Whether the board must announce the assembly within the statute's `convening_months` of a request or order
    /// (everyone but the board itself).
    pub const fn has_convening_deadline(self) -> bool {
        !matches!(self, Self::Board)
    }
}

/// How a notice reaches the members (the statute chooses newspaper and/or written invitation;
/// posting is always required).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NoticeChannel {
    /// A national or local newspaper (روزنامه کثیرالانتشار).
    Newspaper,
    /// A written invitation with signed receipt, or registered post to the last declared address.
    Written,
    /// Posting at the head office, branches, workshops and shops, and on the website if any.
    Posting,
}

/// The channel every notice must use whatever else the statute chooses (reference A.3, "notice methods").
pub const MANDATORY_CHANNEL: NoticeChannel = NoticeChannel::Posting;

/// A meeting's stage in its life cycle (see [`can_move`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeetingStage {
    /// Being prepared; nothing is decided yet.
    Draft,
    /// Convened: date, place and agenda fixed by whoever convenes.
    Convened,
    /// The notice (آگهی دعوت) is published.
    Noticed,
    /// The meeting took place with its quorum.
    Held,
    /// Minutes (صورت‌جلسه) recorded and signed.
    Minuted,
    /// Decisions notified to the members (assemblies).
    Notified,
    /// Nothing more to do.
    Closed,
    /// Called off before it was held.
    Cancelled,
    /// Not held for lack of quorum: the next call may follow ([`check_next_call`]).
    Failed,
}

impl MeetingStage {
    /// Every stage, in life-cycle order.
    pub const ALL: [MeetingStage; 9] = [
        Self::Draft,
        Self::Convened,
        Self::Noticed,
        Self::Held,
        Self::Minuted,
        Self::Notified,
        Self::Closed,
        Self::Cancelled,
        Self::Failed,
    ];

    /// Whether no move leaves this stage (closed, cancelled, failed).
    pub const fn is_final(self) -> bool {
        matches!(self, Self::Closed | Self::Cancelled | Self::Failed)
    }
}

/// One member's vote on a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Vote {
    /// موافق
    Yes,
    /// مخالف
    No,
    /// ممتنع
    Abstain,
}

/// A finding of the rules that the UI shows (usually a warning): the code, and the limit and the
/// value compared, as text (days as whole numbers, dates as ISO `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleCheck {
    /// What was found.
    pub code: ErrorCode,
    /// The limit the rule sets (e.g. `"20"` days, or the deadline `"2025-05-20"`).
    pub limit: Option<String>,
    /// The value found (e.g. `"19"` days, or the publication date).
    pub value: Option<String>,
}

impl RuleCheck {
    fn new(code: ErrorCode, limit: impl ToString, value: impl ToString) -> Self {
        Self { code, limit: Some(limit.to_string()), value: Some(value.to_string()) }
    }
}

// ---------------------------------------------------------------------------------------------
// Jalali date arithmetic
// ---------------------------------------------------------------------------------------------

/// Adds `months` Jalali months (negative to go back) to a day: the same day of the month in the
/// target month, clamped to that month's length (31 Shahrivar + 1 month = 30 Mehr; 30 Esfand 1403
/// + 12 months = 29 Esfand 1404). Refuses years outside the supported range (`date_out_of_range`).
pub fn add_jalali_months(date: NaiveDate, months: i32) -> Result<NaiveDate, ErrorCode> {
    let j = JalaliDate::from_gregorian(date);
    let index = i64::from(j.year) * 12 + i64::from(j.month) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).map_err(|_| ErrorCode::DateOutOfRange)?;
    let month = u8::try_from(index.rem_euclid(12) + 1).map_err(|_| ErrorCode::DateOutOfRange)?;
    let day = j.day.min(days_in_month(year, month));
    JalaliDate::new(year, month, day)?.to_gregorian()
}

fn months_i32(months: u32) -> Result<i32, ErrorCode> {
    i32::try_from(months).map_err(|_| ErrorCode::StatuteValueInvalid)
}

fn add_days(date: NaiveDate, days: u64) -> Result<NaiveDate, ErrorCode> {
    date.checked_add_days(Days::new(days)).ok_or(ErrorCode::DateOutOfRange)
}

fn day_before(date: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    date.pred_opt().ok_or(ErrorCode::DateOutOfRange)
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

// ---------------------------------------------------------------------------------------------
// Calls and quorum
// ---------------------------------------------------------------------------------------------

/// Checks a call number against the kind: 1–2 ordinary, 1–3 extraordinary, only 1 for the board.
pub fn check_call(kind: MeetingKind, call: u8) -> Result<(), ErrorCode> {
    if (1..=kind.calls()).contains(&call) { Ok(()) } else { Err(ErrorCode::CallNumberInvalid) }
}

/// The quorum (حد نصاب) of a meeting at a call, as a fraction of those entitled to attend
/// (members for an assembly, principal board members for a board meeting). Assemblies read it from
/// the statute; a board meeting needs the statute's `board_majority`.
pub fn quorum_threshold(s: &StatuteValues, kind: MeetingKind, call: u8) -> Result<Threshold, ErrorCode> {
    check_call(kind, call)?;
    Ok(match (kind, call) {
        (MeetingKind::Ordinary, 1) => s.ordinary_quorum_call1,
        (MeetingKind::Ordinary, _) => s.ordinary_quorum_call2,
        (MeetingKind::Extraordinary, 1) => s.extraordinary_quorum_call1,
        (MeetingKind::Extraordinary, 2) => s.extraordinary_quorum_call2,
        (MeetingKind::Extraordinary, _) => s.extraordinary_quorum_call3,
        (MeetingKind::Board, _) => s.board_majority,
    })
}

/// The smallest count out of `total` that meets a threshold, and never less than 1 (nobody is not
/// a meeting, and nothing passes with no vote). "More than 1/2" of 10 is 6, of 7 is 4; "at least
/// 2/3" of 9 is 6, of 10 is 7, of 11 is 8; "any number" (at least 0/1) is 1. Exact integer arithmetic.
/// An impossible fraction (denominator 0, refused by [`StatuteValues::validate`]) demands everyone.
/// The result may exceed `total` when the fraction is above 1: then the threshold cannot be met.
pub fn required(threshold: &Threshold, total: u32) -> u32 {
    let Fraction { numerator, denominator } = threshold.fraction;
    if denominator == 0 {
        return total.max(1);
    }
    let product = u64::from(total) * u64::from(numerator);
    let denominator = u64::from(denominator);
    let smallest = if threshold.strict { product / denominator + 1 } else { product.div_ceil(denominator) };
    u32::try_from(smallest).unwrap_or(u32::MAX).max(1)
}

/// A quorum count at the opening of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuorumCount {
    /// Those entitled to attend: active members (assembly) or principal board members (board).
    pub entitled: u32,
    /// Fewest present needed: the threshold's count, and never fewer than the presiding panel.
    pub required: u32,
    /// Present in person.
    pub in_person: u32,
    /// Represented by a proxy whose holder is present ([`effective_votes`]).
    pub by_proxy: u32,
    /// In person plus by proxy: one member, one vote.
    pub present: u32,
    /// Whether the quorum is met.
    pub met: bool,
}

/// Counts the quorum of a meeting at a call.
///
/// `min_present` is the floor under any threshold: for an assembly, the members its presiding panel
/// (هیأت رئیسه) needs — the regulation's second call is valid with "any number present, but not fewer
/// than the presiding panel" (a chair, a secretary and observers: 3 or 4 people, as the statute
/// names them; the caller passes it). For a board meeting pass 0 or 1. A board meeting has no
/// proxies: `by_proxy > 0` is refused with `proxy_limit_exceeded`.
pub fn quorum(
    s: &StatuteValues,
    kind: MeetingKind,
    call: u8,
    entitled: u32,
    in_person: u32,
    by_proxy: u32,
    min_present: u32,
) -> Result<QuorumCount, ErrorCode> {
    let threshold = quorum_threshold(s, kind, call)?;
    if kind == MeetingKind::Board && by_proxy > 0 {
        return Err(ErrorCode::ProxyLimitExceeded);
    }
    let required = required(&threshold, entitled).max(min_present);
    let present = in_person.saturating_add(by_proxy);
    Ok(QuorumCount { entitled, required, in_person, by_proxy, present, met: present >= required })
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

/// The majority that passes a resolution, as a fraction of the votes present: the statute's
/// ordinary or extraordinary majority, or the statute's `board_majority` of the board members present.
pub fn majority_threshold(s: &StatuteValues, kind: MeetingKind) -> Threshold {
    match kind {
        MeetingKind::Ordinary => s.ordinary_majority,
        MeetingKind::Extraordinary => s.extraordinary_majority,
        MeetingKind::Board => s.board_majority,
    }
}

/// The outcome of a vote on one resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tally {
    /// موافق
    pub yes: u32,
    /// مخالف
    pub no: u32,
    /// ممتنع
    pub abstain: u32,
    /// Votes present when the vote was taken (in person and by proxy): the denominator.
    pub votes_present: u32,
    /// Fewest "yes" votes that pass it.
    pub required: u32,
    /// Whether it passed.
    pub passed: bool,
}

/// Decides a resolution: it passes when the "yes" votes meet the majority of the **votes present**
/// (the reference's "of votes present"). Abstentions, and those present who did not vote, count in
/// the denominator, so they weigh like a "no". Refuses `votes_exceed_present` (with the votes present
/// as the limit and the votes cast as the value) when more votes are cast than are present.
pub fn decide(
    s: &StatuteValues,
    kind: MeetingKind,
    votes_present: u32,
    yes: u32,
    no: u32,
    abstain: u32,
) -> Result<Tally, Refusal> {
    let cast = u64::from(yes) + u64::from(no) + u64::from(abstain);
    if cast > u64::from(votes_present) {
        return Err(Refusal::Rule {
            code: ErrorCode::VotesExceedPresent,
            membership_no: None,
            limit: Some(Decimal::from(votes_present)),
            value: Some(Decimal::from(cast)),
        });
    }
    let required = required(&majority_threshold(s, kind), votes_present);
    Ok(Tally { yes, no, abstain, votes_present, required, passed: yes >= required })
}

/// Votes counted from a roll call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VoteCounts {
    /// موافق
    pub yes: u32,
    /// مخالف
    pub no: u32,
    /// ممتنع
    pub abstain: u32,
}

/// Counts a roll call (one entry per vote cast: a member's own, and one per proxy they hold).
pub fn count_votes(votes: &[Vote]) -> VoteCounts {
    votes.iter().fold(VoteCounts::default(), |mut c, v| {
        match v {
            Vote::Yes => c.yes = c.yes.saturating_add(1),
            Vote::No => c.no = c.no.saturating_add(1),
            Vote::Abstain => c.abstain = c.abstain.saturating_add(1),
        }
        c
    })
}

/// Decides a resolution from a roll call: [`count_votes`] then [`decide`].
pub fn decide_roll_call(
    s: &StatuteValues,
    kind: MeetingKind,
    votes_present: u32,
    votes: &[Vote],
) -> Result<Tally, Refusal> {
    let c = count_votes(votes);
    decide(s, kind, votes_present, c.yes, c.no, c.abstain)
}

// ---------------------------------------------------------------------------------------------
// Notices and deadlines
// ---------------------------------------------------------------------------------------------

/// The shortest and longest notice in days between publication and the meeting: the election window
/// (20–40 by default) when elections are on the agenda, else the general window (10–40). A board
/// meeting has none.
pub fn notice_window(s: &StatuteValues, kind: MeetingKind, elections: bool) -> Option<(u32, u32)> {
    match kind {
        MeetingKind::Board => None,
        _ if elections => Some((s.election_notice_min_days, s.election_notice_max_days)),
        _ => Some((s.notice_min_days, s.notice_max_days)),
    }
}

/// Checks the days between the notice's publication and the meeting (`meeting − published`) against
/// [`notice_window`]: `notice_too_short` below the minimum (a notice published after the meeting
/// is too short too), `notice_too_long` above the maximum; both ends are allowed. A broken window
/// means the first call's notice must be republished. No checks for a board meeting.
pub fn check_notice(
    s: &StatuteValues,
    kind: MeetingKind,
    elections: bool,
    published: NaiveDate,
    meeting: NaiveDate,
) -> Vec<RuleCheck> {
    let Some((min, max)) = notice_window(s, kind, elections) else {
        return Vec::new();
    };
    let days = (meeting - published).num_days();
    if days < i64::from(min) {
        vec![RuleCheck::new(ErrorCode::NoticeTooShort, min, days)]
    } else if days > i64::from(max) {
        vec![RuleCheck::new(ErrorCode::NoticeTooLong, max, days)]
    } else {
        Vec::new()
    }
}

/// `deadline_code` when `actual` falls after `deadline`, with the deadline as the limit and the
/// date as the value; nothing when it is on or before the deadline.
pub fn deadline_check(code: ErrorCode, deadline: NaiveDate, actual: NaiveDate) -> Option<RuleCheck> {
    (actual > deadline).then(|| RuleCheck::new(code, iso(deadline), iso(actual)))
}

/// The annual ordinary assembly's deadlines for one fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnnualDeadlines {
    /// The fiscal year's last day.
    #[ts(type = "string")]
    pub fiscal_year_end: NaiveDate,
    /// Last day to publish the notice: `annual_notice_months` Jalali months after the year's last day.
    #[ts(type = "string")]
    pub notice_by: NaiveDate,
    /// Last day to hold the assembly: `annual_assembly_months` Jalali months after the year's last day.
    #[ts(type = "string")]
    pub assembly_by: NaiveDate,
}

/// The annual assembly's deadlines: the fiscal year's last day plus 2 and plus 4 Jalali months,
/// as whole Jalali months from the day after the year ends: a year ending 1403/12/30 (or 1404/12/29)
/// gives notice by the end of Ordibehesht (02/31) and assembly by the end of Tir (04/31); a year
/// ending 1403/06/31 gives 1403/08/30 and 1403/10/30.
pub fn annual_deadlines(s: &StatuteValues, fiscal_year_end: NaiveDate) -> Result<AnnualDeadlines, ErrorCode> {
    let next_year = add_days(fiscal_year_end, 1)?;
    let within = |months: u32| day_before(add_jalali_months(next_year, months_i32(months)?)?);
    Ok(AnnualDeadlines {
        fiscal_year_end,
        notice_by: within(s.annual_notice_months)?,
        assembly_by: within(s.annual_assembly_months)?,
    })
}

/// Checks an annual assembly against its deadlines: `annual_notice_late` when the notice is published
/// after `notice_by` (not judged while it is unpublished), `annual_assembly_late` when the meeting is
/// after `assembly_by`.
pub fn check_annual(
    deadlines: &AnnualDeadlines,
    published: Option<NaiveDate>,
    meeting: NaiveDate,
) -> Vec<RuleCheck> {
    let notice = published.and_then(|p| deadline_check(ErrorCode::AnnualNoticeLate, deadlines.notice_by, p));
    let assembly = deadline_check(ErrorCode::AnnualAssemblyLate, deadlines.assembly_by, meeting);
    notice.into_iter().chain(assembly).collect()
}

/// The last day to publish the notice of an assembly that elects the board or the inspectors:
/// the statute's `election_notice_months` Jalali months before the term's last day.
pub fn election_notice_deadline(s: &StatuteValues, term_end: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    add_jalali_months(term_end, -months_i32(s.election_notice_months)?)
}

/// `election_notice_late` when the election assembly's notice is published after
/// [`election_notice_deadline`].
pub fn check_election_notice(
    s: &StatuteValues,
    term_end: NaiveDate,
    published: NaiveDate,
) -> Result<Option<RuleCheck>, ErrorCode> {
    Ok(deadline_check(ErrorCode::ElectionNoticeLate, election_notice_deadline(s, term_end)?, published))
}

/// The last day to publish the notice of an assembly asked for by an inspector, members or the
/// Ministry, or ordered by another assembly: the statute's `convening_months` Jalali months after the request
/// (or that assembly's day).
pub fn convening_deadline(s: &StatuteValues, requested: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    add_jalali_months(requested, months_i32(s.convening_months)?)
}

/// `convening_notice_late` when a requested assembly's notice is published after [`convening_deadline`].
pub fn check_convening(
    s: &StatuteValues,
    requested: NaiveDate,
    published: NaiveDate,
) -> Result<Option<RuleCheck>, ErrorCode> {
    Ok(deadline_check(ErrorCode::ConveningNoticeLate, convening_deadline(s, requested)?, published))
}

/// The last day to notify an assembly's decisions: the statute's `decisions_notice_days` after the meeting.
pub fn decisions_notice_deadline(s: &StatuteValues, meeting: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    add_days(meeting, u64::from(s.decisions_notice_days))
}

/// `decisions_notice_late` when the decisions are notified after [`decisions_notice_deadline`].
pub fn check_decisions_notice(
    s: &StatuteValues,
    meeting: NaiveDate,
    notified: NaiveDate,
) -> Result<Option<RuleCheck>, ErrorCode> {
    Ok(deadline_check(ErrorCode::DecisionsNoticeLate, decisions_notice_deadline(s, meeting)?, notified))
}

/// `members_below_minimum` when fewer members are active than the statute's minimum (7 by law):
/// it blocks convening an assembly in the ordinary way, and is shown as a warning everywhere else.
pub fn check_members(s: &StatuteValues, active: u32) -> Option<RuleCheck> {
    (active < s.min_members).then(|| RuleCheck::new(ErrorCode::MembersBelowMinimum, s.min_members, active))
}

/// The share of the members that may ask for an assembly: the statute's `ordinary_request` (1/5) or
/// `extraordinary_request` (1/3); members cannot ask for a board meeting.
pub const fn request_threshold(s: &StatuteValues, kind: MeetingKind) -> Option<Threshold> {
    match kind {
        MeetingKind::Ordinary => Some(s.ordinary_request),
        MeetingKind::Extraordinary => Some(s.extraordinary_request),
        MeetingKind::Board => None,
    }
}

/// Whether `requesters` out of `members` are enough to ask for an assembly of this kind: at least
/// the fraction, exactly (7 of 35 may ask for an ordinary assembly, 6 may not), at least one, and
/// no more requesters than members.
pub fn request_valid(s: &StatuteValues, kind: MeetingKind, requesters: u32, members: u32) -> bool {
    match request_threshold(s, kind) {
        Some(t) => requesters >= 1 && requesters <= members && t.is_met(requesters, members),
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Calls in a chain, and the life cycle
// ---------------------------------------------------------------------------------------------

/// Checks that a call may be held: call 1 stands alone (`call_number_invalid` if a previous call is
/// given); a later call is valid only after the call just before it, of the same kind of meeting,
/// failed for lack of quorum (`previous_call_required` otherwise). `previous` is that call's kind,
/// call number and stage.
pub fn check_next_call(
    kind: MeetingKind,
    call: u8,
    previous: Option<(MeetingKind, u8, MeetingStage)>,
) -> Result<(), ErrorCode> {
    check_call(kind, call)?;
    match (call, previous) {
        (1, None) => Ok(()),
        (1, Some(_)) => Err(ErrorCode::CallNumberInvalid),
        (_, Some((prev_kind, prev_call, MeetingStage::Failed)))
            if prev_kind == kind && u16::from(prev_call) + 1 == u16::from(call) =>
        {
            Ok(())
        }
        _ => Err(ErrorCode::PreviousCallRequired),
    }
}

/// Whether a meeting of this kind may move from one stage to another.
///
/// Every meeting: draft → convened → noticed → held → minuted → notified → closed; draft, convened
/// or noticed → cancelled; noticed → failed (nobody came) and held → failed (opened without its
/// quorum). A board meeting has no notice and notifies nobody, so it may also go draft → held,
/// convened → held, and minuted → closed. Closed, cancelled and failed are final; staying put is not a move.
pub fn can_move(kind: MeetingKind, from: MeetingStage, to: MeetingStage) -> bool {
    use MeetingStage as S;
    let common = matches!(
        (from, to),
        (S::Draft, S::Convened)
            | (S::Convened, S::Noticed)
            | (S::Noticed, S::Held)
            | (S::Held, S::Minuted)
            | (S::Minuted, S::Notified)
            | (S::Notified, S::Closed)
            | (S::Draft | S::Convened | S::Noticed, S::Cancelled)
            | (S::Noticed | S::Held, S::Failed)
    );
    let board_only = kind == MeetingKind::Board
        && matches!((from, to), (S::Draft | S::Convened, S::Held) | (S::Minuted, S::Closed));
    common || board_only
}

/// The stages a meeting of this kind may move to next, in life-cycle order.
pub fn next_stages(kind: MeetingKind, from: MeetingStage) -> Vec<MeetingStage> {
    MeetingStage::ALL.into_iter().filter(|&to| can_move(kind, from, to)).collect()
}

/// [`can_move`] as a refusal: `meeting_step_invalid` when the move is not allowed.
pub fn check_move(kind: MeetingKind, from: MeetingStage, to: MeetingStage) -> Result<(), ErrorCode> {
    if can_move(kind, from, to) { Ok(()) } else { Err(ErrorCode::MeetingStepInvalid) }
}

// ---------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------

/// Who holds a proxy (وکیل) for a member at an assembly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum Holder {
    /// Another member, by membership number.
    Member(u32),
    /// A non-member, by full name (matched after [`holder_name_key`]).
    NonMember(String),
}

/// The key two non-member names are matched by: [`normalize_text`] (Persian letters, ASCII digits,
/// single spaces), without zero-width non-joiners, lower-cased. Names are a weak identity: the
/// convening authority checks the holder's identity when it stamps the proxy letter.
pub fn holder_name_key(name: &str) -> String {
    let text: String = normalize_text(name).chars().filter(|&c| c != '\u{200C}').collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Holder {
    fn same_as(&self, other: &Holder) -> bool {
        match (self, other) {
            (Self::Member(a), Self::Member(b)) => a == b,
            (Self::NonMember(a), Self::NonMember(b)) => holder_name_key(a) == holder_name_key(b),
            _ => false,
        }
    }
}

/// Proxy votes this holder may carry besides any vote of their own: the statute's
/// `proxies_per_member` (3) or `proxies_per_non_member` (1).
pub fn proxy_limit(s: &StatuteValues, holder: &Holder) -> u32 {
    match holder {
        Holder::Member(_) => s.proxies_per_member,
        Holder::NonMember(_) => s.proxies_per_non_member,
    }
}

/// Checks a new proxy for one assembly against those already registered (`existing`, as
/// `(principal, holder)` pairs). In order: `proxy_to_self`; `required` for a non-member without a
/// name; `principal_already_represented` when the principal already gave a proxy;
/// `proxy_holder_represented` when a member holder has given a proxy themselves, or when the
/// principal holds proxies for others (one who is represented does not represent, and the reverse);
/// `proxy_limit_exceeded` when the holder already holds [`proxy_limit`] proxies (reaching the limit
/// is allowed, going over it is not). Assemblies only: a board meeting takes no proxies.
pub fn check_proxy(
    s: &StatuteValues,
    principal: u32,
    holder: &Holder,
    existing: &[(u32, Holder)],
) -> Result<(), ErrorCode> {
    match holder {
        Holder::Member(h) if *h == principal => return Err(ErrorCode::ProxyToSelf),
        Holder::NonMember(name) if holder_name_key(name).is_empty() => return Err(ErrorCode::Required),
        _ => {}
    }
    if existing.iter().any(|(p, _)| *p == principal) {
        return Err(ErrorCode::PrincipalAlreadyRepresented);
    }
    if let Holder::Member(h) = holder
        && existing.iter().any(|(p, _)| p == h)
    {
        return Err(ErrorCode::ProxyHolderRepresented);
    }
    if existing.iter().any(|(_, held_by)| *held_by == Holder::Member(principal)) {
        return Err(ErrorCode::ProxyHolderRepresented);
    }
    let held = existing.iter().filter(|(_, held_by)| held_by.same_as(holder)).count();
    if u64::try_from(held).unwrap_or(u64::MAX) >= u64::from(proxy_limit(s, holder)) {
        return Err(ErrorCode::ProxyLimitExceeded);
    }
    Ok(())
}

/// Votes present at an assembly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attendance {
    /// Members checked in, each once.
    pub in_person: u32,
    /// Absent members whose proxy counts.
    pub by_proxy: u32,
    /// Those absent members, by membership number, ascending.
    pub represented: Vec<u32>,
}

/// Counts the votes present: each checked-in member once, plus each absent principal whose holder
/// is present — a member holder checked in, or a non-member holder in `present_non_members`
/// (matched by [`holder_name_key`]). A principal who comes in person takes the vote back: the proxy
/// does not count while they are checked in. One member, one vote: a principal listed twice counts
/// once. Limits are not re-checked here; [`check_proxy`] enforces them at registration.
pub fn effective_votes(
    checked_in: &[u32],
    present_non_members: &[String],
    proxies: &[(u32, Holder)],
) -> Attendance {
    let members: BTreeSet<u32> = checked_in.iter().copied().collect();
    let names: BTreeSet<String> = present_non_members.iter().map(|n| holder_name_key(n)).collect();
    let holder_present = |h: &Holder| match h {
        Holder::Member(no) => members.contains(no),
        Holder::NonMember(name) => names.contains(&holder_name_key(name)),
    };
    let represented: BTreeSet<u32> = proxies
        .iter()
        .filter(|(principal, holder)| !members.contains(principal) && holder_present(holder))
        .map(|(principal, _)| *principal)
        .collect();
    Attendance {
        in_person: u32::try_from(members.len()).unwrap_or(u32::MAX),
        by_proxy: u32::try_from(represented.len()).unwrap_or(u32::MAX),
        represented: represented.into_iter().collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Elections, seats and terms
// ---------------------------------------------------------------------------------------------

/// A candidate and the votes they received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Candidate {
    /// The candidate (an active member, checked by the caller: `candidate_not_eligible`).
    pub membership_no: u32,
    /// Votes received.
    pub votes: u32,
}

/// A candidate in the result, with their place in the listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Ranked {
    /// 1 for the most votes; equal votes are listed by membership number.
    pub rank: u32,
    /// The candidate.
    pub membership_no: u32,
    /// Votes received.
    pub votes: u32,
}

/// The seat boundary a tie straddles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TieBoundary {
    /// Between the last principal seat and the first alternate (or not elected, with no alternates).
    Principals,
    /// Between the last alternate seat and those not elected.
    Alternates,
}

/// Equal votes across a seat boundary: the listing's order (by membership number) is not a
/// decision; the assembly settles it (a run-off or lot, as the statute says).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tie {
    /// The boundary.
    pub boundary: TieBoundary,
    /// The votes each tied candidate received.
    pub votes: u32,
    /// Every candidate with those votes, by membership number.
    pub candidates: Vec<u32>,
    /// How many of them fit above the boundary.
    pub places: u32,
}

/// The result of an election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ElectionResult {
    /// Principal members (اعضای اصلی), most votes first.
    pub principals: Vec<Ranked>,
    /// Alternates (اعضای علی‌البدل), in vote order.
    pub alternates: Vec<Ranked>,
    /// The rest, in vote order.
    pub not_elected: Vec<Ranked>,
    /// Ties across a boundary, principals' boundary first.
    pub ties: Vec<Tie>,
}

/// Fills `seats` principal and `alternates` alternate seats in vote order (most votes first; equal
/// votes listed by membership number). A candidate with no votes is never elected. Whenever equal
/// votes straddle a boundary — the last principal and the first alternate, or the last alternate and
/// the first not elected — a [`Tie`] names every candidate with those votes and the places left
/// above the boundary; the listing still shows them in membership-number order. One tied group
/// straddling both boundaries is reported at each. Each candidate is expected once.
pub fn tally_election(seats: u32, alternates: u32, candidates: &[Candidate]) -> ElectionResult {
    tally_election_by_lot(seats, alternates, candidates, &[])
}

/// [`tally_election`] with the order drawn by lot (قرعه) among tied candidates: `lot` lists
/// membership numbers in the order drawn; equal votes are ranked by it, and a boundary between two
/// candidates who both appear in `lot` is no longer a tie.
pub fn tally_election_by_lot(
    seats: u32,
    alternates: u32,
    candidates: &[Candidate],
    lot: &[u32],
) -> ElectionResult {
    let drawn = |no: u32| lot.iter().position(|l| *l == no).unwrap_or(usize::MAX);
    let mut sorted = candidates.to_vec();
    sorted.sort_by(|a, b| {
        b.votes
            .cmp(&a.votes)
            .then(drawn(a.membership_no).cmp(&drawn(b.membership_no)))
            .then(a.membership_no.cmp(&b.membership_no))
    });
    let ranked: Vec<Ranked> = sorted
        .iter()
        .zip(1u32..)
        .map(|(c, rank)| Ranked { rank, membership_no: c.membership_no, votes: c.votes })
        .collect();
    let electable = sorted.iter().take_while(|c| c.votes > 0).count();
    let as_index = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    let principal_end = as_index(seats).min(electable);
    let alternate_end = as_index(seats).saturating_add(as_index(alternates)).min(electable);

    let mut ties = Vec::new();
    let mut boundaries = vec![(TieBoundary::Principals, as_index(seats))];
    if alternates > 0 {
        boundaries.push((TieBoundary::Alternates, as_index(seats).saturating_add(as_index(alternates))));
    }
    for (boundary, at) in boundaries {
        if at == 0 || at >= electable || sorted[at - 1].votes != sorted[at].votes {
            continue;
        }
        if drawn(sorted[at - 1].membership_no) != usize::MAX && drawn(sorted[at].membership_no) != usize::MAX
        {
            continue;
        }
        let votes = sorted[at].votes;
        let tied: Vec<(usize, u32)> = sorted
            .iter()
            .enumerate()
            .filter(|(_, c)| c.votes == votes)
            .map(|(i, c)| (i, c.membership_no))
            .collect();
        let places = tied.iter().filter(|(i, _)| *i < at).count();
        ties.push(Tie {
            boundary,
            votes,
            candidates: tied.into_iter().map(|(_, no)| no).collect(),
            places: u32::try_from(places).unwrap_or(u32::MAX),
        });
    }
    ElectionResult {
        principals: ranked[..principal_end].to_vec(),
        alternates: ranked[principal_end..alternate_end].to_vec(),
        not_elected: ranked[alternate_end..].to_vec(),
        ties,
    }
}

/// `seats_invalid` when the board's principal seats are outside the statute's `board_min..=board_max`.
pub fn check_seats_board(s: &StatuteValues, seats: u32) -> Result<(), ErrorCode> {
    if (s.board_min..=s.board_max).contains(&seats) { Ok(()) } else { Err(ErrorCode::SeatsInvalid) }
}

/// `seats_invalid` unless the principal inspectors' seats equal the statute's `inspectors` and are
/// an odd number.
pub fn check_seats_inspectors(s: &StatuteValues, seats: u32) -> Result<(), ErrorCode> {
    if seats == s.inspectors && seats % 2 == 1 { Ok(()) } else { Err(ErrorCode::SeatsInvalid) }
}

/// The last day of a term of `years` Jalali years starting on `start`: the day before the start's
/// anniversary (1403/05/10 for 3 years ends 1406/05/09; 1403/01/01 for 1 year ends 1403/12/30).
/// A term starting on 30 Esfand whose anniversary year is common has its anniversary on 1 Farvardin,
/// so it ends on 29 Esfand (1403/12/30 for 1 year ends 1404/12/29). `statute_value_invalid` for 0 years.
pub fn term_end(start: NaiveDate, years: u32) -> Result<NaiveDate, ErrorCode> {
    if years == 0 {
        return Err(ErrorCode::StatuteValueInvalid);
    }
    let j = JalaliDate::from_gregorian(start);
    let year =
        i32::try_from(years).ok().and_then(|y| j.year.checked_add(y)).ok_or(ErrorCode::DateOutOfRange)?;
    if j.day > days_in_month(year, j.month) {
        // 30 Esfand into a common year: the anniversary is 1 Farvardin, the term ends the day before.
        return JalaliDate::new(year, j.month, days_in_month(year, j.month))?.to_gregorian();
    }
    day_before(JalaliDate::new(year, j.month, j.day)?.to_gregorian()?)
}

/// The last day of the inspectors' term: they are elected for `years` fiscal years, the first being
/// the fiscal year that ends on `fiscal_year_end` (the year of the election), so the term ends on the
/// last day of the `years`-th fiscal year (from a year ending 1403/12/30: 1403/12/30 for 1 year,
/// 1404/12/29 for 2). Old inspectors serve on until the new ones accept.
/// `statute_value_invalid` for 0 years.
pub fn inspector_term_end(fiscal_year_end: NaiveDate, years: u32) -> Result<NaiveDate, ErrorCode> {
    if years == 0 {
        return Err(ErrorCode::StatuteValueInvalid);
    }
    // Counted from the next fiscal year's first day, a day every Jalali year has, so nothing clamps.
    let next_start = add_days(fiscal_year_end, 1)?;
    let months =
        i32::try_from(years - 1).ok().and_then(|y| y.checked_mul(12)).ok_or(ErrorCode::DateOutOfRange)?;
    day_before(add_jalali_months(next_start, months)?)
}

/// The last day for the board to call the alternate inspector after a principal's seat falls vacant
/// (death, resignation, disqualification): the statute's `inspector_replacement_days` later.
pub fn inspector_replacement_deadline(s: &StatuteValues, vacancy: NaiveDate) -> Result<NaiveDate, ErrorCode> {
    add_days(vacancy, u64::from(s.inspector_replacement_days))
}

pub mod record;

#[cfg(test)]
mod tests;
