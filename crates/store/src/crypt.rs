//! Encryption at rest (رمزگذاری): SQLCipher keyed with the cooperative's passphrase. An encrypted
//! ledger is told from a plain one by its first 16 bytes (a plain file starts "SQLite format 3\0",
//! an encrypted one with its random salt); it is opened by `PRAGMA key` first and a read that
//! proves the key, so a wrong passphrase touches nothing. Encrypting, decrypting and changing the
//! passphrase all write the ledger anew into a file beside it (`sqlcipher_export`), verify that file
//! (integrity, every hash chain, every projection), and only then swap it in; the old file is kept
//! under a safety name until the new one has been reopened in place. The passphrase is never
//! written anywhere and is wiped from memory when dropped (docs/encryption.md).

use std::fmt;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use hamyar_core::ErrorCode;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::{Result, Store, StoreError, verify};

/// The shortest passphrase a ledger may be encrypted with, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// What a plain SQLite file starts with.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// A passphrase, wiped from memory when dropped; its `Debug` never shows it.
#[derive(Clone)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Wraps a passphrase as typed (to open a ledger: no rule but the key itself).
    pub fn new(text: impl Into<String>) -> Self {
        Self(Zeroizing::new(text.into()))
    }

    /// A passphrase to encrypt with: at least [`MIN_PASSPHRASE_CHARS`] characters
    /// (`passphrase_too_short`).
    pub fn new_key(text: impl Into<String>) -> Result<Self> {
        let p = Self::new(text);
        if p.0.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(StoreError::Refused(ErrorCode::PassphraseTooShort));
        }
        Ok(p)
    }

    fn text(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(***)")
    }
}

/// Whether the file at `path` is an encrypted ledger: it exists, its first 16 bytes are not the
/// plain header nor a header with a byte or two damaged (a torn plain file is not mistaken for an
/// encrypted one), and they look like SQLCipher's random salt (at least 8 different byte values,
/// which a file of one repeated byte never has), in whole pages. A missing or empty file is plain
/// (a new ledger).
pub fn is_encrypted(path: &Path) -> Result<bool> {
    let mut header = [0_u8; 16];
    let mut f = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    let mut read = 0;
    while read < header.len() {
        match f.read(&mut header[read..])? {
            0 => return Ok(false),
            n => read += n,
        }
    }
    // SQLCipher writes whole pages (512 bytes at the least): a short text file is not one.
    let len = f.metadata()?.len();
    if len < 512 || len % 512 != 0 {
        return Ok(false);
    }
    let differing = header.iter().zip(PLAIN_HEADER).filter(|(a, b)| a != b).count();
    let mut distinct = header.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    Ok(differing > 2 && distinct.len() >= 8)
}

/// Applies `key` to a fresh connection and proves it with a read; `passphrase_wrong` otherwise.
pub(crate) fn apply_key(conn: &Connection, key: &Passphrase) -> Result<()> {
    if key.text().is_empty() {
        return Err(StoreError::Refused(ErrorCode::PassphraseWrong));
    }
    // SQLCipher reports a failed page decryption on stderr; the refusal below says it instead.
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(())).optional()?;
    conn.pragma_update(None, "key", key.text())?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(e) if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::NotADatabase)) => {
            Err(StoreError::Refused(ErrorCode::PassphraseWrong))
        }
        Err(e) => Err(e.into()),
    }
}

/// Proves `key` on the file's own first page, read-only and ignoring any -wal or -shm beside it
/// (`immutable`): a wrong key is refused before SQLite opens, recovers or checkpoints a journal
/// that a crash left, so not one byte of the ledger's files changes.
fn prove_key(path: &Path, key: &Passphrase) -> Result<()> {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    let flags =
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let probe = Connection::open_with_flags(&uri, flags)?;
    apply_key(&probe, key)
}

