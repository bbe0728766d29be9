//! Backups and restore (پشتیبان‌گیری و بازیابی). A backup is taken with SQLite's online backup
//! API while the ledger is in use, written under a temporary name and renamed once complete, then
//! verified on a copy (integrity check, every hash chain, every projection rebuilt) and its result
//! kept beside it. Restore verifies the chosen backup first, keeps a safety copy of the current
//! ledger, and only then swaps the files: a failed restore leaves the current ledger untouched.
//! A backup of an encrypted ledger is encrypted with the same passphrase and verified with it.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::clock::tehran_date;
use hamyar_core::jalali::JalaliDate;
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::crypt::{self, Passphrase};
use crate::{Result, Store, StoreError, verify};

/// Pages copied per step: small enough to report progress and let writers in between.
const PAGES_PER_STEP: i32 = 256;

/// What a backup's verification found; kept beside the file as `<name>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// The backup file.
    pub path: String,
    /// Its name.
    pub name: String,
    /// When it was taken (UTC, RFC 3339).
    pub taken_at: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Events in its journal.
    pub events: u32,
    /// Integrity, chains and projections all verified.
    pub ok: bool,
    /// What verification found wrong (English, for the log).
    pub problems: Vec<String>,
    /// Encrypted with the ledger's passphrase (docs/encryption.md).
    #[serde(default)]
    pub encrypted: bool,
}

/// How many automatic backups to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Retention {
    /// The newest of each of the last N days with a backup.
    pub daily: u32,
    /// The newest of each of the last N weeks.
    pub weekly: u32,
    /// The newest of each of the last N months.
    pub monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Self { daily: 7, weekly: 4, monthly: 12 }
    }
}

