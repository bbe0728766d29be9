//! The cooperative's profile (مشخصات تعاونی): who the cooperative is in law — name, legal ID,
//! registration, kind, where it is, and when its fiscal year starts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorCode, Field, FieldError};
use crate::fiscal::FiscalYearStart;
use crate::ids::{LegalId, Phone, PostalCode};
use crate::jalali::parse_date;
use crate::text::{identifier_digits, normalize_text};

/// Longest cooperative name accepted, in characters.
pub const NAME_MAX: usize = 200;
/// Longest city name accepted, in characters.
pub const CITY_MAX: usize = 100;
/// Longest address accepted, in characters.
pub const ADDRESS_MAX: usize = 500;

/// Kind of cooperative by activity (نوع تعاونی).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CooperativeKind {
    /// تولیدی
    Production,
    /// توزیعی
    Distribution,
    /// خدماتی
    Services,
    /// مصرف
    Consumer,
    /// مسکن
    Housing,
    /// اعتبار
    Credit,
    /// چندمنظوره
    MultiPurpose,
}

/// The 31 provinces of Iran (استان).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
#[allow(missing_docs)]
pub enum Province {
    Alborz,
    Ardabil,
    Bushehr,
    ChaharmahalBakhtiari,
    EastAzerbaijan,
    Fars,
    Gilan,
    Golestan,
    Hamadan,
    Hormozgan,
    Ilam,
    Isfahan,
    Kerman,
    Kermanshah,
    Khuzestan,
    KohgiluyehBoyerAhmad,
    Kurdistan,
    Lorestan,
    Markazi,
    Mazandaran,
    NorthKhorasan,
    Qazvin,
    Qom,
    RazaviKhorasan,
    Semnan,
    SistanBaluchestan,
    SouthKhorasan,
    Tehran,
    WestAzerbaijan,
    Yazd,
    Zanjan,
}

/// The profile form as the user filled it in: raw text, any digit form; checked by [`validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileInput {
    /// Registered name, e.g. «شرکت تعاونی تولیدی …».
    pub name: String,
    /// شناسه ملی, 11 digits.
    pub legal_id: String,
    /// شماره ثبت.
    pub registration_number: String,
    /// تاریخ ثبت: ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD`.
    pub registration_date: String,
    /// Kind by activity; `None` until chosen.
    pub kind: Option<CooperativeKind>,
    /// Province; `None` until chosen.
    pub province: Option<Province>,
    /// City (شهر).
    pub city: String,
    /// Postal address (نشانی).
    pub address: String,
    /// کد پستی, 10 digits.
    pub postal_code: String,
    /// Landline or mobile.
    pub phone: String,
    /// Jalali month on which the fiscal year starts (1 = Farvardin).
    pub fiscal_year_start_month: u8,
    /// Day of that month.
    pub fiscal_year_start_day: u8,
}

/// A checked, normalised profile: the payload of a `profile.set` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CooperativeProfileData {
    /// Registered name, normalised (Persian letters, single spaces).
    pub name: String,
    /// 11 ASCII digits.
    pub legal_id: String,
    /// ASCII digits.
    pub registration_number: String,
    /// ISO date.
    #[ts(type = "string")]
    pub registration_date: NaiveDate,
    /// Kind by activity.
    pub kind: CooperativeKind,
    /// Province.
    pub province: Province,
    /// City, normalised.
    pub city: String,
    /// Address, normalised.
    pub address: String,
    /// 10 ASCII digits.
    pub postal_code: String,
    /// 11 ASCII digits starting with 0.
    pub phone: String,
    /// Jalali month the fiscal year starts on.
    pub fiscal_year_start_month: u8,
    /// Day of that month.
    pub fiscal_year_start_day: u8,
}

impl CooperativeProfileData {
    /// The statute's fiscal-year start (checked when the profile was validated).
    pub fn fiscal_year_start(&self) -> FiscalYearStart {
        FiscalYearStart::new(self.fiscal_year_start_month, self.fiscal_year_start_day).unwrap_or_default()
    }

    /// The form values that would produce this profile again (for editing).
    pub fn to_input(&self) -> ProfileInput {
        ProfileInput {
            name: self.name.clone(),
            legal_id: self.legal_id.clone(),
            registration_number: self.registration_number.clone(),
            registration_date: self.registration_date.to_string(),
            kind: Some(self.kind),
            province: Some(self.province),
            city: self.city.clone(),
            address: self.address.clone(),
            postal_code: self.postal_code.clone(),
            phone: self.phone.clone(),
            fiscal_year_start_month: self.fiscal_year_start_month,
            fiscal_year_start_day: self.fiscal_year_start_day,
        }
    }
}

