//! Members and opening share balances from sheets, through the real `hamyar-cli`: the register
//! exported to XLSX and CSV and imported into an empty ledger comes back the same; every import
//! error kind is reported on its row, and a refused sheet leaves the file untouched.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hamyar_integration::Ledger;

/// (name, shares, subscribed, paid) per member, by name.
fn register(l: &Ledger) -> Vec<(String, u64, String, String)> {
    let rows = l.cli(&["--json", "register"]).json();
    let mut out: Vec<_> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_owned(),
                r["shares"].as_u64().unwrap(),
                r["subscribed"].as_str().unwrap().to_owned(),
                r["paid"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

/// An empty ledger with the demo's statute (par 1,000,000 rials, cap 25%) from 1398/05/12.
fn empty_with_statute() -> Ledger {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init"]).code, 0);
    let set = l.cli(&[
        "statute",
        "set",
        "--par-value",
        "1000000",
        "--max-member-capital-pct",
        "25",
        "--effective",
        "1398/05/12",
    ]);
    assert_eq!(set.code, 0, "{set:?}");
    l
}

#[test]
fn the_register_exported_imports_back_the_same() {
    let demo = Ledger::new();
    assert_eq!(demo.cli(&["init", "--demo"]).code, 0);
    for file in ["members.xlsx", "members.csv"] {
        let path = demo.dir().join(file);
        let written = demo.cli(&["--json", "member", "export", "--to", path.to_str().unwrap()]);
        assert_eq!(written.code, 0, "{written:?}");
        assert_eq!(written.json()["rows"], 10);
        if file.ends_with(".csv") {
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a BOM, so Excel reads the Persian");
        }
        let fresh = empty_with_statute();
        let dry = fresh.cli(&["--json", "member", "import", "--from", path.to_str().unwrap(), "--dry-run"]);
        assert_eq!(dry.code, 0, "{dry:?}");
        assert_eq!((dry.json()["good"].as_u64(), dry.json()["bad"].as_u64()), (Some(10), Some(0)));
        assert_eq!(
            fresh.cli(&["--json", "member", "list"]).json().as_array().map_or(0, Vec::len),
            0,
            "a dry run records nothing"
        );
        let done = fresh.cli(&["--json", "member", "import", "--from", path.to_str().unwrap()]);
        assert_eq!(done.code, 0, "{done:?}");
        // The applicant comes back as a member without shares: the sheet has no status column.
        assert_eq!(register(&fresh), register(&demo), "{file}");
        assert_eq!(fresh.cli(&["verify"]).code, 0);
    }
}

#[test]
fn every_error_kind_is_reported_on_its_row_and_nothing_is_written() {
    let l = empty_with_statute();
    let sheet = l.dir().join("members.csv");
    std::fs::write(
        &sheet,
        "نام,نام خانوادگی,کد ملی,تاریخ عضویت,تعداد سهام,مبلغ پرداخت‌شده\n\
         مریم,احمدی,0514395631,1398/05/12,20,20000000\n\
         رضا,کریمی,0514395632,1398/05/12,10,0\n\
         زهرا,موسوی,0514395631,1398/05/12,10,0\n\
         حسین,رضایی,0637825543,1398/۱۳/۴۰,10,0\n\
         فاطمه,حسینی,0711506310,1398/05/12,ده,0\n\
         علی,جعفری,0811759547,1398/05/12,5,پنج\n\
         نرگس,صادقی,0919611680,1398/05/12,10,0\n\
         مهدی,نوری,1216619131,1398/05/12,10,0\n\
         سمیرا,قاسمی,1311987029,1398/05/12,10,0\n\
         امیر,طاهری,1364834529,1398/05/12,10,0\n\
         رضا,کریمی,0522581765,1398/05/12,10,0\n\
         زینب,موسوی,0615140025,1398/05/12,10,0\n\
         نادر,بزرگ,0499370899,1398/05/12,400,0\n",
    )
    .unwrap();
    let before = l.fingerprint();
    let dry = l.cli(&["--json", "member", "import", "--from", sheet.to_str().unwrap(), "--dry-run"]);
    assert_eq!(dry.code, 0, "{dry:?}");
    let p = dry.json();
    let codes = |row: u64| -> Vec<String> {
        let r = p["rows"].as_array().unwrap().iter().find(|r| r["row"] == row).unwrap();
        r["errors"].as_array().unwrap().iter().map(|e| e["code"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(codes(2), Vec::<String>::new());
    assert_eq!(codes(3), ["national_code_checksum"]);
    assert_eq!(codes(4), ["duplicate_national_code"], "the same code twice in one sheet");
    assert_eq!(codes(5), ["date_format"]);
    assert_eq!(codes(6), ["number_format"]);
    assert_eq!(codes(7), ["number_format"]);
    assert_eq!(codes(14), ["share_cap_exceeded"], "400 of 500 shares is over the 25% cap");
    assert_eq!(p["bad"], 6);
    assert!(l.fingerprint() == before, "a dry run changed the file");

    let refused = l.cli(&["--json", "member", "import", "--from", sheet.to_str().unwrap()]);
    assert_eq!(refused.code, 2, "{refused:?}");
    assert_eq!(refused.json()["code"], "import_rows_invalid");
    assert!(l.fingerprint() == before, "a refused import changed the file");

    // A column Hamyar does not know is refused until it is mapped or ignored.
    let extra = l.dir().join("extra.csv");
    std::fs::write(&extra, "نام,نام خانوادگی,کد ملی,رنگ مو\nمریم,احمدی,0514395631,مشکی\n").unwrap();
    let unknown = l.cli(&["--json", "member", "import", "--from", extra.to_str().unwrap()]);
    assert_eq!(unknown.code, 2, "{unknown:?}");
    assert_eq!(unknown.json()["code"], "import_column_unknown");
    assert_eq!(unknown.json()["details"]["value"], "رنگ مو");
    assert!(l.fingerprint() == before);
    let mapped = l.cli(&[
        "--json",
        "member",
        "import",
        "--from",
        extra.to_str().unwrap(),
        "--map",
        "first_name,last_name,national_code,-",
    ]);
    assert_eq!(mapped.code, 0, "{mapped:?}");
    assert_eq!(l.cli(&["--json", "member", "list"]).json().as_array().map_or(0, Vec::len), 1);
}
