#![allow(clippy::type_complexity)]

use super::*;

fn j(y: i32, m: u8, d: u8) -> NaiveDate {
    JalaliDate::new(y, m, d).and_then(JalaliDate::to_gregorian).expect("valid Jalali date")
}

fn kg() -> Option<ProductFacts> {
    Some(ProductFacts { unit: Unit::Kilogram, retired: false })
}

fn pieces() -> Option<ProductFacts> {
    Some(ProductFacts { unit: Unit::Piece, retired: false })
}

fn entry(quantity: &str, unit_value: &str) -> ProductionInput {
    ProductionInput {
        date: "1403/12/30".into(),
        product: 1,
        quantity: quantity.into(),
        unit_value: unit_value.into(),
        ..ProductionInput::default()
    }
}

fn codes(r: Refusal) -> Vec<(Field, ErrorCode)> {
    match r {
        Refusal::Fields(f) => f.into_iter().map(|e| (e.field, e.code)).collect(),
        Refusal::Rule { code, .. } => vec![(Field::Date, code)],
    }
}

#[test]
fn decimals_in_every_digit_form() {
    let cases: &[(&str, Result<&str, ErrorCode>)] = &[
        ("12.5", Ok("12.5")),
        ("۱۲٫۵", Ok("12.5")),
        ("۱۲/۵", Ok("12.5")),
        ("١٢٫٥٠", Ok("12.5")),
        ("1,250", Ok("1250")),
        ("۱٬۲۵۰", Ok("1250")),
        (" 7 ", Ok("7")),
        ("0.125", Ok("0.125")),
        ("0.1255", Err(ErrorCode::NumberFormat)),
        ("1.2.3", Err(ErrorCode::NumberFormat)),
        ("abc", Err(ErrorCode::NumberFormat)),
        (".", Err(ErrorCode::NumberFormat)),
        ("", Err(ErrorCode::Required)),
    ];
    for (text, want) in cases {
        let got = parse_decimal(text, 3).map(|d| d.to_string());
        assert_eq!(got, want.map(str::to_owned), "{text:?}");
    }
}

#[test]
fn quantities_are_positive_and_whole_where_the_unit_counts_things() {
    assert_eq!(parse_quantity("-3", Unit::Kilogram), Err(ErrorCode::QuantityMustBePositive));
    assert_eq!(parse_quantity("0", Unit::Kilogram), Err(ErrorCode::QuantityMustBePositive));
    assert_eq!(parse_quantity("2.5", Unit::Pair), Err(ErrorCode::QuantityNotWhole));
    assert_eq!(parse_quantity("2.0", Unit::Pair).map(|d| d.to_string()), Ok("2".to_owned()));
    assert_eq!(parse_quantity("2.5", Unit::Kilogram).map(|d| d.to_string()), Ok("2.5".to_owned()));
    assert_eq!(parse_quantity("2000000000000", Unit::Kilogram), Err(ErrorCode::AmountTooLarge));
}

#[test]
fn values_round_to_the_nearest_rial_halves_away_from_zero() {
    let q = |s: &str| parse_decimal(s, 3).expect("number");
    assert_eq!(line_value(q("2.5"), 3), Ok(8)); // 7.5 → 8
    assert_eq!(line_value(q("0.125"), 4), Ok(1)); // 0.5 → 1
    assert_eq!(line_value(q("0.124"), 4), Ok(0)); // 0.496 → 0
    assert_eq!(line_value(q("1.001"), 1_000), Ok(1_001));
    assert_eq!(line_value(q("1000000000000"), i64::MAX), Err(ErrorCode::AmountTooLarge));
}

#[test]
fn units_by_wire_name_persian_name_or_abbreviation() {
    assert_eq!(Unit::parse("kilogram"), Ok(Unit::Kilogram));
    assert_eq!(Unit::parse("کیلوگرم"), Ok(Unit::Kilogram));
    assert_eq!(Unit::parse("KG"), Ok(Unit::Kilogram));
    assert_eq!(Unit::parse("جفت"), Ok(Unit::Pair));
    assert_eq!(Unit::parse("square_meter"), Ok(Unit::SquareMeter));
    assert_eq!(Unit::parse("furlong"), Err(ErrorCode::UnitUnknown));
    assert_eq!(Unit::parse(" "), Err(ErrorCode::Required));
    for u in Unit::ALL {
        assert_eq!(Unit::parse(u.as_str()), Ok(u));
        assert_eq!(Unit::parse(u.persian()), Ok(u));
        assert_eq!(serde_json::to_value(u).ok(), Some(serde_json::Value::String(u.as_str().into())));
    }
}