/// The profile as recorded: its data and the journal event that last set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CooperativeProfile {
    /// The profile's fields.
    #[serde(flatten)]
    pub data: CooperativeProfileData,
    /// When it was last set (RFC 3339, UTC).
    pub updated_at: String,
    /// The `profile.set` event that set it.
    pub event_id: String,
}

/// The result of checking a form without saving it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileCheck {
    /// Refusals: the form cannot be saved while any remain.
    pub errors: Vec<FieldError>,
    /// Doubts worth a second look that do not block saving.
    pub warnings: Vec<FieldError>,
}

/// A profile that passed validation, with any warnings about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProfile {
    /// The normalised profile.
    pub data: CooperativeProfileData,
    /// Non-blocking doubts.
    pub warnings: Vec<FieldError>,
}

/// Checks and normalises a profile form. `today` is the date in Tehran (registration cannot be later).
pub fn validate(input: &ProfileInput, today: NaiveDate) -> Result<ValidProfile, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut field = |field: Field, r: Result<String, ErrorCode>| match r {
        Ok(v) => v,
        Err(code) => {
            errors.push(FieldError { field, code });
            String::new()
        }
    };

    let name = field(Field::Name, bounded_text(&input.name, NAME_MAX));
    let legal_id = field(Field::LegalId, LegalId::parse(&input.legal_id).map(|id| id.as_str().to_owned()));
    let registration_number =
        field(Field::RegistrationNumber, registration_number(&input.registration_number));
    let city = field(Field::City, bounded_text(&input.city, CITY_MAX));
    let address = field(Field::Address, bounded_text(&input.address, ADDRESS_MAX));
    let postal = PostalCode::parse(&input.postal_code);
    let postal_code =
        field(Field::PostalCode, postal.as_ref().map(|p| p.as_str().to_owned()).map_err(|e| *e));
    let phone = field(Field::Phone, Phone::parse(&input.phone).map(|p| p.as_str().to_owned()));

    let registration_date = match parse_date(&input.registration_date) {
        Ok(date) if date > today => Err(ErrorCode::DateInFuture),
        other => other,
    };
    let fiscal = FiscalYearStart::new(input.fiscal_year_start_month, input.fiscal_year_start_day);

    if let Err(code) = registration_date {
        errors.push(FieldError { field: Field::RegistrationDate, code });
    }
    if input.kind.is_none() {
        errors.push(FieldError { field: Field::Kind, code: ErrorCode::Required });
    }
    if input.province.is_none() {
        errors.push(FieldError { field: Field::Province, code: ErrorCode::Required });
    }
    if let Err(code) = fiscal {
        errors.push(FieldError { field: Field::FiscalYearStart, code });
    }
    if postal.as_ref().is_ok_and(|p| !p.looks_plausible()) {
        warnings.push(FieldError { field: Field::PostalCode, code: ErrorCode::PostalCodeUnlikely });
    }

    match (registration_date, input.kind, input.province, fiscal) {
        (Ok(registration_date), Some(kind), Some(province), Ok(fiscal)) if errors.is_empty() => {
            Ok(ValidProfile {
                data: CooperativeProfileData {
                    name,
                    legal_id,
                    registration_number,
                    registration_date,
                    kind,
                    province,
                    city,
                    address,
                    postal_code,
                    phone,
                    fiscal_year_start_month: fiscal.month,
                    fiscal_year_start_day: fiscal.day,
                },
                warnings,
            })
        }
        _ => Err(errors),
    }
}

/// Checks a form for display: every refusal and every warning, saving nothing.
pub fn check(input: &ProfileInput, today: NaiveDate) -> ProfileCheck {
    match validate(input, today) {
        Ok(valid) => ProfileCheck { errors: Vec::new(), warnings: valid.warnings },
        Err(errors) => {
            let warnings = PostalCode::parse(&input.postal_code)
                .ok()
                .filter(|p| !p.looks_plausible())
                .map(|_| FieldError { field: Field::PostalCode, code: ErrorCode::PostalCodeUnlikely })
                .into_iter()
                .collect();
            ProfileCheck { errors, warnings }
        }
    }
}

