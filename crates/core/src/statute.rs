//! The statute profile (اساسنامه): every number the rules use, versioned and effective-dated.
//! The law leaves many numbers to each cooperative's statute; defaults come from the 1393 model
//! statute and the 1387 general-assembly regulation, each with its source and confidence.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorCode, Field, FieldError};

/// A fraction of a whole, e.g. 1/3 of capital paid at admission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Fraction {
    /// Numerator.
    pub numerator: u32,
    /// Denominator, never 0.
    pub denominator: u32,
}

impl Fraction {
    /// `n / d`.
    pub const fn new(numerator: u32, denominator: u32) -> Self {
        Self { numerator, denominator }
    }

    /// The exact value as a decimal (rounded at 28 digits for non-terminating fractions).
    pub fn value(self) -> Decimal {
        if self.denominator == 0 {
            return Decimal::ZERO;
        }
        Decimal::from(self.numerator) / Decimal::from(self.denominator)
    }
}

/// A quorum or majority threshold (حد نصاب): a fraction of those entitled, met "at least" or "more than".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Threshold {
    /// The fraction.
    pub fraction: Fraction,
    /// `true`: more than the fraction is needed (half + 1); `false`: at least the fraction.
    pub strict: bool,
}

impl Threshold {
    /// Whether `count` out of `total` meets the threshold.
    pub fn is_met(self, count: u32, total: u32) -> bool {
        let lhs = u64::from(count) * u64::from(self.fraction.denominator);
        let rhs = u64::from(total) * u64::from(self.fraction.numerator);
        if self.strict { lhs > rhs } else { lhs >= rhs }
    }
}

const fn more_than(n: u32, d: u32) -> Threshold {
    Threshold { fraction: Fraction::new(n, d), strict: true }
}

const fn at_least(n: u32, d: u32) -> Threshold {
    Threshold { fraction: Fraction::new(n, d), strict: false }
}