#[test]
fn a_product_needs_a_name_and_a_known_unit() {
    let ok = validate_product(&ProductInput {
        name: " ساق  یاتاقان ".into(),
        unit: "عدد".into(),
        ..Default::default()
    });
    assert_eq!(ok.map(|p| (p.name, p.unit)).ok(), Some(("ساق یاتاقان".to_owned(), Unit::Piece)));
    let bad =
        validate_product(&ProductInput { name: "".into(), unit: "furlong".into(), ..Default::default() });
    assert_eq!(
        bad.map_err(codes).err(),
        Some(vec![(Field::Name, ErrorCode::Required), (Field::Unit, ErrorCode::UnitUnknown)])
    );
}

#[test]
fn production_refusals_name_their_field() {
    let date = j(1403, 12, 30);
    let none = |_: u32| false;
    let cases: Vec<(ProductionInput, Option<ProductFacts>, Vec<(Field, ErrorCode)>)> = vec![
        (entry("5", "1000"), None, vec![(Field::Product, ErrorCode::UnknownProduct)]),
        (
            entry("5", "1000"),
            Some(ProductFacts { unit: Unit::Piece, retired: true }),
            vec![(Field::Product, ErrorCode::ProductRetired)],
        ),
        (entry("-5", "1000"), kg(), vec![(Field::Quantity, ErrorCode::QuantityMustBePositive)]),
        (entry("2.5", "1000"), pieces(), vec![(Field::Quantity, ErrorCode::QuantityNotWhole)]),
        (entry("5", "0"), kg(), vec![(Field::UnitValue, ErrorCode::AmountMustBePositive)]),
        (
            ProductionInput { unit: Some("متر".into()), ..entry("5", "1000") },
            kg(),
            vec![(Field::Unit, ErrorCode::UnitMismatch)],
        ),
        (
            ProductionInput {
                workers: vec![WorkerInput { membership_no: 9, hours: "8".into() }],
                ..entry("5", "1000")
            },
            kg(),
            vec![(Field::MembershipNo, ErrorCode::UnknownMember)],
        ),
    ];
    for (input, facts, want) in cases {
        let got = plan_production(&input, date, facts, none).map_err(codes).err();
        assert_eq!(got, Some(want), "{input:?}");
    }
}

#[test]
fn a_good_entry_carries_its_value_and_workers() {
    let input = ProductionInput {
        unit: Some("کیلو".into()),
        workshop: " خط ۲ ".into(),
        workers: vec![
            WorkerInput { membership_no: 3, hours: "۷٫۵".into() },
            WorkerInput { membership_no: 4, hours: "8".into() },
        ],
        ..entry("۱۲٫۲۵", "۴۰۰٬۰۰۰")
    };
    let r = plan_production(&input, j(1403, 12, 30), kg(), |n| n == 3 || n == 4).expect("accepted");
    assert_eq!(r.value, 4_900_000);
    assert_eq!(r.quantity.to_string(), "12.25");
    assert_eq!(r.workshop.as_deref(), Some("خط 2"));
    assert_eq!(r.workers.iter().map(|w| w.hours.to_string()).collect::<Vec<_>>(), ["7.5", "8"]);
    let too_long =
        ProductionInput { workers: vec![WorkerInput { membership_no: 3, hours: "25".into() }], ..input };
    assert_eq!(
        plan_production(&too_long, j(1403, 12, 30), kg(), |_| true).map_err(codes).err(),
        Some(vec![(Field::Hours, ErrorCode::HoursInvalid)])
    );
}

#[test]
fn periods_parse_in_every_form() {
    assert_eq!(Period::parse("1403-12"), Ok(Period::Month { year: 1403, month: 12 }));
    assert_eq!(Period::parse("۱۴۰۳/۰۱"), Ok(Period::Month { year: 1403, month: 1 }));
    assert_eq!(Period::parse("1403-q4"), Ok(Period::Quarter { year: 1403, quarter: 4 }));
    assert_eq!(Period::parse("۱۴۰۳"), Ok(Period::FiscalYear { year: 1403 }));
    for bad in ["1403-13", "1403-Q5", "1403-Q0", "14031", "1403-", "abc", "1403-001"] {
        assert_eq!(Period::parse(bad), Err(ErrorCode::PeriodFormat), "{bad}");
    }
    assert_eq!(Period::parse("1299"), Err(ErrorCode::DateOutOfRange));
    for label in ["1403-12", "1403-Q4", "1403"] {
        assert_eq!(Period::parse(label).map(Period::label), Ok(label.to_owned()));
    }
}

