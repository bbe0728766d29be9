//! Production, workforce, quality and sales (تولید، نیروی کار، کیفیت، فروش): the rules a clerk's
//! entry is judged by before the store records it. Pure: the store looks up the product and the
//! members, these functions decide.
//!
//! Quantities are decimals with at most three places (a kilogram to the gram); units counted in
//! whole things (عدد، جفت، دست، کارتن) take whole numbers only. Money is integer rials: an entry's
//! value is quantity × unit value rounded to the nearest rial, halves away from zero.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ErrorCode, Field, FieldError};
use crate::jalali::{JalaliDate, days_in_month};
use crate::shares::{Refusal, parse_rials, rials};
use crate::text::{ascii_digits, normalize_text};

/// Largest quantity one entry may carry.
const MAX_QUANTITY: i64 = 1_000_000_000_000;
/// Longest product name, category, code, workshop or free-text field.
const MAX_TEXT: usize = 200;
/// Hours one person can work on one entry (a day).
pub const MAX_ENTRY_HOURS: i64 = 24;
/// Hours one person can work in a month (31 × 24).
pub const MAX_MONTH_HOURS: i64 = 744;

/// A unit of measure (واحد سنجش).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Unit {
    /// عدد
    Piece,
    /// جفت
    Pair,
    /// دست (a set of clothes, dishes …)
    Set,
    /// کارتن
    Carton,
    /// کیلوگرم
    Kilogram,
    /// تن
    Ton,
    /// متر
    Meter,
    /// متر مربع
    SquareMeter,
    /// لیتر
    Litre,
}

impl Unit {
    /// Every unit, in catalogue order.
    pub const ALL: [Unit; 9] = [
        Unit::Piece,
        Unit::Pair,
        Unit::Set,
        Unit::Carton,
        Unit::Kilogram,
        Unit::Ton,
        Unit::Meter,
        Unit::SquareMeter,
        Unit::Litre,
    ];

    /// The wire name (`"kilogram"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Piece => "piece",
            Self::Pair => "pair",
            Self::Set => "set",
            Self::Carton => "carton",
            Self::Kilogram => "kilogram",
            Self::Ton => "ton",
            Self::Meter => "meter",
            Self::SquareMeter => "square_meter",
            Self::Litre => "litre",
        }
    }

    /// The Persian name, as on forms and in print.
    pub fn persian(self) -> &'static str {
        match self {
            Self::Piece => "عدد",
            Self::Pair => "جفت",
            Self::Set => "دست",
            Self::Carton => "کارتن",
            Self::Kilogram => "کیلوگرم",
            Self::Ton => "تن",
            Self::Meter => "متر",
            Self::SquareMeter => "متر مربع",
            Self::Litre => "لیتر",
        }
    }

    /// Whether the unit counts whole things.
    pub fn whole_only(self) -> bool {
        matches!(self, Self::Piece | Self::Pair | Self::Set | Self::Carton)
    }

    /// Reads a unit by its wire name, its Persian name or a common abbreviation.
    pub fn parse(text: &str) -> Result<Self, ErrorCode> {
        let t = normalize_text(text).to_lowercase();
        if t.is_empty() {
            return Err(ErrorCode::Required);
        }
        let alias = match t.as_str() {
            "pcs" | "pc" | "each" | "ea" | "n" | "عدد" | "تعداد" | "دانه" => Some(Self::Piece),
            "kg" | "kilo" | "کیلو" | "کیلوگرم" | "کیلو گرم" => Some(Self::Kilogram),
            "m" | "متر" => Some(Self::Meter),
            "m2" | "sqm" | "متر مربع" | "مترمربع" => Some(Self::SquareMeter),
            "l" | "liter" | "لیتر" => Some(Self::Litre),
            "t" | "tonne" | "تن" => Some(Self::Ton),
            "جفت" => Some(Self::Pair),
            "دست" => Some(Self::Set),
            "کارتن" | "box" => Some(Self::Carton),
            _ => None,
        };
        alias.or_else(|| Self::ALL.into_iter().find(|u| u.as_str() == t)).ok_or(ErrorCode::UnitUnknown)
    }
}

/// A product as the user types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductInput {
    /// Name (نام کالا).
    pub name: String,
    /// Unit, by wire name or Persian name.
    pub unit: String,
    /// Category (گروه), optional.
    pub category: String,
    /// Standard or internal code, optional.
    pub code: String,
}

