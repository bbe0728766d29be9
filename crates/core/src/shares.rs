//! The share ledger's rules (دفتر سهام): subscription, payment, transfer, refund, capitalisation
//! and reversal, judged against the statute in force on the entry's date. Pure: the store gathers
//! the facts, these functions decide, and the store records the entry they return.
//!
//! Rounding rule: when part of a holding moves (a transfer or a partial refund), the rials that
//! move are the holding's amount × moved shares ÷ held shares, rounded toward zero; the remainder
//! of a rial stays with the holder, so every line sums exactly and nothing is created or lost.

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorCode, Field, FieldError};
use crate::jalali::parse_date;
use crate::member::MemberStatus;
use crate::statute::StatuteValues;
use crate::text::{ascii_digits, normalize_text};

/// A share-ledger action as the user asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ShareAction {
    /// تعهد خرید سهم: new shares at the par value in force.
    Subscribe {
        /// The member.
        membership_no: u32,
        /// Number of shares.
        shares: u32,
        /// ISO or Jalali date.
        date: String,
    },
    /// پرداخت: rials paid towards subscribed shares.
    Pay {
        /// The member.
        membership_no: u32,
        /// Rials, a decimal string in any digit form.
        amount: String,
        /// ISO or Jalali date.
        date: String,
    },
    /// انتقال سهم: shares from one member to another on a board resolution.
    Transfer {
        /// The transferor.
        membership_no: u32,
        /// The transferee.
        to_member: u32,
        /// Number of shares.
        shares: u32,
        /// ISO or Jalali date.
        date: String,
        /// Board resolution reference.
        resolution: String,
    },
    /// استرداد سهم: shares of a member who left, paid back.
    Refund {
        /// The former member.
        membership_no: u32,
        /// Number of shares.
        shares: u32,
        /// ISO or Jalali date.
        date: String,
    },
    /// افزایش سرمایه از محل سود: fully paid new shares on an assembly resolution.
    Capitalise {
        /// The member.
        membership_no: u32,
        /// Number of shares.
        shares: u32,
        /// ISO or Jalali date.
        date: String,
        /// Assembly resolution reference.
        resolution: String,
    },
    /// سند برگشتی: undoes an entry, which stays in the ledger.
    Reverse {
        /// The entry (its event id).
        entry: String,
        /// Why.
        reason: String,
    },
}

/// What an entry changes for one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShareLine {
    /// The member.
    pub membership_no: u32,
    /// Change in shares held.
    #[ts(type = "number")]
    pub shares: i64,
    /// Change in subscribed rials.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub subscribed: i64,
    /// Change in paid rials.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub paid: i64,
    /// The other member of a transfer.
    pub counterparty: Option<u32>,
}

impl ShareLine {
    fn negated(self) -> Self {
        Self { shares: -self.shares, subscribed: -self.subscribed, paid: -self.paid, ..self }
    }
}

/// A recorded share-ledger entry: the payload of every `share.*` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShareEntry {
    /// The entry's date.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Per-member changes.
    pub lines: Vec<ShareLine>,
    /// Resolution reference (transfer, capitalisation).
    pub resolution: Option<String>,
    /// Par value in force on the date (subscription, capitalisation).
    #[ts(type = "string | null")]
    pub par_value: Option<Decimal>,
    /// When a refund falls due.
    #[ts(type = "string | null")]
    pub due_date: Option<NaiveDate>,
    /// The entry a reversal undoes.
    pub reverses: Option<String>,
    /// Why it was reversed.
    pub reason: Option<String>,
}

/// A member's holding (or its change).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Holding {
    /// Shares held.
    #[ts(type = "number")]
    pub shares: i64,
    /// Subscribed rials.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub subscribed: i64,
    /// Paid rials.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub paid: i64,
}

impl Holding {
    /// Rials still owed on subscribed shares.
    pub fn unpaid(self) -> i64 {
        self.subscribed - self.paid
    }

