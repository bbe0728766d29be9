//! Spreadsheet exports through the real `hamyar-cli`: the member register with every standing
//! (applicants, admitted applicants, members who left) exported and imported into an empty ledger
//! gives the same member register and share balances; each export's XLSX is right to left with
//! Persian headers, Jalali dates and exact rials, and its CSV starts with a BOM and parses.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Read as _;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use hamyar_integration::Ledger;

/// A valid national code from nine digits (the tenth is the checksum).
fn national_code(base: u32) -> String {
    let digits = format!("{base:09}");
    let sum: u32 = digits.chars().zip((2..=10).rev()).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    let r = sum % 11;
    format!("{digits}{}", if r < 2 { r } else { 11 - r })
}

fn ok(l: &Ledger, args: &[&str]) -> serde_json::Value {
    let run = l.cli(&[&["--json"], args].concat());
    assert_eq!(run.code, 0, "{args:?}: {run:?}");
    run.json()
}

fn empty_with_statute() -> Ledger {
    let l = Ledger::new();
    ok(&l, &["init"]);
    ok(
        &l,
        &[
            "statute",
            "set",
            "--par-value",
            "1000000",
            "--max-member-capital-pct",
            "40",
            "--effective",
            "1398/05/12",
        ],
    );
    l
}

fn add(l: &Ledger, n: u32, joined: &str, applicant: bool) {
    let code = national_code(100_000_000 + n * 7_919);
    let name = format!("عضو{n}");
    let mut args =
        vec!["member", "add", "--first-name", &name, "--last-name", "آزمون", "--national-code", &code];
    args.extend(["--joined", joined, "--postal-code", "1234567890", "--address", "تهران، خیابان آزادی"]);
    if applicant {
        args.push("--applicant");
    }
    ok(l, &args);
}

fn holding(l: &Ledger, no: &str, shares: &str, paid: &str, date: &str) {
    ok(l, &["share", "subscribe", "--member", no, "--shares", shares, "--date", date]);
    if paid != "0" {
        ok(l, &["share", "pay", "--member", no, "--amount", paid, "--date", date]);
    }
}

/// A ledger with a member in every standing, each with an opening holding.
fn every_standing() -> Ledger {
    let l = empty_with_statute();
    add(&l, 1, "1399/01/15", false); // active, part paid
    holding(&l, "1", "10", "6000000", "1399/01/15");
    add(&l, 2, "1399/02/01", false); // active, fully paid
    holding(&l, "2", "5", "5000000", "1399/02/01");
    add(&l, 3, "1403/02/01", true); // applicant still
    holding(&l, "3", "2", "0", "1403/02/01");
    add(&l, 4, "1402/03/01", true); // applicant since admitted
    holding(&l, "4", "3", "3000000", "1402/03/01");
    ok(&l, &["member", "activate", "--member", "4", "--date", "1402/04/10"]);
    add(&l, 5, "1399/05/01", false); // withdrew; one share refunded
    holding(&l, "5", "4", "4000000", "1399/05/01");
    ok(&l, &["member", "exit", "--member", "5", "--reason", "withdrawal", "--date", "1403/06/01"]);
    ok(&l, &["share", "refund", "--member", "5", "--shares", "1", "--date", "1403/06/02"]);
    add(&l, 6, "1399/06/01", false); // expelled after two warnings
    holding(&l, "6", "2", "1000000", "1399/06/01");
    ok(&l, &["member", "warn", "--member", "6", "--date", "1402/01/10", "--note", "بدهی سهام"]);
    ok(&l, &["member", "warn", "--member", "6", "--date", "1402/03/10", "--note", "بدهی سهام"]);
    ok(
        &l,
        &[
            "member",
            "exit",
            "--member",
            "6",
            "--reason",
            "expulsion",
            "--date",
            "1403/01/10",
            "--resolution",
            "۱۴۰۳/۱۲",
        ],
    );
    add(&l, 7, "1399/07/01", false); // deceased, nothing held
    ok(
        &l,
        &["member", "exit", "--member", "7", "--reason", "death", "--date", "1403/03/01", "--heir", "وارث"],
    );
    l
}

