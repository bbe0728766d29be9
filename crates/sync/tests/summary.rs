//! The period summary: golden files of every section for the demo cooperative (rewritten with
//! `HAMYAR_BLESS=1`, then read by a person), small ledgers built through the store's own use
//! cases with figures worked out by hand, determinism down to the canonical bytes, privacy, and
//! the periods that cannot be reported.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveTime, Utc};
use hamyar_core::jalali::JalaliDate;
use hamyar_core::meeting::record::{ConveneInput, MeetingInput, NoticeInput, ResolutionInput};
use hamyar_core::meeting::{ConvenedBy, MeetingKind, NoticeChannel};
use hamyar_core::member::{ExitInput, ExitReason, Gender, MemberInput, MemberKind};
use hamyar_core::production::{ProductInput, QualityInput};
use hamyar_core::protocol::canonical_json;
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{StatuteInput, StatuteValues};
use hamyar_core::{ErrorCode, Field};
use hamyar_store::meetings::{self, Ending};
use hamyar_store::{Store, members, production, profile, shares, statute};
use hamyar_sync::summary::{self, SECTIONS, Span, SpanKind};
use serde_json::{Value, json};

/// Noon in Tehran on a Jalali day.
fn on(y: i32, m: u8, d: u8) -> DateTime<Utc> {
    let day = JalaliDate::new(y, m, d).and_then(JalaliDate::to_gregorian).expect("valid day");
    day.and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap()).and_utc()
}

/// The demo cooperative as created on 1405/04/10: production from 1404/03 to 1405/03, the
/// workforce, lab tests and sales of 1405/03, the annual assemblies of 1404/03/25 (with
/// elections) and 1405/03/20, an applicant who joined on 1404/08/01.
fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("store");
    hamyar_store::demo::create(&mut store, "demo", on(1405, 4, 10)).expect("demo");
    (dir, store)
}

fn span(store: &Store, text: &str) -> Span {
    summary::span(store.conn(), text).expect("span")
}

fn build(store: &Store, text: &str) -> Value {
    summary::build(store.conn(), &span(store, text)).expect("summary")
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/summary").join(format!("{name}.json"))
}

/// Compares `actual` with the golden file `name`, or rewrites it under `HAMYAR_BLESS=1`.
fn golden(name: &str, actual: &Value) {
    let path = fixture_path(name);
    let pretty = format!("{}\n", serde_json::to_string_pretty(actual).expect("json"));
    if std::env::var_os("HAMYAR_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).expect("fixture dir");
        std::fs::write(&path, pretty).expect("bless");
        return;
    }
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with HAMYAR_BLESS=1 to write it)", path.display()));
    let expected: Value = serde_json::from_str(&text).expect("fixture json");
    assert!(
        expected == *actual,
        "{name} differs from {}:\n{pretty}\n(run with HAMYAR_BLESS=1 to rewrite it, then read it)",
        path.display()
    );
}

macro_rules! golden_sections {
    ($($test:ident => $section:literal),+ $(,)?) => {$(
        #[test]
        fn $test() {
            let (_dir, store) = demo();
            let s = build(&store, "1404");
            golden($section, &s[$section]);
        }
    )+};
}

golden_sections! {
    golden_profile_1404 => "profile",
    golden_members_1404 => "members",
    golden_capital_1404 => "capital",
    golden_meetings_1404 => "meetings",
    golden_production_1404 => "production",
    golden_workforce_1404 => "workforce",
    golden_quality_1404 => "quality",
}

#[test]
fn every_section_has_its_golden_test_and_the_summary_has_exactly_the_sections() {
    assert_eq!(SECTIONS, ["profile", "members", "capital", "meetings", "production", "workforce", "quality"]);
    let (_dir, store) = demo();
    let s = build(&store, "1404");
    let keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
    let mut sorted = SECTIONS.to_vec();
    sorted.sort_unstable();
    assert_eq!(keys, sorted);
}

#[test]
fn golden_whole_summary_1405_q1() {
    let (_dir, store) = demo();
    golden("summary-1405-Q1", &build(&store, "1405-Q1"));
}