    fn plus(self, line: &ShareLine) -> Option<Holding> {
        Some(Holding {
            shares: self.shares.checked_add(line.shares)?,
            subscribed: self.subscribed.checked_add(line.subscribed)?,
            paid: self.paid.checked_add(line.paid)?,
        })
    }

    fn is_sound(self) -> bool {
        self.shares >= 0 && self.subscribed >= 0 && self.paid >= 0 && self.paid <= self.subscribed
    }
}

/// What the rules know about a member named in an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberFacts {
    /// Status on the entry's date.
    pub status: MemberStatus,
    /// Joining date.
    pub joined: NaiveDate,
    /// Current holding.
    pub holding: Holding,
}

/// What the rules know about the whole ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LedgerFacts {
    /// Subscribed capital of the cooperative, in rials.
    pub total_subscribed: i64,
    /// Members holding at least one share.
    pub shareholders: u32,
}

/// Why the rules refused an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Fields are wrong.
    Fields(Vec<FieldError>),
    /// A rule refused it; for the cap, with the member, the limit and the percent it would reach.
    Rule {
        /// Stable code.
        code: ErrorCode,
        /// Member concerned.
        membership_no: Option<u32>,
        /// Limit enforced.
        limit: Option<Decimal>,
        /// Value the action would reach.
        value: Option<Decimal>,
    },
}

impl Refusal {
    /// A refusal of one field.
    pub fn field(field: Field, code: ErrorCode) -> Self {
        Self::Fields(vec![FieldError { field, code }])
    }

    fn rule(code: ErrorCode, membership_no: u32) -> Self {
        Self::Rule { code, membership_no: Some(membership_no), limit: None, value: None }
    }
}

/// The cap preview shown while an entry is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CapPreview {
    /// The member whose share of the capital grows.
    pub membership_no: u32,
    /// Percent of the capital after the entry (2 decimals).
    #[ts(type = "string")]
    pub percent_after: Decimal,
    /// The statute's cap, in percent.
    #[ts(type = "string")]
    pub limit: Decimal,
    /// The cap does not bind yet (founding).
    pub founding: bool,
}

/// An entry the rules accepted, with its warnings and cap preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedEntry {
    /// The `share.*` event kind.
    pub kind: ShareEntryKind,
    /// The entry to record.
    pub entry: ShareEntry,
    /// Non-blocking notes (e.g. `share_cap_founding`).
    pub warnings: Vec<ErrorCode>,
    /// Where the member's percent lands against the cap.
    pub preview: Option<CapPreview>,
}

/// The kinds of share-ledger entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum ShareEntryKind {
    Subscribe,
    Pay,
    Transfer,
    Refund,
    Capitalise,
    Reverse,
}

/// The member, date and statute an action is judged under; the store resolves them first.
#[derive(Debug)]
pub struct Judged<'a> {
    /// Statute values in force on the date.
    pub statute: &'a StatuteValues,
    /// Today in Tehran.
    pub today: NaiveDate,
    /// The ledger's totals.
    pub ledger: LedgerFacts,
}

/// Reads the date of an action (not in the future).
pub fn action_date(text: &str, today: NaiveDate) -> Result<NaiveDate, Refusal> {
    match parse_date(text) {
        Ok(d) if d > today => Err(Refusal::field(Field::Date, ErrorCode::DateInFuture)),
        Ok(d) => Ok(d),
        Err(code) => Err(Refusal::field(Field::Date, code)),
    }
}

/// Reads rials typed in any digit form, with or without separators.
pub fn parse_rials(text: &str) -> Result<i64, ErrorCode> {
    let ascii: String = ascii_digits(text)
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{066C}' | ' ' | '_' | '\u{00A0}'))
        .collect();
    if ascii.is_empty() {
        return Err(ErrorCode::Required);
    }
    if ascii.starts_with('-') {
        return Err(ErrorCode::AmountMustBePositive);
    }
    if !ascii.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ErrorCode::AmountMustBePositive);
    }
    match ascii.parse::<i64>() {
        Ok(0) => Err(ErrorCode::AmountMustBePositive),
        Ok(v) => Ok(v),
        Err(_) => Err(ErrorCode::AmountTooLarge),
    }
}

