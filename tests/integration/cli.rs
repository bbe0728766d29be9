//! `hamyar-cli` end to end on real SQLite files: the contract scripts and later issues rely on.

use hamyar_integration::{Ledger, cli_binary, run};
use std::process::Command;

const FULL_PROFILE: &[&str] = &[
    "profile",
    "set",
    "--name",
    "شركت تعاوني توليدي بلبرینگ ایمن",
    "--legal-id",
    "۱۰۳۸۰۲۸۴۷۹۰",
    "--registration-number",
    "۸۸۲۱",
    "--registration-date",
    "١٣٩٥/٠٣/١٥",
    "--kind",
    "production",
    "--province",
    "tehran",
    "--city",
    "تهران",
    "--address",
    "جاده مخصوص کرج، کیلومتر ۱۲",
    "--postal-code",
    "1193653471",
    "--phone",
    "+98 21 4455 6677",
    "--fiscal-year-start",
    "۰۱/۰۱",
];

#[test]
fn init_creates_a_ledger_and_reports_it() {
    let ledger = Ledger::new();
    let run = ledger.cli(&["--json", "init"]);
    assert_eq!(run.code, 0, "{run:?}");
    let info = run.json();
    assert_eq!(info["schema_version"], 10);
    assert!(ledger.database().exists());
    // Opening again keeps the device.
    let again = ledger.cli(&["--json", "init"]).json();
    assert_eq!(again["device_id"], info["device_id"]);
}

#[test]
fn demo_fills_an_empty_ledger_and_is_refused_after() {
    let ledger = Ledger::new();
    assert_eq!(ledger.cli(&["init", "--demo"]).code, 0);
    let show = ledger.cli(&["--json", "profile", "show"]);
    assert_eq!(show.code, 0, "{show:?}");
    assert_eq!(show.json()["city"], "اراک");
    let again = ledger.cli(&["--json", "init", "--demo"]);
    assert_eq!(again.code, 2, "{again:?}");
    assert_eq!(again.json()["code"], "demo_needs_empty_database");
}

#[test]
fn profile_set_normalises_and_show_reads_it_back() {
    let ledger = Ledger::new();
    let set = ledger.cli(&[&["--json"], FULL_PROFILE].concat());
    assert_eq!(set.code, 0, "{set:?}");
    let shown = ledger.cli(&["--json", "profile", "show"]).json();
    assert_eq!(shown["name"], "شرکت تعاونی تولیدی بلبرینگ ایمن");
    assert_eq!(shown["legal_id"], "10380284790");
    assert_eq!(shown["registration_number"], "8821");
    assert_eq!(shown["registration_date"], "2016-06-04");
    assert_eq!(shown["phone"], "02144556677");
    assert_eq!(shown["event_id"], set.json()["event_id"]);
}

#[test]
fn a_partial_set_keeps_the_other_fields() {
    let ledger = Ledger::new();
    assert_eq!(ledger.cli(FULL_PROFILE).code, 0);
    let set = ledger.cli(&["--json", "profile", "set", "--city", "کرج", "--province", "alborz"]);
    assert_eq!(set.code, 0, "{set:?}");
    let shown = ledger.cli(&["--json", "profile", "show"]).json();
    assert_eq!((shown["city"].as_str(), shown["province"].as_str()), (Some("کرج"), Some("alborz")));
    assert_eq!(shown["legal_id"], "10380284790");
}

#[test]
fn an_invalid_legal_id_exits_2_names_the_field_and_changes_nothing() {
    let ledger = Ledger::new();
    assert_eq!(ledger.cli(FULL_PROFILE).code, 0);
    let before = ledger.fingerprint();
    let run = ledger.cli(&["--json", "profile", "set", "--legal-id", "10380284791", "--city", "قم"]);
    assert_eq!(run.code, 2, "{run:?}");
    let err = run.json();
    assert_eq!(err["code"], "validation_failed");
    assert_eq!(err["details"]["fields"][0]["field"], "legal_id");
    assert_eq!(err["details"]["fields"][0]["code"], "legal_id_checksum");
    assert!(ledger.fingerprint() == before, "a refused set changed the database files");
    assert_eq!(ledger.cli(&["--json", "profile", "show"]).json()["city"], "تهران");
}

