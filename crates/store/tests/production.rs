//! Production, workforce, quality and sales through the store's public use cases, on a real
//! SQLite file: period aggregates against hand-computed fixtures that cross Esfand/Farvardin and a
//! leap Esfand (1403/12/30), and every refusal (code asserted, file byte-for-byte unchanged).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

use chrono::{DateTime, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::member::MemberInput;
use hamyar_core::production::{
    ProductInput, ProductionInput, QualityInput, SaleInput, WorkerInput, WorkforceInput,
};
use hamyar_store::{Store, StoreError, members, production, verify};
mod common;

fn now() -> DateTime<Utc> {
    "2026-11-28T08:00:00Z".parse().expect("valid time")
}

struct Ledger {
    _dir: tempfile::TempDir,
    store: Store,
}

impl Ledger {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("store");
        for i in 1..=3 {
            let m = MemberInput {
                first_name: format!("عضو {i}"),
                last_name: "آزمایشی".into(),
                national_code: hamyar_core::ids::NationalCode::sample(i).as_str().to_owned(),
                joined: "1400/01/01".into(),
                ..MemberInput::default()
            };
            members::add(&mut store, "t", now(), &m).expect("member");
        }
        let cloth = product(&mut store, "پارچه", "kilogram");
        let shoes = product(&mut store, "کفش", "جفت");
        assert_eq!((cloth, shoes), (1, 2));
        Self { _dir: dir, store }
    }

    fn record(
        &mut self,
        date: &str,
        product: u32,
        quantity: &str,
        unit_value: &str,
    ) -> Result<String, StoreError> {
        production::record_production(
            &mut self.store,
            "t",
            now(),
            &entry(date, product, quantity, unit_value),
        )
        .map(|e| e.id)
    }

    fn refused(
        &mut self,
        what: &str,
        code: ErrorCode,
        action: impl FnOnce(&mut Store) -> Result<(), StoreError>,
    ) {
        common::refused(&mut self.store, what, code, action);
    }
}

fn product(store: &mut Store, name: &str, unit: &str) -> u32 {
    let input = ProductInput { name: name.into(), unit: unit.into(), ..ProductInput::default() };
    production::add_product(store, "t", now(), &input).expect("product").product
}

fn entry(date: &str, product: u32, quantity: &str, unit_value: &str) -> ProductionInput {
    ProductionInput {
        date: date.into(),
        product,
        quantity: quantity.into(),
        unit_value: unit_value.into(),
        ..ProductionInput::default()
    }
}

/// (product, quantity, value) per line, and the total.
fn summary(store: &Store, period: &str) -> (Vec<(u32, String, String)>, String, String, String) {
    let s = production::summary(store.conn(), period).expect("summary");
    let lines = s.products.iter().map(|p| (p.product, p.quantity.to_string(), p.value.clone())).collect();
    (lines, s.total_value, s.from.to_string(), s.to.to_string())
}

fn l(product: u32, q: &str, v: &str) -> (u32, String, String) {
    (product, q.to_owned(), v.to_owned())
}

/// The fixture: entries on both sides of the year end, on the leap day, and at quarter edges.
fn fixture(ledger: &mut Ledger) {
    let rows = [
        ("1402/12/29", 2, "5", "1000000"), // 5,000,000 — the year before (1402 is not leap)
        ("1403/01/01", 1, "1", "100000"),  // 100,000
        ("1403/09/30", 1, "3", "190000"),  // 570,000 — last day of Q3
        ("1403/10/01", 2, "1", "1400000"), // 1,400,000 — first day of Q4
        ("1403/12/29", 1, "10.5", "200000"), // 2,100,000
        ("1403/12/29", 2, "4", "1500000"), // 6,000,000
        ("۱۴۰۳/۱۲/۳۰", 1, "۲٫۲۵", "۲۰۰٬۰۰۰"), // 450,000 — the leap day, typed in Persian digits
        ("1404/01/01", 2, "2", "1600000"), // 3,200,000
    ];
    for (date, product, q, v) in rows {
        ledger.record(date, product, q, v).expect("recorded");
    }
    // Recorded on the first of Farvardin, then corrected: the reversal counts on that day.
    let mistake = ledger.record("1404/01/01", 1, "1", "210000").expect("recorded");
    production::reverse_production(&mut ledger.store, "t", now(), &mistake, "ثبت تکراری", false)
        .expect("reversed");
}

