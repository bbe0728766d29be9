//! Year-end (پایان سال مالی): closing the fiscal year and dividing its net result — the legal
//! and precautionary reserves, the cooperation-and-education fund, bonuses, then the remainder
//! between return on shares (سود سهام, by paid capital × days held) and surplus returned by work
//! (مازاد برگشتی, by hours or production). Pure: the store gathers the facts, these functions decide.
//!
//! Rounding rule (every rial accounted for):
//! 1. Each percentage part is `net × percent ÷ 100`, rounded down to a whole rial.
//! 2. What remains is split by the statute's percent: the return-on-shares pool is rounded down,
//!    the surplus-by-work pool is the rest.
//! 3. Each member's share of a pool is `pool × weight ÷ total weight`, rounded down, computed
//!    exactly in integers (rials × days, hundredths of an hour, rials of production).
//! 4. The rials left by step 3 (fewer than the members of each pool) form the `rounding` part,
//!    which approval adds to the legal reserve — a reserve with a floor and no ceiling.
//!
//! So the parts always add up to the net result exactly, and nobody gets a negative amount.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorCode, Field, FieldError};
use crate::shares::{Holding, Refusal, parse_rials, rials};
use crate::statute::{StatuteValues, SurplusBasis};
use crate::text::ascii_digits;

/// A part of the distribution, in the order it is taken from the net result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PartKind {
    /// اندوخته قانونی
    LegalReserve,
    /// اندوخته احتیاطی
    PrecautionaryReserve,
    /// حق تعاون و آموزش (to the cooperation fund)
    CooperationFund,
    /// پاداش
    Bonuses,
    /// سود سهام
    ReturnOnShares,
    /// مازاد برگشتی
    SurplusByWork,
    /// The rials left by rounding each member's share down; approval adds them to the legal reserve.
    Rounding,
}

impl PartKind {
    /// Every kind, in order.
    pub const ALL: [Self; 7] = [
        Self::LegalReserve,
        Self::PrecautionaryReserve,
        Self::CooperationFund,
        Self::Bonuses,
        Self::ReturnOnShares,
        Self::SurplusByWork,
        Self::Rounding,
    ];
}

/// One part and its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Part {
    /// Which part.
    pub kind: PartKind,
    /// Rials.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub amount: i64,
}

/// The percentages the board proposes (and the assembly may amend); empty keeps the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Choices {
    /// Legal reserve, percent of the net result; default: the statute's minimum while the reserve
    /// is compulsory, 0 once it has reached its cap.
    #[serde(default)]
    pub legal_reserve_pct: String,
    /// Precautionary reserve, percent; default: the statute's maximum.
    #[serde(default)]
    pub precautionary_pct: String,
    /// Bonuses, percent; default 0.
    #[serde(default)]
    pub bonuses_pct: String,
}

/// The percentages a distribution used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rates {
    /// Legal reserve, percent.
    #[ts(type = "string")]
    pub legal_reserve_pct: Decimal,
    /// Precautionary reserve, percent.
    #[ts(type = "string")]
    pub precautionary_pct: Decimal,
    /// Cooperation fund, percent (the statute's).
    #[ts(type = "string")]
    pub cooperation_pct: Decimal,
    /// Bonuses, percent.
    #[ts(type = "string")]
    pub bonuses_pct: Decimal,
    /// Of the remainder, percent paid as return on shares (the statute's).
    #[ts(type = "string")]
    pub return_on_shares_pct: Decimal,
    /// What measured work.
    pub surplus_basis: SurplusBasis,
}

/// One member's weights for the year, gathered by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberBasis {
    /// The member.
    pub membership_no: u32,
    /// Paid capital × days held in the year (rial-days).
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub capital_days: i128,
    /// Work: hundredths of an hour, or rials of production, by the statute's basis.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub work: i128,
}