#[test]
fn period_spans_cross_esfand_and_a_leap_year() {
    let fy = (1, 1);
    let span = |p: &str| Period::parse(p).and_then(|p| p.span(fy)).expect("span");
    assert_eq!(span("1403-12"), (j(1403, 12, 1), j(1403, 12, 30))); // leap Esfand
    assert_eq!(span("1404-12"), (j(1404, 12, 1), j(1404, 12, 29)));
    assert_eq!(span("1403-Q4"), (j(1403, 10, 1), j(1403, 12, 30)));
    assert_eq!(span("1404-Q1"), (j(1404, 1, 1), j(1404, 3, 31)));
    assert_eq!(span("1403"), (j(1403, 1, 1), j(1403, 12, 30)));
    // A fiscal year starting on 1 Mehr runs into the next Jalali year.
    let mehr = Period::FiscalYear { year: 1403 }.span((7, 1)).expect("span");
    assert_eq!(mehr, (j(1403, 7, 1), j(1404, 6, 31)));
    assert_eq!(month_key(j(1403, 12, 30)), 140312);
    assert_eq!(month_key(j(1404, 1, 1)), 140401);
}

#[test]
fn workforce_parts_cannot_exceed_the_whole() {
    let base = WorkforceInput {
        month: "1403-12".into(),
        member_workers: 10,
        employees: 4,
        women: 6,
        insured: 14,
        hours: vec![WorkerInput { membership_no: 1, hours: "176".into() }],
    };
    let ok = plan_workforce(&base, |n| n == 1).expect("accepted");
    assert_eq!((ok.year, ok.month, ok.hours.len()), (1403, 12, 1));
    let bad = WorkforceInput { women: 15, insured: 15, month: "1403-Q4".into(), ..base.clone() };
    assert_eq!(
        plan_workforce(&bad, |_| true).map_err(codes).err(),
        Some(vec![
            (Field::Month, ErrorCode::PeriodFormat),
            (Field::Women, ErrorCode::HeadcountInconsistent),
            (Field::Insured, ErrorCode::HeadcountInconsistent),
        ])
    );
    let hours = WorkforceInput { hours: vec![WorkerInput { membership_no: 1, hours: "745".into() }], ..base };
    assert_eq!(
        plan_workforce(&hours, |_| true).map_err(codes).err(),
        Some(vec![(Field::Hours, ErrorCode::HoursInvalid)])
    );
}

#[test]
fn an_export_needs_its_destination_and_a_currency_code() {
    let sale = SaleInput {
        date: "1403/12/01".into(),
        product: 1,
        quantity: "100".into(),
        value: "5000000".into(),
        ..Default::default()
    };
    let domestic = plan_sale(&sale, j(1403, 12, 1), pieces()).expect("accepted");
    assert_eq!(domestic.export, None);
    let export = SaleInput {
        destination: "عراق".into(),
        currency: "usd".into(),
        foreign_amount: "1200.50".into(),
        ..sale.clone()
    };
    let e = plan_sale(&export, j(1403, 12, 1), pieces()).expect("accepted").export.expect("export");
    assert_eq!(
        (e.currency.as_str(), e.foreign_amount.map(|a| a.to_string())),
        ("USD", Some("1200.5".to_owned()))
    );
    let cases = [
        (
            SaleInput { destination: "عراق".into(), ..sale.clone() },
            (Field::Currency, ErrorCode::ExportNeedsDestination),
        ),
        (
            SaleInput { currency: "USD".into(), ..sale.clone() },
            (Field::Destination, ErrorCode::ExportNeedsDestination),
        ),
        (
            SaleInput { destination: "عراق".into(), currency: "US$".into(), ..sale.clone() },
            (Field::Currency, ErrorCode::CurrencyFormat),
        ),
        (
            SaleInput { quantity: "1.5".into(), ..sale.clone() },
            (Field::Quantity, ErrorCode::QuantityNotWhole),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(plan_sale(&input, j(1403, 12, 1), pieces()).map_err(codes).err(), Some(vec![want]));
    }
}

#[test]
fn a_lab_test_needs_batch_test_and_tester() {
    let input = QualityInput { date: "1403/12/01".into(), product: 1, passed: true, ..Default::default() };
    assert_eq!(
        plan_quality(&input, j(1403, 12, 1), kg()).map_err(codes).err(),
        Some(vec![
            (Field::Batch, ErrorCode::Required),
            (Field::Test, ErrorCode::Required),
            (Field::Tester, ErrorCode::Required)
        ])
    );
    let full =
        QualityInput {
            batch: "B-12".into(), test: "سختی".into(), tester: "آزمایشگاه".into(), ..input
        };
    assert!(plan_quality(&full, j(1403, 12, 1), kg()).is_ok());
    assert_eq!(
        plan_quality(&full, j(1403, 12, 1), None).map_err(codes).err(),
        Some(vec![(Field::Product, ErrorCode::UnknownProduct)])
    );
}
