//! The passphrase of an encrypted ledger, and `hamyar-cli encrypt|decrypt|rekey` (docs/encryption.md).
//!
//! The passphrase comes from `HAMYAR_PASSPHRASE`, or with `--passphrase-stdin` from the first
//! line of standard input; it is never taken as an argument (it would show in `ps` and in the shell's
//! history). A plain ledger opened with a passphrase given opens as it is: the passphrase is not
//! used, so the same environment works before and after `encrypt`.

use std::io::BufRead as _;
use std::path::Path;

use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::ExitClass;
use hamyar_store::crypt::{self, CryptInfo, Passphrase};
use zeroize::Zeroizing;

use crate::commands::{Failure, Output, output};

/// The passphrase of the ledger in use.
pub const PASSPHRASE_ENV: &str = "HAMYAR_PASSPHRASE";
/// The passphrase `rekey` sets (and `encrypt`, when given).
pub const NEW_PASSPHRASE_ENV: &str = "HAMYAR_NEW_PASSPHRASE";
/// The passphrase of a backup that was encrypted with another one than the ledger's.
pub const BACKUP_PASSPHRASE_ENV: &str = "HAMYAR_BACKUP_PASSPHRASE";

/// The passphrases a command was given, read once at its start.
#[derive(Debug, Default)]
pub struct Secrets {
    /// The ledger's: `HAMYAR_PASSPHRASE`, else the first line of stdin.
    pub current: Option<Passphrase>,
    /// The one to set: `HAMYAR_NEW_PASSPHRASE`, else the next line of stdin.
    pub new: Option<Passphrase>,
}

impl Secrets {
    /// Reads the environment, and standard input when `--passphrase-stdin` was given.
    pub fn read(from_stdin: bool) -> Result<Self, Failure> {
        let mut lines = Vec::new();
        if from_stdin {
            let stdin = std::io::stdin();
            let mut lock = stdin.lock();
            for _ in 0..2 {
                let mut line = Zeroizing::new(String::new());
                let n =
                    lock.read_line(&mut line).map_err(|e| Failure::from(hamyar_store::StoreError::Io(e)))?;
                if n == 0 {
                    break;
                }
                lines.push(Passphrase::new(line.trim_end_matches(['\n', '\r'])));
            }
        }
        let mut lines = lines.into_iter();
        let mut take = |env: &str| match std::env::var(env) {
            Ok(v) if !v.is_empty() => Some(Passphrase::new(v)),
            _ => lines.next(),
        };
        let current = take(PASSPHRASE_ENV);
        let new = take(NEW_PASSPHRASE_ENV);
        Ok(Self { current, new })
    }

    /// A backup's own passphrase, when it differs from the ledger's.
    pub fn backup() -> Option<Passphrase> {
        std::env::var(BACKUP_PASSPHRASE_ENV).ok().filter(|v| !v.is_empty()).map(Passphrase::new)
    }
}

fn missing(code: ErrorCode) -> Failure {
    Failure {
        error: Box::new(IpcError {
            code,
            message: format!(
                "no passphrase: set {PASSPHRASE_ENV} (and {NEW_PASSPHRASE_ENV} for rekey) or pass --passphrase-stdin"
            ),
            details: None,
        }),
        class: ExitClass::Rejected,
    }
}

fn done(info: &CryptInfo, what: &str) -> Result<Output, Failure> {
    output(info, format!("{what}: {} ({} events verified)", info.path, info.events))
}

/// `encrypt`: the passphrase from `HAMYAR_NEW_PASSPHRASE`, `HAMYAR_PASSPHRASE` or stdin.
pub fn encrypt(db: &Path, secrets: &Secrets) -> Result<Output, Failure> {
    let new = secrets
        .new
        .as_ref()
        .or(secrets.current.as_ref())
        .ok_or_else(|| missing(ErrorCode::PassphraseTooShort))?;
    let info = crypt::encrypt(db, new)?;
    done(&info, "encrypted")
}

/// `decrypt`: the current passphrase from `HAMYAR_PASSPHRASE` or stdin.
pub fn decrypt(db: &Path, secrets: &Secrets) -> Result<Output, Failure> {
    let current = secrets.current.as_ref().ok_or_else(|| missing(ErrorCode::LedgerLocked))?;
    let info = crypt::decrypt(db, current)?;
    done(&info, "decrypted")
}

/// `rekey`: the current passphrase as for every command, the new one from
/// `HAMYAR_NEW_PASSPHRASE` or the next line of stdin.
pub fn rekey(db: &Path, secrets: &Secrets) -> Result<Output, Failure> {
    let current = secrets.current.as_ref().ok_or_else(|| missing(ErrorCode::LedgerLocked))?;
    let new = secrets.new.as_ref().ok_or_else(|| missing(ErrorCode::PassphraseTooShort))?;
    let info = crypt::rekey(db, current, new)?;
    done(&info, "passphrase changed")
}
