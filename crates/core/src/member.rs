//! Members (اعضا): natural persons and legal entities, their identifiers, and the life cycle
//! applicant → active → withdrawn / expelled / deceased, with the statute's exit timers.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorCode, Field, FieldError};
use crate::ids::{LegalId, Mobile, NationalCode, PostalCode, Sheba};
use crate::jalali::parse_date;
use crate::statute::StatuteValues;
use crate::text::normalize_text;

/// Longest name part accepted, in characters.
pub const NAME_PART_MAX: usize = 100;

/// Natural person or legal entity (شخص حقیقی / حقوقی).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MemberKind {
    /// شخص حقیقی
    #[default]
    Person,
    /// شخص حقوقی (a non-governmental legal person, Art. 8)
    Legal,
}

/// Gender (جنسیت), counted in the ministry's reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum Gender {
    Male,
    Female,
}

/// Highest education (تحصیلات).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum Education {
    None,
    Primary,
    Secondary,
    Diploma,
    Associate,
    Bachelor,
    Master,
    Doctorate,
}

/// Where a member stands (وضعیت عضویت).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MemberStatus {
    /// متقاضی: applied, not yet admitted by the board.
    Applicant,
    /// عضو فعال
    Active,
    /// خارج‌شده به درخواست خود (Art. 12).
    Withdrawn,
    /// اخراج‌شده (Art. 13).
    Expelled,
    /// فوت‌شده
    Deceased,
}

impl MemberStatus {
    /// Whether the member has left.
    pub fn has_exited(self) -> bool {
        matches!(self, Self::Withdrawn | Self::Expelled | Self::Deceased)
    }
}

/// Why a member leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExitReason {
    /// خروج به درخواست عضو
    Withdrawal,
    /// اخراج
    Expulsion,
    /// فوت
    Death,
}

impl ExitReason {
    /// The status a member has after leaving for this reason.
    pub fn status(self) -> MemberStatus {
        match self {
            Self::Withdrawal => MemberStatus::Withdrawn,
            Self::Expulsion => MemberStatus::Expelled,
            Self::Death => MemberStatus::Deceased,
        }
    }
}

/// The member form as typed; checked by [`validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberInput {
    /// Person or legal entity.
    pub kind: MemberKind,
    /// Given name (persons).
    pub first_name: String,
    /// Family name; for a legal entity, its registered name.
    pub last_name: String,
    /// کد ملی: required for persons; a legal entity's representative, optional.
    pub national_code: String,
    /// شناسه ملی: required for legal entities.
    pub legal_id: String,
    /// نام پدر.
    pub father_name: String,
    /// Gender (persons).
    pub gender: Option<Gender>,
    /// Birth date, ISO or Jalali; may be empty.
    pub birth_date: String,
    /// Mobile number; may be empty.
    pub mobile: String,
    /// Sheba (IBAN) for refunds and payments; may be empty.
    pub sheba: String,
    /// Postal code; may be empty.
    pub postal_code: String,
    /// Address; may be empty.
    pub address: String,
    /// Highest education.
    pub education: Option<Education>,
    /// «شاغل»: works in the cooperative.
    pub works_in_coop: bool,
    /// «متخصص»: a specialist member (6-month withdrawal notice in production cooperatives).
    pub specialist: bool,
    /// Date of joining, ISO or Jalali; empty means today.
    pub joined: String,
    /// Record as an applicant awaiting the board's admission instead of an active member.
    pub applicant: bool,
}

/// A member's checked, normalised particulars (the payload of `member.admit` and `member.update`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberData {
    /// Person or legal entity.
    pub kind: MemberKind,
    /// Given name (empty for legal entities).
    pub first_name: String,
    /// Family name, or a legal entity's name.
    pub last_name: String,
    /// 10 ASCII digits.
    pub national_code: Option<String>,
    /// 11 ASCII digits.
    pub legal_id: Option<String>,
    /// Father's name.
    pub father_name: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Birth date.
    #[ts(type = "string | null")]
    pub birth_date: Option<NaiveDate>,
    /// `09…`, 11 digits.
    pub mobile: Option<String>,
    /// `IR` + 24 digits.
    pub sheba: Option<String>,
    /// 10 digits.
    pub postal_code: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Highest education.
    pub education: Option<Education>,
    /// Works in the cooperative.
    pub works_in_coop: bool,
    /// Specialist member.
    pub specialist: bool,
}

