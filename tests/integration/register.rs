//! The member register and share ledger through `hamyar-cli`, on real files.

use hamyar_integration::Ledger;

fn ledger_with_members() -> Ledger {
    let l = Ledger::new();
    let ok = |r: hamyar_integration::Run| assert_eq!(r.code, 0, "{r:?}");
    ok(l.cli(&[
        "statute",
        "set",
        "--par-value",
        "100000",
        "--max-member-capital-pct",
        "25",
        "--effective",
        "1400/01/01",
    ]));
    ok(l.cli(&[
        "member",
        "add",
        "--first-name",
        "علی",
        "--last-name",
        "کریمی",
        "--national-code",
        "۰۴۹۹۳۷۰۸۹۹",
        "--joined",
        "1400/02/01",
    ]));
    ok(l.cli(&[
        "member",
        "add",
        "--first-name",
        "رضا",
        "--last-name",
        "احمدی",
        "--national-code",
        "0076229645",
        "--joined",
        "1400/02/01",
    ]));
    l
}

#[test]
fn members_subscribe_pay_and_the_statement_adds_up() {
    let l = ledger_with_members();
    assert_eq!(
        l.cli(&["share", "subscribe", "--member", "1", "--shares", "10", "--date", "1404/01/10"]).code,
        0
    );
    assert_eq!(
        l.cli(&["share", "pay", "--member", "1", "--amount", "۴۰۰٬۰۰۰", "--date", "1404/01/11"]).code,
        0
    );
    let st = l.cli(&["--json", "statement", "--member", "1"]).json();
    assert_eq!(
        (st["shares"].as_i64(), st["paid"].as_str(), st["unpaid"].as_str()),
        (Some(10), Some("400000"), Some("600000"))
    );
    let reg = l.cli(&["--json", "register"]).json();
    assert_eq!(reg[0]["percent"], "100.00");
    assert_eq!(l.cli(&["verify"]).code, 0);
}

#[test]
fn refusals_exit_2_with_their_code_and_change_nothing() {
    let l = ledger_with_members();
    let before = l.fingerprint();
    let dup = l.cli(&[
        "--json",
        "member",
        "add",
        "--first-name",
        "x",
        "--last-name",
        "y",
        "--national-code",
        "0499370899",
    ]);
    assert_eq!(
        (dup.code, dup.json()["details"]["fields"][0]["code"].as_str()),
        (2, Some("duplicate_national_code"))
    );
    let t = l.cli(&[
        "--json",
        "share",
        "transfer",
        "--from",
        "1",
        "--to",
        "9",
        "--shares",
        "1",
        "--date",
        "1404/02/01",
        "--resolution",
        "R",
    ]);
    assert_eq!((t.code, t.json()["code"].as_str()), (2, Some("transferee_not_member")));
    let p = l.cli(&["--json", "share", "pay", "--member", "1", "--amount", "1000", "--date", "1404/02/01"]);
    assert_eq!((p.code, p.json()["code"].as_str()), (2, Some("payment_exceeds_unpaid")));
    let a = l.cli(&["--json", "statute", "set", "--par-value", "200000"]);
    assert_eq!((a.code, a.json()["details"]["fields"][0]["code"].as_str()), (2, Some("resolution_required")));
    assert!(l.fingerprint() == before, "a refusal changed the database");
}

#[test]
fn identifiers_are_checked_offline() {
    let l = Ledger::new();
    for (kind, value, code) in [
        ("national-code", "۰۴۹۹۳۷۰۸۹۹", 0),
        ("national-code", "1234567890", 2),
        ("legal-id", "10380284790", 0),
        ("legal-id", "10380284791", 2),
        ("sheba", "IR820540102680020817909002", 0),
        ("sheba", "IR820540102680020817909003", 2),
        ("mobile", "+98 912 123 4567", 0),
        ("mobile", "02188881234", 2),
        ("postal-code", "1193653471", 0),
        ("postal-code", "11936", 2),
    ] {
        assert_eq!(l.cli(&["--json", "check", kind, value]).code, code, "{kind} {value}");
    }
}