/// A validated product: the payload of `product.add` and `product.update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductData {
    /// Name.
    pub name: String,
    /// Unit of measure.
    pub unit: Unit,
    /// Category.
    pub category: Option<String>,
    /// Standard or internal code.
    pub code: Option<String>,
}

fn text_field(text: &str, field: Field, required: bool, errors: &mut Vec<FieldError>) -> Option<String> {
    let t = normalize_text(text);
    if t.is_empty() {
        if required {
            errors.push(FieldError { field, code: ErrorCode::Required });
        }
        return None;
    }
    if t.chars().count() > MAX_TEXT {
        errors.push(FieldError { field, code: ErrorCode::TooLong });
        return None;
    }
    Some(t)
}

/// Checks a product form; every refused field is listed.
pub fn validate_product(input: &ProductInput) -> Result<ProductData, Refusal> {
    let mut errors = Vec::new();
    let name = text_field(&input.name, Field::Name, true, &mut errors);
    let unit = Unit::parse(&input.unit).map_err(|code| errors.push(FieldError { field: Field::Unit, code }));
    let category = text_field(&input.category, Field::Category, false, &mut errors);
    let code = text_field(&input.code, Field::ProductCode, false, &mut errors);
    match (name, unit) {
        (Some(name), Ok(unit)) if errors.is_empty() => Ok(ProductData { name, unit, category, code }),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// Reads a decimal typed in any digit form: `۱۲٫۵`, `12.5`, `1,250`, `۱۲/۵` (the Persian slash
/// used as a decimal mark). At most `max_scale` decimal places.
pub fn parse_decimal(text: &str, max_scale: u32) -> Result<Decimal, ErrorCode> {
    let ascii: String = ascii_digits(text.trim())
        .chars()
        .filter(|c| !matches!(c, ',' | '\u{066C}' | '\u{060C}' | ' ' | '_' | '\u{00A0}' | '\u{200C}'))
        .map(|c| if matches!(c, '\u{066B}' | '/') { '.' } else { c })
        .collect();
    if ascii.is_empty() {
        return Err(ErrorCode::Required);
    }
    let unsigned = ascii.strip_prefix('-').unwrap_or(&ascii);
    let well_formed = !unsigned.is_empty()
        && unsigned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && unsigned.matches('.').count() <= 1
        && unsigned.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(ErrorCode::NumberFormat);
    }
    let value: Decimal = ascii.parse().map_err(|_| ErrorCode::AmountTooLarge)?;
    if value.normalize().scale() > max_scale {
        return Err(ErrorCode::NumberFormat);
    }
    Ok(value.normalize())
}

/// Reads a quantity for `unit`: above zero, whole where the unit counts things, three places at most.
pub fn parse_quantity(text: &str, unit: Unit) -> Result<Decimal, ErrorCode> {
    let q = parse_decimal(text, 3)?;
    if q <= Decimal::ZERO {
        return Err(ErrorCode::QuantityMustBePositive);
    }
    if q > Decimal::from(MAX_QUANTITY) {
        return Err(ErrorCode::AmountTooLarge);
    }
    if unit.whole_only() && !q.fract().is_zero() {
        return Err(ErrorCode::QuantityNotWhole);
    }
    Ok(q)
}

/// Reads hours worked: above zero, two places at most, at most `max`.
pub fn parse_hours(text: &str, max: i64) -> Result<Decimal, ErrorCode> {
    let h = parse_decimal(text, 2)
        .map_err(|c| if c == ErrorCode::Required { c } else { ErrorCode::HoursInvalid })?;
    if h <= Decimal::ZERO || h > Decimal::from(max) { Err(ErrorCode::HoursInvalid) } else { Ok(h) }
}

/// quantity × unit value, rounded to the nearest rial (halves away from zero).
pub fn line_value(quantity: Decimal, unit_value: i64) -> Result<i64, ErrorCode> {
    let v = quantity.checked_mul(Decimal::from(unit_value)).ok_or(ErrorCode::AmountTooLarge)?;
    let rounded = v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    i64::try_from(rounded).map_err(|_| ErrorCode::AmountTooLarge)
}

/// Hours one member worked, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkerInput {
    /// The member.
    pub membership_no: u32,
    /// Hours, any digit form.
    pub hours: String,
}