fn bounded_text(input: &str, max: usize) -> Result<String, ErrorCode> {
    let text = normalize_text(input);
    if text.is_empty() {
        Err(ErrorCode::Required)
    } else if text.chars().count() > max {
        Err(ErrorCode::TooLong)
    } else {
        Ok(text)
    }
}

fn registration_number(input: &str) -> Result<String, ErrorCode> {
    let digits = identifier_digits(input).ok_or(ErrorCode::RegistrationNumberFormat)?;
    match digits.len() {
        0 => Err(ErrorCode::Required),
        1..=12 => Ok(digits),
        _ => Err(ErrorCode::RegistrationNumberFormat),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid")
    }

    fn good_input() -> ProfileInput {
        ProfileInput {
            name: "  شركت تعاوني توليدي   نگين ".into(),
            legal_id: "۱۰۳۸۰۲۸۴۷۹۰".into(),
            registration_number: "۴۵۲۱".into(),
            registration_date: "۱۳۹۸/۰۵/۱۲".into(),
            kind: Some(CooperativeKind::Production),
            province: Some(Province::Markazi),
            city: "اراک".into(),
            address: "شهرک صنعتی خیرآباد، خیابان ۱۲".into(),
            postal_code: "3817763491".into(),
            phone: "086-3344-5566".into(),
            fiscal_year_start_month: 1,
            fiscal_year_start_day: 1,
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let valid = validate(&good_input(), today()).expect("valid profile");
        assert_eq!(valid.data.name, "شرکت تعاونی تولیدی نگین");
        assert_eq!(valid.data.legal_id, "10380284790");
        assert_eq!(valid.data.registration_number, "4521");
        assert_eq!(valid.data.registration_date, NaiveDate::from_ymd_opt(2019, 8, 3).expect("valid"));
        assert_eq!(valid.data.phone, "08633445566");
        assert!(valid.warnings.is_empty());
    }

    #[test]
    fn invalid_legal_id_is_named_with_its_code() {
        let input = ProfileInput { legal_id: "10380284791".into(), ..good_input() };
        let errors = validate(&input, today()).expect_err("refused");
        assert_eq!(errors, vec![FieldError { field: Field::LegalId, code: ErrorCode::LegalIdChecksum }]);
    }

    #[test]
    fn an_empty_form_lists_every_required_field() {
        let input =
            ProfileInput { fiscal_year_start_month: 1, fiscal_year_start_day: 1, ..Default::default() };
        let errors = validate(&input, today()).expect_err("refused");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        for f in [
            Field::Name,
            Field::LegalId,
            Field::RegistrationNumber,
            Field::RegistrationDate,
            Field::Kind,
            Field::Province,
            Field::City,
            Field::Address,
            Field::PostalCode,
            Field::Phone,
        ] {
            assert!(fields.contains(&f), "{f:?} missing from {fields:?}");
        }
        assert!(errors.iter().all(|e| e.code == ErrorCode::Required));
    }

    #[test]
    fn future_registration_and_long_names_are_refused() {
        let input = ProfileInput {
            registration_date: "1406/01/01".into(),
            name: "ن".repeat(NAME_MAX + 1),
            ..good_input()
        };
        let errors = validate(&input, today()).expect_err("refused");
        assert!(
            errors.contains(&FieldError { field: Field::RegistrationDate, code: ErrorCode::DateInFuture })
        );
        assert!(errors.contains(&FieldError { field: Field::Name, code: ErrorCode::TooLong }));
    }

    #[test]
    fn unlikely_postal_code_warns_but_passes() {
        let input = ProfileInput { postal_code: "1234567890".into(), ..good_input() };
        let valid = validate(&input, today()).expect("warnings do not block");
        assert_eq!(valid.warnings[0].code, ErrorCode::PostalCodeUnlikely);
        let bad = ProfileInput { legal_id: "1".into(), ..input };
        let report = check(&bad, today());
        assert_eq!(report.warnings.len(), 1);
        assert_eq!(report.errors[0].code, ErrorCode::LegalIdFormat);
    }

    #[test]
    fn fiscal_year_start_is_checked() {
        let input = ProfileInput { fiscal_year_start_month: 12, fiscal_year_start_day: 30, ..good_input() };
        let errors = validate(&input, today()).expect_err("refused");
        assert_eq!(errors[0].field, Field::FiscalYearStart);
    }

    #[test]
    fn the_form_of_a_profile_gives_the_same_profile() {
        let valid = validate(&good_input(), today()).expect("valid");
        let again = validate(&valid.data.to_input(), today()).expect("valid");
        assert_eq!(valid.data, again.data);
    }
}
