//! What a meeting's life cycle records: the forms the user fills in (`*Input`, text as typed) and
//! the payloads of the `meeting.*` events (validated, dates parsed). The store gathers the facts
//! (members, proxies, attendance, the statute) and judges each step with the rules in
//! [`super`]; checks the statute lets through as warnings travel in the payload's `warnings`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    Candidate, ConvenedBy, ElectionResult, Holder, MeetingKind, NoticeChannel, QuorumCount, RuleCheck, Tally,
};

/// The body an election fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Body {
    /// هیئت مدیره
    Board,
    /// بازرسان
    Inspectors,
}

/// A new meeting as the user describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingInput {
    /// Ordinary, extraordinary or board.
    pub kind: MeetingKind,
    /// Call number (نوبت), 1 unless a later call of an assembly.
    pub call: u8,
    /// The earlier call this one follows (calls 2 and 3).
    pub previous: Option<u32>,
    /// The annual ordinary assembly (approves the year's accounts).
    pub annual: bool,
    /// Elections of the board or inspectors are on the agenda.
    pub elections: bool,
    /// Day of the meeting, ISO or Jalali.
    pub date: String,
    /// Hour, `HH:MM`.
    pub hour: String,
    /// Place with its full address.
    pub place: String,
    /// When and where proxies are validated and attendance slips issued (assemblies).
    pub proxy_check: String,
    /// For elections: the last day to register as a candidate, ISO or Jalali.
    pub candidacy_until: String,
    /// Agenda items (دستور جلسه), in order.
    pub agenda: Vec<String>,
}

/// Payload of `meeting.create`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingCreated {
    /// The meeting's number, assigned in order.
    pub meeting: u32,
    /// Kind.
    pub kind: MeetingKind,
    /// Call number.
    pub call: u8,
    /// The earlier call.
    pub previous: Option<u32>,
    /// The annual ordinary assembly.
    pub annual: bool,
    /// Elections on the agenda.
    pub elections: bool,
    /// Day.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Hour, `HH:MM`.
    pub hour: String,
    /// Place and address.
    pub place: String,
    /// When and where proxies are validated.
    pub proxy_check: Option<String>,
    /// Last day of candidacy.
    #[ts(type = "string | null")]
    pub candidacy_until: Option<NaiveDate>,
    /// Agenda items.
    pub agenda: Vec<String>,
}

/// Convening (دعوت): who calls the meeting, and on whose request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConveneInput {
    /// The meeting.
    pub meeting: u32,
    /// Who convenes.
    pub convened_by: ConvenedBy,
    /// The day of the request or order (inspector, members, ministry, assembly), ISO or Jalali.
    pub requested: String,
    /// For a request by members: how many signed it.
    pub requesters: u32,
    /// The day of the decision to convene, ISO or Jalali; empty for today.
    pub date: String,
}

/// Payload of `meeting.convene`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingConvened {
    /// The meeting.
    pub meeting: u32,
    /// Who convenes.
    pub convened_by: ConvenedBy,
    /// The day of the request.
    #[ts(type = "string | null")]
    pub requested: Option<NaiveDate>,
    /// Members who signed a request.
    pub requesters: u32,
    /// The day of the decision.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Checks the statute let through as warnings.
    pub warnings: Vec<RuleCheck>,
}

/// A published notice (آگهی دعوت) on one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoticeInput {
    /// The meeting.
    pub meeting: u32,
    /// Publication day, ISO or Jalali.
    pub published: String,
    /// Newspaper, written invitation or posting.
    pub channel: NoticeChannel,
    /// Newspaper and issue, receipt reference, or where it was posted.
    pub reference: String,
}

/// Payload of `meeting.notice`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingNoticed {
    /// The meeting.
    pub meeting: u32,
    /// Publication day.
    #[ts(type = "string")]
    pub published: NaiveDate,
    /// Channel.
    pub channel: NoticeChannel,
    /// Reference.
    pub reference: Option<String>,
    /// Checks the statute let through as warnings.
    pub warnings: Vec<RuleCheck>,
}

/// A proxy (وکالت‌نامه) as registered at its validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProxyInput {
    /// The meeting.
    pub meeting: u32,
    /// The member represented.
    pub principal: u32,
    /// A member holder.
    pub holder_member: Option<u32>,
    /// A non-member holder's full name (when `holder_member` is empty).
    pub holder_name: String,
    /// Who checked identity, membership and capacity, and stamped the letter.
    pub validated_by: String,
    /// Where.
    pub validated_at: String,
    /// When, ISO or Jalali; empty for today.
    pub date: String,
}