/// Every number of the statute profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatuteValues {
    /// Par value of one share (ارزش اسمی سهم), in current rials.
    #[ts(type = "string")]
    pub par_value: Decimal,
    /// Fewest shares a member must hold.
    pub min_shares_per_member: u32,
    /// Largest part of the capital one member may hold, in percent.
    #[ts(type = "string")]
    pub max_member_capital_pct: Decimal,
    /// Part of a subscription to pay at admission (Art. 21: at least 1/3).
    pub admission_paid_fraction: Fraction,
    /// Months to pay the rest of a subscription.
    pub unpaid_deadline_months: u32,
    /// Fewest active members the cooperative may have (7).
    pub min_members: u32,
    /// Written notice a specialist member of a production cooperative gives before leaving (months).
    pub specialist_withdrawal_notice_months: u32,
    /// Days between the two written warnings before an expulsion.
    pub expulsion_warning_gap_days: u32,
    /// Days after the second warning before the assembly may expel.
    pub expulsion_wait_days: u32,
    /// Months after the exit is approved within which shares are refunded.
    pub refund_due_months: u32,
    /// Shortest notice for an assembly with elections on the agenda (days).
    pub election_notice_min_days: u32,
    /// Longest notice for an assembly with elections on the agenda (days).
    pub election_notice_max_days: u32,
    /// Shortest notice for other assemblies (days).
    pub notice_min_days: u32,
    /// Longest notice for other assemblies (days).
    pub notice_max_days: u32,
    /// Quorum of an ordinary general assembly, first call.
    pub ordinary_quorum_call1: Threshold,
    /// Quorum of an ordinary general assembly, second call.
    pub ordinary_quorum_call2: Threshold,
    /// Quorum of an extraordinary general assembly, first call.
    pub extraordinary_quorum_call1: Threshold,
    /// Quorum of an extraordinary general assembly, second call.
    pub extraordinary_quorum_call2: Threshold,
    /// Quorum of an extraordinary general assembly, third call.
    pub extraordinary_quorum_call3: Threshold,
    /// Majority that passes an ordinary assembly's resolution (of votes present).
    pub ordinary_majority: Threshold,
    /// Majority that passes an extraordinary assembly's resolution (of votes present).
    pub extraordinary_majority: Threshold,
    /// Proxy votes a member may hold besides their own.
    pub proxies_per_member: u32,
    /// Proxy votes a non-member may hold.
    pub proxies_per_non_member: u32,
    /// Quorum and majority of a board meeting (of its members; of those present).
    #[serde(default = "defaults::board_majority")]
    pub board_majority: Threshold,
    /// Members who may ask for an ordinary assembly.
    #[serde(default = "defaults::ordinary_request")]
    pub ordinary_request: Threshold,
    /// Members who may ask for an extraordinary assembly.
    #[serde(default = "defaults::extraordinary_request")]
    pub extraordinary_request: Threshold,
    /// Fewest present at an assembly: its presiding panel (chair, secretary, observer).
    #[serde(default = "defaults::presiding_panel")]
    pub presiding_panel: u32,
    /// The annual assembly's notice is published within this many months after the fiscal year ends.
    #[serde(default = "defaults::annual_notice_months")]
    pub annual_notice_months: u32,
    /// The annual assembly is held within this many months after the fiscal year ends.
    #[serde(default = "defaults::annual_assembly_months")]
    pub annual_assembly_months: u32,
    /// An election assembly's notice is published at least this many months before the term ends.
    #[serde(default = "defaults::election_notice_months")]
    pub election_notice_months: u32,
    /// A requested assembly is announced within this many months of the request.
    #[serde(default = "defaults::convening_months")]
    pub convening_months: u32,
    /// Decisions are notified to the members within this many days.
    #[serde(default = "defaults::decisions_notice_days")]
    pub decisions_notice_days: u32,
    /// The alternate inspector is called within this many days of a vacancy.
    #[serde(default = "defaults::inspector_replacement_days")]
    pub inspector_replacement_days: u32,
    /// Fewest principal board members.
    pub board_min: u32,
    /// Most principal board members.
    pub board_max: u32,
    /// Board term in years.
    pub board_term_years: u32,
    /// Principal inspectors (an odd number).
    pub inspectors: u32,
    /// Inspectors' term in fiscal years.
    pub inspector_term_years: u32,
    /// Legal reserve, percent of net profit (at least).
    #[ts(type = "string")]
    pub legal_reserve_pct: Decimal,
    /// The legal reserve is compulsory until it reaches this fraction of the 3-year average capital.
    pub legal_reserve_cap: Fraction,
    /// Precautionary reserve, percent of net profit (at most).
    #[ts(type = "string")]
    pub precautionary_reserve_max_pct: Decimal,
    /// Cooperation-and-education payment, percent of net profit.
    #[ts(type = "string")]
    pub cooperation_education_pct: Decimal,
    /// Bonuses to members, employees, directors and inspectors, percent of net profit (at most).
    #[ts(type = "string")]
    #[serde(default = "defaults::bonuses_max_pct")]
    pub bonuses_max_pct: Decimal,
    /// Of what remains after reserves, the fund and bonuses, the percent paid as return on shares
    /// (سود سهام); the rest is surplus returned by work (مازاد برگشتی).
    #[ts(type = "string")]
    #[serde(default = "defaults::return_on_shares_pct")]
    pub return_on_shares_pct: Decimal,
    /// What measures each member's work for the surplus by work.
    #[serde(default)]
    pub surplus_basis: SurplusBasis,
}

/// What measures each member's work for the surplus returned by work (مازاد برگشتی).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SurplusBasis {
    /// Hours worked, from the workforce months and production entries.
    #[default]
    Hours,
    /// The value of production, each entry's value split among its workers by their hours.
    Production,
}