impl MemberData {
    /// The name shown in lists and documents.
    pub fn display_name(&self) -> String {
        if self.first_name.is_empty() {
            self.last_name.clone()
        } else {
            format!("{} {}", self.first_name, self.last_name)
        }
    }
}

/// A checked admission: particulars, joining date, and whether as an applicant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMember {
    /// Particulars.
    pub data: MemberData,
    /// Joining date.
    pub joined: NaiveDate,
    /// Recorded as an applicant.
    pub applicant: bool,
}

/// Checks and normalises a member form as of `today` (Tehran).
pub fn validate(input: &MemberInput, today: NaiveDate) -> Result<ValidMember, Vec<FieldError>> {
    let mut errors = Vec::new();
    let person = input.kind == MemberKind::Person;
    let past_date = |t: &str| match parse_date(t) {
        Ok(d) if d > today => Err(ErrorCode::DateInFuture),
        other => other,
    };

    let first_name = take(&mut errors, Field::FirstName, name_part(&input.first_name, person));
    let last_name = take(&mut errors, Field::LastName, name_part(&input.last_name, true));
    let father_name = take(&mut errors, Field::FatherName, name_part(&input.father_name, false));
    let national_code = match (person, blank(&input.national_code)) {
        (true, true) => take(&mut errors, Field::NationalCode, Err(ErrorCode::Required)),
        (_, true) => None,
        (_, false) => take(&mut errors, Field::NationalCode, NationalCode::parse(&input.national_code)),
    };
    let legal_id = match (person, blank(&input.legal_id)) {
        (true, _) => None,
        (false, true) => take(&mut errors, Field::LegalId, Err(ErrorCode::Required)),
        (false, false) => take(&mut errors, Field::LegalId, LegalId::parse(&input.legal_id)),
    };
    let mobile = optional(&mut errors, Field::Mobile, &input.mobile, Mobile::parse);
    let sheba = optional(&mut errors, Field::Sheba, &input.sheba, Sheba::parse);
    let postal_code = optional(&mut errors, Field::PostalCode, &input.postal_code, PostalCode::parse);
    let birth_date = optional(&mut errors, Field::BirthDate, &input.birth_date, past_date);
    let joined = if blank(&input.joined) {
        Some(today)
    } else {
        take(&mut errors, Field::Joined, past_date(&input.joined))
    };
    let address = normalize_text(&input.address);
    if address.chars().count() > crate::profile::ADDRESS_MAX {
        errors.push(FieldError { field: Field::Address, code: ErrorCode::TooLong });
    }

    match (first_name, last_name, father_name, joined) {
        (Some(first_name), Some(last_name), Some(father_name), Some(joined)) if errors.is_empty() => {
            Ok(ValidMember {
                data: MemberData {
                    kind: input.kind,
                    first_name: if person { first_name } else { String::new() },
                    last_name,
                    national_code: national_code.map(|c| c.as_str().to_owned()),
                    legal_id: legal_id.map(|c| c.as_str().to_owned()),
                    father_name: Some(father_name).filter(|f| !f.is_empty()),
                    gender: if person { input.gender } else { None },
                    birth_date: if person { birth_date } else { None },
                    mobile: mobile.map(|c| c.as_str().to_owned()),
                    sheba: sheba.map(|c| c.as_str().to_owned()),
                    postal_code: postal_code.map(|c| c.as_str().to_owned()),
                    address: Some(address).filter(|a| !a.is_empty()),
                    education: if person { input.education } else { None },
                    works_in_coop: input.works_in_coop,
                    specialist: input.specialist,
                },
                joined,
                applicant: input.applicant,
            })
        }
        _ => Err(errors),
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn name_part(text: &str, required: bool) -> Result<String, ErrorCode> {
    let t = normalize_text(text);
    if t.is_empty() && required {
        Err(ErrorCode::Required)
    } else if t.chars().count() > NAME_PART_MAX {
        Err(ErrorCode::TooLong)
    } else {
        Ok(t)
    }
}

/// Keeps the value, or records why the field was refused.
fn take<T>(errors: &mut Vec<FieldError>, field: Field, r: Result<T, ErrorCode>) -> Option<T> {
    r.map_err(|code| errors.push(FieldError { field, code })).ok()
}

/// An optional field: empty is fine; anything else must parse.
fn optional<T>(
    errors: &mut Vec<FieldError>,
    field: Field,
    text: &str,
    parse: impl Fn(&str) -> Result<T, ErrorCode>,
) -> Option<T> {
    if blank(text) { None } else { take(errors, field, parse(text)) }
}

/// A request to end a membership.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExitInput {
    /// The member.
    pub membership_no: u32,
    /// Why; `None` until chosen.
    pub reason: Option<ExitReason>,
    /// The day the exit takes effect, ISO or Jalali.
    pub date: String,
    /// Withdrawal: the day the written notice was given (ISO or Jalali); may be empty.
    pub notice_date: String,
    /// Expulsion: the assembly resolution reference.
    pub resolution: String,
    /// Death: the heirs who receive the refund.
    pub heirs: Vec<String>,
}

/// What the exit rules need to know about the member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExitContext {
    /// Current status.
    pub status: MemberStatus,
    /// Joining date.
    pub joined: NaiveDate,
    /// Specialist member.
    pub specialist: bool,
    /// The cooperative is a production cooperative (the 6-month notice applies).
    pub production_cooperative: bool,
    /// Dates of the board's written warnings, oldest first.
    pub warnings: Vec<NaiveDate>,
}