/// Hours one member worked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkerHours {
    /// The member.
    pub membership_no: u32,
    /// Hours (two places at most).
    #[ts(type = "string")]
    pub hours: Decimal,
}

/// A production entry as the clerk types it (one row of the entry grid).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductionInput {
    /// ISO or Jalali date.
    pub date: String,
    /// The product's id.
    pub product: u32,
    /// Quantity, any digit form.
    pub quantity: String,
    /// Rials per unit, any digit form.
    pub unit_value: String,
    /// The unit as the sheet or the clerk states it; when given it must be the product's unit.
    pub unit: Option<String>,
    /// Workshop or line.
    pub workshop: String,
    /// Shift.
    pub shift: String,
    /// Members who did the work, with hours.
    pub workers: Vec<WorkerInput>,
}

/// A recorded production entry: the payload of `production.record`. Its id is the event's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductionRecord {
    /// The day the goods were made.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The product.
    pub product: u32,
    /// Quantity in the product's unit.
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Rials per unit.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub unit_value: i64,
    /// quantity × unit value, rounded to the rial.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub value: i64,
    /// Workshop or line.
    pub workshop: Option<String>,
    /// Shift.
    pub shift: Option<String>,
    /// Members who did the work.
    pub workers: Vec<WorkerHours>,
}

/// Payload of `production.reverse`: a correction undoes an entry whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductionReversal {
    /// The entry (event id) undone.
    pub reverses: String,
    /// The day the correction was made.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// Why.
    pub reason: String,
    /// A correction of an entry inside a closed period, made knowingly after the close.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(type = "boolean | undefined")]
    pub post_close: bool,
}

/// What the store knows about a product when judging an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductFacts {
    /// Its unit.
    pub unit: Unit,
    /// Whether it was retired.
    pub retired: bool,
}