/// The law's floor under the legal reserve, percent of net profit (co-op financial rules, 🟡):
/// a statute may ask for more, never for less.
pub const LAW_LEGAL_RESERVE_MIN_PCT: u32 = 5;
/// The law's ceiling over the precautionary reserve, percent of net profit (co-op financial rules, 🟡).
pub const LAW_PRECAUTIONARY_MAX_PCT: u32 = 5;

/// How sure the default of a parameter is (the domain reference's marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Confidence {
    /// ✅ the value is in a retrieved legal text.
    Confirmed,
    /// 🟡 from a secondary summary; likely right.
    Secondary,
    /// ❓ not confirmed: set it from the cooperative's own statute.
    Unconfirmed,
}

/// Where a default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DefaultSource {
    /// The parameter, as named in [`StatuteValues`].
    pub param: &'static str,
    /// The legal text or summary the default is taken from.
    pub source: &'static str,
    /// How sure it is.
    pub confidence: Confidence,
}

/// Sources of every default, in the order of [`StatuteValues`]'s fields.
pub const DEFAULT_SOURCES: &[DefaultSource] = &[
    src("par_value", "Model statute leaves it blank; set from your statute", Confidence::Unconfirmed),
    src("min_shares_per_member", "Model statute 1393 (minimum purchase, Art. 9)", Confidence::Secondary),
    src(
        "max_member_capital_pct",
        "Model statute blank «… درصد»; 30% in one summary",
        Confidence::Unconfirmed,
    ),
    src(
        "admission_paid_fraction",
        "Co-operative Sector Law Art. 21 (1/3 at registration)",
        Confidence::Confirmed,
    ),
    src("unpaid_deadline_months", "Statute; one summary says 2 years", Confidence::Secondary),
    src("min_members", "Co-operative Sector Law Art. 6 (7 members)", Confidence::Confirmed),
    src("specialist_withdrawal_notice_months", "Co-operative Sector Law Art. 12", Confidence::Confirmed),
    src("expulsion_warning_gap_days", "Co-operative Sector Law Art. 13", Confidence::Confirmed),
    src("expulsion_wait_days", "Co-operative Sector Law Art. 13", Confidence::Confirmed),
    src("refund_due_months", "Statute; commonly 3 months after the balance sheet", Confidence::Unconfirmed),
    src("election_notice_min_days", "GA regulation 1387 (20–40 days with elections)", Confidence::Confirmed),
    src("election_notice_max_days", "GA regulation 1387 (20–40 days with elections)", Confidence::Confirmed),
    src("notice_min_days", "Commercial Code Art. 98 analogue (10–40 days)", Confidence::Unconfirmed),
    src("notice_max_days", "Commercial Code Art. 98 analogue (10–40 days)", Confidence::Unconfirmed),
    src("ordinary_quorum_call1", "GA regulation 1387, note 1 to Art. 33 (half + 1)", Confidence::Confirmed),
    src("ordinary_quorum_call2", "GA regulation 1387 (any number present)", Confidence::Confirmed),
    src("extraordinary_quorum_call1", "Secondary summary (2/3)", Confidence::Secondary),
    src("extraordinary_quorum_call2", "Secondary summary (half + 1)", Confidence::Secondary),
    src("extraordinary_quorum_call3", "Secondary summary (any number present)", Confidence::Secondary),
    src("ordinary_majority", "Typical statute (half + 1 of votes present)", Confidence::Unconfirmed),
    src("extraordinary_majority", "Typical statute (2/3 of votes present)", Confidence::Unconfirmed),
    src("proxies_per_member", "GA regulation 1387 (3 proxies + own vote)", Confidence::Confirmed),
    src("proxies_per_non_member", "GA regulation 1387 (1 for a non-member)", Confidence::Confirmed),
    src("board_majority", "Board acts by absolute majority (secondary summary)", Confidence::Secondary),
    src("ordinary_request", "GA regulation 1387 (1/5 of members)", Confidence::Confirmed),
    src("extraordinary_request", "GA regulation 1387 (1/3 of members)", Confidence::Confirmed),
    src(
        "presiding_panel",
        "GA regulation (second call: not fewer than the presiding panel); statute names the panel",
        Confidence::Unconfirmed,
    ),
    src("annual_notice_months", "GA regulation Art. 1-1 (2 months)", Confidence::Confirmed),
    src("annual_assembly_months", "GA regulation Art. 1 (4 months)", Confidence::Confirmed),
    src("election_notice_months", "GA regulation (2 months before the term ends)", Confidence::Confirmed),
    src("convening_months", "GA regulation (1 month after a request)", Confidence::Confirmed),
    src("decisions_notice_days", "Co-operative Sector Law (15 days)", Confidence::Confirmed),
    src("inspector_replacement_days", "Model statute Art. 50 (10 days)", Confidence::Confirmed),
    src("board_min", "Summary of the 1370 law (3–7 principals)", Confidence::Secondary),
    src("board_max", "Summary of the 1370 law (3–7 principals)", Confidence::Secondary),
    src("board_term_years", "Current practice 3 years; original 1370 text 2", Confidence::Unconfirmed),
    src("inspectors", "Model statute Art. 50 (odd number: 1 or 3)", Confidence::Confirmed),
    src("inspector_term_years", "Model statute Art. 50 (one fiscal year)", Confidence::Confirmed),
    src("legal_reserve_pct", "Co-op financial rules (≥ 5% of net profit)", Confidence::Secondary),
    src(
        "legal_reserve_cap",
        "Co-op financial rules (until 1/4 of 3-year average capital)",
        Confidence::Secondary,
    ),
    src("precautionary_reserve_max_pct", "Co-op financial rules (≤ 5%)", Confidence::Secondary),
    src(
        "cooperation_education_pct",
        "Co-op financial rules (4% to the co-operation fund)",
        Confidence::Secondary,
    ),
    src(
        "bonuses_max_pct",
        "Co-op financial rules: a percentage on board proposal and GA approval (no number found)",
        Confidence::Unconfirmed,
    ),
    src(
        "return_on_shares_pct",
        "Statute and contracts decide the split (not found for production co-ops)",
        Confidence::Unconfirmed,
    ),
    src(
        "surplus_basis",
        "Law of 1350 Art. 1: surplus returned by each member's work or transactions",
        Confidence::Confirmed,
    ),
];