/// A checked exit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MemberExit {
    /// The member.
    pub membership_no: u32,
    /// Why.
    pub reason: ExitReason,
    /// Effective date.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Withdrawal notice date.
    #[ts(type = "string | null")]
    pub notice_date: Option<NaiveDate>,
    /// Expulsion resolution.
    pub resolution: Option<String>,
    /// Heirs (death).
    pub heirs: Vec<String>,
}

/// Checks an exit against the statute's timers (Art. 12 and 13).
pub fn validate_exit(
    input: &ExitInput,
    ctx: &ExitContext,
    statute: &StatuteValues,
    today: NaiveDate,
) -> Result<MemberExit, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut push = |field: Field, code: ErrorCode| errors.push(FieldError { field, code });
    if ctx.status.has_exited() {
        push(Field::MembershipNo, ErrorCode::MemberAlreadyExited);
    }
    let date = match parse_date(&input.date) {
        Ok(d) if d > today => {
            push(Field::Date, ErrorCode::DateInFuture);
            None
        }
        Ok(d) if d < ctx.joined => {
            push(Field::Date, ErrorCode::DateBeforeJoining);
            None
        }
        Ok(d) => Some(d),
        Err(c) => {
            push(Field::Date, c);
            None
        }
    };
    let notice_date = if input.notice_date.trim().is_empty() {
        None
    } else {
        match parse_date(&input.notice_date) {
            Ok(d) => Some(d),
            Err(c) => {
                push(Field::NoticeDate, c);
                None
            }
        }
    };
    let resolution = normalize_text(&input.resolution);
    let heirs: Vec<String> =
        input.heirs.iter().map(|h| normalize_text(h)).filter(|h| !h.is_empty()).collect();
    match (input.reason, date) {
        (None, _) => push(Field::ExitReason, ErrorCode::Required),
        (Some(ExitReason::Withdrawal), Some(date)) if ctx.specialist && ctx.production_cooperative => {
            let months = statute.specialist_withdrawal_notice_months;
            match notice_date {
                None => push(Field::NoticeDate, ErrorCode::Required),
                Some(n) if n.checked_add_months(Months::new(months)).is_none_or(|end| date < end) => {
                    push(Field::Date, ErrorCode::WithdrawalNoticeRunning);
                }
                Some(_) => {}
            }
        }
        (Some(ExitReason::Expulsion), Some(date)) => {
            let gap = i64::from(statute.expulsion_warning_gap_days);
            let wait = i64::from(statute.expulsion_wait_days);
            // Two warnings at least `gap` days apart, and `wait` days after the later one.
            let ready = ctx.warnings.iter().enumerate().any(|(i, first)| {
                ctx.warnings[i + 1..]
                    .iter()
                    .any(|second| (*second - *first).num_days() >= gap && (date - *second).num_days() >= wait)
            });
            if !ready {
                push(Field::Date, ErrorCode::ExpulsionNeedsWarnings);
            }
            if resolution.is_empty() {
                push(Field::Resolution, ErrorCode::ResolutionRequired);
            }
        }
        (Some(ExitReason::Death), _) if heirs.is_empty() => push(Field::Heirs, ErrorCode::HeirsRequired),
        _ => {}
    }
    match (input.reason, date) {
        (Some(reason), Some(date)) if errors.is_empty() => Ok(MemberExit {
            membership_no: input.membership_no,
            reason,
            date,
            notice_date,
            resolution: Some(resolution).filter(|r| !r.is_empty()),
            heirs,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> NaiveDate {
        iso.parse().expect("valid ISO date")
    }

    fn today() -> NaiveDate {
        day("2026-11-28")
    }

    fn person() -> MemberInput {
        MemberInput {
            first_name: "علي".into(),
            last_name: "كريمي".into(),
            national_code: "۰۴۹۹۳۷۰۸۹۹".into(),
            gender: Some(Gender::Male),
            mobile: "+98 912 123 4567".into(),
            joined: "1400/01/15".into(),
            ..MemberInput::default()
        }
    }

    #[test]
    fn a_person_is_normalised() {
        let m = validate(&person(), today()).expect("valid");
        assert_eq!(m.data.display_name(), "علی کریمی");
        assert_eq!(m.data.national_code.as_deref(), Some("0499370899"));
        assert_eq!(m.data.mobile.as_deref(), Some("09121234567"));
        assert_eq!(m.joined, day("2021-04-04"));
        assert!(!m.applicant);
    }

    #[test]
    fn a_bad_national_code_is_named() {
        let input = MemberInput { national_code: "1234567890".into(), ..person() };
        let errors = validate(&input, today()).expect_err("refused");
        assert_eq!(
            errors,
            vec![FieldError { field: Field::NationalCode, code: ErrorCode::NationalCodeChecksum }]
        );
    }

    #[test]
    fn a_legal_entity_needs_its_legal_id_not_a_first_name() {
        let input = MemberInput {
            kind: MemberKind::Legal,
            last_name: "شرکت پخش نگین".into(),
            legal_id: "10380284790".into(),
            ..MemberInput::default()
        };
        let m = validate(&input, today()).expect("valid");
        assert_eq!(m.data.legal_id.as_deref(), Some("10380284790"));
        assert_eq!(m.joined, today());
        let missing = MemberInput { legal_id: String::new(), ..input };
        let errors = validate(&missing, today()).expect_err("refused");
        assert_eq!(errors, vec![FieldError { field: Field::LegalId, code: ErrorCode::Required }]);
    }

    #[test]
    fn optional_identifiers_are_checked_when_given() {
        let input = MemberInput {
            sheba: "IR820540102680020817909003".into(),
            postal_code: "12".into(),
            birth_date: "1410/01/01".into(),
            ..person()
        };
        let codes: Vec<(Field, ErrorCode)> =
            validate(&input, today()).expect_err("refused").iter().map(|e| (e.field, e.code)).collect();
        assert!(codes.contains(&(Field::Sheba, ErrorCode::ShebaChecksum)));
        assert!(codes.contains(&(Field::PostalCode, ErrorCode::PostalCodeFormat)));
        assert!(codes.contains(&(Field::BirthDate, ErrorCode::DateInFuture)));
    }

    fn ctx() -> ExitContext {
        ExitContext {
            status: MemberStatus::Active,
            joined: day("2020-01-01"),
            specialist: false,
            production_cooperative: true,
            warnings: vec![],
        }
    }

    fn exit(reason: ExitReason, date: &str) -> ExitInput {
        ExitInput { membership_no: 3, reason: Some(reason), date: date.into(), ..ExitInput::default() }
    }

    #[test]
    fn a_specialist_leaves_only_after_six_months_notice() {
        let c = ExitContext { specialist: true, ..ctx() };
        let s = StatuteValues::default();
        let early =
            ExitInput { notice_date: "2026-06-01".into(), ..exit(ExitReason::Withdrawal, "2026-11-30") };
        let errors = validate_exit(&early, &c, &s, day("2026-12-31")).expect_err("too early");
        assert_eq!(errors[0].code, ErrorCode::WithdrawalNoticeRunning);
        let on_time =
            ExitInput { notice_date: "2026-06-01".into(), ..exit(ExitReason::Withdrawal, "2026-12-01") };
        assert!(validate_exit(&on_time, &c, &s, day("2026-12-31")).is_ok());
        let no_notice = exit(ExitReason::Withdrawal, "2026-11-01");
        assert_eq!(
            validate_exit(&no_notice, &c, &s, today()).expect_err("needs notice")[0].field,
            Field::NoticeDate
        );
        // A member who is not a specialist may leave at once.
        assert!(validate_exit(&no_notice, &ctx(), &s, today()).is_ok());
    }

    #[test]
    fn expulsion_needs_two_warnings_the_waits_and_a_resolution() {
        let s = StatuteValues::default();
        let with =
            |warnings: &[&str]| ExitContext { warnings: warnings.iter().map(|w| day(w)).collect(), ..ctx() };
        let input = ExitInput {
            resolution: "مصوبه مجمع ۱۴۰۵/۰۸/۰۱".into(),
            ..exit(ExitReason::Expulsion, "2026-11-20")
        };
        assert!(validate_exit(&input, &with(&["2026-10-01", "2026-10-16"]), &s, today()).is_ok());
        for warnings in [&["2026-10-01"][..], &["2026-10-01", "2026-10-10"], &["2026-10-01", "2026-11-10"]] {
            let errors = validate_exit(&input, &with(warnings), &s, today()).expect_err("refused");
            assert_eq!(errors[0].code, ErrorCode::ExpulsionNeedsWarnings, "{warnings:?}");
        }
        let no_resolution = ExitInput { resolution: String::new(), ..input };
        let errors =
            validate_exit(&no_resolution, &with(&["2026-10-01", "2026-10-16"]), &s, today()).expect_err("x");
        assert_eq!(errors[0].code, ErrorCode::ResolutionRequired);
    }

    #[test]
    fn death_needs_heirs_and_nobody_leaves_twice() {
        let s = StatuteValues::default();
        let errors =
            validate_exit(&exit(ExitReason::Death, "2026-11-01"), &ctx(), &s, today()).expect_err("x");
        assert_eq!(errors[0].code, ErrorCode::HeirsRequired);
        let gone = ExitContext { status: MemberStatus::Withdrawn, ..ctx() };
        let errors =
            validate_exit(&exit(ExitReason::Withdrawal, "2026-11-01"), &gone, &s, today()).expect_err("x");
        assert_eq!(errors[0].code, ErrorCode::MemberAlreadyExited);
        let before = validate_exit(&exit(ExitReason::Withdrawal, "2019-01-01"), &ctx(), &s, today());
        assert_eq!(before.expect_err("x")[0].code, ErrorCode::DateBeforeJoining);
    }
}