fn positive_shares(shares: u32) -> Result<i64, Refusal> {
    if shares == 0 {
        Err(Refusal::field(Field::Shares, ErrorCode::SharesMustBePositive))
    } else {
        Ok(i64::from(shares))
    }
}

fn required_text(text: &str, field: Field) -> Result<String, Refusal> {
    let t = normalize_text(text);
    if t.is_empty() { Err(Refusal::field(field, ErrorCode::ResolutionRequired)) } else { Ok(t) }
}

/// `amount × part ÷ whole`, rounded toward zero (the documented rounding rule).
fn proportion(amount: i64, part: i64, whole: i64) -> i64 {
    if whole == 0 || part == whole {
        return amount;
    }
    let exact = Decimal::from(amount) * Decimal::from(part) / Decimal::from(whole);
    i64::try_from(exact.trunc()).unwrap_or(0)
}

/// Percent of `part` in `whole`, rounded half away from zero to 2 decimals (display only).
pub fn percent(part: i64, whole: i64) -> Decimal {
    if whole <= 0 {
        return Decimal::ZERO;
    }
    let mut p = (Decimal::from(part) * Decimal::from(100) / Decimal::from(whole))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(2);
    p
}

/// Checks the statute's cap on one member's share of the capital after an entry.
fn cap_check(
    who: u32,
    holding_after: i64,
    total_after: i64,
    shareholders_after: u32,
    statute: &StatuteValues,
    warnings: &mut Vec<ErrorCode>,
) -> Result<CapPreview, Refusal> {
    let limit = statute.max_member_capital_pct;
    let founding = shareholders_after < statute.min_members;
    // Exact comparison: holding × 100 > limit × total.
    let exceeds = Decimal::from(holding_after) * Decimal::from(100) > limit * Decimal::from(total_after);
    let preview = CapPreview {
        membership_no: who,
        percent_after: percent(holding_after, total_after),
        limit,
        founding,
    };
    if exceeds && founding {
        warnings.push(ErrorCode::ShareCapFounding);
    } else if exceeds {
        return Err(Refusal::Rule {
            code: ErrorCode::ShareCapExceeded,
            membership_no: Some(who),
            limit: Some(limit),
            value: Some(preview.percent_after),
        });
    }
    Ok(preview)
}

fn active(no: u32, m: &MemberFacts) -> Result<(), Refusal> {
    if m.status == MemberStatus::Active { Ok(()) } else { Err(Refusal::rule(ErrorCode::MemberNotActive, no)) }
}

fn not_before_joining(date: NaiveDate, m: &MemberFacts) -> Result<(), Refusal> {
    if date < m.joined { Err(Refusal::field(Field::Date, ErrorCode::DateBeforeJoining)) } else { Ok(()) }
}

fn min_shares_kept(no: u32, after: i64, statute: &StatuteValues, may_be_zero: bool) -> Result<(), Refusal> {
    let ok = (after == 0 && may_be_zero) || after >= i64::from(statute.min_shares_per_member);
    if ok {
        Ok(())
    } else {
        Err(Refusal::Rule {
            code: ErrorCode::BelowMinimumShares,
            membership_no: Some(no),
            limit: Some(Decimal::from(statute.min_shares_per_member)),
            value: Some(Decimal::from(after)),
        })
    }
}

fn amount_at_par(shares: i64, par: Decimal) -> Result<i64, Refusal> {
    let amount = Decimal::from(shares).checked_mul(par);
    amount.and_then(|a| i64::try_from(a).ok()).ok_or(Refusal::field(Field::Shares, ErrorCode::AmountTooLarge))
}

