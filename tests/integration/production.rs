//! Production through the real `hamyar-cli` on a real SQLite file: the CLI contract of the issue
//! (`product add`, `production add`, `production summary`), imports from CSV and XLSX committed
//! all-or-nothing, and refusals that exit 2 with their code and leave the file untouched.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hamyar_integration::Ledger;
use rust_xlsxwriter::Workbook;

fn ledger() -> Ledger {
    let l = Ledger::new();
    // An empty ledger with one member (the demo brings its own products).
    assert_eq!(l.cli(&["init"]).code, 0);
    let member = l.cli(&[
        "member",
        "add",
        "--first-name",
        "مریم",
        "--last-name",
        "احمدی",
        "--national-code",
        "0499370899",
    ]);
    assert_eq!(member.code, 0, "{member:?}");
    let cloth = l.cli(&["--json", "product", "add", "--name", "پارچه کتان", "--unit", "kilogram"]);
    assert_eq!(cloth.json()["id"], 1, "{cloth:?}");
    let shoes = l.cli(&["--json", "product", "add", "--name", "کفش چرمی", "--unit", "جفت"]);
    assert_eq!(shoes.json()["id"], 2, "{shoes:?}");
    l
}

fn summary(l: &Ledger, period: &str) -> serde_json::Value {
    let run = l.cli(&["--json", "production", "summary", "--period", period]);
    assert_eq!(run.code, 0, "{run:?}");
    run.json()
}

#[test]
fn the_cli_contract_records_and_sums_by_jalali_period() {
    let l = ledger();
    let add = |date: &str, product: &str, q: &str, v: &str| {
        let run = l.cli(&[
            "--json",
            "production",
            "add",
            "--date",
            date,
            "--product",
            product,
            "--quantity",
            q,
            "--unit-value",
            v,
        ]);
        assert_eq!(run.code, 0, "{run:?}");
        run.json()
    };
    add("1403/12/30", "1", "12.5", "400000");
    add("1404/01/01", "2", "۳", "2000000");
    let with_worker = l.cli(&[
        "--json",
        "production",
        "add",
        "--date",
        "1403/12/01",
        "--product",
        "1",
        "--quantity",
        "2",
        "--unit-value",
        "400000",
        "--workshop",
        "خط ۱",
        "--member",
        "1",
        "--hours",
        "7.5",
    ]);
    assert_eq!(with_worker.json()["workers"][0]["hours"], "7.5");

    let esfand = summary(&l, "1403-12");
    assert_eq!(esfand["period"], "1403-12");
    assert_eq!((esfand["from"].as_str(), esfand["to"].as_str()), (Some("2025-02-19"), Some("2025-03-20")));
    assert_eq!(esfand["products"][0]["product"], 1);
    assert_eq!(esfand["products"][0]["quantity"], "14.5");
    assert_eq!(esfand["products"][0]["value"], "5800000");
    assert_eq!(esfand["total_value"], "5800000");
    assert_eq!(summary(&l, "1404-Q1")["total_value"], "6000000");
    assert_eq!(summary(&l, "1403")["total_value"], "5800000");
    assert_eq!(l.cli(&["verify"]).code, 0);
}

#[test]
fn refusals_exit_2_with_their_code_and_change_nothing() {
    let l = ledger();
    let before = l.fingerprint();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "production",
                "add",
                "--date",
                "1404/01/01",
                "--product",
                "9",
                "--quantity",
                "1",
                "--unit-value",
                "1",
            ],
            "unknown_product",
        ),
        (
            &[
                "production",
                "add",
                "--date",
                "1404/01/01",
                "--product",
                "1",
                "--quantity=-1",
                "--unit-value",
                "1",
            ],
            "quantity_must_be_positive",
        ),
        (
            &[
                "production",
                "add",
                "--date",
                "1404/01/01",
                "--product",
                "2",
                "--quantity",
                "0.5",
                "--unit-value",
                "1",
            ],
            "quantity_not_whole",
        ),
        (
            &[
                "production",
                "add",
                "--date",
                "1404/01/01",
                "--product",
                "1",
                "--quantity",
                "1",
                "--unit-value",
                "1",
                "--unit",
                "meter",
            ],
            "unit_mismatch",
        ),
        (&["production", "summary", "--period", "1403-13"], "period_format"),
        (&["product", "add", "--name", "پارچه کتان", "--unit", "kg"], "duplicate_product_name"),
        (&["product", "add", "--name", "x", "--unit", "furlong"], "unit_unknown"),
        (
            &["workforce", "set", "--month", "1404-01", "--members", "2", "--women", "3"],
            "headcount_inconsistent",
        ),
        (
            &[
                "sales",
                "add",
                "--date",
                "1404/01/01",
                "--product",
                "1",
                "--quantity",
                "1",
                "--value",
                "10",
                "--destination",
                "عراق",
            ],
            "export_needs_destination",
        ),
    ];
    for (args, code) in cases {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        let run = l.cli(&full);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        let e = run.json();
        let got = if e["code"] == "validation_failed" {
            e["details"]["fields"][0]["code"].clone()
        } else {
            e["code"].clone()
        };
        assert_eq!(got, *code, "{args:?}: {e}");
        assert!(l.fingerprint() == before, "{args:?} changed the file");
    }
    // A closed period refuses what would be dated inside it.
    assert_eq!(l.cli(&["period", "close", "--through", "1403/12/30", "--note", "بستن سال"]).code, 0);
    let before = l.fingerprint();
    let run = l.cli(&[
        "--json",
        "production",
        "add",
        "--date",
        "1403/12/30",
        "--product",
        "1",
        "--quantity",
        "1",
        "--unit-value",
        "1",
    ]);
    assert_eq!((run.code, run.json()["code"].as_str()), (2, Some("period_closed")));
    assert!(l.fingerprint() == before);
}