/// What the distribution is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFacts {
    /// The year's net result in rials (a loss is negative).
    pub net_result: i64,
    /// The legal reserve at the start of the year.
    pub legal_reserve_opening: i64,
    /// Average paid capital of the last three fiscal years' ends (fewer for a younger ledger).
    pub average_capital: i64,
    /// Every member with capital or work in the year.
    pub members: Vec<MemberBasis>,
}

/// One member's part of the distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberShare {
    /// The member.
    pub membership_no: u32,
    /// Paid capital × days held (rial-days).
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub capital_days: i128,
    /// Work, in the basis's unit.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub work: i128,
    /// What it comes to.
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// A member's return on shares and surplus by work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Amounts {
    /// سود سهام
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub return_on_shares: i64,
    /// مازاد برگشتی
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub surplus_by_work: i64,
    /// Both.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub total: i64,
}

/// A computed distribution: the board's proposal, or what the assembly approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Proposal {
    /// The net result divided.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub net_result: i64,
    /// The percentages used.
    pub rates: Rates,
    /// Whether the legal reserve was still below its cap (so its minimum applied).
    pub legal_reserve_compulsory: bool,
    /// The cap: the statute's fraction of the three-year average capital.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub legal_reserve_cap: i64,
    /// The parts, in [`PartKind::ALL`] order; they add up to the net result exactly.
    pub parts: Vec<Part>,
    /// Each member's share, by membership number.
    pub members: Vec<MemberShare>,
}

impl Proposal {
    /// The amount of one part.
    pub fn part(&self, kind: PartKind) -> i64 {
        self.parts.iter().find(|p| p.kind == kind).map_or(0, |p| p.amount)
    }
}

fn percent(text: &str, field: Field) -> Result<Option<Decimal>, FieldError> {
    let t = ascii_digits(text.trim()).replace(['٫', '/'], ".").replace(['%', '٪'], "");
    let t = t.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<Decimal>() {
        Ok(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => Ok(Some(d)),
        Ok(_) => Err(FieldError { field, code: ErrorCode::DistributionPctOutOfBounds }),
        Err(_) => Err(FieldError { field, code: ErrorCode::NumberFormat }),
    }
}

/// The percentages the statute and the choices give, or the refused fields.
pub fn rates(statute: &StatuteValues, choices: &Choices, compulsory: bool) -> Result<Rates, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut read = |text: &str, field: Field| {
        percent(text, field).unwrap_or_else(|e| {
            errors.push(e);
            None
        })
    };
    let legal = read(&choices.legal_reserve_pct, Field::LegalReservePct);
    let precautionary = read(&choices.precautionary_pct, Field::PrecautionaryPct);
    let bonuses = read(&choices.bonuses_pct, Field::BonusesPct);
    let legal = legal.unwrap_or(if compulsory { statute.legal_reserve_pct } else { Decimal::ZERO });
    let precautionary = precautionary.unwrap_or(statute.precautionary_reserve_max_pct);
    let bonuses = bonuses.unwrap_or(Decimal::ZERO);
    let out = |ok: bool, field: Field, errors: &mut Vec<FieldError>| {
        if !ok && !errors.iter().any(|e| e.field == field) {
            errors.push(FieldError { field, code: ErrorCode::DistributionPctOutOfBounds });
        }
    };
    out(!compulsory || legal >= statute.legal_reserve_pct, Field::LegalReservePct, &mut errors);
    out(precautionary <= statute.precautionary_reserve_max_pct, Field::PrecautionaryPct, &mut errors);
    out(bonuses <= statute.bonuses_max_pct, Field::BonusesPct, &mut errors);
    let sum = legal + precautionary + statute.cooperation_education_pct + bonuses;
    out(sum <= Decimal::ONE_HUNDRED, Field::BonusesPct, &mut errors);
    if errors.is_empty() {
        Ok(Rates {
            legal_reserve_pct: legal,
            precautionary_pct: precautionary,
            cooperation_pct: statute.cooperation_education_pct,
            bonuses_pct: bonuses,
            return_on_shares_pct: statute.return_on_shares_pct,
            surplus_basis: statute.surplus_basis,
        })
    } else {
        Err(errors)
    }
}