/// Judges a subscription or a capitalisation (new shares at par; capitalised ones fully paid).
pub fn plan_new_shares(
    no: u32,
    shares: u32,
    date: NaiveDate,
    resolution: Option<&str>,
    member: &MemberFacts,
    j: &Judged<'_>,
) -> Result<PlannedEntry, Refusal> {
    let shares = positive_shares(shares)?;
    let capitalise = resolution.is_some();
    let resolution = resolution.map(|r| required_text(r, Field::Resolution)).transpose()?;
    let subscribe_allowed =
        member.status == MemberStatus::Active || (!capitalise && member.status == MemberStatus::Applicant);
    if !subscribe_allowed {
        return Err(Refusal::rule(ErrorCode::MemberNotActive, no));
    }
    not_before_joining(date, member)?;
    let amount = amount_at_par(shares, j.statute.par_value)?;
    let line = ShareLine {
        membership_no: no,
        shares,
        subscribed: amount,
        paid: if capitalise { amount } else { 0 },
        counterparty: None,
    };
    let after = member.holding.plus(&line).ok_or(Refusal::field(Field::Shares, ErrorCode::AmountTooLarge))?;
    min_shares_kept(no, after.shares, j.statute, false)?;
    let total_after = j
        .ledger
        .total_subscribed
        .checked_add(amount)
        .ok_or(Refusal::field(Field::Shares, ErrorCode::AmountTooLarge))?;
    let shareholders_after = j.ledger.shareholders + u32::from(member.holding.shares == 0);
    let mut warnings = Vec::new();
    let preview = cap_check(no, after.subscribed, total_after, shareholders_after, j.statute, &mut warnings)?;
    Ok(PlannedEntry {
        kind: if capitalise { ShareEntryKind::Capitalise } else { ShareEntryKind::Subscribe },
        entry: ShareEntry {
            date,
            lines: vec![line],
            resolution,
            par_value: Some(j.statute.par_value),
            due_date: None,
            reverses: None,
            reason: None,
        },
        warnings,
        preview: Some(preview),
    })
}

/// Judges one capitalisation of many members at once (an assembly's distribution turned into
/// shares): fully paid new shares at par for each, in one entry, with each member's cap judged
/// against the capital after the whole entry — as it will stand — not after each line.
pub fn plan_capitalisation(
    grants: &[(u32, u32, MemberFacts)],
    date: NaiveDate,
    resolution: &str,
    j: &Judged<'_>,
) -> Result<PlannedEntry, Refusal> {
    let resolution = required_text(resolution, Field::Resolution)?;
    let mut lines = Vec::with_capacity(grants.len());
    let mut total_after = j.ledger.total_subscribed;
    let mut shareholders_after = j.ledger.shareholders;
    for (no, shares, member) in grants {
        let shares = positive_shares(*shares)?;
        if member.status != MemberStatus::Active {
            return Err(Refusal::rule(ErrorCode::MemberNotActive, *no));
        }
        not_before_joining(date, member)?;
        let amount = amount_at_par(shares, j.statute.par_value)?;
        total_after = total_after
            .checked_add(amount)
            .ok_or(Refusal::field(Field::Shares, ErrorCode::AmountTooLarge))?;
        shareholders_after += u32::from(member.holding.shares == 0);
        lines.push(ShareLine {
            membership_no: *no,
            shares,
            subscribed: amount,
            paid: amount,
            counterparty: None,
        });
    }
    let mut warnings = Vec::new();
    for ((no, _, member), line) in grants.iter().zip(&lines) {
        let after =
            member.holding.plus(line).ok_or(Refusal::field(Field::Shares, ErrorCode::AmountTooLarge))?;
        cap_check(*no, after.subscribed, total_after, shareholders_after, j.statute, &mut warnings)?;
    }
    Ok(PlannedEntry {
        kind: ShareEntryKind::Capitalise,
        entry: ShareEntry {
            date,
            lines,
            resolution: Some(resolution),
            par_value: Some(j.statute.par_value),
            due_date: None,
            reverses: None,
            reason: None,
        },
        warnings,
        preview: None,
    })
}