/// Payload of `meeting.proxy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProxyRegistered {
    /// The meeting.
    pub meeting: u32,
    /// The member represented.
    pub principal: u32,
    /// Who holds the proxy.
    pub holder: Holder,
    /// Who validated it.
    pub validated_by: String,
    /// Where.
    pub validated_at: String,
    /// When.
    #[ts(type = "string")]
    pub validated_on: NaiveDate,
}

/// Payload of `meeting.checkin`: one person at the door.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CheckedIn {
    /// The meeting.
    pub meeting: u32,
    /// A member (in person, perhaps also holding proxies).
    pub member: Option<u32>,
    /// A non-member proxy holder, by name.
    pub holder_name: Option<String>,
}

/// A resolution put to the vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolutionInput {
    /// The meeting.
    pub meeting: u32,
    /// What was resolved.
    pub text: String,
    /// Votes for.
    pub yes: u32,
    /// Votes against.
    pub no: u32,
    /// Abstentions.
    pub abstain: u32,
}

/// Payload of `meeting.resolve`: the count and the outcome, computed, never typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolutionRecorded {
    /// The meeting.
    pub meeting: u32,
    /// Its number in the meeting, from 1.
    pub number: u32,
    /// What was resolved.
    pub text: String,
    /// The votes and whether they pass it.
    pub tally: Tally,
}

/// An election's ballots as counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ElectionInput {
    /// The meeting.
    pub meeting: u32,
    /// Board or inspectors.
    pub body: Body,
    /// Principal seats.
    pub seats: u32,
    /// Alternate seats.
    pub alternates: u32,
    /// Ballots cast (secret ballot).
    pub ballots: u32,
    /// Every candidate with the votes counted.
    pub candidates: Vec<Candidate>,
    /// Order drawn by lot among tied candidates, when a tie straddles a seat boundary.
    pub lot: Vec<u32>,
}

/// Payload of `meeting.elect`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ElectionRecorded {
    /// The meeting.
    pub meeting: u32,
    /// Board or inspectors.
    pub body: Body,
    /// Principal seats.
    pub seats: u32,
    /// Alternate seats.
    pub alternates: u32,
    /// Ballots cast.
    pub ballots: u32,
    /// Candidates and votes.
    pub candidates: Vec<Candidate>,
    /// Order drawn by lot.
    pub lot: Vec<u32>,
    /// Principals, alternates, and the rest.
    pub result: ElectionResult,
    /// First day of the term.
    #[ts(type = "string")]
    pub term_start: NaiveDate,
    /// Last day of the term.
    #[ts(type = "string")]
    pub term_end: NaiveDate,
}

/// The minutes' particulars (the rest is generated from what was recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MinutesInput {
    /// The meeting.
    pub meeting: u32,
    /// Chair of the presiding panel (رئیس جلسه).
    pub chair: String,
    /// Secretary (منشی).
    pub secretary: String,
    /// Observers (ناظران).
    pub observers: Vec<String>,
}

/// Payload of `meeting.minutes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MinutesRecorded {
    /// The meeting.
    pub meeting: u32,
    /// Chair.
    pub chair: String,
    /// Secretary.
    pub secretary: String,
    /// Observers.
    pub observers: Vec<String>,
    /// The quorum when the minutes were taken.
    pub quorum: QuorumCount,
}

/// Notification of the decisions (ابلاغ تصمیمات).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotifyInput {
    /// The meeting.
    pub meeting: u32,
    /// Day, ISO or Jalali.
    pub date: String,
    /// How.
    pub channel: NoticeChannel,
}

/// Payload of `meeting.notify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DecisionsNotified {
    /// The meeting.
    pub meeting: u32,
    /// Day.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// How.
    pub channel: NoticeChannel,
    /// Checks the statute let through as warnings.
    pub warnings: Vec<RuleCheck>,
}

/// Payload of `meeting.close`, `meeting.cancel` and `meeting.fail`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingEnded {
    /// The meeting.
    pub meeting: u32,
    /// Day.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Why (cancelled), or the count that failed (no quorum).
    pub note: Option<String>,
    /// The quorum count, when it failed for lack of quorum.
    pub quorum: Option<QuorumCount>,
}

/// A seat in office left empty (death, resignation, disqualification): the payload of `office.vacate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfficeVacated {
    /// Board or inspectors.
    pub body: Body,
    /// The principal who left the seat.
    pub membership_no: u32,
    /// The day the seat fell vacant.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Why.
    pub reason: String,
}

/// An alternate called to a vacant seat for the rest of the term: the payload of `office.fill`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OfficeFilled {
    /// Board or inspectors.
    pub body: Body,
    /// The principal whose seat was vacant.
    pub vacated: u32,
    /// The alternate who takes it.
    pub alternate: u32,
    /// The day the alternate was called.
    #[ts(type = "string")]
    pub date: NaiveDate,
}
