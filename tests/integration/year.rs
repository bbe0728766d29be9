//! Year-end through the real `hamyar-cli` on the demo cooperative: the CLI contract
//! (`year propose|close|approve`), the parts adding up to the net result exactly, approval through
//! the demo's 1404 annual assembly with everything capitalised, the XLSX payment list, `verify`,
//! and refusals that exit 2 with their code and leave the file untouched.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hamyar_integration::Ledger;

fn code_of(run: &hamyar_integration::Run) -> String {
    let e = run.json();
    let code = if e["code"] == "validation_failed" { &e["details"]["fields"][0]["code"] } else { &e["code"] };
    code.as_str().unwrap_or_default().to_owned()
}

fn amount(v: &serde_json::Value) -> i64 {
    v.as_str().expect("amounts are strings").parse().expect("integer rials")
}

fn refused(l: &Ledger, args: &[&str], code: &str) {
    let before = l.fingerprint();
    let run = l.cli(args);
    assert_eq!(run.code, 2, "{args:?}: {run:?}");
    assert_eq!(code_of(&run), code, "{args:?}");
    assert!(l.fingerprint() == before, "{args:?}: a refusal changed the file");
}

#[test]
fn the_demo_year_closed_proposed_and_approved() {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    let net = "2450000000";
    let proposed = l.cli(&["--json", "year", "propose", "--year", "1404", "--net-result", net]);
    assert_eq!(proposed.code, 0, "{proposed:?}");
    let p = proposed.json();
    let parts = p["parts"].as_array().expect("parts");
    let kinds: Vec<&str> = parts.iter().map(|x| x["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "legal_reserve",
            "precautionary_reserve",
            "cooperation_fund",
            "bonuses",
            "return_on_shares",
            "surplus_by_work",
            "rounding"
        ]
    );
    assert_eq!(parts.iter().map(|x| amount(&x["amount"])).sum::<i64>(), 2_450_000_000);
    assert_eq!(amount(&parts[0]["amount"]), 122_500_000, "5% legal reserve");
    let members = p["members"].as_array().expect("members");
    let sum = |key: &str| members.iter().map(|m| amount(&m[key])).sum::<i64>();
    assert_eq!(sum("return_on_shares"), amount(&parts[4]["amount"]));
    assert_eq!(sum("surplus_by_work"), amount(&parts[5]["amount"]));
    assert!(members.iter().all(|m| amount(&m["total"]) >= 0));
    // Members 1–6 worked in 1404 (the demo's production entries); 7–9 only hold shares.
    let worked: Vec<u64> = members
        .iter()
        .filter(|m| amount(&m["surplus_by_work"]) > 0)
        .map(|m| m["member"].as_u64().unwrap())
        .collect();
    assert_eq!(worked, [1, 2, 3, 4, 5, 6]);

    refused(
        &l,
        &["--json", "year", "approve", "--year", "1404", "--meeting", "2", "--resolution", "2"],
        "year_not_closed",
    );
    refused(&l, &["--json", "year", "close", "--year", "1405", "--net-result", net], "year_not_ended");
    refused(&l, &["--json", "year", "close", "--year", "1404", "--net-result", "سود"], "number_format");

    let closed =
        l.cli(&["--json", "year", "close", "--year", "1404", "--net-result", net, "--note", "حسابرس"]);
    assert_eq!(closed.code, 0, "{closed:?}");
    // The closed year's proposal is the same as the one computed before the close.
    let again = l.cli(&["--json", "year", "propose", "--year", "1404"]);
    assert_eq!(again.json()["parts"], p["parts"]);
    assert_eq!(again.json()["members"], p["members"]);

    refused(
        &l,
        &["--json", "year", "approve", "--year", "1404", "--meeting", "1", "--resolution", "1"],
        "approval_meeting_invalid",
    );
    refused(
        &l,
        &["--json", "year", "approve", "--year", "1404", "--meeting", "2", "--resolution", "7"],
        "approval_resolution_invalid",
    );
    refused(
        &l,
        &[
            "--json",
            "year",
            "approve",
            "--year",
            "1404",
            "--meeting",
            "2",
            "--resolution",
            "2",
            "--bonuses-pct",
            "9",
        ],
        "distribution_pct_out_of_bounds",
    );
    let approved = l.cli(&[
        "--json",
        "year",
        "approve",
        "--year",
        "1404",
        "--meeting",
        "2",
        "--resolution",
        "2",
        "--capitalise",
        "all",
    ]);
    assert_eq!(approved.code, 0, "{approved:?}");
    let a = approved.json();
    let new_shares: u64 =
        a["payouts"].as_array().unwrap().iter().map(|x| x["new_shares"].as_u64().unwrap()).sum();
    assert!(new_shares > 0);
    let register = l.cli(&["--json", "register"]).json();
    let held: u64 = register.as_array().unwrap().iter().map(|r| r["shares"].as_u64().unwrap()).sum();
    assert_eq!(held, 124 + new_shares);
    refused(
        &l,
        &["--json", "year", "approve", "--year", "1404", "--meeting", "2", "--resolution", "2"],
        "year_already_approved",
    );

    let xlsx = l.dir().join("payments.xlsx");
    let written = l.cli(&["--json", "year", "payments", "--year", "1404", "--xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(written.code, 0, "{written:?}");
    assert_eq!(written.json()["rows"], 9);
    let show = l.cli(&["--json", "year", "show", "--year", "1404"]).json();
    assert_eq!(show["year"]["status"], "approved");
    assert_eq!(l.cli(&["verify"]).code, 0);
}