/// Judges a production entry. `product` is `None` when the id is unknown; `date` is the already
/// parsed date (the store checks it against closed periods); `is_member` tells whether a
/// membership number exists.
pub fn plan_production(
    input: &ProductionInput,
    date: NaiveDate,
    product: Option<ProductFacts>,
    is_member: impl Fn(u32) -> bool,
) -> Result<ProductionRecord, Refusal> {
    let mut errors = Vec::new();
    let mut push = |field, code| errors.push(FieldError { field, code });
    let facts = match product {
        None => {
            push(Field::Product, ErrorCode::UnknownProduct);
            None
        }
        Some(p) if p.retired => {
            push(Field::Product, ErrorCode::ProductRetired);
            None
        }
        Some(p) => Some(p),
    };
    if let (Some(p), Some(stated)) = (facts, input.unit.as_deref().filter(|u| !u.trim().is_empty())) {
        match Unit::parse(stated) {
            Ok(u) if u == p.unit => {}
            Ok(_) => push(Field::Unit, ErrorCode::UnitMismatch),
            Err(code) => push(Field::Unit, code),
        }
    }
    let quantity = match facts {
        Some(p) => parse_quantity(&input.quantity, p.unit).map_err(|c| push(Field::Quantity, c)).ok(),
        None => None,
    };
    let unit_value = parse_rials(&input.unit_value).map_err(|c| push(Field::UnitValue, c)).ok();
    let mut workers: Vec<WorkerHours> = Vec::new();
    for w in &input.workers {
        if !is_member(w.membership_no) {
            push(Field::MembershipNo, ErrorCode::UnknownMember);
            continue;
        }
        match parse_hours(&w.hours, MAX_ENTRY_HOURS) {
            Ok(hours) if workers.iter().all(|x| x.membership_no != w.membership_no) => {
                workers.push(WorkerHours { membership_no: w.membership_no, hours })
            }
            Ok(_) => push(Field::MembershipNo, ErrorCode::HoursInvalid),
            Err(code) => push(Field::Hours, code),
        }
    }
    let mut errors_after = Vec::new();
    let workshop = text_field(&input.workshop, Field::Workshop, false, &mut errors_after);
    let shift = text_field(&input.shift, Field::Shift, false, &mut errors_after);
    errors.extend(errors_after);
    let value = match (quantity, unit_value) {
        (Some(q), Some(v)) => {
            line_value(q, v).map_err(|c| errors.push(FieldError { field: Field::Quantity, code: c })).ok()
        }
        _ => None,
    };
    match (quantity, unit_value, value) {
        (Some(quantity), Some(unit_value), Some(value)) if errors.is_empty() => Ok(ProductionRecord {
            date,
            product: input.product,
            quantity,
            unit_value,
            value,
            workshop,
            shift,
            workers,
        }),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// A Jalali period: a month, a calendar quarter or a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// `1403-12`
    Month {
        /// Jalali year.
        year: i32,
        /// Month, 1–12.
        month: u8,
    },
    /// `1403-Q4`: Jalali calendar quarters (Q1 = Farvardin–Khordad).
    Quarter {
        /// Jalali year.
        year: i32,
        /// Quarter, 1–4.
        quarter: u8,
    },
    /// `1403`: the fiscal year that starts in Jalali year 1403.
    FiscalYear {
        /// Jalali year the fiscal year starts in.
        year: i32,
    },
}

impl Period {
    /// Reads `1403-12`, `1403-Q4` (or `1403-q4`, `۱۴۰۳-Q۴`, `1403/12`) or `1403`.
    pub fn parse(text: &str) -> Result<Self, ErrorCode> {
        let t = ascii_digits(text.trim()).replace('/', "-").to_ascii_uppercase();
        let year_of = |y: &str| -> Result<i32, ErrorCode> {
            if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ErrorCode::PeriodFormat);
            }
            let year: i32 = y.parse().map_err(|_| ErrorCode::PeriodFormat)?;
            if (1300..=1500).contains(&year) { Ok(year) } else { Err(ErrorCode::DateOutOfRange) }
        };
        let small = |s: &str, max: u8| -> Result<u8, ErrorCode> {
            match s.parse::<u8>() {
                Ok(n) if (1..=max).contains(&n) && s.len() <= 2 => Ok(n),
                _ => Err(ErrorCode::PeriodFormat),
            }
        };
        match t.split_once('-') {
            None => Ok(Self::FiscalYear { year: year_of(&t)? }),
            Some((y, rest)) => {
                let year = year_of(y)?;
                match rest.strip_prefix('Q') {
                    Some(q) => Ok(Self::Quarter { year, quarter: small(q, 4)? }),
                    None => Ok(Self::Month { year, month: small(rest, 12)? }),
                }
            }
        }
    }

    /// The canonical text (`1403-12`, `1403-Q4`, `1403`).
    pub fn label(self) -> String {
        match self {
            Self::Month { year, month } => format!("{year}-{month:02}"),
            Self::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Self::FiscalYear { year } => format!("{year}"),
        }
    }

    /// First and last day (inclusive). A fiscal year starts on `fiscal_start` (month, day).
    pub fn span(self, fiscal_start: (u8, u8)) -> Result<(NaiveDate, NaiveDate), ErrorCode> {
        let first_of = |year: i32, month: u8| JalaliDate::new(year, month, 1)?.to_gregorian();
        let last_of =
            |year: i32, month: u8| JalaliDate::new(year, month, days_in_month(year, month))?.to_gregorian();
        match self {
            Self::Month { year, month } => Ok((first_of(year, month)?, last_of(year, month)?)),
            Self::Quarter { year, quarter } => {
                let m = (quarter - 1) * 3 + 1;
                Ok((first_of(year, m)?, last_of(year, m + 2)?))
            }
            Self::FiscalYear { year } => {
                let (month, day) = fiscal_start;
                let start =
                    JalaliDate::new(year, month, day.min(days_in_month(year, month)))?.to_gregorian()?;
                let next = JalaliDate::new(year + 1, month, day.min(days_in_month(year + 1, month)))?
                    .to_gregorian()?;
                Ok((start, next.pred_opt().ok_or(ErrorCode::DateOutOfRange)?))
            }
        }
    }
}

/// A Jalali month as one sortable number: 1403-12 → 140312.
pub fn month_key(date: NaiveDate) -> i32 {
    let j = JalaliDate::from_gregorian(date);
    j.year * 100 + i32::from(j.month)
}