/// Opens the ledger file at `path` with `key` when it is encrypted. A plain (or new) ledger opens
/// as [`Store::open`] does and the key is not used; an encrypted one without a key is
/// `ledger_locked`, with a wrong one `passphrase_wrong`, and the file is not touched.
pub fn open(path: &Path, key: Option<&Passphrase>) -> Result<Store> {
    if !is_encrypted(path)? {
        return Store::open(path);
    }
    let Some(key) = key else { return Err(StoreError::Refused(ErrorCode::LedgerLocked)) };
    prove_key(path, key)?;
    let conn = Connection::open(path)?;
    apply_key(&conn, key)?;
    Store::from_keyed(conn, path.to_path_buf(), key.clone())
}

/// [`open`] on the ledger inside the data folder `dir`, creating the folder first.
pub fn open_in(dir: &Path, key: Option<&Passphrase>) -> Result<Store> {
    fs::create_dir_all(dir)?;
    open(&dir.join(crate::paths::DATABASE_FILE), key)
}

/// What an encryption change did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CryptInfo {
    /// The ledger file.
    pub path: String,
    /// Whether it is now encrypted.
    pub encrypted: bool,
    /// Events in the ledger, verified after the change.
    pub events: u32,
}

/// Encrypts the plain ledger at `db` with `new` (at least 8 characters). No other connection to
/// `db` may be open. `ledger_already_encrypted` if it is encrypted.
pub fn encrypt(db: &Path, new: &Passphrase) -> Result<CryptInfo> {
    let new = Passphrase::new_key(new.text())?;
    if is_encrypted(db)? {
        return Err(StoreError::Refused(ErrorCode::LedgerAlreadyEncrypted));
    }
    rewrite(db, None, Some(&new))
}

/// Decrypts the ledger at `db`, proving `current` first. `ledger_not_encrypted` if it is plain.
pub fn decrypt(db: &Path, current: &Passphrase) -> Result<CryptInfo> {
    if !is_encrypted(db)? {
        return Err(StoreError::Refused(ErrorCode::LedgerNotEncrypted));
    }
    rewrite(db, Some(current), None)
}

/// Changes the passphrase of the encrypted ledger at `db` from `current` to `new`.
pub fn rekey(db: &Path, current: &Passphrase, new: &Passphrase) -> Result<CryptInfo> {
    let new = Passphrase::new_key(new.text())?;
    if !is_encrypted(db)? {
        return Err(StoreError::Refused(ErrorCode::LedgerNotEncrypted));
    }
    rewrite(db, Some(current), Some(&new))
}