#[test]
fn a_first_set_missing_fields_lists_them_all() {
    let ledger = Ledger::new();
    let run = ledger.cli(&["--json", "profile", "set", "--name", "تعاونی"]);
    assert_eq!(run.code, 2);
    let fields: Vec<String> = run.json()["details"]["fields"]
        .as_array()
        .map(|a| a.iter().filter_map(|f| f["field"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    for f in ["legal_id", "registration_number", "registration_date", "kind", "province", "city", "phone"] {
        assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
    }
    let show = ledger.cli(&["--json", "profile", "show"]);
    assert_eq!((show.code, show.json()["code"].as_str()), (2, Some("not_found")));
}

#[test]
fn bad_fiscal_year_start_and_unknown_kind_are_rejected() {
    let ledger = Ledger::new();
    let run = ledger.cli(&["--json", "profile", "set", "--fiscal-year-start", "12/30"]);
    assert_eq!(run.code, 2);
    let run = ledger.cli(&["--json", "profile", "set", "--fiscal-year-start", "first of spring"]);
    assert_eq!(
        (run.code, run.json()["details"]["fields"][0]["field"].as_str()),
        (2, Some("fiscal_year_start"))
    );
    let run = ledger.cli(&["profile", "set", "--kind", "bakery"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn date_converts_both_ways_in_every_digit_form() {
    let ledger = Ledger::new();
    for input in ["1403/12/30", "۱۴۰۳/۱۲/۳۰", "١٤٠٣/١٢/٣٠", "2025-03-20"] {
        let run = ledger.cli(&["--json", "date", input]);
        assert_eq!(run.code, 0, "{run:?}");
        let v = run.json();
        assert_eq!(
            (v["iso"].as_str(), v["jalali"].as_str()),
            (Some("2025-03-20"), Some("1403/12/30")),
            "{input}"
        );
        assert_eq!(v["weekday"], "پنجشنبه");
    }
    let nowruz = ledger.cli(&["--json", "date", "2025-03-21"]).json();
    assert_eq!((nowruz["jalali"].as_str(), nowruz["weekday"].as_str()), (Some("1404/01/01"), Some("جمعه")));
}

#[test]
fn impossible_dates_exit_2_with_their_code() {
    let ledger = Ledger::new();
    for (input, code) in
        [("1404/12/30", "date_format"), ("tomorrow", "date_format"), ("1100/01/01", "date_out_of_range")]
    {
        let run = ledger.cli(&["--json", "date", input]);
        assert_eq!((run.code, run.json()["code"].as_str()), (2, Some(code)), "{input}");
    }
}

#[test]
fn the_data_folder_comes_from_the_environment_when_not_given() {
    let ledger = Ledger::new();
    let mut cmd = Command::new(cli_binary());
    cmd.args(["--json", "init"]).env("HAMYAR_DATA_DIR", ledger.dir());
    let out = run(cmd);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(ledger.database().exists());
}

#[test]
fn a_database_from_a_newer_hamyar_is_refused_clearly() {
    let ledger = Ledger::new();
    assert_eq!(ledger.cli(&["init"]).code, 0);
    assert_eq!(ledger.sqlite3("PRAGMA user_version = 99;").code, 0);
    let run = ledger.cli(&["--json", "verify"]);
    assert_eq!(run.code, 1, "{run:?}");
    let err = run.json();
    assert_eq!(err["code"], "database_newer_than_app");
    assert_eq!(err["details"]["found_version"], 99);
}

#[test]
fn verify_passes_on_a_fresh_and_a_used_ledger() {
    let ledger = Ledger::new();
    assert_eq!(ledger.cli(&["init", "--demo"]).code, 0);
    assert_eq!(ledger.cli(&["profile", "set", "--city", "ساوه"]).code, 0);
    let run = ledger.cli(&["--json", "verify"]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["ok"].as_bool(), Some(true));
    assert!(report["events_checked"].as_u64().is_some_and(|n| n > 10), "{report}");
}

#[test]
fn seed_fills_an_empty_ledger_once_through_the_real_use_cases() {
    let ledger = Ledger::new();
    let run = ledger.cli(&["--json", "seed", "--preset", "small", "--years", "1"]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["production_entries"], 365 * 5);
    assert_eq!(report["events"], 2 + 7 * 3 + 6 + 365 * 5);
    let verified = ledger.cli(&["--json", "verify"]);
    assert_eq!((verified.code, verified.json()["events_checked"].as_u64()), (0, report["events"].as_u64()));
    let before = ledger.fingerprint();
    let again = ledger.cli(&["--json", "seed", "--preset", "small"]);
    assert_eq!((again.code, again.json()["code"].as_str()), (2, Some("demo_needs_empty_database")));
    assert!(ledger.fingerprint() == before);
    let unknown = ledger.cli(&["--json", "seed", "--preset", "huge"]);
    assert_eq!(unknown.code, 2);
}
