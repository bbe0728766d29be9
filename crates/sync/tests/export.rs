//! The export package: the files a person uploads by hand, read back the way a spreadsheet
//! would read them, figure by figure against the summary they were made from.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

use std::collections::BTreeSet;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, NaiveTime, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::jalali::JalaliDate;
use hamyar_core::protocol::{canonical_json, content_hash};
use hamyar_store::Store;
use hamyar_sync::export::{CHECKLIST_FILE, REPORT_FILE, write_package};
use hamyar_sync::summary::{self, Span};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn on(y: i32, m: u8, d: u8) -> DateTime<Utc> {
    let day = JalaliDate::new(y, m, d).and_then(JalaliDate::to_gregorian).expect("valid day");
    day.and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap()).and_utc()
}

struct Demo {
    _dir: tempfile::TempDir,
    store: Store,
    span: Span,
    summary: Value,
    document: Vec<u8>,
}

/// The demo cooperative (see tests/summary.rs) and a report document of its 1405-Q1 summary.
fn demo() -> Demo {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("store");
    hamyar_store::demo::create(&mut store, "demo", on(1405, 4, 10)).expect("demo");
    let span = summary::span(store.conn(), "1405-Q1").expect("span");
    let summary = summary::build(store.conn(), &span).expect("summary");
    let document = canonical_json(&json!({
        "protocol": 1,
        "schema": 1,
        "report_id": "0197a1b2-0000-7000-8000-000000000001",
        "legal_id": "14100001233",
        "period": span.period_ref(),
        "supersedes": null,
        "closed_at": "2026-07-01T08:00:00Z",
        "summary": summary,
    }))
    .expect("canonical");
    Demo { _dir: dir, store, span, summary, document }
}

const MODULES: [&str; 7] = [
    "01-members",
    "02-workforce",
    "03-meetings",
    "04-financial",
    "05-production-sales",
    "06-exports",
    "07-quality",
];

fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

/// A cell as the summary writes figures: numbers as decimal text, text as is.
fn cell(c: Option<&Data>) -> String {
    match c {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => format!("{f}"),
        Some(Data::Int(i)) => i.to_string(),
        Some(other) => panic!("unexpected cell {other:?}"),
    }
}