const fn src(param: &'static str, source: &'static str, confidence: Confidence) -> DefaultSource {
    DefaultSource { param, source, confidence }
}

/// Defaults of the parameters added after the first statute version, so older `statute.set`
/// events read back with the law's values.
mod defaults {
    use super::{Threshold, at_least, more_than};

    pub(super) fn board_majority() -> Threshold {
        more_than(1, 2)
    }

    pub(super) fn ordinary_request() -> Threshold {
        at_least(1, 5)
    }

    pub(super) fn extraordinary_request() -> Threshold {
        at_least(1, 3)
    }

    pub(super) fn presiding_panel() -> u32 {
        3
    }

    pub(super) fn annual_notice_months() -> u32 {
        2
    }

    pub(super) fn annual_assembly_months() -> u32 {
        4
    }

    pub(super) fn election_notice_months() -> u32 {
        2
    }

    pub(super) fn convening_months() -> u32 {
        1
    }

    pub(super) fn decisions_notice_days() -> u32 {
        15
    }

    pub(super) fn inspector_replacement_days() -> u32 {
        10
    }

    pub(super) fn bonuses_max_pct() -> rust_decimal::Decimal {
        rust_decimal::Decimal::from(5)
    }

    pub(super) fn return_on_shares_pct() -> rust_decimal::Decimal {
        rust_decimal::Decimal::from(50)
    }
}