#[test]
fn aggregates_per_month_quarter_and_year_match_the_hand_computed_fixture() {
    let mut ledger = Ledger::new();
    fixture(&mut ledger);
    let s = &ledger.store;
    assert_eq!(
        summary(s, "1403-12"),
        (
            vec![l(1, "12.75", "2550000"), l(2, "4", "6000000")],
            "8550000".into(),
            "2025-02-19".into(),
            "2025-03-20".into()
        )
    );
    assert_eq!(summary(s, "1403-Q4").0, vec![l(1, "12.75", "2550000"), l(2, "5", "7400000")]);
    assert_eq!(summary(s, "1403-Q4").1, "9950000");
    assert_eq!(summary(s, "1403-Q3").0, vec![l(1, "3", "570000")]);
    assert_eq!(summary(s, "1403").0, vec![l(1, "16.75", "3220000"), l(2, "5", "7400000")]);
    assert_eq!(summary(s, "1403").1, "10620000");
    assert_eq!((summary(s, "1403").2, summary(s, "1403").3), ("2024-03-20".into(), "2025-03-20".into()));
    // The reversed entry of 1 Farvardin 1404 has left nothing behind.
    assert_eq!(summary(s, "1404-01").0, vec![l(2, "2", "3200000")]);
    assert_eq!(summary(s, "1404-Q1").1, "3200000");
    assert_eq!(summary(s, "1404").1, "3200000");
    assert_eq!(summary(s, "1402-12").0, vec![l(2, "5", "5000000")]);
    assert_eq!(summary(s, "1402-12").3, "2024-03-19");

    let months = production::monthly(s.conn(), "2025-03-21".parse().unwrap(), 3).expect("monthly");
    let got: Vec<(String, String, u32)> = months.into_iter().map(|m| (m.month, m.value, m.entries)).collect();
    assert_eq!(
        got,
        vec![
            ("1403-11".into(), "0".into(), 0),
            ("1403-12".into(), "8550000".into(), 3),
            ("1404-01".into(), "3200000".into(), 2)
        ]
    );
    assert!(verify::run(&mut ledger.store).expect("verify").ok, "projections rebuild to the same rows");
}

#[test]
fn a_fiscal_year_that_does_not_start_in_farvardin_is_summed_from_its_own_start() {
    let mut ledger = Ledger::new();
    fixture(&mut ledger);
    // Move the cooperative's fiscal-year start to 1 Dey through the profile table's own column
    // (the profile use case is tested elsewhere; only the span matters here).
    ledger
        .store
        .conn()
        .execute(
            "INSERT INTO cooperative_profile (singleton, name, legal_id, registration_number, registration_date, \
             kind, province, city, address, postal_code, phone, fiscal_year_start_month, fiscal_year_start_day, \
             updated_at, event_id) SELECT 1, 'x', '10380284790', '1', '2020-01-01', 'production', 'tehran', 'x', \
             'x', '1193653471', '02188881234', 10, 1, 'now', id FROM journal LIMIT 1",
            [],
        )
        .expect("profile row");
    let s = &ledger.store;
    // Fiscal year 1403 = 1403/10/01 – 1404/09/30: Dey's entry, Esfand's, and Farvardin's.
    assert_eq!(summary(s, "1403").1, "13150000");
    assert_eq!(summary(s, "1403").2, "2024-12-21");
}