#[test]
fn a_csv_import_is_all_or_nothing_and_names_each_bad_row() {
    let l = ledger();
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "\u{FEFF}تاریخ,کالا,مقدار,فی,واحد\n1404/01/05,پارچه کتان,۱۰,۴۰۰۰۰۰,کیلوگرم\n1404/01/05,کالای ناشناس,1,1,\n1404/01/06,2,1.5,2000000,\n1404/01/07,1,1,1,متر\n",
    )
    .unwrap();
    let before = l.fingerprint();
    let preview = l.cli(&["--json", "production", "import", "--from", bad.to_str().unwrap(), "--dry-run"]);
    assert_eq!(preview.code, 0, "{preview:?}");
    let p = preview.json();
    assert_eq!((p["good"].as_u64(), p["bad"].as_u64()), (Some(1), Some(3)));
    let reasons: Vec<(u64, String)> = p["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["errors"].as_array().unwrap().is_empty())
        .map(|r| (r["row"].as_u64().unwrap(), r["errors"][0]["code"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(
        reasons,
        [(3, "unknown_product".to_owned()), (4, "quantity_not_whole".into()), (5, "unit_mismatch".into())]
    );
    let commit = l.cli(&["--json", "production", "import", "--from", bad.to_str().unwrap()]);
    assert_eq!((commit.code, commit.json()["code"].as_str()), (2, Some("import_rows_invalid")));
    assert!(l.fingerprint() == before, "a refused import wrote something");

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "date;product;quantity;unit value\n2025-03-25;1;10;400000\n2025-03-26;کفش چرمی;2;2000000\n",
    )
    .unwrap();
    let done = l.cli(&["--json", "production", "import", "--from", good.to_str().unwrap()]);
    assert_eq!(done.code, 0, "{done:?}");
    assert_eq!(
        (done.json()["recorded"].as_u64(), done.json()["total_value"].as_str()),
        (Some(2), Some("8000000"))
    );
    assert_eq!(summary(&l, "1404-01")["total_value"], "8000000");
}

#[test]
fn an_xlsx_import_reads_persian_headers_numbers_and_excel_dates() {
    let l = ledger();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("تولید.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["تاریخ", "کالا", "مقدار", "ارزش واحد", "کارگاه", "عضو", "ساعت"].iter().enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "۱۴۰۴/۰۱/۱۰").unwrap();
    sheet.write_string(1, 1, "پارچه کتان").unwrap();
    sheet.write_number(1, 2, 12.25).unwrap();
    sheet.write_number(1, 3, 400000.0).unwrap();
    sheet.write_string(1, 4, "خط ۲").unwrap();
    sheet.write_number(1, 5, 1.0).unwrap();
    sheet.write_number(1, 6, 8.0).unwrap();
    // An Excel date cell: serial 45747 = 2025-03-31 (1404/01/11).
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_number_with_format(2, 0, 45747.0, &format).unwrap();
    sheet.write_number(2, 1, 2.0).unwrap();
    sheet.write_number(2, 2, 3.0).unwrap();
    sheet.write_number(2, 3, 2000000.0).unwrap();
    book.save(&path).unwrap();

    let done = l.cli(&["--json", "production", "import", "--from", path.to_str().unwrap()]);
    assert_eq!(done.code, 0, "{done:?}");
    assert_eq!(done.json()["total_value"], "10900000");
    let list = l.cli(&["--json", "production", "list", "--from", "1404/01/01", "--to", "1404/01/31"]).json();
    let rows: Vec<(String, String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_owned(),
                e["quantity"].as_str().unwrap().to_owned(),
                e["value"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2025-03-30".into(), "12.25".into(), "4900000".into()),
            ("2025-03-31".into(), "3".into(), "6000000".into())
        ]
    );
    assert_eq!(list[0]["workers"][0]["membership_no"], 1);
    assert_eq!(list[0]["workshop"], "خط 2");
}