impl Default for StatuteValues {
    fn default() -> Self {
        Self {
            par_value: Decimal::from(1_000_000),
            min_shares_per_member: 1,
            max_member_capital_pct: Decimal::from(30),
            admission_paid_fraction: Fraction::new(1, 3),
            unpaid_deadline_months: 24,
            min_members: 7,
            specialist_withdrawal_notice_months: 6,
            expulsion_warning_gap_days: 15,
            expulsion_wait_days: 15,
            refund_due_months: 3,
            election_notice_min_days: 20,
            election_notice_max_days: 40,
            notice_min_days: 10,
            notice_max_days: 40,
            ordinary_quorum_call1: more_than(1, 2),
            ordinary_quorum_call2: at_least(0, 1),
            extraordinary_quorum_call1: at_least(2, 3),
            extraordinary_quorum_call2: more_than(1, 2),
            extraordinary_quorum_call3: at_least(0, 1),
            ordinary_majority: more_than(1, 2),
            extraordinary_majority: at_least(2, 3),
            proxies_per_member: 3,
            proxies_per_non_member: 1,
            board_majority: defaults::board_majority(),
            ordinary_request: defaults::ordinary_request(),
            extraordinary_request: defaults::extraordinary_request(),
            presiding_panel: defaults::presiding_panel(),
            annual_notice_months: defaults::annual_notice_months(),
            annual_assembly_months: defaults::annual_assembly_months(),
            election_notice_months: defaults::election_notice_months(),
            convening_months: defaults::convening_months(),
            decisions_notice_days: defaults::decisions_notice_days(),
            inspector_replacement_days: defaults::inspector_replacement_days(),
            board_min: 3,
            board_max: 7,
            board_term_years: 3,
            inspectors: 1,
            inspector_term_years: 1,
            legal_reserve_pct: Decimal::from(5),
            legal_reserve_cap: Fraction::new(1, 4),
            precautionary_reserve_max_pct: Decimal::from(5),
            cooperation_education_pct: Decimal::from(4),
            bonuses_max_pct: defaults::bonuses_max_pct(),
            return_on_shares_pct: defaults::return_on_shares_pct(),
            surplus_basis: SurplusBasis::Hours,
        }
    }
}

impl StatuteValues {
    /// Checks that the numbers make sense together; every refusal names its field.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut check = |ok: bool, field: Field| {
            if !ok {
                errors.push(FieldError { field, code: ErrorCode::StatuteValueInvalid });
            }
        };
        let hundred = Decimal::from(100);
        let pct_ok = |p: Decimal| p >= Decimal::ZERO && p <= hundred;
        let fraction_ok = |f: Fraction| f.denominator > 0 && f.numerator <= f.denominator;
        check(self.par_value > Decimal::ZERO && self.par_value.fract().is_zero(), Field::ParValue);
        check(self.min_shares_per_member >= 1, Field::MinSharesPerMember);
        check(
            self.max_member_capital_pct > Decimal::ZERO && self.max_member_capital_pct <= hundred,
            Field::MaxMemberCapitalPct,
        );
        check(fraction_ok(self.admission_paid_fraction), Field::AdmissionPaidFraction);
        check(self.min_members >= 1, Field::MinMembers);
        check(self.election_notice_min_days <= self.election_notice_max_days, Field::ElectionNoticeWindow);
        check(self.notice_min_days <= self.notice_max_days, Field::NoticeWindow);
        for t in [
            self.ordinary_quorum_call1,
            self.ordinary_quorum_call2,
            self.extraordinary_quorum_call1,
            self.extraordinary_quorum_call2,
            self.extraordinary_quorum_call3,
            self.ordinary_majority,
            self.extraordinary_majority,
            self.board_majority,
            self.ordinary_request,
            self.extraordinary_request,
        ] {
            check(fraction_ok(t.fraction), Field::Thresholds);
        }
        check(self.board_min >= 1 && self.board_min <= self.board_max, Field::BoardSize);
        check(self.presiding_panel >= 1, Field::Thresholds);
        check(self.inspectors % 2 == 1, Field::Inspectors);
        check(fraction_ok(self.legal_reserve_cap), Field::LegalReserveCap);
        for p in [
            self.legal_reserve_pct,
            self.precautionary_reserve_max_pct,
            self.cooperation_education_pct,
            self.bonuses_max_pct,
            self.return_on_shares_pct,
        ] {
            check(pct_ok(p), Field::ReservePercentages);
        }
        check(
            self.legal_reserve_pct
                + self.precautionary_reserve_max_pct
                + self.cooperation_education_pct
                + self.bonuses_max_pct
                <= hundred,
            Field::ReservePercentages,
        );
        let within_law = self.legal_reserve_pct >= Decimal::from(LAW_LEGAL_RESERVE_MIN_PCT)
            && self.precautionary_reserve_max_pct <= Decimal::from(LAW_PRECAUTIONARY_MAX_PCT);
        if !within_law && pct_ok(self.legal_reserve_pct) && pct_ok(self.precautionary_reserve_max_pct) {
            errors.push(FieldError {
                field: Field::ReservePercentages,
                code: ErrorCode::ReservePctOutOfBounds,
            });
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// One recorded version of the statute profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatuteVersion {
    /// 1 for the first setting, then one more per amendment.
    pub version: u32,
    /// The day from which events are judged under this version.
    #[ts(type = "string")]
    pub effective_from: NaiveDate,
    /// The extraordinary assembly's resolution (مصوبه) that amended the statute; none for the first setting.
    pub resolution: Option<String>,
    /// The numbers.
    pub values: StatuteValues,
    /// Meeting checks this statute treats as warnings instead of refusals (see
    /// [`WARNABLE_RULES`]); absent or empty: every check refuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule_warnings: Option<Vec<ErrorCode>>,
}