/// Figures of the demo worked out from `hamyar_store::demo`, so the golden files cannot record
/// a wrong number unnoticed.
#[test]
fn the_demo_figures_agree_with_the_demo_data() {
    let (_dir, store) = demo();
    let y = build(&store, "1404");
    // Nine founders active since 1398; the applicant who joined on 1404/08/01 is still one.
    assert_eq!(
        y["members"]["by_status"],
        json!({"applicant": 1, "active": 9, "withdrawn": 0, "expelled": 0, "deceased": 0})
    );
    assert_eq!(y["members"]["active_by_gender"], json!({"female": 5, "male": 4, "unspecified": 0}));
    assert_eq!((y["members"]["joined"].as_u64(), y["members"]["left"]["total"].as_u64()), (Some(1), Some(0)));
    // 124 shares of 1,000,000 rials; founders 1–6 paid in full, 7–9 a third (3,333,333 of 10
    // shares each, and member 9 received 5 fully paid shares from member 2).
    let c = &y["capital"]["at_end"];
    assert_eq!(c["shares"], json!(124));
    assert_eq!(c["subscribed"], json!("124000000"));
    assert_eq!(c["paid"], json!((94_000_000 + 3 * 3_333_333).to_string()));
    assert_eq!(c["arrears"], json!((30_000_000 - 3 * 3_333_333).to_string()));
    assert_eq!(c["members_in_arrears"], json!(3));
    assert_eq!(c["par_value"], json!("1000000"));
    // Member 1 holds 20 of 124 shares (members 2 and 9 hold 15 each after the transfer).
    assert_eq!(c["largest_holding_pct"], json!("16.13"));
    assert_eq!(y["capital"]["changes"]["transferred_shares"], json!(0), "the transfer was in 1402");
    // The 1403 annual assembly on 1404/03/25: 7 present, two resolutions, two elections.
    let held = y["meetings"]["held"].as_array().unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["date"], json!("2025-06-15"));
    assert_eq!((held[0]["resolutions_passed"].as_u64(), held[0]["elections"].as_u64()), (Some(2), Some(2)));
    // Five principals and two alternates on the board, one inspector and one alternate.
    let seats: Vec<(String, String, u64)> = y["meetings"]["offices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["body"].as_str().unwrap().into(),
                o["role"].as_str().unwrap().into(),
                o["seats"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [("board", "principal", 5), ("board", "alternate", 2), ("inspectors", "principal", 1)];
    for (body, role, n) in expected {
        assert!(seats.contains(&(body.into(), role.into(), n)), "{body} {role} {n} in {seats:?}");
    }
    // Production in 1404 spans 1404/03–1404/12 (ten months, three entries per product each).
    let made = y["production"]["made"].as_array().unwrap();
    assert_eq!(made.len(), 4);
    // Fabric, 1800 m a month times the month's wave, a third per entry plus the entry's offset:
    // 1878 + 1983 + 1917 + 1770 + 1659 + 1719 + 1824 + 1947 + 2025 + 1860 metres at 420,000 rials.
    assert_eq!((&made[0]["quantity"], &made[0]["value"]), (&json!("18582"), &json!("7804440000")));
    assert_eq!(y["workforce"]["months_in_period"], json!(12));
    assert_eq!(y["workforce"]["months_recorded"], json!(0));
    assert_eq!(y["quality"]["tests"], json!(0));

    let q = build(&store, "1405-Q1");
    // Bags in 1405/01–03: (44+45+46) + (48+49+50) + (49+50+51) = 432 at 6,500,000 rials.
    let bag = &q["production"]["made"][1];
    assert_eq!((&bag["quantity"], &bag["value"]), (&json!("432"), &json!("2808000000")));
    // 1405/03: 9 members and 4 employees; hours 154 + 158 + … + 186 = 1530.
    assert_eq!(q["workforce"]["months"][0]["headcount"], json!(13));
    assert_eq!(q["workforce"]["hours"], json!("1530"));
    // Six lab tests, one failed (product 3): 5/6 = 83.33 %.
    assert_eq!((q["quality"]["tests"].as_u64(), q["quality"]["passed"].as_u64()), (Some(6), Some(5)));
    assert_eq!(q["quality"]["pass_rate"], json!("83.33"));
    // Three sales: 630 + 390 + 686 million rials; the bag (product 2) went to Iraq.
    assert_eq!(q["production"]["sold_value"], json!("1706000000"));
    assert_eq!(q["production"]["export_value"], json!("390000000"));
    assert_eq!(q["production"]["import_substitution_value"], json!("686000000"));
    let export = &q["production"]["exports"][0];
    assert_eq!(
        (&export["product"], &export["destination"], &export["currency"], &export["foreign_amount"]),
        (&json!(2), &json!("عراق"), &json!("USD"), &json!("9500"))
    );
    assert_eq!(q["meetings"]["held"][0]["date"], json!("2026-06-10"), "the 1404 annual assembly");
}

#[test]
fn spans_are_quarters_and_fiscal_years_only() {
    let (_dir, store) = demo();
    let q = span(&store, "۱۴۰۴-q1");
    assert_eq!(
        (q.label.as_str(), q.kind, q.from.to_string(), q.to.to_string()),
        ("1404-Q1", SpanKind::Quarter, "2025-03-21".into(), "2025-06-21".into())
    );
    let r = q.period_ref();
    assert_eq!((r.label.as_str(), r.kind.as_str(), r.from.as_str()), ("1404-Q1", "quarter", "2025-03-21"));
    let y = span(&store, "1403");
    assert_eq!((y.kind.as_str(), y.to.to_string()), ("year", "2025-03-20".into()), "1403 is leap");

    let month = summary::span(store.conn(), "1404-02").expect_err("a month");
    assert_eq!(month.code(), ErrorCode::PeriodNotReportable);
    for garbage in ["", "1404-Q5", "فردا", "14045"] {
        let err = summary::span(store.conn(), garbage).expect_err(garbage);
        assert_eq!(err.code(), ErrorCode::ValidationFailed, "{garbage}");
        let fields = err.to_ipc().details.map(|d| d.fields).unwrap_or_default();
        assert_eq!(fields.first().map(|f| f.field), Some(Field::Period), "{garbage}");
    }
}

#[test]
fn the_same_journal_gives_the_same_bytes_twice_and_from_a_copy_of_the_file() {
    let (dir, store) = demo();
    let bytes = |s: &Store, p: &str| canonical_json(&build(s, p)).expect("canonical");
    let first = bytes(&store, "1404");
    assert_eq!(first, bytes(&store, "1404"));
    let quarter = bytes(&store, "1405-Q1");
    drop(store);
    let copy = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(dir.path()).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            std::fs::copy(&path, copy.path().join(path.file_name().unwrap())).expect("copy");
        }
    }
    let other = Store::open_in(copy.path()).expect("copy opens");
    assert_eq!(first, bytes(&other, "1404"));
    assert_eq!(quarter, bytes(&other, "1405-Q1"));
}