fn sidecar(path: &Path) -> PathBuf {
    path.with_extension("sqlite3.json")
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable; not every platform lets a folder be opened, so failure is ignored.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Copies the live ledger into `dest` with the online backup API; `progress(done, total)` is
/// called after every step. The file appears under its final name only once complete.
fn copy_live(store: &Store, dest: &Path, progress: &mut dyn FnMut(u32, u32)) -> Result<()> {
    let part = dest.with_extension("sqlite3.part");
    let _ = fs::remove_file(&part);
    {
        let mut target = Connection::open(&part)?;
        // The online backup copies pages as they are: the destination is keyed alike.
        if let Some(key) = store.key() {
            crypt::apply_key(&target, key)?;
        }
        let backup = Backup::new(store.conn(), &mut target)?;
        loop {
            let step = backup.step(PAGES_PER_STEP)?;
            let p = backup.progress();
            let total = u32::try_from(p.pagecount).unwrap_or(0);
            let done = total.saturating_sub(u32::try_from(p.remaining).unwrap_or(0));
            progress(done, total);
            match step {
                StepResult::Done => break,
                StepResult::More => {}
                // Another connection holds a lock: wait a little and go on.
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }
    fs::File::open(&part)?.sync_all()?;
    fs::rename(&part, dest)?;
    if let Some(dir) = dest.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Verifies a ledger file without touching it: a copy is opened (migrated if older), with `key`
/// when it is encrypted, and verified.
pub fn check(path: &Path, work_dir: &Path, key: Option<&Passphrase>) -> Result<(u32, Vec<String>)> {
    fs::create_dir_all(work_dir)?;
    let copy = work_dir.join(format!("verify-{}.sqlite3", uuid::Uuid::now_v7()));
    fs::copy(path, &copy)?;
    let outcome = (|| -> Result<(u32, Vec<String>)> {
        let mut store = crypt::open(&copy, key)?;
        let report = verify::run(&mut store)?;
        Ok((report.events_checked, report.problems.into_iter().map(|p| p.detail).collect()))
    })();
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    match outcome {
        Ok(found) => Ok(found),
        // A file that does not open as a ledger is a failed check, not an error of the caller.
        Err(
            e @ (StoreError::Sqlite(_)
            | StoreError::NewerDatabase { .. }
            | StoreError::Undecodable { .. }
            | StoreError::Refused(ErrorCode::PassphraseWrong | ErrorCode::LedgerLocked)),
        ) => Ok((0, vec![e.to_string()])),
        Err(e) => Err(e),
    }
}

/// The file name of a backup taken at `now`: `hamyar-1405-09-07-101500.sqlite3` (Jalali day, Tehran time).
fn file_name(now: DateTime<Utc>) -> String {
    let day = JalaliDate::from_gregorian(tehran_date(now));
    let tehran = now + chrono::Duration::minutes(210);
    format!("hamyar-{:04}-{:02}-{:02}-{}.sqlite3", day.year, day.month, day.day, tehran.format("%H%M%S"))
}

/// Takes a backup into `dir`, verifies it, and records the result beside it.
pub fn take(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<BackupInfo> {
    fs::create_dir_all(dir)?;
    // Never over an earlier backup: a second one in the same second gets a number.
    let first = file_name(now);
    let mut name = first.clone();
    let mut n = 1;
    while dir.join(&name).exists() {
        n += 1;
        name = first.replace(".sqlite3", &format!("-{n}.sqlite3"));
    }
    let path = dir.join(&name);
    copy_live(store, &path, progress)?;
    let (events, problems) = check(&path, dir, store.key())?;
    let info = BackupInfo {
        path: path.display().to_string(),
        name,
        taken_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        bytes: fs::metadata(&path)?.len(),
        events,
        ok: problems.is_empty(),
        problems,
        encrypted: store.key().is_some(),
    };
    let mut f = fs::File::create(sidecar(&path))?;
    f.write_all(serde_json::to_string_pretty(&info)?.as_bytes())?;
    f.sync_all()?;
    Ok(info)
}

/// The backups in `dir`, newest first (a file without its record is listed as unverified).
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let Ok(entries) = fs::read_dir(dir) else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if !(name.starts_with("hamyar-") && name.ends_with(".sqlite3")) {
            continue;
        }
        let recorded =
            fs::read_to_string(sidecar(&path)).ok().and_then(|t| serde_json::from_str::<BackupInfo>(&t).ok());
        out.push(recorded.unwrap_or(BackupInfo {
            path: path.display().to_string(),
            bytes: fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
            name,
            taken_at: String::new(),
            events: 0,
            ok: false,
            problems: vec!["not verified".into()],
            encrypted: crypt::is_encrypted(&path).unwrap_or(false),
        }));
    }
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}

/// The Tehran day of a backup, from its name.
fn day_of(name: &str) -> Option<NaiveDate> {
    let mut parts = name.strip_prefix("hamyar-")?.splitn(4, '-');
    let mut num = || parts.next()?.parse::<i32>().ok();
    let (y, m, d) = (num()?, num()?, num()?);
    JalaliDate::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).and_then(JalaliDate::to_gregorian).ok()
}

/// Which backups the rotation keeps: the newest good one of each of the last `daily` days, `weekly`
/// weeks and `monthly` months. A backup that failed verification is never kept.
pub fn kept(backups: &[BackupInfo], policy: Retention) -> Vec<String> {
    let mut keep = Vec::new();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    let mut months = Vec::new();
    for b in backups.iter().filter(|b| b.ok) {
        let Some(day) = day_of(&b.name) else { continue };
        let week = (day.iso_week().year(), day.iso_week().week());
        let j = JalaliDate::from_gregorian(day);
        let month = (j.year, j.month);
        let mut kept = false;
        for (seen, key, limit) in [
            (&mut days, (day.year(), day.ordinal()), policy.daily),
            (&mut weeks, week, policy.weekly),
            (&mut months, (month.0, u32::from(month.1)), policy.monthly),
        ] {
            if !seen.contains(&key) && seen.len() < limit as usize {
                seen.push(key);
                kept = true;
            }
        }
        if kept {
            keep.push(b.name.clone());
        }
    }
    keep
}

/// The automatic backup into `dir` (the data folder's `backups/`), then the rotation: at start one
/// is taken unless today has one; at close (`always`) one is always taken, so the day's newest
/// backup holds the day's work. Returns the backup taken, if any.
pub fn auto(
    store: &Store,
    dir: &Path,
    now: DateTime<Utc>,
    policy: Retention,
    always: bool,
) -> Result<Option<BackupInfo>> {
    let today = tehran_date(now);
    let existing = list(dir)?;
    let taken = if !always && existing.iter().any(|b| b.ok && day_of(&b.name) == Some(today)) {
        None
    } else {
        Some(take(store, dir, now, &mut |_, _| {})?)
    };
    let all = list(dir)?;
    let keep = kept(&all, policy);
    for b in all.iter().filter(|b| !keep.contains(&b.name)) {
        let path = PathBuf::from(&b.path);
        fs::remove_file(&path)?;
        let _ = fs::remove_file(sidecar(&path));
    }
    Ok(taken)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestoreInfo {
    /// The backup now in use.
    pub from: String,
    /// When it was restored (UTC, RFC 3339).
    pub restored_at: String,
    /// The safety copy of the ledger as it was before.
    pub safety_copy: String,
    /// Events in the restored ledger.
    pub events: u32,
}

/// The record of the last restore, kept beside the ledger.
fn restore_record(db: &Path) -> PathBuf {
    db.with_file_name("restored-from.json")
}

/// The last restore, if the ledger in use came from a backup.
pub fn last_restore(db: &Path) -> Option<RestoreInfo> {
    fs::read_to_string(restore_record(db)).ok().and_then(|t| serde_json::from_str(&t).ok())
}

/// Restores the ledger at `db` from the backup `from`. No other connection to `db` may be open.
/// The backup is verified on a copy first; a damaged one is refused (`backup_invalid`) and the
/// ledger is not touched. Otherwise a safety copy of the current ledger is taken into
/// `safety_dir`, the verified copy replaces the ledger, and the restore is recorded.
///
/// `current` is the passphrase of the ledger in use, when it is encrypted (its safety copy stays
/// encrypted with it); an encrypted backup is opened with `backup_key`, else with `current`: a
/// backup that neither opens is refused (`passphrase_wrong`, or `ledger_locked` when no passphrase
/// was given) with the ledger untouched. The restored ledger keeps the backup's passphrase.
pub fn restore(
    db: &Path,
    from: &Path,
    safety_dir: &Path,
    now: DateTime<Utc>,
    current: Option<&Passphrase>,
    backup_key: Option<&Passphrase>,
) -> Result<RestoreInfo> {
    let folder = db.parent().map(Path::to_path_buf).unwrap_or_default();
    let candidate = folder.join("restore-candidate.sqlite3");
    let remove_candidate = || {
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{suffix}", candidate.display()));
        }
    };
    remove_candidate();
    if !from.is_file() {
        return Err(StoreError::Refused(ErrorCode::BackupInvalid));
    }
    fs::copy(from, &candidate)?;
    let verified = (|| -> Result<u32> {
        let mut store = crypt::open(&candidate, backup_key.or(current))?;
        let report = verify::run(&mut store)?;
        if !report.ok {
            return Err(StoreError::Refused(ErrorCode::BackupInvalid));
        }
        // Leave the candidate as one file: checkpoint its WAL and close it.
        store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(report.events_checked)
    })();
    let events = match verified {
        Ok(n) => n,
        Err(e) => {
            remove_candidate();
            return Err(match e {
                StoreError::Sqlite(_) | StoreError::Undecodable { .. } => {
                    StoreError::Refused(ErrorCode::BackupInvalid)
                }
                other => other,
            });
        }
    };
    // The safety copy, taken from the ledger as it is (its WAL included) before anything moves;
    // a ledger too damaged to open is kept as its raw files.
    let copied = (|| -> Result<String> {
        let current = crypt::open(db, current)?;
        let info = take(&current, safety_dir, now, &mut |_, _| {})?;
        current.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(info.path)
    })();
    let safety = match copied {
        Ok(path) => path,
        Err(_) if db.exists() => {
            fs::create_dir_all(safety_dir)?;
            let kept = safety_dir.join(file_name(now).replace("hamyar-", "damaged-"));
            fs::copy(db, &kept)?;
            let wal = PathBuf::from(format!("{}-wal", db.display()));
            if wal.exists() {
                fs::copy(&wal, format!("{}-wal", kept.display()))?;
            }
            kept.display().to_string()
        }
        Err(_) => String::new(),
    };
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", db.display()));
    }
    fs::rename(&candidate, db)?;
    sync_dir(&folder);
    remove_candidate();
    let info = RestoreInfo {
        from: from.display().to_string(),
        restored_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        safety_copy: safety,
        events,
    };
    fs::write(restore_record(db), serde_json::to_string_pretty(&info)?)?;
    Ok(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str, ok: bool) -> BackupInfo {
        BackupInfo {
            path: name.into(),
            name: name.into(),
            taken_at: String::new(),
            bytes: 1,
            events: 1,
            ok,
            problems: Vec::new(),
            encrypted: false,
        }
    }

    #[test]
    fn rotation_keeps_days_weeks_and_months_and_never_a_bad_one() {
        // Newest first: two on 1405/09/07, one each day back to 1405/08/20, one in each of four
        // earlier months, and a broken one today.
        let mut names = vec![("hamyar-1405-09-07-235959.sqlite3".to_owned(), false)];
        names.push(("hamyar-1405-09-07-120000.sqlite3".into(), true));
        names.push(("hamyar-1405-09-07-090000.sqlite3".into(), true));
        for d in (1..=6).rev() {
            names.push((format!("hamyar-1405-09-{d:02}-090000.sqlite3"), true));
        }
        for d in (20..=30).rev() {
            names.push((format!("hamyar-1405-08-{d:02}-090000.sqlite3"), true));
        }
        for m in (4..=7).rev() {
            names.push((format!("hamyar-1405-{m:02}-15-090000.sqlite3"), true));
        }
        let all: Vec<BackupInfo> = names.iter().map(|(n, ok)| info(n, *ok)).collect();
        let keep = kept(&all, Retention::default());
        assert!(!keep.contains(&names[0].0), "a broken backup is never kept");
        assert!(keep.contains(&names[1].0) && !keep.contains(&names[2].0), "the newest of the day");
        // Seven days: 09/07 … 09/01.
        for d in 1..=6 {
            assert!(keep.contains(&format!("hamyar-1405-09-{d:02}-090000.sqlite3")));
        }
        // Older months: one each.
        for m in 4..=7 {
            assert!(keep.contains(&format!("hamyar-1405-{m:02}-15-090000.sqlite3")), "month {m}");
        }
        assert!(keep.len() < all.len());
        let none = Retention { daily: 0, weekly: 0, monthly: 0 };
        assert!(kept(&all, none).is_empty());
    }

    #[test]
    fn names_carry_the_jalali_day_in_tehran() {
        let now: DateTime<Utc> = "2026-11-28T21:00:00Z".parse().expect("time");
        // 21:00 UTC is 00:30 the next day in Tehran: 1405/09/08.
        assert_eq!(file_name(now), "hamyar-1405-09-08-003000.sqlite3");
        assert_eq!(day_of(&file_name(now)), Some(tehran_date(now)));
    }
}