#[test]
fn refusals_leave_the_file_byte_for_byte_unchanged() {
    let mut ledger = Ledger::new();
    fixture(&mut ledger);
    ledger.refused("unknown product", ErrorCode::UnknownProduct, |s| {
        production::record_production(s, "t", now(), &entry("1404/01/02", 9, "1", "1000")).map(drop)
    });
    ledger.refused("negative quantity", ErrorCode::QuantityMustBePositive, |s| {
        production::record_production(s, "t", now(), &entry("1404/01/02", 1, "-2", "1000")).map(drop)
    });
    ledger.refused("half a pair", ErrorCode::QuantityNotWhole, |s| {
        production::record_production(s, "t", now(), &entry("1404/01/02", 2, "1.5", "1000")).map(drop)
    });
    ledger.refused("unit mismatch", ErrorCode::UnitMismatch, |s| {
        let input = ProductionInput { unit: Some("متر".into()), ..entry("1404/01/02", 1, "2", "1000") };
        production::record_production(s, "t", now(), &input).map(drop)
    });
    ledger.refused("future date", ErrorCode::DateInFuture, |s| {
        production::record_production(s, "t", now(), &entry("1406/01/01", 1, "2", "1000")).map(drop)
    });
    ledger.refused("malformed date", ErrorCode::DateFormat, |s| {
        production::record_production(s, "t", now(), &entry("1403/13/01", 1, "2", "1000")).map(drop)
    });
    ledger.refused("unknown worker", ErrorCode::UnknownMember, |s| {
        let input = ProductionInput {
            workers: vec![WorkerInput { membership_no: 44, hours: "8".into() }],
            ..entry("1404/01/02", 1, "2", "1000")
        };
        production::record_production(s, "t", now(), &input).map(drop)
    });
    ledger.refused("duplicate product", ErrorCode::DuplicateProductName, |s| {
        let input = ProductInput { name: "پارچه".into(), unit: "kg".into(), ..ProductInput::default() };
        production::add_product(s, "t", now(), &input).map(drop)
    });
    ledger.refused("unit change after use", ErrorCode::UnitMismatch, |s| {
        let input =
            ProductInput { name: "پارچه".into(), unit: "meter".into(), ..ProductInput::default() };
        production::update_product(s, "t", now(), 1, &input).map(drop)
    });

    // Close the books through the end of 1403: nothing new may be dated inside.
    production::close_period(&mut ledger.store, "t", now(), "1403/12/30", "بستن سال ۱۴۰۳").expect("closed");
    ledger.refused("date in a closed period", ErrorCode::PeriodClosed, |s| {
        production::record_production(s, "t", now(), &entry("1403/12/30", 1, "1", "1000")).map(drop)
    });
    ledger.refused("sale in a closed period", ErrorCode::PeriodClosed, |s| {
        let sale = SaleInput {
            date: "1403/06/01".into(),
            product: 1,
            quantity: "1".into(),
            value: "10".into(),
            ..Default::default()
        };
        production::add_sale(s, "t", now(), &sale).map(drop)
    });
    ledger.refused("workforce of a closed month", ErrorCode::PeriodClosed, |s| {
        let w = WorkforceInput { month: "1403-12".into(), member_workers: 3, ..Default::default() };
        production::set_workforce(s, "t", now(), &w).map(drop)
    });
    ledger.refused("reversing inside a closed period", ErrorCode::PeriodClosed, |s| {
        let id: String = s
            .conn()
            .query_row("SELECT event_id FROM production_entry WHERE date = '2025-03-19' LIMIT 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        production::reverse_production(s, "t", now(), &id, "اشتباه", false).map(drop)
    });
    ledger.refused("closing an earlier day again", ErrorCode::PeriodClosed, |s| {
        production::close_period(s, "t", now(), "1403/06/31", "دوباره").map(drop)
    });
    ledger.record("1404/01/02", 1, "1", "1000").expect("the day after the close is open");

    let retired = production::retire_product(&mut ledger.store, "t", now(), 2).expect("retired");
    assert!(retired.retired.is_some());
    ledger.refused("retired product", ErrorCode::ProductRetired, |s| {
        production::record_production(s, "t", now(), &entry("1404/01/02", 2, "1", "1000")).map(drop)
    });
    ledger.refused("retiring twice", ErrorCode::ProductRetired, |s| {
        production::retire_product(s, "t", now(), 2).map(drop)
    });
    assert_eq!(production::products(ledger.store.conn()).expect("list").len(), 2, "retired, never deleted");

    let id = ledger.record("1404/01/03", 1, "1", "1000").expect("recorded");
    let reversal = production::reverse_production(&mut ledger.store, "t", now(), &id, "اشتباه", false)
        .expect("reversed")
        .id;
    ledger.refused("reversing twice", ErrorCode::AlreadyReversed, |s| {
        production::reverse_production(s, "t", now(), &id, "باز", false).map(drop)
    });
    ledger.refused("reversing a reversal", ErrorCode::ReversalOfReversal, |s| {
        production::reverse_production(s, "t", now(), &reversal, "باز", false).map(drop)
    });
    ledger.refused("reversing an unknown entry", ErrorCode::UnknownEntry, |s| {
        production::reverse_production(s, "t", now(), "nope", "باز", false).map(drop)
    });
    assert!(verify::run(&mut ledger.store).expect("verify").ok);
}

#[test]
fn workforce_quality_and_sales_aggregate_by_period() {
    let mut ledger = Ledger::new();
    fixture(&mut ledger);
    let s = &mut ledger.store;
    let w = WorkforceInput {
        month: "۱۴۰۳-۱۲".into(),
        member_workers: 3,
        employees: 2,
        women: 2,
        insured: 5,
        hours: vec![
            WorkerInput { membership_no: 1, hours: "176".into() },
            WorkerInput { membership_no: 2, hours: "160.5".into() },
        ],
    };
    let saved = production::set_workforce(s, "t", now(), &w).expect("workforce");
    assert_eq!((saved.month.as_str(), saved.headcount), ("1403-12", 5));
    // Setting the month again replaces it whole.
    let again = WorkforceInput {
        member_workers: 2,
        insured: 4,
        hours: vec![WorkerInput { membership_no: 1, hours: "180".into() }],
        ..w
    };
    production::set_workforce(s, "t", now(), &again).expect("workforce");
    let hours =
        production::work_hours(s.conn(), "2025-02-19".parse().unwrap(), "2025-03-20".parse().unwrap())
            .unwrap();
    assert_eq!(
        hours.iter().map(|h| (h.membership_no, h.hours.to_string())).collect::<Vec<_>>(),
        [(1, "180".to_owned())]
    );

    for (batch, passed) in [("B1", true), ("B2", true), ("B3", false)] {
        let q = QualityInput {
            date: "1403/12/10".into(),
            product: 1,
            batch: batch.into(),
            test: "استحکام".into(),
            tester: "آزمایشگاه".into(),
            passed,
            ..Default::default()
        };
        production::add_quality(s, "t", now(), &q).expect("quality");
    }
    let rates =
        production::pass_rates(s.conn(), "2025-02-19".parse().unwrap(), "2025-03-20".parse().unwrap())
            .unwrap();
    assert_eq!(
        rates.iter().map(|r| (r.product, r.tests, r.passed, r.percent.to_string())).collect::<Vec<_>>(),
        [(1, 3, 2, "66.67".to_owned()), (0, 3, 2, "66.67".to_owned())]
    );

    let sale = |date: &str, q: &str, v: &str, dest: &str, cur: &str, subst: bool| SaleInput {
        date: date.into(),
        product: 2,
        quantity: q.into(),
        value: v.into(),
        destination: dest.into(),
        currency: cur.into(),
        import_substitution: subst,
        ..Default::default()
    };
    production::add_sale(s, "t", now(), &sale("1403/12/30", "3", "4500000", "عراق", "USD", false)).unwrap();
    production::add_sale(s, "t", now(), &sale("1403/12/01", "1", "1500000", "", "", true)).unwrap();
    production::add_sale(s, "t", now(), &sale("1404/01/01", "1", "1600000", "ارمنستان", "AMD", false))
        .unwrap();
    let q4 = production::sales_summary(s.conn(), "1403-Q4").unwrap();
    assert_eq!((q4.total_value.as_str(), q4.export_value.as_str()), ("6000000", "4500000"));
    assert_eq!(q4.products[0].import_substitution_value, "1500000");
    assert_eq!(q4.destinations, [("عراق".to_owned(), "4500000".to_owned())]);
    assert!(verify::run(s).expect("verify").ok);
}