/// A month's workforce as the user types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkforceInput {
    /// The Jalali month, `1403-12`.
    pub month: String,
    /// Members who work in the cooperative.
    pub member_workers: u32,
    /// Employees who are not members.
    pub employees: u32,
    /// Of all who work, women.
    pub women: u32,
    /// Of all who work, insured.
    pub insured: u32,
    /// Hours each member worked in the month (the surplus-by-work basis).
    pub hours: Vec<WorkerInput>,
}

/// A month's workforce: the payload of `workforce.set` (the month's record, whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkforceMonth {
    /// Jalali year.
    pub year: i32,
    /// Jalali month.
    pub month: u8,
    /// Members who work in the cooperative.
    pub member_workers: u32,
    /// Employees who are not members.
    pub employees: u32,
    /// Women among all who work.
    pub women: u32,
    /// Insured among all who work.
    pub insured: u32,
    /// Hours per member.
    pub hours: Vec<WorkerHours>,
}

/// Judges a month's workforce.
pub fn plan_workforce(
    input: &WorkforceInput,
    is_member: impl Fn(u32) -> bool,
) -> Result<WorkforceMonth, Refusal> {
    let mut errors = Vec::new();
    let period = match Period::parse(&input.month) {
        Ok(Period::Month { year, month }) => Some((year, month)),
        Ok(_) => {
            errors.push(FieldError { field: Field::Month, code: ErrorCode::PeriodFormat });
            None
        }
        Err(code) => {
            errors.push(FieldError { field: Field::Month, code });
            None
        }
    };
    let headcount = u64::from(input.member_workers) + u64::from(input.employees);
    if u64::from(input.women) > headcount {
        errors.push(FieldError { field: Field::Women, code: ErrorCode::HeadcountInconsistent });
    }
    if u64::from(input.insured) > headcount {
        errors.push(FieldError { field: Field::Insured, code: ErrorCode::HeadcountInconsistent });
    }
    let mut hours: Vec<WorkerHours> = Vec::new();
    for w in &input.hours {
        if !is_member(w.membership_no) {
            errors.push(FieldError { field: Field::MembershipNo, code: ErrorCode::UnknownMember });
            continue;
        }
        match parse_hours(&w.hours, MAX_MONTH_HOURS) {
            Ok(h) if hours.iter().all(|x| x.membership_no != w.membership_no) => {
                hours.push(WorkerHours { membership_no: w.membership_no, hours: h })
            }
            Ok(_) => errors.push(FieldError { field: Field::MembershipNo, code: ErrorCode::HoursInvalid }),
            Err(code) => errors.push(FieldError { field: Field::Hours, code }),
        }
    }
    if hours.len() > input.member_workers as usize {
        errors.push(FieldError { field: Field::MemberWorkers, code: ErrorCode::HeadcountInconsistent });
    }
    match period {
        Some((year, month)) if errors.is_empty() => Ok(WorkforceMonth {
            year,
            month,
            member_workers: input.member_workers,
            employees: input.employees,
            women: input.women,
            insured: input.insured,
            hours,
        }),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// A lab test as the user types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QualityInput {
    /// ISO or Jalali date.
    pub date: String,
    /// The product.
    pub product: u32,
    /// Batch (بهر).
    pub batch: String,
    /// What was tested (e.g. «استحکام کششی»).
    pub test: String,
    /// Standard, optional (e.g. «ISIRI 1234»).
    pub standard: String,
    /// Measured value with its unit, optional.
    pub measured: String,
    /// Passed or failed.
    pub passed: bool,
    /// Who tested.
    pub tester: String,
}

/// A recorded lab test: the payload of `quality.add`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QualityTest {
    /// Day of the test.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The product.
    pub product: u32,
    /// Batch.
    pub batch: String,
    /// What was tested.
    pub test: String,
    /// Standard.
    pub standard: Option<String>,
    /// Measured value.
    pub measured: Option<String>,
    /// Passed or failed.
    pub passed: bool,
    /// Who tested.
    pub tester: String,
}