/// Judges a payment towards subscribed shares.
pub fn plan_payment(
    no: u32,
    amount: &str,
    date: NaiveDate,
    member: &MemberFacts,
) -> Result<PlannedEntry, Refusal> {
    let amount = parse_rials(amount).map_err(|code| Refusal::field(Field::Amount, code))?;
    not_before_joining(date, member)?;
    if amount > member.holding.unpaid() {
        return Err(Refusal::Rule {
            code: ErrorCode::PaymentExceedsUnpaid,
            membership_no: Some(no),
            limit: Some(Decimal::from(member.holding.unpaid())),
            value: Some(Decimal::from(amount)),
        });
    }
    let line = ShareLine { membership_no: no, shares: 0, subscribed: 0, paid: amount, counterparty: None };
    Ok(PlannedEntry {
        kind: ShareEntryKind::Pay,
        entry: ShareEntry {
            date,
            lines: vec![line],
            resolution: None,
            par_value: None,
            due_date: None,
            reverses: None,
            reason: None,
        },
        warnings: Vec::new(),
        preview: None,
    })
}

/// Judges a transfer between members on a board resolution.
pub fn plan_transfer(
    (from_no, from): (u32, &MemberFacts),
    (to_no, to): (u32, Option<&MemberFacts>),
    shares: u32,
    date: NaiveDate,
    resolution: &str,
    j: &Judged<'_>,
) -> Result<PlannedEntry, Refusal> {
    let shares = positive_shares(shares)?;
    if from_no == to_no {
        return Err(Refusal::field(Field::ToMember, ErrorCode::TransferToSelf));
    }
    let resolution = required_text(resolution, Field::Resolution)?;
    active(from_no, from)?;
    let to = match to {
        Some(t) if matches!(t.status, MemberStatus::Active | MemberStatus::Applicant) => t,
        _ => return Err(Refusal::rule(ErrorCode::TransfereeNotMember, to_no)),
    };
    not_before_joining(date, from)?;
    not_before_joining(date, to)?;
    if shares > from.holding.shares {
        return Err(Refusal::Rule {
            code: ErrorCode::InsufficientShares,
            membership_no: Some(from_no),
            limit: Some(Decimal::from(from.holding.shares)),
            value: Some(Decimal::from(shares)),
        });
    }
    let moved_subscribed = proportion(from.holding.subscribed, shares, from.holding.shares);
    let moved_paid = proportion(from.holding.paid, shares, from.holding.shares);
    let out = ShareLine {
        membership_no: from_no,
        shares: -shares,
        subscribed: -moved_subscribed,
        paid: -moved_paid,
        counterparty: Some(to_no),
    };
    let into = ShareLine {
        membership_no: to_no,
        shares,
        subscribed: moved_subscribed,
        paid: moved_paid,
        counterparty: Some(from_no),
    };
    min_shares_kept(from_no, from.holding.shares - shares, j.statute, true)?;
    let to_after = to.holding.plus(&into).ok_or(Refusal::field(Field::Shares, ErrorCode::AmountTooLarge))?;
    min_shares_kept(to_no, to_after.shares, j.statute, false)?;
    let shareholders_after =
        j.ledger.shareholders + u32::from(to.holding.shares == 0) - u32::from(from.holding.shares == shares);
    let mut warnings = Vec::new();
    let preview = cap_check(
        to_no,
        to_after.subscribed,
        j.ledger.total_subscribed,
        shareholders_after,
        j.statute,
        &mut warnings,
    )?;
    Ok(PlannedEntry {
        kind: ShareEntryKind::Transfer,
        entry: ShareEntry {
            date,
            lines: vec![out, into],
            resolution: Some(resolution),
            par_value: None,
            due_date: None,
            reverses: None,
            reason: None,
        },
        warnings,
        preview: Some(preview),
    })
}

