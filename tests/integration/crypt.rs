//! Encryption at rest through the real `hamyar-cli` on real files: `encrypt`, every command
//! needing the passphrase (from HAMYAR_PASSPHRASE or `--passphrase-stdin`), a wrong one refused
//! with `passphrase_wrong` and the files unchanged, `sqlite3` unable to read the file, `rekey`,
//! `decrypt`, and encrypted backups restored only with their passphrase.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use hamyar_integration::{Ledger, Run};

const PASS: &str = "نگین اراک ۱۴۰۵";
const NAME: &str = "نگین اراک";

/// `hamyar-cli --data-dir DIR ARGS…` with `env` set and `stdin` written to it.
fn cli(l: &Ledger, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Run {
    l.cli_with(args, env, stdin)
}

fn code(run: &Run) -> String {
    run.json()["code"].as_str().unwrap_or_default().to_owned()
}

/// Every file of the data folder (recursively) with its bytes.
fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

fn encrypted_demo() -> Ledger {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    let done = cli(&l, &["--json", "encrypt"], &[("HAMYAR_PASSPHRASE", PASS)], "");
    assert_eq!(done.code, 0, "{done:?}");
    assert_eq!(done.json()["encrypted"], true);
    l
}

#[test]
fn an_encrypted_ledger_needs_its_passphrase_and_a_wrong_one_changes_nothing() {
    let l = encrypted_demo();
    let raw = std::fs::read(l.database()).unwrap();
    assert!(!raw.starts_with(b"SQLite format 3\0"));
    assert!(!raw.windows(NAME.len()).any(|w| w == NAME.as_bytes()), "no plaintext in the file");

    // sqlite3, as anyone holding the file: not a database.
    let outsider = l.sqlite3("SELECT count(*) FROM journal");
    assert_ne!(outsider.code, 0, "{outsider:?}");
    assert!(outsider.stderr.contains("not a database"), "{outsider:?}");

    let before = files(l.dir());
    let locked = cli(&l, &["--json", "member", "list"], &[], "");
    assert_eq!((locked.code, code(&locked).as_str()), (2, "ledger_locked"));
    for (env, stdin) in
        [(vec![("HAMYAR_PASSPHRASE", "wrong passphrase")], ""), (vec![], "another wrong one\n")]
    {
        let wrong = cli(&l, &["--json", "--passphrase-stdin", "member", "list"], &env, stdin);
        assert_eq!((wrong.code, code(&wrong).as_str()), (2, "passphrase_wrong"), "{wrong:?}");
    }
    let human = cli(&l, &["verify"], &[("HAMYAR_PASSPHRASE", "wrong passphrase")], "");
    assert!(
        human.stderr.contains("passphrase_wrong") && !human.stderr.contains("wrong passphrase"),
        "{human:?}"
    );
    assert_eq!(files(l.dir()), before, "no byte changed, no file added");

    let by_env = cli(&l, &["--json", "member", "list"], &[("HAMYAR_PASSPHRASE", PASS)], "");
    assert_eq!(by_env.code, 0, "{by_env:?}");
    let members = by_env.json().as_array().map_or(0, Vec::len);
    assert!(members > 0);
    let by_stdin = cli(&l, &["--json", "--passphrase-stdin", "verify"], &[], &format!("{PASS}\n"));
    assert_eq!(by_stdin.code, 0, "{by_stdin:?}");
    assert_eq!(by_stdin.json()["ok"], true);
}

#[test]
fn rekey_and_decrypt_through_the_cli() {
    let l = encrypted_demo();
    let again = cli(&l, &["--json", "encrypt"], &[("HAMYAR_PASSPHRASE", PASS)], "");
    assert_eq!(code(&again), "ledger_already_encrypted");
    let short =
        cli(&l, &["--json", "rekey"], &[("HAMYAR_PASSPHRASE", PASS), ("HAMYAR_NEW_PASSPHRASE", "kotah")], "");
    assert_eq!(code(&short), "passphrase_too_short");

    // Both passphrases on stdin, one a line.
    let changed = cli(&l, &["--json", "--passphrase-stdin", "rekey"], &[], &format!("{PASS}\nگذرواژه دوم\n"));
    assert_eq!(changed.code, 0, "{changed:?}");
    let old = cli(&l, &["--json", "verify"], &[("HAMYAR_PASSPHRASE", PASS)], "");
    assert_eq!(code(&old), "passphrase_wrong");
    let new = cli(&l, &["--json", "verify"], &[("HAMYAR_PASSPHRASE", "گذرواژه دوم")], "");
    assert_eq!((new.code, new.json()["ok"].as_bool()), (0, Some(true)), "{new:?}");

    let plain = cli(&l, &["--json", "decrypt"], &[("HAMYAR_PASSPHRASE", "گذرواژه دوم")], "");
    assert_eq!(plain.code, 0, "{plain:?}");
    assert!(std::fs::read(l.database()).unwrap().starts_with(b"SQLite format 3\0"));
    assert_eq!(l.sqlite3("SELECT count(*) > 0 FROM journal").stdout.trim(), "1");
    // A plain ledger opened with a passphrase given: it is not used (docs/encryption.md).
    let ignored = cli(&l, &["--json", "verify"], &[("HAMYAR_PASSPHRASE", "anything at all")], "");
    assert_eq!(ignored.code, 0, "{ignored:?}");
}

#[test]
fn an_encrypted_backup_restores_only_with_its_passphrase_and_a_refusal_leaves_the_ledger() {
    let l = encrypted_demo();
    let usb = tempfile::tempdir().unwrap();
    let key = [("HAMYAR_PASSPHRASE", PASS)];
    let taken = cli(&l, &["--json", "backup", "--to", usb.path().to_str().unwrap()], &key, "");
    assert_eq!(taken.code, 0, "{taken:?}");
    let b = taken.json();
    assert_eq!((b["ok"].as_bool(), b["encrypted"].as_bool()), (Some(true), Some(true)), "{b}");
    let backup = b["path"].as_str().unwrap().to_owned();
    assert!(!std::fs::read(&backup).unwrap().starts_with(b"SQLite format 3"));
    let sidecar =
        std::fs::read_to_string(std::path::Path::new(&backup).with_extension("sqlite3.json")).unwrap();
    assert!(!sidecar.contains(PASS), "the passphrase is never written");

    // The ledger's passphrase changes; the backup keeps the old one.
    let rekeyed =
        cli(&l, &["rekey"], &[("HAMYAR_PASSPHRASE", PASS), ("HAMYAR_NEW_PASSPHRASE", "passphrase two")], "");
    assert_eq!(rekeyed.code, 0, "{rekeyed:?}");
    let before = files(l.dir());
    let now = [("HAMYAR_PASSPHRASE", "passphrase two")];
    let asked = cli(&l, &["--json", "restore", "--from", &backup], &now, "");
    assert_eq!((asked.code, code(&asked).as_str()), (2, "passphrase_wrong"), "{asked:?}");
    let wrong = cli(
        &l,
        &["--json", "restore", "--from", &backup],
        &[now[0], ("HAMYAR_BACKUP_PASSPHRASE", "not the backup's")],
        "",
    );
    assert_eq!(code(&wrong), "passphrase_wrong");
    assert_eq!(files(l.dir()), before, "a refused restore leaves the ledger untouched");

    let restored =
        cli(&l, &["--json", "restore", "--from", &backup], &[now[0], ("HAMYAR_BACKUP_PASSPHRASE", PASS)], "");
    assert_eq!(restored.code, 0, "{restored:?}");
    let back = cli(&l, &["--json", "verify"], &key, "");
    assert_eq!((back.code, back.json()["ok"].as_bool()), (0, Some(true)), "the backup's passphrase opens it");
}