fn remove_with_journals(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes the ledger at `db` (opened with `from`) anew, keyed with `to` (plain for `None`), into a
/// file beside it; verifies the new file; swaps it in, keeping the old one under a safety name
/// until the new one reopens in place.
fn rewrite(db: &Path, from: Option<&Passphrase>, to: Option<&Passphrase>) -> Result<CryptInfo> {
    let folder = db.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = db.file_name().and_then(|n| n.to_str()).unwrap_or("hamyar.sqlite3");
    let fresh = folder.join(format!("{name}.rekeying"));
    let safety = folder.join(format!("{name}.before-rekey"));
    remove_with_journals(&fresh);

    // The source, proved and verified as it is (its WAL included).
    let mut source = open(db, from)?;
    let before = verify::run(&mut source)?;
    if !before.ok {
        return Err(StoreError::Refused(ErrorCode::IntegrityFailed));
    }
    let version: u32 = source.conn().query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let exported = (|| -> Result<()> {
        let target = PathBuf::from(&fresh);
        let empty = Passphrase::new("");
        let key = to.unwrap_or(&empty);
        let conn = source.conn();
        conn.execute(
            "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
            (target.to_string_lossy().as_ref(), key.text()),
        )?;
        let outcome = conn
            .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))
            .and_then(|()| conn.execute_batch(&format!("PRAGMA rekeyed.user_version = {version};")));
        conn.execute("DETACH DATABASE rekeyed", [])?;
        outcome?;
        Ok(())
    })();
    if let Err(e) = exported {
        remove_with_journals(&fresh);
        return Err(e);
    }

    // The new file, verified on its own with its own key; the same events as the source.
    let checked = (|| -> Result<u32> {
        let mut store = open(&fresh, to)?;
        let after = verify::run(&mut store)?;
        if !after.ok || after.events_checked != before.events_checked || is_encrypted(&fresh)? != to.is_some()
        {
            return Err(StoreError::Refused(ErrorCode::IntegrityFailed));
        }
        store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(after.events_checked)
    })();
    let events = match checked {
        Ok(n) => n,
        Err(e) => {
            remove_with_journals(&fresh);
            return Err(e);
        }
    };
    fs::File::open(&fresh)?.sync_all()?;

    // Close the source: its WAL goes into the file, which nobody then writes.
    source.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    drop(source);
    remove_with_journals(&safety);
    fs::hard_link(db, &safety).or_else(|_| fs::copy(db, &safety).map(|_| ()))?;
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", db.display()));
    }
    fs::rename(&fresh, db)?;
    sync_dir(&folder);
    remove_with_journals(&fresh);

    // Reopened in place; if that fails, the old ledger goes back.
    let reopened = open(db, to).and_then(|s| {
        s.conn().query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)).map_err(StoreError::from)
    });
    match reopened {
        Ok(ok) if ok == "ok" => {
            remove_with_journals(&safety);
            sync_dir(&folder);
            Ok(CryptInfo { path: db.display().to_string(), encrypted: to.is_some(), events })
        }
        other => {
            for suffix in ["-wal", "-shm"] {
                let _ = fs::remove_file(format!("{}{suffix}", db.display()));
            }
            fs::rename(&safety, db)?;
            sync_dir(&folder);
            match other {
                Err(e) => Err(e),
                Ok(_) => Err(StoreError::Refused(ErrorCode::IntegrityFailed)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::Utc;

    use super::*;
    use crate::{backup, demo, profile};

    const PASS: &str = "نگین-اراک-۱۴۰۵";
    const DEMO_NAME: &str = "نگین اراک";

    /// A ledger with the demo cooperative in `dir`, closed.
    fn demo_ledger(dir: &Path) -> PathBuf {
        let mut store = Store::open_in(dir).expect("opens");
        demo::create(&mut store, "test", Utc::now()).expect("demo");
        store.path().to_path_buf()
    }

    /// Every file in `dir` (the ledger, its -wal and -shm, anything left beside it) and the
    /// SHA-256 of its bytes.
    fn snapshot(dir: &Path) -> BTreeMap<String, String> {
        use sha2::Digest as _;
        fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .map(|p| {
                let name = p.file_name().expect("name").to_string_lossy().into_owned();
                (name, hex::encode(sha2::Sha256::digest(fs::read(&p).expect("read"))))
            })
            .collect()
    }

    fn code(e: StoreError) -> ErrorCode {
        e.code()
    }

    fn events(store: &Store) -> i64 {
        store.conn().query_row("SELECT count(*) FROM journal", [], |r| r.get(0)).expect("count")
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
    }

    #[test]
    fn an_encrypted_ledger_opens_only_with_its_passphrase_and_a_wrong_one_changes_no_byte() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = demo_ledger(dir.path());
        assert!(contains(&fs::read(&db).expect("read"), DEMO_NAME), "the plain file holds the name");
        let plain_events = events(&Store::open(&db).expect("plain opens"));

        let info = encrypt(&db, &Passphrase::new(PASS)).expect("encrypts");
        assert!(info.encrypted && i64::from(info.events) == plain_events, "{info:?}");
        assert!(is_encrypted(&db).expect("header"));
        let raw = fs::read(&db).expect("read");
        assert_ne!(&raw[..16], PLAIN_HEADER);
        assert!(!contains(&raw, DEMO_NAME), "no plaintext left in the file");
        let left: Vec<String> = snapshot(dir.path()).into_keys().collect();
        assert_eq!(left, ["hamyar.sqlite3"], "no temp, safety or plain copy left beside it");

        let before = snapshot(dir.path());
        assert_eq!(code(Store::open(&db).expect_err("locked")), ErrorCode::LedgerLocked);
        assert_eq!(code(open(&db, None).expect_err("locked")), ErrorCode::LedgerLocked);
        for wrong in ["wrong-passphrase", "", "نگین-اراک-۱۴۰۴"] {
            let e = open(&db, Some(&Passphrase::new(wrong))).expect_err("wrong key");
            assert_eq!(code(e), ErrorCode::PassphraseWrong, "{wrong:?}");
        }
        assert_eq!(snapshot(dir.path()), before, "a wrong passphrase changes no byte and leaves no file");

        let store = open(&db, Some(&Passphrase::new(PASS))).expect("right key");
        assert_eq!(events(&store), plain_events);
        let p = profile::get(&store).expect("profile").expect("recorded");
        assert!(p.data.name.contains(DEMO_NAME));
        assert!(store.key().is_some());
    }

    #[test]
    fn a_wrong_passphrase_on_a_ledger_left_with_its_wal_changes_nothing_and_the_right_one_recovers_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = demo_ledger(dir.path());
        encrypt(&db, &Passphrase::new(PASS)).expect("encrypts");
        // A ledger as a crash leaves it: the files copied while a writer holds them open.
        let mut live = open(&db, Some(&Passphrase::new(PASS))).expect("opens");
        let n = events(&live);
        live.conn().execute_batch("PRAGMA wal_autocheckpoint = 0;").expect("pragma");
        let input = hamyar_core::production::ProductInput {
            name: "پارچه".into(),
            unit: "متر".into(),
            ..Default::default()
        };
        crate::production::add_product(&mut live, "test", Utc::now(), &input).expect("one more event");
        let crashed = tempfile::tempdir().expect("temp dir");
        for suffix in ["", "-wal", "-shm"] {
            let from = format!("{}{suffix}", db.display());
            fs::copy(&from, crashed.path().join(format!("hamyar.sqlite3{suffix}"))).expect("copy");
        }
        drop(live);
        let copy = crashed.path().join("hamyar.sqlite3");
        assert!(fs::metadata(format!("{}-wal", copy.display())).expect("wal").len() > 0);
        let before = snapshot(crashed.path());
        let e = open(&copy, Some(&Passphrase::new("not-the-passphrase"))).expect_err("wrong");
        assert_eq!(code(e), ErrorCode::PassphraseWrong);
        assert_eq!(snapshot(crashed.path()), before, "the -wal and -shm are untouched too");
        let store = open(&copy, Some(&Passphrase::new(PASS))).expect("right key");
        assert_eq!(events(&store), n + 1, "the WAL's event is there");
    }

    #[test]
    fn rekey_and_decrypt_keep_every_event_and_refusals_change_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = demo_ledger(dir.path());
        let n = events(&Store::open(&db).expect("opens"));

        let plain = snapshot(dir.path());
        let e = encrypt(&db, &Passphrase::new("1234567")).expect_err("seven characters");
        assert_eq!(code(e), ErrorCode::PassphraseTooShort);
        assert_eq!(
            code(decrypt(&db, &Passphrase::new(PASS)).expect_err("plain")),
            ErrorCode::LedgerNotEncrypted
        );
        assert_eq!(snapshot(dir.path()), plain);

        encrypt(&db, &Passphrase::new(PASS)).expect("encrypts");
        let encrypted = snapshot(dir.path());
        let refusals = [
            (encrypt(&db, &Passphrase::new(PASS)), ErrorCode::LedgerAlreadyEncrypted),
            (
                rekey(&db, &Passphrase::new("wrong-passphrase"), &Passphrase::new("another-one")),
                ErrorCode::PassphraseWrong,
            ),
            (rekey(&db, &Passphrase::new(PASS), &Passphrase::new("short")), ErrorCode::PassphraseTooShort),
            (decrypt(&db, &Passphrase::new("wrong-passphrase")), ErrorCode::PassphraseWrong),
        ];
        for (outcome, expected) in refusals {
            assert_eq!(code(outcome.expect_err("refused")), expected);
            assert_eq!(snapshot(dir.path()), encrypted, "{expected:?} changed the folder");
        }

        let new = Passphrase::new("گذرواژه تازه ۲");
        let info = rekey(&db, &Passphrase::new(PASS), &new).expect("rekeys");
        assert!(info.encrypted && i64::from(info.events) == n);
        assert_eq!(
            code(open(&db, Some(&Passphrase::new(PASS))).expect_err("old key")),
            ErrorCode::PassphraseWrong
        );
        assert_eq!(events(&open(&db, Some(&new)).expect("new key")), n);

        let info = decrypt(&db, &new).expect("decrypts");
        assert!(!info.encrypted && i64::from(info.events) == n);
        assert!(!is_encrypted(&db).expect("header"));
        assert_eq!(&fs::read(&db).expect("read")[..16], PLAIN_HEADER);
        let mut store = Store::open(&db).expect("plain again");
        assert!(verify::run(&mut store).expect("verify").ok);
        assert_eq!(events(&store), n);
    }

    #[test]
    fn a_damaged_plain_file_is_not_taken_for_an_encrypted_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = demo_ledger(dir.path());
        let mut bytes = fs::read(&db).expect("read");
        bytes[3] ^= 0x20;
        fs::write(&db, &bytes).expect("write");
        assert!(!is_encrypted(&db).expect("header"));
        fs::write(&db, vec![0x5a_u8; 8192]).expect("write");
        assert!(!is_encrypted(&db).expect("header"));
        assert!(!is_encrypted(&dir.path().join("missing.sqlite3")).expect("header"));
        assert_eq!(format!("{:?}", Passphrase::new(PASS)), "Passphrase(***)");
    }

    #[test]
    fn a_backup_of_an_encrypted_ledger_is_encrypted_and_restores_only_with_its_passphrase() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = demo_ledger(dir.path());
        encrypt(&db, &Passphrase::new(PASS)).expect("encrypts");
        let key = Passphrase::new(PASS);
        let store = open(&db, Some(&key)).expect("opens");
        let n = events(&store);
        let backups = dir.path().join("backups");
        let info = backup::take(&store, &backups, Utc::now(), &mut |_, _| {}).expect("backup");
        assert!(info.ok && info.encrypted, "{info:?}");
        let file = PathBuf::from(&info.path);
        assert!(is_encrypted(&file).expect("header"));
        assert!(!contains(&fs::read(&file).expect("read"), DEMO_NAME));
        let (checked, problems) = backup::check(&file, dir.path(), Some(&key)).expect("check");
        assert!(problems.is_empty() && i64::from(checked) == n);
        let (_, problems) =
            backup::check(&file, dir.path(), Some(&Passphrase::new("wrong-passphrase"))).expect("check");
        assert_eq!(problems.len(), 1, "a wrong key fails the check");
        drop(store);

        // A wrong key, or none: refused, the ledger and its folder untouched.
        let safety = dir.path().join("safety");
        let ledger_dir = snapshot(dir.path());
        for backup_key in [Some(Passphrase::new("wrong-passphrase")), None] {
            let current = Passphrase::new("wrong-passphrase");
            let e = backup::restore(&db, &file, &safety, Utc::now(), Some(&current), backup_key.as_ref())
                .expect_err("refused");
            assert_eq!(code(e), ErrorCode::PassphraseWrong);
            assert_eq!(snapshot(dir.path()), ledger_dir, "the current ledger is untouched");
            assert!(!safety.exists());
        }

        // A backup under another passphrase (the ledger was re-keyed since): restored with its own.
        rekey(&db, &key, &Passphrase::new("a newer passphrase")).expect("rekeys");
        let newer = Passphrase::new("a newer passphrase");
        let e = backup::restore(&db, &file, &safety, Utc::now(), Some(&newer), None).expect_err("asks");
        assert_eq!(code(e), ErrorCode::PassphraseWrong);
        let restored =
            backup::restore(&db, &file, &safety, Utc::now(), Some(&newer), Some(&key)).expect("restores");
        assert_eq!(i64::from(restored.events), n);
        let safety_copy = PathBuf::from(&restored.safety_copy);
        assert!(is_encrypted(&safety_copy).expect("header"), "the safety copy stays encrypted");
        assert!(open(&safety_copy, Some(&newer)).is_ok());
        let back = open(&db, Some(&key)).expect("the backup's passphrase opens the restored ledger");
        assert_eq!(events(&back), n);
    }
}