/// Judges the refund of a former member's shares; it falls due after the statute's months.
pub fn plan_refund(
    no: u32,
    shares: u32,
    date: NaiveDate,
    member: &MemberFacts,
    statute: &StatuteValues,
) -> Result<PlannedEntry, Refusal> {
    let shares = positive_shares(shares)?;
    if !member.status.has_exited() {
        return Err(Refusal::rule(ErrorCode::MemberNotActive, no));
    }
    if shares > member.holding.shares {
        return Err(Refusal::Rule {
            code: ErrorCode::InsufficientShares,
            membership_no: Some(no),
            limit: Some(Decimal::from(member.holding.shares)),
            value: Some(Decimal::from(shares)),
        });
    }
    let line = ShareLine {
        membership_no: no,
        shares: -shares,
        subscribed: -proportion(member.holding.subscribed, shares, member.holding.shares),
        paid: -proportion(member.holding.paid, shares, member.holding.shares),
        counterparty: None,
    };
    Ok(PlannedEntry {
        kind: ShareEntryKind::Refund,
        entry: ShareEntry {
            date,
            lines: vec![line],
            resolution: None,
            par_value: None,
            due_date: date.checked_add_months(Months::new(statute.refund_due_months)),
            reverses: None,
            reason: None,
        },
        warnings: Vec::new(),
        preview: None,
    })
}

/// A recorded entry as the reversal rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedEntry {
    /// Its kind.
    pub kind: ShareEntryKind,
    /// Its lines.
    pub lines: Vec<ShareLine>,
    /// Already reversed by another entry.
    pub reversed: bool,
}

/// Judges the reversal of `entry`: the negated lines must leave every holding sound.
pub fn plan_reversal(
    entry_id: &str,
    entry: Option<&RecordedEntry>,
    reason: &str,
    today: NaiveDate,
    holding_of: impl Fn(u32) -> Holding,
) -> Result<PlannedEntry, Refusal> {
    let entry = entry.ok_or(Refusal::field(Field::Entry, ErrorCode::UnknownEntry))?;
    if entry.kind == ShareEntryKind::Reverse {
        return Err(Refusal::field(Field::Entry, ErrorCode::ReversalOfReversal));
    }
    if entry.reversed {
        return Err(Refusal::field(Field::Entry, ErrorCode::AlreadyReversed));
    }
    let reason = normalize_text(reason);
    if reason.is_empty() {
        return Err(Refusal::field(Field::Reason, ErrorCode::Required));
    }
    let lines: Vec<ShareLine> = entry.lines.iter().map(|l| l.negated()).collect();
    for line in &lines {
        let after = holding_of(line.membership_no).plus(line);
        if !after.is_some_and(Holding::is_sound) {
            return Err(Refusal::rule(ErrorCode::ReversalWouldGoNegative, line.membership_no));
        }
    }
    Ok(PlannedEntry {
        kind: ShareEntryKind::Reverse,
        entry: ShareEntry {
            date: today,
            lines,
            resolution: None,
            par_value: None,
            due_date: None,
            reverses: Some(entry_id.to_owned()),
            reason: Some(reason),
        },
        warnings: Vec::new(),
        preview: None,
    })
}

/// Serde for rials (and other wide integers): a decimal string on the wire (never a JS number),
/// an integer inside.
pub mod rials {
    use std::fmt::Display;
    use std::str::FromStr;

    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the number as a decimal string.
    pub fn serialize<S: Serializer, T: Display>(v: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    /// Reads it back.
    pub fn deserialize<'de, D: Deserializer<'de>, T>(d: D) -> Result<T, D::Error>
    where
        T: FromStr,
        T::Err: Display,
    {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests;