/// The member register and each member's share balance, as the projections hold them.
fn projections(l: &Ledger) -> String {
    let run = l.sqlite3(
        "SELECT membership_no, kind, first_name, last_name, national_code, legal_id, particulars, status, joined, \
         exit_date, exit_reason, admitted_as_applicant, activated_on FROM member ORDER BY membership_no; \
         SELECT membership_no, SUM(shares), SUM(subscribed), SUM(paid) FROM share_line \
         GROUP BY membership_no ORDER BY membership_no;",
    );
    assert_eq!(run.code, 0, "{run:?}");
    run.stdout
}

#[test]
fn the_member_register_with_every_standing_imports_back_into_an_empty_ledger_the_same() {
    let source = every_standing();
    let before = projections(&source);
    assert!(before.contains("|applicant|2024-04-20|||1|"), "an applicant stands in the source: {before}");
    assert!(before.contains("|active|2023-05-22|||1|2023-07-01"), "an admitted applicant too: {before}");
    for file in ["members.xlsx", "members.csv"] {
        let path = source.dir().join(file);
        let written = ok(&source, &["export", "members", "--to", path.to_str().unwrap()]);
        assert_eq!(written["rows"], 7);
        let fresh = empty_with_statute();
        let done = ok(&fresh, &["member", "import", "--from", path.to_str().unwrap()]);
        assert_eq!((done["good"].as_u64(), done["bad"].as_u64()), (Some(7), Some(0)), "{file}");
        assert_eq!(projections(&fresh), before, "{file}: the same members, standings and balances");
        assert_eq!(fresh.cli(&["verify"]).code, 0);
    }
}

#[test]
fn a_sheet_whose_standing_contradicts_itself_is_refused_and_nothing_is_written() {
    let l = empty_with_statute();
    let sheet = l.dir().join("members.csv");
    let (a, b, c) = (national_code(200_000_001), national_code(200_000_002), national_code(200_000_003));
    let text = format!(
        "نام,نام خانوادگی,کد ملی,تاریخ عضویت,وضعیت,تاریخ پذیرش,تاریخ خروج\n\
         الف,یک,{a},1400/01/01,متقاضی,1400/02/01,\n\
         ب,دو,{b},1400/01/01,درگذشته,,\n\
         پ,سه,{c},1400/01/01,بازنشسته,,\n"
    );
    std::fs::write(&sheet, text).unwrap();
    let before = l.fingerprint();
    let run = l.cli(&["--json", "member", "import", "--from", sheet.to_str().unwrap()]);
    assert_ne!(run.code, 0);
    let preview = ok(&l, &["member", "import", "--from", sheet.to_str().unwrap(), "--dry-run"]);
    let codes: Vec<Vec<(String, String)>> = preview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e["field"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
                .collect()
        })
        .collect();
    let pair = |f: &str, c: &str| vec![(f.to_owned(), c.to_owned())];
    assert_eq!(
        codes,
        [
            pair("activated_on", "import_format"),
            pair("exit_date", "required"),
            pair("status", "import_format")
        ]
    );
    assert_eq!(l.fingerprint(), before, "a refused sheet leaves the ledger byte for byte");
}

/// Each sheet of an XLSX: its name and cells.
fn workbook(path: &Path) -> Vec<(String, calamine::Range<Data>)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names().into_iter().map(|n| (n.clone(), book.worksheet_range(&n).unwrap())).collect()
}