#[test]
fn the_demo_summary_names_no_member() {
    let (_dir, store) = demo();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT national_code, last_name, first_name, json_extract(particulars, '$.mobile'), \
             json_extract(particulars, '$.father_name') FROM member",
        )
        .unwrap();
    let personal: Vec<String> = stmt
        .query_map([], |r| Ok([r.get::<_, Option<String>>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
        .unwrap()
        .flat_map(|r| r.unwrap())
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    assert!(personal.len() >= 30, "codes, surnames, names, mobiles and fathers' names: {personal:?}");
    for period in ["1404", "1405-Q1", "1405"] {
        let text = String::from_utf8(canonical_json(&build(&store, period)).unwrap()).unwrap();
        for p in &personal {
            assert!(!text.contains(p.as_str()), "{period}: the summary contains {p}");
        }
    }
}

// ---- Small ledgers built by hand ----

fn ledger(now: DateTime<Utc>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("store");
    profile::save(&mut store, "t", now, &hamyar_store::demo::profile_input()).expect("profile");
    let input = StatuteInput {
        values: StatuteValues { par_value: 100_000.into(), ..StatuteValues::default() },
        effective_from: "1399/01/01".into(),
        resolution: String::new(),
        rule_warnings: None,
    };
    statute::set(&mut store, "t", now, &input).expect("statute");
    (dir, store)
}

fn person(i: u32, joined: &str, gender: Option<Gender>, applicant: bool) -> MemberInput {
    MemberInput {
        first_name: format!("عضو {i}"),
        last_name: "آزمایشی".into(),
        national_code: hamyar_core::ids::NationalCode::sample(i).as_str().to_owned(),
        gender,
        joined: joined.into(),
        applicant,
        ..MemberInput::default()
    }
}

#[test]
fn members_on_the_last_day_after_admissions_and_exits() {
    let now = on(1404, 10, 1);
    let (_dir, mut store) = ledger(now);
    let (f, m) = (Some(Gender::Female), Some(Gender::Male));
    let people = [
        person(1, "1400/01/01", f, false),
        person(2, "1400/01/01", f, false),
        person(3, "1400/01/01", m, false),
        person(4, "1400/01/01", f, false),
        person(5, "1400/01/01", m, false),
        person(6, "1404/04/10", m, false), // joins in the quarter
        person(7, "1404/05/01", f, true),  // applies and is admitted in the quarter
        person(8, "1404/06/01", m, true),  // applies in the quarter, admitted after it
        person(9, "1404/08/01", f, false), // joins after the quarter
    ];
    for p in &people {
        members::add(&mut store, "t", now, p).expect("member");
    }
    let legal = MemberInput {
        kind: MemberKind::Legal,
        last_name: "شرکت بازرگانی نمونه".into(),
        legal_id: "10380284790".into(),
        joined: "1401/01/01".into(),
        ..MemberInput::default()
    };
    assert_eq!(members::add(&mut store, "t", now, &legal).expect("legal member").membership_no, 10);
    members::activate(&mut store, "t", now, 7, "1404/05/20").expect("7 admitted");
    members::activate(&mut store, "t", now, 8, "1404/07/15").expect("8 admitted");
    let exit = |no: u32, date: &str| ExitInput {
        membership_no: no,
        reason: Some(ExitReason::Withdrawal),
        date: date.into(),
        ..ExitInput::default()
    };
    members::exit(&mut store, "t", now, &exit(2, "1404/06/10")).expect("2 leaves in the quarter");
    members::exit(&mut store, "t", now, &exit(3, "1404/08/01")).expect("3 leaves after it");

    // 1404-Q2 is 1404/04/01–1404/06/31. On its last day: 1, 3, 4, 5, 6, 7 and the legal person
    // are active; 8 is still an applicant; 2 has withdrawn; 9 has not joined.
    let s = build(&store, "1404-Q2");
    assert_eq!(
        s["members"],
        json!({
            "by_status": {"applicant": 1, "active": 7, "withdrawn": 1, "expelled": 0, "deceased": 0},
            "active": 7,
            "active_by_kind": {"person": 6, "legal": 1},
            "active_by_gender": {"female": 3, "male": 3, "unspecified": 1},
            "active_working": 0,
            "joined": 3,
            "admitted": 1,
            "left": {"total": 1, "withdrawn": 1, "expelled": 0, "deceased": 0},
        })
    );
    // The next quarter: 8 admitted, 3 left, 9 joined.
    let next = &build(&store, "1404-Q3")["members"];
    assert_eq!(
        next["by_status"],
        json!({"applicant": 0, "active": 8, "withdrawn": 2, "expelled": 0, "deceased": 0})
    );
    assert_eq!((next["joined"].as_u64(), next["admitted"].as_u64()), (Some(1), Some(1)));
    assert_eq!(next["left"]["total"], json!(1));
}

#[test]
fn capital_at_the_end_and_the_movements_of_the_quarter() {
    let now = on(1404, 3, 10);
    let (_dir, mut store) = ledger(now);
    for i in 1..=5 {
        members::add(&mut store, "t", now, &person(i, "1400/01/01", None, false)).expect("member");
    }
    let record = |store: &mut Store, now, action: ShareAction| {
        shares::record(store, "t", now, &action).unwrap_or_else(|e| panic!("{action:?}: {e:?}"))
    };
    let subscribe =
        |no, shares, date: &str| ShareAction::Subscribe { membership_no: no, shares, date: date.into() };
    let pay = |no, amount: u64, date: &str| ShareAction::Pay {
        membership_no: no,
        amount: amount.to_string(),
        date: date.into(),
    };
    // Before 1404: par 100,000 rials.
    for (no, count, paid) in [(1, 40, 4_000_000), (2, 30, 1_000_000), (3, 21, 2_100_000), (5, 10, 600_000)] {
        record(&mut store, now, subscribe(no, count, "1403/12/01"));
        record(&mut store, now, pay(no, paid, "1403/12/01"));
    }
    // 1404-Q1 (1404/01/01–1404/03/31).
    record(&mut store, now, pay(2, 500_000, "1404/02/01"));
    record(&mut store, now, subscribe(4, 10, "1404/02/10"));
    record(&mut store, now, pay(4, 300_000, "1404/02/10"));
    record(
        &mut store,
        now,
        ShareAction::Transfer {
            membership_no: 3,
            to_member: 4,
            shares: 5,
            date: "1404/03/01".into(),
            resolution: "صورتجلسه هیئت مدیره ۱۴۰۴/۰۲/۲۸".into(),
        },
    );
    record(
        &mut store,
        now,
        ShareAction::Capitalise {
            membership_no: 1,
            shares: 2,
            date: "1404/03/05".into(),
            resolution: "مصوبه مجمع ۱۴۰۴/۰۳/۰۱".into(),
        },
    );
    let mistaken = record(&mut store, now, subscribe(2, 5, "1404/03/05"));
    // The reversal is dated today, 1404/03/10: inside the quarter.
    record(&mut store, now, ShareAction::Reverse { entry: mistaken.entry_id, reason: "ثبت اشتباه".into() });
    let exit = ExitInput {
        membership_no: 5,
        reason: Some(ExitReason::Withdrawal),
        date: "1404/02/20".into(),
        ..ExitInput::default()
    };
    members::exit(&mut store, "t", now, &exit).expect("5 leaves");
    record(&mut store, now, ShareAction::Refund { membership_no: 5, shares: 10, date: "1404/03/01".into() });
    // After the quarter.
    record(&mut store, on(1404, 4, 5), subscribe(1, 10, "1404/04/05"));

    // Holdings on 1404/03/31 (shares, subscribed, paid):
    //   1: 42, 4,200,000, 4,200,000   2: 30, 3,000,000, 1,500,000
    //   3: 16, 1,600,000, 1,600,000   4: 15, 1,500,000,   800,000   5: refunded
    let s = build(&store, "1404-Q1");
    assert_eq!(
        s["capital"],
        json!({
            "at_end": {
                "shareholders": 4,
                "shares": 103,
                "par_value": "100000",
                "subscribed": "10300000",
                "paid": "8100000",
                "arrears": "2200000",
                "members_in_arrears": 2,
                // 42 / 103 = 40.776…
                "largest_holding_pct": "40.78",
            },
            "changes": {
                "subscribed_shares": 10,
                "subscribed": "1000000",
                "paid": "800000",
                "refunded_shares": 10,
                "refunded": "600000",
                "capitalised_shares": 2,
                "capitalised": "200000",
                "transferred_shares": 5,
            },
        })
    );
    let later = &build(&store, "1404")["capital"]["at_end"];
    assert_eq!((later["shares"].as_i64(), later["largest_holding_pct"].as_str()), (Some(113), Some("46.02")));
}

fn assembly(date: &str, call: u8, previous: Option<u32>) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::Ordinary,
        call,
        previous,
        annual: false,
        elections: false,
        date: date.into(),
        hour: "10:00".into(),
        place: "تهران، خیابان آزادی، پلاک ۱، سالن اجتماعات".into(),
        proxy_check: String::new(),
        candidacy_until: String::new(),
        agenda: vec!["تصویب بودجه".into()],
    }
}

