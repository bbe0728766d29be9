//! `hamyar-cli backup|restore|backups` and the crash harness's child (`stress`, hidden).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::Utc;
use hamyar_core::production::{ProductInput, ProductionInput};
use hamyar_store::backup::{self, BackupInfo};
use hamyar_store::crypt::Passphrase;
use hamyar_store::{Store, production};

use crate::commands::{Failure, Output, author, output};

#[derive(Debug, clap::Subcommand)]
pub enum BackupsCommand {
    /// The backups in a folder (default: the data folder's automatic backups), newest first.
    List {
        /// The folder.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Take today's automatic backup into the data folder's backups/ if due, and rotate (7 daily, 4 weekly, 12 monthly).
    Auto,
}

fn backup_text(b: &BackupInfo) -> String {
    let verdict = if b.ok { "verified".to_owned() } else { format!("FAILED: {}", b.problems.join("; ")) };
    format!("{}  {} bytes  {} events  {verdict}", b.path, b.bytes, b.events)
}

/// `backup --to DIR`: a verified backup with progress on stderr.
pub fn take(store: &Store, to: &Path) -> Result<Output, Failure> {
    let mut last = 0;
    let info = backup::take(store, to, Utc::now(), &mut |done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        if percent != last {
            last = percent;
            eprint!("\rbackup {percent}%");
        }
    })?;
    eprintln!();
    let exit = if info.ok { 0 } else { 3 };
    let mut out = output(&info, backup_text(&info))?;
    out.exit = exit;
    Ok(out)
}

/// `backups list|auto`.
pub fn backups(store: Option<&Store>, data_dir: &Path, c: &BackupsCommand) -> Result<Output, Failure> {
    let auto_dir = data_dir.join("backups");
    match c {
        BackupsCommand::List { dir } => {
            let list = backup::list(dir.as_deref().unwrap_or(&auto_dir))?;
            let human = list.iter().map(backup_text).collect::<Vec<_>>().join("\n");
            output(&list, human)
        }
        BackupsCommand::Auto => {
            let Some(store) = store else { return output(&(), String::new()) };
            let taken = backup::auto(store, &auto_dir, Utc::now(), backup::Retention::default(), false)?;
            let human = taken.as_ref().map_or_else(|| "today's backup exists".to_owned(), backup_text);
            output(&taken, human)
        }
    }
}

/// `restore --from FILE`: verified first; the current ledger is kept as a safety copy. An
/// encrypted backup opens with the ledger's passphrase, or `HAMYAR_BACKUP_PASSPHRASE` when its own
/// differs.
pub fn restore(data_dir: &Path, from: &Path, key: Option<&Passphrase>) -> Result<Output, Failure> {
    let db = data_dir.join(hamyar_store::paths::DATABASE_FILE);
    let safety = data_dir.join("backups").join("safety");
    let backup_key = crate::crypt::Secrets::backup();
    let info = backup::restore(&db, from, &safety, Utc::now(), key, backup_key.as_ref())?;
    let human = format!(
        "restored {} ({} events); the previous ledger is in {}",
        info.from, info.events, info.safety_copy
    );
    output(&info, human)
}

/// The crash harness's child: appends production entries one transaction each, as fast as it
/// can, and writes each committed entry's id to `ack` only after its commit returned. It runs
/// until killed (or `count` entries).
pub fn stress(store: &mut Store, ack: &Path, count: Option<u64>) -> Result<Output, Failure> {
    let who = author();
    if production::products(store.conn())?.is_empty() {
        let input =
            ProductInput { name: "آزمون".into(), unit: "عدد".into(), ..ProductInput::default() };
        production::add_product(store, &who, Utc::now(), &input)?;
    }
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(ack)
        .map_err(hamyar_store::StoreError::Io)?;
    let mut n = 0_u64;
    while count.is_none_or(|c| n < c) {
        n += 1;
        let input = ProductionInput {
            date: hamyar_core::clock::tehran_date(Utc::now()).to_string(),
            product: 1,
            quantity: (1 + n % 50).to_string(),
            unit_value: "1000".into(),
            ..ProductionInput::default()
        };
        let entry = production::record_production(store, &who, Utc::now(), &input)?;
        // One write per acknowledged commit; a killed process loses nothing already written.
        log.write_all(format!("{}\n", entry.id).as_bytes()).map_err(hamyar_store::StoreError::Io)?;
    }
    output(&n, format!("{n} entries"))
}