fn rule(code: ErrorCode) -> Refusal {
    Refusal::Rule { code, membership_no: None, limit: None, value: None }
}

/// `amount × pct ÷ 100`, rounded down to the rial.
fn percent_of(amount: i64, pct: Decimal) -> Result<i64, ErrorCode> {
    let exact = Decimal::from(amount)
        .checked_mul(pct)
        .ok_or(ErrorCode::AmountTooLarge)?
        .checked_div(Decimal::ONE_HUNDRED)
        .ok_or(ErrorCode::AmountTooLarge)?;
    i64::try_from(exact.round_dp_with_strategy(0, RoundingStrategy::ToZero))
        .map_err(|_| ErrorCode::AmountTooLarge)
}

/// Each weight's share of `pool`, rounded down; exact integer arithmetic.
fn split(pool: i64, weights: &[i128]) -> Result<Vec<i64>, ErrorCode> {
    let total: i128 =
        weights.iter().try_fold(0_i128, |acc, w| acc.checked_add(*w)).ok_or(ErrorCode::AmountTooLarge)?;
    if total <= 0 {
        return Ok(vec![0; weights.len()]);
    }
    weights
        .iter()
        .map(|w| {
            let share = i128::from(pool).checked_mul(*w).ok_or(ErrorCode::AmountTooLarge)? / total;
            i64::try_from(share).map_err(|_| ErrorCode::AmountTooLarge)
        })
        .collect()
}

/// The legal reserve's cap: the statute's fraction of the average capital, rounded down.
pub fn legal_reserve_cap(statute: &StatuteValues, average_capital: i64) -> i64 {
    let f = statute.legal_reserve_cap;
    if f.denominator == 0 {
        return 0;
    }
    let cap = i128::from(average_capital) * i128::from(f.numerator) / i128::from(f.denominator);
    i64::try_from(cap).unwrap_or(i64::MAX)
}

/// Computes the distribution. Refuses a year without surplus, percentages outside the statute,
/// and a pool with nobody to go to.
pub fn propose(facts: &YearFacts, statute: &StatuteValues, choices: &Choices) -> Result<Proposal, Refusal> {
    if facts.net_result <= 0 {
        return Err(rule(ErrorCode::DistributionNoSurplus));
    }
    let cap = legal_reserve_cap(statute, facts.average_capital);
    let compulsory = facts.legal_reserve_opening < cap;
    let rates = rates(statute, choices, compulsory).map_err(Refusal::Fields)?;
    let net = facts.net_result;
    let legal = percent_of(net, rates.legal_reserve_pct).map_err(rule)?;
    let precautionary = percent_of(net, rates.precautionary_pct).map_err(rule)?;
    let fund = percent_of(net, rates.cooperation_pct).map_err(rule)?;
    let bonuses = percent_of(net, rates.bonuses_pct).map_err(rule)?;
    let remainder = net - legal - precautionary - fund - bonuses;
    let shares_pool = percent_of(remainder, rates.return_on_shares_pct).map_err(rule)?;
    let work_pool = remainder - shares_pool;

    let mut members = facts.members.clone();
    members.sort_by_key(|m| m.membership_no);
    members.retain(|m| m.capital_days > 0 || m.work > 0);
    let capital: Vec<i128> = members.iter().map(|m| m.capital_days.max(0)).collect();
    let work: Vec<i128> = members.iter().map(|m| m.work.max(0)).collect();
    if shares_pool > 0 && capital.iter().all(|w| *w == 0) {
        return Err(rule(ErrorCode::DistributionNoCapital));
    }
    if work_pool > 0 && work.iter().all(|w| *w == 0) {
        return Err(rule(ErrorCode::DistributionNoWork));
    }
    let by_capital = split(shares_pool, &capital).map_err(rule)?;
    let by_work = split(work_pool, &work).map_err(rule)?;
    let shares: Vec<MemberShare> = members
        .iter()
        .zip(by_capital.iter().zip(&by_work))
        .map(|(m, (&r, &s))| MemberShare {
            membership_no: m.membership_no,
            capital_days: m.capital_days,
            work: m.work,
            amounts: Amounts { return_on_shares: r, surplus_by_work: s, total: r + s },
        })
        .collect();
    let paid_on_shares: i64 = by_capital.iter().sum();
    let paid_by_work: i64 = by_work.iter().sum();
    let rounding = (shares_pool - paid_on_shares) + (work_pool - paid_by_work);
    let parts = PartKind::ALL
        .into_iter()
        .zip([legal, precautionary, fund, bonuses, paid_on_shares, paid_by_work, rounding])
        .map(|(kind, amount)| Part { kind, amount })
        .collect();
    Ok(Proposal {
        net_result: net,
        rates,
        legal_reserve_compulsory: compulsory,
        legal_reserve_cap: cap,
        parts,
        members: shares,
    })
}