/// Whether every sheet of the XLSX is set right to left.
fn right_to_left(path: &Path) -> bool {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(String::from)
        .collect();
    !names.is_empty()
        && names.iter().all(|n| {
            let mut xml = String::new();
            zip.by_name(n).unwrap().read_to_string(&mut xml).unwrap();
            xml.contains("rightToLeft=\"1\"")
        })
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

fn is_jalali(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 10
        && b[4] == b'/'
        && b[7] == b'/'
        && s.starts_with("1")
        && s.chars().filter(char::is_ascii_digit).count() == 8
}

/// Writes an export as XLSX and CSV; checks what both always hold; returns the workbook.
fn export_both(l: &Ledger, args: &[&str], stem: &str) -> Vec<(String, calamine::Range<Data>)> {
    let xlsx = l.dir().join(format!("{stem}.xlsx"));
    ok(l, &[args, &["--to", xlsx.to_str().unwrap()]].concat());
    assert!(right_to_left(&xlsx), "{stem}: every sheet right to left");
    let csv = l.dir().join(format!("{stem}.csv"));
    ok(l, &[args, &["--to", csv.to_str().unwrap()]].concat());
    let bytes = std::fs::read(&csv).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "{stem}: a BOM, so Excel reads the Persian");
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(records.len() > 1, "{stem}: the CSV parses, with rows");
    let names: Vec<String> = std::fs::read_dir(l.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(names.is_empty(), "no temporary left behind: {names:?}");
    workbook(&xlsx)
}

fn demo() -> Ledger {
    let l = Ledger::new();
    ok(&l, &["init", "--demo"]);
    l
}

#[test]
fn the_share_register_exports_with_headers_dates_and_exact_rials() {
    let l = demo();
    let register = ok(&l, &["register"]);
    let book = export_both(&l, &["export", "register"], "register");
    let (name, cells) = &book[0];
    assert_eq!(name, "دفتر سهام");
    let header: Vec<String> = cells.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(&header[..3], ["شماره عضویت", "نام", "کد ملی / شناسه ملی"]);
    assert!(header.contains(&"پرداخت‌شده (ریال)".to_owned()));
    let paid_col = header.iter().position(|h| h == "پرداخت‌شده (ریال)").unwrap();
    let rows: Vec<&[Data]> = cells.rows().skip(1).collect();
    let total = rows.last().unwrap();
    assert_eq!(text(&total[0]), "جمع");
    let paid: i64 = register
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["paid"].as_str().unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(total[paid_col], Data::Float(paid as f64), "the total paid, to the rial");
    assert!(rows.iter().any(|r| is_jalali(&text(&r[header.len() - 1]))), "a certificate's Jalali issue day");
}

#[test]
fn a_statement_exports_the_member_and_every_entry() {
    let l = demo();
    let statement = ok(&l, &["statement", "--member", "1"]);
    let book = export_both(&l, &["export", "statement", "--member", "1"], "statement");
    assert_eq!(book.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["عضو", "صورت‌حساب"]);
    let entries = &book[1].1;
    let header: Vec<String> = entries.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(&header[..3], ["ردیف", "تاریخ", "شرح"]);
    let lines = statement["entries"].as_array().unwrap();
    assert_eq!(entries.rows().count(), lines.len() + 2, "the header, every entry, the totals");
    let first = entries.rows().nth(1).unwrap();
    assert!(is_jalali(&text(&first[1])), "{:?}", first[1]);
    let subscribed = &lines[0]["line"]["subscribed"];
    let subscribed: i64 = subscribed.as_i64().or_else(|| subscribed.as_str()?.parse().ok()).unwrap();
    assert_eq!(first[4], Data::Float(subscribed as f64));
    let refused = l.cli(&["--json", "export", "statement", "--member", "999", "--to", "/tmp/never.xlsx"]);
    assert_ne!(refused.code, 0);
    assert_eq!(refused.json()["code"], "unknown_member");
}

#[test]
fn meetings_export_as_a_list_and_one_meeting_as_sheets() {
    let l = demo();
    let list = export_both(&l, &["export", "meetings"], "meetings");
    let cells = &list[0].1;
    let header: Vec<String> = cells.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(&header[..4], ["شماره", "نوع جلسه", "نوبت", "تاریخ"]);
    let first = cells.rows().nth(1).expect("the demo has meetings");
    assert!(is_jalali(&text(&first[3])));
    let number = text(&first[0]);
    let one = export_both(&l, &["export", "meetings", "--meeting", &number], "meeting");
    assert_eq!(one.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["جلسه", "حضور و غیاب", "مصوبات"]);
}

#[test]
fn a_periods_production_exports_entries_months_and_products() {
    let l = demo();
    let first = l.sqlite3("SELECT MAX(date) FROM production_entry;");
    let day = ok(&l, &["date", first.stdout.trim()]);
    let year = day["jalali"].as_str().unwrap()[..4].to_owned();
    let summary = ok(&l, &["production", "summary", "--period", &year]);
    let book = export_both(&l, &["export", "production", "--period", &year], "production");
    assert_eq!(
        book.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["ثبت‌های تولید", "خلاصه ماهانه", "به تفکیک کالا"]
    );
    let entries = &book[0].1;
    assert!(is_jalali(&text(&entries.rows().nth(1).expect("entries")[0])));
    let months = &book[1].1;
    let total = months.rows().next_back().unwrap();
    let value: i64 = summary["total_value"].as_str().unwrap().parse().unwrap();
    assert_eq!((text(&total[0]), &total[2]), ("جمع".to_owned(), &Data::Float(value as f64)));
    let products = &book[2].1;
    assert_eq!(products.rows().next_back().unwrap()[4], Data::Float(value as f64));
}
