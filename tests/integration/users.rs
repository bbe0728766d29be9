//! Users and roles through the real `hamyar-cli` on a real file: accounts from stdin (never an
//! argument), writes need `--user` once users are on, reads do not, a clerk's share transfer and
//! every inspector write are refused with nothing written, and the journal records the author.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hamyar_integration::{Ledger, Run};

/// `hamyar-cli --data-dir DIR --json ARGS…` with `stdin` written to it and no password in the environment.
fn cli(l: &Ledger, args: &[&str], stdin: &str) -> Run {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    l.cli_with(&all, &[], stdin)
}

fn ok(run: &Run) -> serde_json::Value {
    assert_eq!(run.code, 0, "{run:?}");
    run.json()
}

fn refused(run: &Run, code: &str) {
    assert_eq!((run.code, run.json()["code"].as_str()), (2, Some(code)), "{run:?}");
}

const TRANSFER: &[&str] = &[
    "share",
    "transfer",
    "--from",
    "1",
    "--to",
    "3",
    "--shares",
    "1",
    "--date",
    "1405/08/01",
    "--resolution",
    "R",
];

/// The demo cooperative, then a board account `maryam`, a clerk `reza` and an inspector `sara`.
fn ledger() -> Ledger {
    let l = Ledger::new();
    ok(&cli(&l, &["init", "--demo"], ""));
    ok(&cli(
        &l,
        &["users", "add", "--username", "maryam", "--name", "مریم احمدی", "--role", "board"],
        "maryam-pass\n",
    ));
    let as_board = |args: &[&str], stdin: &str| {
        let mut all = vec!["--user", "maryam"];
        all.extend_from_slice(args);
        cli(&l, &all, stdin)
    };
    ok(&as_board(
        &["users", "add", "--username", "reza", "--name", "رضا کریمی", "--role", "clerk"],
        "maryam-pass\nreza-pass\n",
    ));
    ok(&as_board(
        &["users", "add", "--username", "sara", "--name", "سارا", "--role", "inspector"],
        "maryam-pass\nsara-pass\n",
    ));
    l
}

fn events(l: &Ledger) -> String {
    l.sqlite3("SELECT COUNT(*) FROM journal").stdout
}

#[test]
fn a_clerks_share_transfer_is_refused_and_the_file_is_unchanged() {
    let l = ledger();
    let before = l.fingerprint();
    let mut args = vec!["--user", "reza"];
    args.extend_from_slice(TRANSFER);
    let run = cli(&l, &args, "reza-pass\n");
    refused(&run, "role_forbidden");
    let details = &run.json()["details"];
    assert_eq!(
        (details["limit"].as_str(), details["value"].as_str()),
        (Some("clerk"), Some("share.transfer"))
    );
    assert!(l.fingerprint() == before, "a refused transfer changed the ledger file");
    // The board may.
    let mut args = vec!["--user", "maryam"];
    args.extend_from_slice(TRANSFER);
    ok(&cli(&l, &args, "maryam-pass\n"));
    let author = l.sqlite3("SELECT author FROM journal ORDER BY seq DESC LIMIT 1");
    assert_eq!(author.stdout.trim(), "maryam");
}

#[test]
fn with_users_on_writes_need_a_login_and_reads_do_not() {
    let l = ledger();
    let before = l.fingerprint();
    refused(&cli(&l, TRANSFER, ""), "login_required");
    refused(&cli(&l, &["product", "add", "--name", "دستکش", "--unit", "جفت"], ""), "login_required");
    assert!(l.fingerprint() == before);
    assert!(ok(&cli(&l, &["member", "list"], "")).as_array().is_some_and(|a| !a.is_empty()));
    // Unknown user and wrong password answer alike.
    refused(&cli(&l, &["--user", "reza", "member", "list"], "wrong-pass\n"), "login_failed");
    refused(&cli(&l, &["--user", "nobody", "member", "list"], "reza-pass\n"), "login_failed");
    // The password never travels as an argument: the environment works too.
    let args = ["--json", "--user", "reza", "product", "add", "--name", "دستکش", "--unit", "جفت"];
    ok(&l.cli_with(&args, &[("HAMYAR_PASSWORD", "reza-pass")], ""));
    assert_eq!(l.sqlite3("SELECT author FROM journal ORDER BY seq DESC LIMIT 1").stdout.trim(), "reza");
}

#[test]
fn an_inspector_cannot_write_through_the_cli() {
    let l = ledger();
    let before = l.fingerprint();
    let count = events(&l);
    for args in [
        TRANSFER,
        &["product", "add", "--name", "دستکش", "--unit", "جفت"][..],
        &["member", "warn", "--member", "2", "--date", "1405/08/01", "--note", "تذکر"][..],
        &["profile", "set", "--phone", "08633445577"][..],
    ] {
        let mut all = vec!["--user", "sara"];
        all.extend_from_slice(args);
        refused(&cli(&l, &all, "sara-pass\n"), "role_forbidden");
    }
    refused(&cli(&l, &["--user", "sara", "users", "deactivate", "reza"], "sara-pass\n"), "role_forbidden");
    assert!(l.fingerprint() == before, "an inspector's refused writes changed the file");
    assert_eq!(events(&l), count);
}

#[test]
fn the_last_board_account_stays_and_deactivated_users_cannot_log_in() {
    let l = ledger();
    refused(
        &cli(&l, &["--user", "maryam", "users", "deactivate", "maryam"], "maryam-pass\n"),
        "last_board_account",
    );
    refused(
        &cli(&l, &["--user", "maryam", "users", "set-role", "maryam", "clerk"], "maryam-pass\n"),
        "last_board_account",
    );
    ok(&cli(&l, &["--user", "maryam", "users", "deactivate", "reza"], "maryam-pass\n"));
    refused(&cli(&l, &["--user", "reza", "member", "list"], "reza-pass\n"), "account_inactive");
    let list = ok(&cli(&l, &["users", "list"], ""));
    let text = list.to_string();
    assert!(!text.contains("argon2") && !text.contains("pass"), "no hash or password is listed: {text}");
    // Short passwords are refused.
    refused(
        &cli(&l, &["--user", "maryam", "users", "passwd", "reza"], "maryam-pass\nshort\n"),
        "password_too_short",
    );
}
