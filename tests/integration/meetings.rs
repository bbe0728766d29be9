//! Meetings through the real `hamyar-cli` on a real SQLite file: the CLI contract
//! (`meeting create|notice|proxy|checkin|quorum|resolve|elect|minutes|list`), and refusals that
//! exit 2 with their code and leave the file untouched.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hamyar_integration::Ledger;

/// `days` before today in Tehran (UTC+03:30), ISO, computed by sqlite3 from the clock.
fn days_ago(l: &Ledger, days: i64) -> String {
    l.sqlite3(&format!("SELECT date('now', '+210 minutes', '-{days} days')")).stdout.trim().to_owned()
}

fn code_of(run: &hamyar_integration::Run) -> String {
    let e = run.json();
    let code = if e["code"] == "validation_failed" { &e["details"]["fields"][0]["code"] } else { &e["code"] };
    code.as_str().unwrap_or_default().to_owned()
}

#[test]
fn an_assembly_through_the_cli_contract() {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    let today = days_ago(&l, 0);
    let published = days_ago(&l, 25);
    let created = l.cli(&[
        "--json",
        "meeting",
        "create",
        "--kind",
        "ordinary",
        "--date",
        &today,
        "--elections",
        "--agenda",
        "تصویب صورت‌های مالی",
        "--agenda",
        "انتخابات",
    ]);
    assert_eq!(created.code, 0, "{created:?}");
    let id = created.json()["id"].as_u64().unwrap().to_string();

    // The second call of a meeting that has not failed is refused, and nothing is written.
    let before = l.fingerprint();
    let second = l.cli(&[
        "--json",
        "meeting",
        "create",
        "--kind",
        "ordinary",
        "--date",
        &today,
        "--call",
        "2",
        "--previous",
        &id,
    ]);
    assert_eq!((second.code, code_of(&second).as_str()), (2, "previous_call_required"));
    let too_late = l.cli(&[
        "--json",
        "meeting",
        "notice",
        "--meeting",
        &id,
        "--published",
        &days_ago(&l, 41),
        "--channel",
        "newspaper",
    ]);
    assert_eq!((too_late.code, code_of(&too_late).as_str()), (2, "notice_too_long"));
    assert!(l.fingerprint() == before, "a refusal wrote to the ledger");

    let noticed = l.cli(&[
        "--json",
        "meeting",
        "notice",
        "--meeting",
        &id,
        "--published",
        &published,
        "--channel",
        "newspaper",
    ]);
    assert_eq!(noticed.code, 0, "{noticed:?}");
    for principal in ["7", "8", "9"] {
        let p = l.cli(&[
            "--json",
            "meeting",
            "proxy",
            "--meeting",
            &id,
            "--principal",
            principal,
            "--holder",
            "1",
        ]);
        assert_eq!(p.code, 0, "{p:?}");
    }
    let fourth =
        l.cli(&["--json", "meeting", "proxy", "--meeting", &id, "--principal", "6", "--holder", "1"]);
    assert_eq!((fourth.code, code_of(&fourth).as_str()), (2, "proxy_limit_exceeded"));
    let outsider = l.cli(&[
        "--json",
        "meeting",
        "proxy",
        "--meeting",
        &id,
        "--principal",
        "6",
        "--holder-name",
        "علی نوری",
    ]);
    assert_eq!(outsider.code, 0, "{outsider:?}");

    for member in ["1", "2"] {
        assert_eq!(l.cli(&["meeting", "checkin", "--meeting", &id, "--member", member]).code, 0);
    }
    let q = l.cli(&["--json", "meeting", "quorum", "--meeting", &id]).json();
    assert_eq!((q["present"].as_u64(), q["by_proxy"].as_u64()), (Some(5), Some(3)));
    let required = q["required"].as_u64().unwrap();
    assert_eq!(q["met"], serde_json::json!(5 >= required));
    let resolved = l.cli(&[
        "--json",
        "meeting",
        "resolve",
        "--meeting",
        &id,
        "--text",
        "تصویب",
        "--yes",
        "4",
        "--no",
        "1",
        "--abstain",
        "0",
    ]);
    assert_eq!(resolved.code, 0, "{resolved:?}");
    assert_eq!(resolved.json()["passed"], true);
    let split = l.cli(&[
        "--json",
        "meeting",
        "resolve",
        "--meeting",
        &id,
        "--text",
        "افزایش سرمایه",
        "--yes",
        "2",
        "--no",
        "2",
        "--abstain",
        "1",
    ]);
    assert_eq!(split.json()["passed"], false);
    let elected = l.cli(&[
        "--json",
        "meeting",
        "elect",
        "--meeting",
        &id,
        "--body",
        "board",
        "--seats",
        "3",
        "--alternates",
        "1",
        "--ballots",
        "5",
        "--candidate",
        "1:5",
        "--candidate",
        "2:4",
        "--candidate",
        "3:3",
        "--candidate",
        "4:1",
    ]);
    assert_eq!(elected.code, 0, "{elected:?}");
    assert_eq!(elected.json()["result"]["alternates"][0]["membership_no"], 4);
    let minutes = l.cli(&[
        "--json",
        "meeting",
        "minutes",
        "--meeting",
        &id,
        "--chair",
        "مریم احمدی",
        "--secretary",
        "رضا کریمی",
    ]);
    assert_eq!(minutes.code, 0, "{minutes:?}");
    assert_eq!(minutes.json()["meeting"]["stage"], "minuted");
    let list = l.cli(&["--json", "meeting", "list"]).json();
    assert_eq!(list[0]["stage"], "minuted");
    assert_eq!(l.cli(&["verify"]).code, 0);
}