fn convene(store: &mut Store, now: DateTime<Utc>, meeting: u32) {
    let input = ConveneInput {
        meeting,
        convened_by: ConvenedBy::Board,
        requested: String::new(),
        requesters: 0,
        date: String::new(),
    };
    meetings::convene(store, "t", now, &input).expect("convened");
}

fn notice(store: &mut Store, meeting: u32, y: i32, m: u8, d: u8) {
    let published = JalaliDate::new(y, m, d).unwrap().to_ascii();
    let input = NoticeInput {
        meeting,
        published,
        channel: NoticeChannel::Written,
        reference: "دعوت‌نامه کتبی".into(),
    };
    meetings::notice(store, "t", on(y, m, d), &input).expect("noticed");
}

#[test]
fn meetings_held_failed_and_cancelled() {
    let (_dir, mut store) = ledger(on(1405, 1, 10));
    for i in 1..=10 {
        members::add(&mut store, "t", on(1405, 1, 10), &person(i, "1400/01/01", None, false))
            .expect("member");
    }
    // A first call on 1405/06/25 that fails quorum (5 of 10).
    let t = on(1405, 6, 1);
    let first = meetings::create(&mut store, "t", t, &assembly("1405/06/25", 1, None)).unwrap().meeting;
    convene(&mut store, t, first);
    notice(&mut store, first, 1405, 6, 10);
    let day = on(1405, 6, 25);
    for no in 1..=5 {
        meetings::checkin(&mut store, "t", day, first, Some(no), None).unwrap();
    }
    meetings::end(&mut store, "t", day, first, Ending::Fail, "").expect("failed");
    // The second call on 1405/07/15 with three present: one resolution passes, one does not.
    let second =
        meetings::create(&mut store, "t", day, &assembly("1405/07/15", 2, Some(first))).unwrap().meeting;
    convene(&mut store, day, second);
    notice(&mut store, second, 1405, 7, 1);
    let day2 = on(1405, 7, 15);
    for no in 1..=3 {
        meetings::checkin(&mut store, "t", day2, second, Some(no), None).unwrap();
    }
    for (text, yes, no) in [("تصویب بودجه", 2, 1), ("افزایش سرمایه", 1, 2)] {
        let input = ResolutionInput { meeting: second, text: text.into(), yes, no, abstain: 0 };
        meetings::resolve(&mut store, "t", day2, &input).unwrap();
    }
    // One called off, one only noticed (neither took place).
    let off = meetings::create(&mut store, "t", day2, &assembly("1405/08/20", 1, None)).unwrap().meeting;
    convene(&mut store, day2, off);
    meetings::end(&mut store, "t", day2, off, Ending::Cancel, "همزمانی با تعطیلات").expect("cancelled");
    let pending = meetings::create(&mut store, "t", day2, &assembly("1405/08/25", 1, None)).unwrap().meeting;
    convene(&mut store, day2, pending);
    notice(&mut store, pending, 1405, 8, 1);

    let s = build(&store, "1405");
    assert_eq!(
        s["meetings"],
        json!({
            "held": [
                {"meeting": first, "date": "2026-09-16", "kind": "ordinary", "annual": false, "call": 1,
                 "quorum_met": false, "resolutions": 0, "resolutions_passed": 0, "resolutions_failed": 0,
                 "elections": 0},
                {"meeting": second, "date": "2026-10-07", "kind": "ordinary", "annual": false, "call": 2,
                 "quorum_met": true, "resolutions": 2, "resolutions_passed": 1, "resolutions_failed": 1,
                 "elections": 0},
            ],
            "cancelled": 1,
            "totals": {"assemblies": 2, "board_meetings": 0, "quorum_failed": 1, "resolutions": 2,
                       "resolutions_passed": 1, "elections": 0},
            "offices": [],
        })
    );
    // The second quarter holds only the failed first call.
    let q2 = &build(&store, "1405-Q2")["meetings"];
    assert_eq!((q2["held"].as_array().unwrap().len(), q2["cancelled"].as_u64()), (1, Some(0)));
}