/// What the board enters to close a fiscal year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CloseInput {
    /// The fiscal year, named by the Jalali year it starts in (1403), as periods are.
    pub year: i32,
    /// Net result in rials, from the accountant (a loss with a minus sign).
    pub net_result: String,
    /// Audited legal reserve at the start of the year; empty carries the last approved year's.
    #[serde(default)]
    pub legal_reserve_opening: String,
    /// Audited precautionary reserve at the start of the year; empty carries the last approved year's.
    #[serde(default)]
    pub precautionary_reserve_opening: String,
    /// A note (e.g. the auditor's report reference).
    #[serde(default)]
    pub note: String,
}

/// The checked numbers of a [`CloseInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseFigures {
    /// Net result.
    pub net_result: i64,
    /// Given opening legal reserve, if any.
    pub legal_reserve_opening: Option<i64>,
    /// Given opening precautionary reserve, if any.
    pub precautionary_reserve_opening: Option<i64>,
}

/// Reads a signed rial amount (a loss is written with a minus sign, in any digit form).
fn signed_rials(text: &str) -> Result<i64, ErrorCode> {
    let t = ascii_digits(text.trim());
    let t = t.trim();
    let (negative, digits) = match t.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim()),
        None => (false, t),
    };
    if digits.is_empty() {
        return Err(ErrorCode::Required);
    }
    if !digits.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '\u{066C}' | ' ' | '_' | '\u{00A0}')) {
        return Err(ErrorCode::NumberFormat);
    }
    let n = match parse_rials(digits) {
        Ok(n) => n,
        Err(ErrorCode::AmountMustBePositive) => 0,
        Err(code) => return Err(code),
    };
    Ok(if negative { -n } else { n })
}

/// Checks the figures of a year close.
pub fn close_figures(input: &CloseInput) -> Result<CloseFigures, Vec<FieldError>> {
    let mut errors = Vec::new();
    let net_result = signed_rials(&input.net_result)
        .map_err(|code| errors.push(FieldError { field: Field::NetResult, code }))
        .unwrap_or(0);
    let mut opening = |text: &str, field: Field| -> Option<i64> {
        if text.trim().is_empty() {
            return None;
        }
        match signed_rials(text) {
            Ok(n) if n >= 0 => Some(n),
            Ok(_) => {
                errors.push(FieldError { field, code: ErrorCode::AmountMustBePositive });
                None
            }
            Err(code) => {
                errors.push(FieldError { field, code });
                None
            }
        }
    };
    let legal_reserve_opening = opening(&input.legal_reserve_opening, Field::LegalReserveOpening);
    let precautionary_reserve_opening =
        opening(&input.precautionary_reserve_opening, Field::PrecautionaryReserveOpening);
    if input.year < 1300 || input.year > 1600 {
        errors.push(FieldError { field: Field::Year, code: ErrorCode::DateOutOfRange });
    }
    if errors.is_empty() {
        Ok(CloseFigures { net_result, legal_reserve_opening, precautionary_reserve_opening })
    } else {
        Err(errors)
    }
}