/// The same figure, whatever its scale (`"50"` and `"50.00"`).
fn same(a: &str, b: &str) -> bool {
    match (a.parse::<Decimal>(), b.parse::<Decimal>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn figure(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn sheet(dir: &Path, module: &str, name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = calamine::open_workbook(dir.join(format!("{module}.xlsx"))).expect("xlsx opens");
    let range = book.worksheet_range(name).unwrap_or_else(|e| panic!("{module}: sheet {name}: {e}"));
    range.rows().map(|r| (0..r.len()).map(|i| cell(r.get(i))).collect()).collect()
}

#[test]
fn the_package_has_every_file_and_the_report_verbatim() {
    let d = demo();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("بسته ۱۴۰۵-Q1");
    let written = write_package(d.store.conn(), &d.span, &d.summary, &d.document, &dir).expect("written");

    let mut expected = vec![REPORT_FILE.to_owned()];
    for m in MODULES {
        expected.push(format!("{m}.csv"));
        expected.push(format!("{m}.xlsx"));
    }
    expected.push(CHECKLIST_FILE.to_owned());
    let returned: Vec<String> =
        written.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(returned, expected);
    assert!(written.iter().all(|p| p.parent() == Some(dir.as_path()) && p.is_file()));
    assert_eq!(names(&dir), expected.into_iter().collect(), "nothing else, no temporary file left");
    assert_eq!(std::fs::read(dir.join(REPORT_FILE)).unwrap(), d.document);

    let checklist = std::fs::read_to_string(dir.join(CHECKLIST_FILE)).unwrap();
    assert!(checklist.contains(&content_hash(&d.document)), "the report's content hash");
    assert!(checklist.contains("شرکت تعاونی تولیدی نساجی و چرم نگین اراک"));
    assert!(checklist.contains("۱۴۰۵/۰۱/۰۱") && checklist.contains("۱۴۰۵/۰۳/۳۱"), "{checklist}");
    for m in MODULES {
        assert!(checklist.contains(&format!("`{m}.xlsx`")), "{m} in the checklist");
    }
    assert_eq!(checklist.matches("- [ ]").count(), MODULES.len() + 2, "one item per module, first and last");
}

#[test]
fn csv_files_start_with_a_bom_and_persian_headers() {
    let d = demo();
    let out = tempfile::tempdir().unwrap();
    write_package(d.store.conn(), &d.span, &d.summary, &d.document, out.path())
        .expect("an empty folder is fine");
    let first_line = |m: &str| {
        let bytes = std::fs::read(out.path().join(format!("{m}.csv"))).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{m}: BOM");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.contains("\r\n"), "{m}: CRLF");
        text.split("\r\n").next().unwrap().to_owned()
    };
    assert_eq!(first_line("01-members"), "شاخص,مقدار,فیلد گزارش");
    assert_eq!(
        first_line("02-workforce"),
        "ماه,اعضای شاغل,کارکنان غیرعضو,جمع شاغلین,زنان,بیمه‌شده,ساعت کار اعضا"
    );
    assert_eq!(first_line("03-meetings"), "جلسات", "a module of several tables titles each");
    assert_eq!(first_line("06-exports"), "کد کالا,نام کالا,واحد,کشور مقصد,ارز,مقدار,ارزش (ریال),مبلغ ارزی");
    assert_eq!(first_line("07-quality"), "کد کالا,نام کالا,تعداد آزمون,قبول,درصد قبولی");
    let meetings = String::from_utf8(std::fs::read(out.path().join("03-meetings.csv")).unwrap()).unwrap();
    assert!(meetings.contains("1405/03/20,مجمع عمومی عادی,1,بله,حاصل شد,2,2,0,0"), "{meetings}");
    let members = String::from_utf8(std::fs::read(out.path().join("01-members.csv")).unwrap()).unwrap();
    assert!(members.contains("اعضای فعال در پایان دوره,9,members.active\r\n"), "{members}");
}

#[test]
fn xlsx_figures_equal_the_summary() {
    let d = demo();
    let out = tempfile::tempdir().unwrap();
    write_package(d.store.conn(), &d.span, &d.summary, &d.document, out.path()).expect("written");
    let s = &d.summary;

    // Indicator sheets name the summary field of every figure.
    let mut checked = 0;
    for (module, name) in [("01-members", "اعضا"), ("04-financial", "سرمایه"), ("03-meetings", "خلاصه جلسات")]
    {
        let rows = sheet(out.path(), module, name);
        assert_eq!(rows[0], ["شاخص", "مقدار", "فیلد گزارش"]);
        for row in &rows[1..] {
            let path = format!("/{}", row[2].replace('.', "/"));
            let want = figure(s.pointer(&path).unwrap_or_else(|| panic!("{path} in the summary")));
            assert!(same(&row[1], &want), "{module} {}: sheet {} but summary {want}", row[0], row[1]);
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked} indicators");

    let made = sheet(out.path(), "05-production-sales", "تولید");
    let lines = s["production"]["made"].as_array().unwrap();
    assert_eq!(made.len(), lines.len() + 2, "headers, products, total");
    for (row, p) in made[1..].iter().zip(lines) {
        assert_eq!(row[0], figure(&p["product"]));
        assert_eq!(row[1], figure(&p["name"]));
        assert!(same(&row[3], &figure(&p["quantity"])) && same(&row[4], &figure(&p["value"])), "{row:?}");
    }
    assert_eq!(made.last().unwrap()[4], figure(&s["production"]["made_value"]));
    assert_eq!(made[1][2], "متر", "units in Persian");

    let sold = sheet(out.path(), "05-production-sales", "فروش");
    assert_eq!(sold.last().unwrap()[4], "1706000000");
    assert_eq!(sold[2][6], "390000000", "the bag's export value");

    let exports = sheet(out.path(), "06-exports", "صادرات");
    assert_eq!(exports[1], ["2", "کیف چرمی زنانه", "عدد", "عراق", "USD", "60", "390000000", "9500"]);

    let quality = sheet(out.path(), "07-quality", "کیفیت");
    assert_eq!(quality[3], ["3", "کفش چرمی مردانه", "1", "0", "0"]);
    let total = quality.last().unwrap();
    assert!(same(&total[4], "83.33") && total[2] == "6" && total[3] == "5", "{total:?}");

    let workforce = sheet(out.path(), "02-workforce", "کارکنان");
    assert_eq!(workforce[1], ["1405/03", "9", "4", "13", "6", "13", "1530"]);

    let held = sheet(out.path(), "03-meetings", "جلسات");
    assert_eq!(held[1][1], "1405/03/20", "Jalali dates");
    // Three years from the 1404/03/25 election: to 1407/03/24 (2028-06-13).
    let offices = sheet(out.path(), "03-meetings", "ارکان در پایان دوره");
    assert_eq!(offices[1], ["هیأت مدیره", "اصلی", "5", "1404/03/25", "1407/03/24"]);
}

#[test]
fn an_empty_period_still_has_every_sheet_with_its_headers() {
    let d = demo();
    let span = summary::span(d.store.conn(), "1403-Q2").unwrap();
    let empty = summary::build(d.store.conn(), &span).unwrap();
    let out = tempfile::tempdir().unwrap();
    write_package(d.store.conn(), &span, &empty, b"{}", out.path()).expect("written");
    let exports = sheet(out.path(), "06-exports", "صادرات");
    assert_eq!(exports.len(), 1, "headers only");
    let checklist = std::fs::read_to_string(out.path().join(CHECKLIST_FILE)).unwrap();
    assert!(checklist.contains("فصل ۱۴۰۳-Q۲"), "{checklist}");
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_nothing_is_written() {
    let d = demo();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("یادداشت.txt"), "قبلی").unwrap();
    let err =
        write_package(d.store.conn(), &d.span, &d.summary, &d.document, out.path()).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::ExportFolderNotEmpty);
    assert_eq!(names(out.path()), BTreeSet::from(["یادداشت.txt".to_owned()]));

    // A summary that is not one (a section missing) is refused before any file is made.
    let broken = json!({"profile": d.summary["profile"]});
    let target = out.path().join("new");
    let err = write_package(d.store.conn(), &d.span, &broken, &d.document, &target).expect_err("refused");
    assert_eq!(err.code(), ErrorCode::Internal);
    assert!(!target.exists(), "no folder made for a package that could not be rendered");
}