#[test]
fn quality_pass_rates_by_product() {
    let now = on(1404, 5, 1);
    let (_dir, mut store) = ledger(now);
    for name in ["پارچه", "کیف"] {
        let input = ProductInput { name: name.into(), unit: "عدد".into(), ..ProductInput::default() };
        production::add_product(&mut store, "t", now, &input).expect("product");
    }
    // Product 1: 2 of 3 pass; product 2: 7 of 8; and one test of product 1 after the quarter.
    let tests: [(u32, &str, &[bool]); 4] = [
        (1, "1404/01/10", &[true, true, false]),
        (2, "1404/02/10", &[true; 7]),
        (2, "1404/03/10", &[false]),
        (1, "1404/04/10", &[false]),
    ];
    let mut batch = 0;
    for (product, date, results) in tests {
        for &passed in results {
            batch += 1;
            let input = QualityInput {
                date: date.into(),
                product,
                batch: format!("B-{batch}"),
                test: "دوخت و ظاهر".into(),
                passed,
                tester: "آزمایشگاه".into(),
                ..QualityInput::default()
            };
            production::add_quality(&mut store, "t", now, &input).expect("test");
        }
    }
    let s = build(&store, "1404-Q1");
    assert_eq!(
        s["quality"],
        json!({
            "products": [
                {"product": 1, "name": "پارچه", "tests": 3, "passed": 2, "pass_rate": "66.67"},
                {"product": 2, "name": "کیف", "tests": 8, "passed": 7, "pass_rate": "87.50"},
            ],
            "tests": 11,
            "passed": 9,
            // 9 / 11 = 81.818…
            "pass_rate": "81.82",
        })
    );
    assert_eq!(
        build(&store, "1404-Q3")["quality"],
        json!({"products": [], "tests": 0, "passed": 0, "pass_rate": "0.00"})
    );
}