/// Payload of `year.close`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct YearClosed {
    /// The fiscal year (the Jalali year it starts in).
    pub year: i32,
    /// Its first day.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Its last day; nothing new may be dated on or before it.
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Net result.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub net_result: i64,
    /// Legal reserve at the start of the year.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub legal_reserve_opening: i64,
    /// Precautionary reserve at the start of the year.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub precautionary_reserve_opening: i64,
    /// Average paid capital of the last three year ends (the legal reserve's cap is taken of it).
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub average_capital: i64,
    /// Capital on the last day: the checkpoint `verify` re-asserts.
    pub capital: Holding,
    /// The note.
    pub note: String,
}

/// How an approved distribution is paid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Capitalise {
    /// All in cash.
    #[default]
    None,
    /// The return on shares becomes new shares (whole shares at par; the rest in cash).
    ReturnOnShares,
    /// Everything becomes new shares (whole shares at par; the rest in cash).
    All,
}

/// What the approval is asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApproveInput {
    /// The fiscal year.
    pub year: i32,
    /// The annual ordinary assembly.
    pub meeting: u32,
    /// Its resolution number that approved the distribution.
    pub resolution: u32,
    /// The percentages as the assembly approved (amended) them.
    #[serde(default)]
    pub choices: Choices,
    /// Whether members' amounts become new shares.
    #[serde(default)]
    pub capitalise: Capitalise,
}

/// One member's approved amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberPayout {
    /// The member.
    pub membership_no: u32,
    /// The distribution's amounts.
    #[serde(flatten)]
    pub amounts: Amounts,
    /// New shares issued from it.
    pub new_shares: u32,
    /// Rials turned into those shares.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub capitalised: i64,
    /// Rials to pay.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub payable: i64,
}

/// Splits each member's total between new whole shares and cash. A member who is no longer
/// active is paid in cash.
pub fn payouts(
    proposal: &Proposal,
    mode: Capitalise,
    par_value: Decimal,
    active: impl Fn(u32) -> bool,
) -> Vec<MemberPayout> {
    let par = i64::try_from(par_value.trunc()).unwrap_or(0);
    proposal
        .members
        .iter()
        .map(|m| {
            let base = match mode {
                Capitalise::None => 0,
                Capitalise::ReturnOnShares => m.amounts.return_on_shares,
                Capitalise::All => m.amounts.total,
            };
            let new_shares = if par > 0 && active(m.membership_no) { base / par } else { 0 };
            let new_shares = u32::try_from(new_shares).unwrap_or(0);
            let capitalised = i64::from(new_shares) * par;
            MemberPayout {
                membership_no: m.membership_no,
                amounts: m.amounts,
                new_shares,
                capitalised,
                payable: m.amounts.total - capitalised,
            }
        })
        .collect()
}

/// Payload of `year.approve`: the distribution as the assembly approved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct YearApproved {
    /// The fiscal year.
    pub year: i32,
    /// The assembly.
    pub meeting: u32,
    /// Its resolution.
    pub resolution: u32,
    /// The assembly's day.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The distribution.
    pub proposal: Proposal,
    /// How it is paid.
    pub capitalise: Capitalise,
    /// Each member's payout.
    pub payouts: Vec<MemberPayout>,
    /// Legal reserve after the appropriation (the rounding part included).
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub legal_reserve_closing: i64,
    /// Precautionary reserve after the appropriation.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub precautionary_reserve_closing: i64,
}

#[cfg(test)]
mod tests;