/// hledger, an independent tool, recomputes the demo cooperative's register from the export.
#[test]
fn hledger_balances_match_the_register() {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    let file = l.dir().join("shares.journal");
    let file_arg = file.to_str().unwrap_or_default().to_owned();
    assert_eq!(l.cli(&["export", "hledger", "--to", &file_arg]).code, 0);
    let mut cmd = std::process::Command::new("hledger");
    cmd.args(["-f", &file_arg, "balance", "--flat", "--no-total", "-O", "csv"]);
    let out = hamyar_integration::run(cmd);
    assert_eq!(out.code, 0, "{out:?}");
    let balance = |account: &str| -> i64 {
        out.stdout
            .lines()
            .find(|l| l.starts_with(&format!("\"{account}\"")))
            .and_then(|l| l.split(',').nth(1))
            .map(|v| v.trim_matches('"').trim_end_matches(" IRR").replace(',', ""))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let register = l.cli(&["--json", "register"]).json();
    let rows = register.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 10);
    let mut paid_total = 0;
    for row in rows {
        let no = row["membership_no"].as_u64().unwrap_or(0);
        let subscribed: i64 = row["subscribed"].as_str().and_then(|s| s.parse().ok()).unwrap_or(-1);
        let unpaid: i64 = row["unpaid"].as_str().and_then(|s| s.parse().ok()).unwrap_or(-1);
        paid_total += row["paid"].as_str().and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
        assert_eq!(balance(&format!("equity:capital:m{no:04}")), -subscribed, "capital of member {no}");
        assert_eq!(balance(&format!("assets:receivable:m{no:04}")), unpaid, "receivable of member {no}");
    }
    assert_eq!(balance("assets:cash"), paid_total);
}

#[test]
fn every_statute_parameter_has_its_option_and_amendments_need_a_resolution() {
    let l = Ledger::new();
    let first = l.cli(&[
        "--json",
        "statute",
        "set",
        "--par-value",
        "۱۰۰۰۰۰۰",
        "--ordinary-quorum-call1",
        ">1/2",
        "--legal-reserve-cap",
        "1/4",
        "--inspectors",
        "3",
        "--max-member-capital-pct",
        "22.5",
    ]);
    assert_eq!(first.code, 0, "{first:?}");
    let v = first.json();
    assert_eq!((v["version"].as_u64(), v["resolution"].is_null()), (Some(1), true));
    assert_eq!(v["values"]["ordinary_quorum_call1"]["strict"], true);
    assert_eq!(v["values"]["max_member_capital_pct"], "22.5");
    let help = l.cli(&["statute", "set", "--help"]).stdout;
    for option in ["--election-notice-min-days", "--extraordinary-majority", "--cooperation-education-pct"] {
        assert!(help.contains(option), "{option} missing from statute set --help");
    }
    let before = l.fingerprint();
    for args in [
        &["--json", "statute", "set", "--inspectors", "5"][..],
        &["--json", "statute", "set", "--inspectors", "2", "--resolution", "R-1"],
        &["--json", "statute", "set", "--legal-reserve-cap", "a quarter", "--resolution", "R-1"],
    ] {
        assert_eq!(l.cli(args).code, 2, "{args:?}");
    }
    assert!(l.fingerprint() == before, "a refused amendment changed the database");
    // An amendment may be scheduled: it binds events dated from its effective day on.
    let amended = l.cli(&[
        "--json",
        "statute",
        "set",
        "--inspectors",
        "5",
        "--resolution",
        "مصوبه ۳",
        "--effective",
        "2100-03-21",
    ]);
    assert_eq!((amended.code, amended.json()["version"].as_u64()), (0, Some(2)), "{amended:?}");
    assert_eq!(l.cli(&["--json", "statute", "show"]).json()["values"]["inspectors"], 3);
    assert_eq!(l.cli(&["--json", "statute", "show", "--at", "2100-04-01"]).json()["values"]["inspectors"], 5);
}