/// Judges a lab test.
pub fn plan_quality(
    input: &QualityInput,
    date: NaiveDate,
    product: Option<ProductFacts>,
) -> Result<QualityTest, Refusal> {
    let mut errors = Vec::new();
    if product.is_none() {
        errors.push(FieldError { field: Field::Product, code: ErrorCode::UnknownProduct });
    }
    let batch = text_field(&input.batch, Field::Batch, true, &mut errors);
    let test = text_field(&input.test, Field::Test, true, &mut errors);
    let standard = text_field(&input.standard, Field::Standard, false, &mut errors);
    let measured = text_field(&input.measured, Field::Measured, false, &mut errors);
    let tester = text_field(&input.tester, Field::Tester, true, &mut errors);
    match (batch, test, tester) {
        (Some(batch), Some(test), Some(tester)) if errors.is_empty() => Ok(QualityTest {
            date,
            product: input.product,
            batch,
            test,
            standard,
            measured,
            passed: input.passed,
            tester,
        }),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// A sale as the user types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SaleInput {
    /// ISO or Jalali date.
    pub date: String,
    /// The product.
    pub product: u32,
    /// Quantity, any digit form.
    pub quantity: String,
    /// Total value in rials, any digit form.
    pub value: String,
    /// For an export: destination country (empty for a domestic sale).
    pub destination: String,
    /// For an export: ISO currency code.
    pub currency: String,
    /// For an export: the amount in that currency, optional.
    pub foreign_amount: String,
    /// The goods replace imports (the ministry's import-substitution figure).
    pub import_substitution: bool,
}

/// Export particulars of a sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportInfo {
    /// Destination country.
    pub destination: String,
    /// ISO 4217 code.
    pub currency: String,
    /// Amount in that currency.
    #[ts(type = "string | null")]
    pub foreign_amount: Option<Decimal>,
}

/// A recorded sale: the payload of `sale.record`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Sale {
    /// Day of the sale.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The product.
    pub product: u32,
    /// Quantity in the product's unit.
    #[ts(type = "string")]
    pub quantity: Decimal,
    /// Value in rials.
    #[ts(type = "string")]
    #[serde(with = "rials")]
    pub value: i64,
    /// Export particulars; `None` for a domestic sale.
    pub export: Option<ExportInfo>,
    /// The goods replace imports.
    pub import_substitution: bool,
}

/// Judges a sale.
pub fn plan_sale(input: &SaleInput, date: NaiveDate, product: Option<ProductFacts>) -> Result<Sale, Refusal> {
    let mut errors = Vec::new();
    let mut push = |field, code| errors.push(FieldError { field, code });
    let quantity = match product {
        None => {
            push(Field::Product, ErrorCode::UnknownProduct);
            None
        }
        Some(p) => parse_quantity(&input.quantity, p.unit).map_err(|c| push(Field::Quantity, c)).ok(),
    };
    let value = parse_rials(&input.value).map_err(|c| push(Field::Amount, c)).ok();
    let destination = normalize_text(&input.destination);
    let currency = ascii_digits(input.currency.trim()).to_ascii_uppercase();
    let export = if destination.is_empty() && currency.is_empty() {
        None
    } else if destination.is_empty() {
        push(Field::Destination, ErrorCode::ExportNeedsDestination);
        None
    } else if currency.is_empty() {
        push(Field::Currency, ErrorCode::ExportNeedsDestination);
        None
    } else if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        push(Field::Currency, ErrorCode::CurrencyFormat);
        None
    } else if destination.chars().count() > MAX_TEXT {
        push(Field::Destination, ErrorCode::TooLong);
        None
    } else {
        let foreign_amount = if input.foreign_amount.trim().is_empty() {
            None
        } else {
            match parse_decimal(&input.foreign_amount, 2) {
                Ok(a) if a > Decimal::ZERO => Some(a),
                Ok(_) => {
                    push(Field::ForeignAmount, ErrorCode::AmountMustBePositive);
                    None
                }
                Err(code) => {
                    push(Field::ForeignAmount, code);
                    None
                }
            }
        };
        Some(ExportInfo { destination, currency, foreign_amount })
    };
    match (quantity, value) {
        (Some(quantity), Some(value)) if errors.is_empty() => Ok(Sale {
            date,
            product: input.product,
            quantity,
            value,
            export,
            import_substitution: input.import_substitution,
        }),
        _ => Err(Refusal::Fields(errors)),
    }
}

/// Payload of `period.close`: the books are closed through `through` (inclusive); nothing new
/// may be dated on or before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodClose {
    /// Last closed day.
    #[ts(type = "string")]
    pub through: NaiveDate,
    /// Why (e.g. «بستن حساب‌های سال ۱۴۰۳»).
    pub note: String,
}

#[cfg(test)]
mod tests;
