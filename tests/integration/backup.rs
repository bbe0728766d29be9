//! Backups and restore through the real `hamyar-cli` on real SQLite files: a verified backup, a
//! member added after it gone again once the backup is restored (with a safety copy of the
//! ledger as it was), damaged backups refused with the current ledger untouched, and torn or
//! altered ledger files caught by `verify`.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;

use hamyar_integration::Ledger;

fn members(l: &Ledger) -> usize {
    l.cli(&["--json", "member", "list"]).json().as_array().map_or(0, Vec::len)
}

fn code_of(run: &hamyar_integration::Run) -> String {
    run.json()["code"].as_str().unwrap_or_default().to_owned()
}

/// A copy of `from` with `bytes` written over every occurrence of `needle` (a stored text of the
/// same length), as a disk that flips bits would — in the journal's payloads among other places.
fn altered(from: &Path, to: &Path, needle: &str, bytes: &str) {
    let mut data = std::fs::read(from).unwrap();
    let (needle, bytes) = (needle.as_bytes(), bytes.as_bytes());
    let mut found = 0;
    let mut at = 0;
    while let Some(i) = data[at..].windows(needle.len()).position(|w| w == needle) {
        data[at + i..at + i + bytes.len()].copy_from_slice(bytes);
        at += i + needle.len();
        found += 1;
    }
    assert!(found > 0, "text in the file");
    std::fs::write(to, data).unwrap();
}

#[test]
fn a_backup_restored_brings_the_ledger_back_and_keeps_a_safety_copy() {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    let usb = tempfile::tempdir().unwrap();
    let taken = l.cli(&["--json", "backup", "--to", usb.path().to_str().unwrap()]);
    assert_eq!(taken.code, 0, "{taken:?}");
    let b = taken.json();
    assert_eq!(b["ok"], true);
    let backup = b["path"].as_str().unwrap().to_owned();
    assert!(
        Path::new(&backup).with_extension("sqlite3.json").exists(),
        "its verification is recorded beside it"
    );
    let listed = l.cli(&["--json", "backups", "list", "--dir", usb.path().to_str().unwrap()]).json();
    assert_eq!(listed[0]["name"], b["name"]);

    let before = members(&l);
    let added = l.cli(&[
        "member",
        "add",
        "--first-name",
        "نادر",
        "--last-name",
        "تازه",
        "--national-code",
        "0499370899",
    ]);
    assert_eq!(added.code, 0, "{added:?}");
    assert_eq!(members(&l), before + 1);

    let restored = l.cli(&["--json", "restore", "--from", &backup]);
    assert_eq!(restored.code, 0, "{restored:?}");
    assert_eq!(members(&l), before, "the member added after the backup is gone");
    let info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(l.dir().join("restored-from.json")).unwrap()).unwrap();
    assert_eq!(info["from"], backup.as_str(), "the app can say which backup is in use");
    // The safety copy holds the ledger as it was, new member included, and verifies.
    let safety = restored.json()["safety_copy"].as_str().unwrap().to_owned();
    let other = Ledger::new();
    std::fs::copy(&safety, other.database()).unwrap();
    assert_eq!(members(&other), before + 1);
    assert_eq!(l.cli(&["verify"]).code, 0);
}

#[test]
fn a_damaged_backup_is_refused_and_the_ledger_is_untouched() {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    let usb = tempfile::tempdir().unwrap();
    let b = l.cli(&["--json", "backup", "--to", usb.path().to_str().unwrap()]).json();
    let good = std::path::PathBuf::from(b["path"].as_str().unwrap());
    let edited = usb.path().join("edited.sqlite3");
    altered(&good, &edited, "مریم", "مهسا");
    let truncated = usb.path().join("truncated.sqlite3");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let not_a_ledger = usb.path().join("notes.sqlite3");
    std::fs::write(&not_a_ledger, "جلسه‌ی هفته‌ی بعد").unwrap();
    for bad in [&edited, &truncated, &not_a_ledger, &usb.path().join("missing.sqlite3")] {
        let before = l.fingerprint();
        let run = l.cli(&["--json", "restore", "--from", bad.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{bad:?}: {run:?}");
        assert_eq!(code_of(&run), "backup_invalid", "{bad:?}");
        assert!(l.fingerprint() == before, "{bad:?}: the ledger changed");
        assert!(!l.dir().join("restored-from.json").exists());
    }
    assert_eq!(l.cli(&["verify"]).code, 0);
}

#[test]
fn torn_and_altered_ledger_files_are_caught() {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init", "--demo"]).code, 0);
    // A clean copy of the ledger, as a crash would leave it: one file, WAL folded in.
    assert_eq!(l.sqlite3("PRAGMA wal_checkpoint(TRUNCATE);").code, 0);
    let bytes = std::fs::read(l.database()).unwrap();
    let torn = Ledger::new();
    std::fs::write(torn.database(), &bytes[..bytes.len() / 2]).unwrap();
    let run = torn.cli(&["verify"]);
    assert_ne!(run.code, 0, "a truncated ledger must not verify: {run:?}");
    // The cure: the newest good backup, restored over the damaged file (kept aside as it was).
    let usb = tempfile::tempdir().unwrap();
    let b = l.cli(&["--json", "backup", "--to", usb.path().to_str().unwrap()]).json();
    let restored = torn.cli(&["--json", "restore", "--from", b["path"].as_str().unwrap()]);
    assert_eq!(restored.code, 0, "{restored:?}");
    let kept = restored.json()["safety_copy"].as_str().unwrap().to_owned();
    assert_eq!(std::fs::read(&kept).unwrap().len(), bytes.len() / 2, "the damaged file is kept as it was");
    assert_eq!(torn.cli(&["verify"]).code, 0);
    let flipped = Ledger::new();
    altered(&l.database(), &flipped.database(), "مریم", "مهسا");
    let run = flipped.cli(&["--json", "verify"]);
    assert_eq!(run.code, 3, "{run:?}");
    assert!(run.stdout.contains("hash_mismatch"), "{}", run.stdout);
}