/// The meeting checks a statute may turn into warnings; every other rule always refuses.
pub const WARNABLE_RULES: &[ErrorCode] = &[
    ErrorCode::NoticeTooShort,
    ErrorCode::NoticeTooLong,
    ErrorCode::AnnualNoticeLate,
    ErrorCode::AnnualAssemblyLate,
    ErrorCode::ElectionNoticeLate,
    ErrorCode::ConveningNoticeLate,
    ErrorCode::DecisionsNoticeLate,
    ErrorCode::MembersBelowMinimum,
];

impl StatuteVersion {
    /// Whether this statute treats a failed check as a warning.
    pub fn warns(&self, code: ErrorCode) -> bool {
        self.rule_warnings.as_ref().is_some_and(|w| w.contains(&code))
    }
}

/// The statute form: the numbers, from when, and on whose resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatuteInput {
    /// The numbers.
    pub values: StatuteValues,
    /// ISO or Jalali date; empty for "today".
    pub effective_from: String,
    /// Resolution reference; required for an amendment.
    pub resolution: String,
    /// Checks to treat as warnings; absent keeps the previous version's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule_warnings: Option<Vec<ErrorCode>>,
}

/// Checks a statute setting against the versions already recorded and returns the next version.
pub fn next_version(
    input: &StatuteInput,
    latest: Option<&StatuteVersion>,
    today: NaiveDate,
) -> Result<StatuteVersion, Vec<FieldError>> {
    let mut errors = match input.values.validate() {
        Ok(()) => Vec::new(),
        Err(e) => e,
    };
    let effective_from = if input.effective_from.trim().is_empty() {
        Ok(today)
    } else {
        crate::jalali::parse_date(&input.effective_from)
    };
    let resolution = crate::text::normalize_text(&input.resolution);
    if latest.is_some() && resolution.is_empty() {
        errors.push(FieldError { field: Field::Resolution, code: ErrorCode::ResolutionRequired });
    }
    match (effective_from, latest) {
        (Err(code), _) => errors.push(FieldError { field: Field::EffectiveFrom, code }),
        (Ok(date), Some(prev)) if date < prev.effective_from => {
            errors.push(FieldError { field: Field::EffectiveFrom, code: ErrorCode::EffectiveBeforePrevious });
        }
        _ => {}
    }
    let rule_warnings = match &input.rule_warnings {
        Some(list) => {
            if list.iter().any(|c| !WARNABLE_RULES.contains(c)) {
                errors.push(FieldError { field: Field::RuleWarnings, code: ErrorCode::StatuteValueInvalid });
            }
            let mut list = list.clone();
            list.sort_by_key(|c| c.as_str());
            list.dedup();
            (!list.is_empty()).then_some(list)
        }
        None => latest.and_then(|v| v.rule_warnings.clone()),
    };
    match effective_from {
        Ok(effective_from) if errors.is_empty() => Ok(StatuteVersion {
            version: latest.map_or(1, |v| v.version + 1),
            effective_from,
            resolution: if resolution.is_empty() { None } else { Some(resolution) },
            values: input.values.clone(),
            rule_warnings,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid")
    }

    fn input() -> StatuteInput {
        StatuteInput {
            values: StatuteValues::default(),
            effective_from: String::new(),
            resolution: String::new(),
            rule_warnings: None,
        }
    }

    #[test]
    fn defaults_are_valid_and_every_field_has_a_source() {
        assert_eq!(StatuteValues::default().validate(), Ok(()));
        let json = serde_json::to_value(StatuteValues::default()).expect("serialises");
        let keys: Vec<&str> =
            json.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
        assert_eq!(keys.len(), DEFAULT_SOURCES.len());
        for s in DEFAULT_SOURCES {
            assert!(keys.contains(&s.param), "{} is not a statute field", s.param);
        }
    }

    #[test]
    fn money_and_percent_cross_the_wire_as_strings() {
        let json = serde_json::to_value(StatuteValues::default()).expect("serialises");
        assert_eq!(json["par_value"], "1000000");
        assert_eq!(json["max_member_capital_pct"], "30");
    }

    #[test]
    fn thresholds_count_exactly() {
        let half_plus_one = more_than(1, 2);
        assert!(!half_plus_one.is_met(5, 10));
        assert!(half_plus_one.is_met(6, 10));
        let two_thirds = at_least(2, 3);
        assert!(two_thirds.is_met(6, 9));
        assert!(!two_thirds.is_met(5, 9));
        assert!(at_least(0, 1).is_met(0, 9));
    }

    #[test]
    fn the_first_setting_needs_no_resolution_an_amendment_does() {
        let first = next_version(&input(), None, today()).expect("first setting");
        assert_eq!((first.version, first.effective_from, first.resolution.clone()), (1, today(), None));
        let errors = next_version(&input(), Some(&first), today()).expect_err("amendment without resolution");
        assert_eq!(
            errors,
            vec![FieldError { field: Field::Resolution, code: ErrorCode::ResolutionRequired }]
        );
        let amended = StatuteInput {
            resolution: "مصوبه مجمع فوق‌العاده ۱۴۰۵/۰۹/۰۱".into(), ..input()
        };
        assert_eq!(next_version(&amended, Some(&first), today()).map(|v| v.version), Ok(2));
    }

    #[test]
    fn an_amendment_cannot_take_effect_before_the_version_it_amends() {
        let first = next_version(&input(), None, today()).expect("first setting");
        let early = StatuteInput { effective_from: "1405/01/01".into(), resolution: "R-7".into(), ..input() };
        let errors = next_version(&early, Some(&first), today()).expect_err("refused");
        assert_eq!(errors[0].code, ErrorCode::EffectiveBeforePrevious);
    }

    #[test]
    fn impossible_numbers_are_refused_by_field() {
        let v = StatuteValues {
            par_value: Decimal::ZERO,
            max_member_capital_pct: Decimal::from(101),
            inspectors: 2,
            notice_min_days: 50,
            ..StatuteValues::default()
        };
        let fields: Vec<Field> = v.validate().expect_err("refused").iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![Field::ParValue, Field::MaxMemberCapitalPct, Field::NoticeWindow, Field::Inspectors]
        );
    }
}
