//! The app's state: the ledger, opened once at start in the data folder, and closed only to be
//! swapped for a restored backup. When the ledger cannot be opened (a damaged file), the reason is
//! kept for the window, and a restore from a backup can still put a good ledger in its place.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::crypt::{self, Passphrase};
use hamyar_store::{Store, paths};

/// The open ledger, or why it is not open.
#[derive(Debug)]
enum Ledger {
    Open(Store),
    /// Encrypted, and no passphrase given yet (docs/encryption.md).
    Locked,
    Failed(IpcError),
}

/// What every command reaches.
#[derive(Debug)]
pub struct AppState {
    pub data_dir: Option<PathBuf>,
    ledger: Mutex<Ledger>,
    /// The registry sender's state: one pass at a time, the last one remembered.
    pub sync: crate::sync::SyncState,
    /// Who is logged in (users and roles); applied to the ledger before every command.
    pub session: crate::session::Session,
}

/// The ledger, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Ledger>);

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &*self.0 {
            Ledger::Open(store) => store,
            // `AppState::store` hands out a guard only while the ledger is open.
            Ledger::Locked | Ledger::Failed(_) => unreachable!("the ledger is open while a guard exists"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ledger::Open(store) => store,
            Ledger::Locked | Ledger::Failed(_) => unreachable!("the ledger is open while a guard exists"),
        }
    }
}

fn no_data_dir() -> IpcError {
    IpcError {
        code: ErrorCode::IoFailed,
        message: "no data folder: set HAMYAR_DATA_DIR or HOME".into(),
        details: None,
    }
}

/// Opens the ledger, with `key` when it is encrypted; locked when no key (or a wrong one) is given.
fn open_at(path: &Path, key: Option<&Passphrase>) -> Ledger {
    match crypt::open(path, key) {
        Ok(store) => Ledger::Open(store),
        Err(e) if matches!(e.code(), ErrorCode::LedgerLocked | ErrorCode::PassphraseWrong) => Ledger::Locked,
        Err(e) => {
            eprintln!("hamyar: the ledger could not be opened: {e}");
            Ledger::Failed(e.to_ipc())
        }
    }
}

impl AppState {
    /// Opens the ledger in `HAMYAR_DATA_DIR` or the app's data folder.
    pub fn open() -> Self {
        let data_dir = paths::data_dir();
        let ledger = match &data_dir {
            Some(dir) => match std::fs::create_dir_all(dir) {
                Ok(()) => open_at(&dir.join(paths::DATABASE_FILE), None),
                Err(e) => Ledger::Failed(hamyar_store::StoreError::Io(e).to_ipc()),
            },
            None => Ledger::Failed(no_data_dir()),
        };
        Self {
            data_dir,
            ledger: Mutex::new(ledger),
            sync: crate::sync::SyncState::default(),
            session: crate::session::Session::default(),
        }
    }

    /// The ledger, locked for one command, with the session's user as its actor; why it is not
    /// open otherwise, or `login_required` when users are on and nobody is logged in.
    pub fn store(&self) -> Result<StoreGuard<'_>, IpcError> {
        let mut store = self.open_store()?;
        self.session.apply(&mut store)?;
        Ok(store)
    }

    /// The ledger without the session's check: for the login itself, app facts and the
    /// background sender (which appends nothing).
    pub fn open_store(&self) -> Result<StoreGuard<'_>, IpcError> {
        let guard = self.ledger.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))?;
        match &*guard {
            Ledger::Open(_) => Ok(StoreGuard(guard)),
            Ledger::Locked => Err(IpcError::from_code(ErrorCode::LedgerLocked)),
            Ledger::Failed(e) => Err(e.clone()),
        }
    }

    /// Whether the ledger waits for its passphrase.
    pub fn is_locked(&self) -> bool {
        self.ledger.lock().is_ok_and(|l| matches!(&*l, Ledger::Locked))
    }

    /// Opens the locked ledger with `key`; `passphrase_wrong` leaves it locked and its file untouched.
    pub fn unlock(&self, key: &Passphrase) -> Result<(), IpcError> {
        let dir = self.data_dir.as_ref().ok_or_else(no_data_dir)?;
        let mut guard = self.ledger.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))?;
        if matches!(&*guard, Ledger::Locked) {
            let store = crypt::open(&dir.join(paths::DATABASE_FILE), Some(key)).map_err(|e| e.to_ipc())?;
            *guard = Ledger::Open(store);
        }
        Ok(())
    }

    /// Runs `swap` with the ledger closed (its file free to be replaced), then opens it again —
    /// the restored one, or the untouched one when `swap` failed. Works when the ledger could not
    /// be opened at all: that is when a backup is most needed.
    /// `swap` is handed the passphrase the ledger was opened with and may change it (encryption,
    /// a backup under another passphrase); the ledger is reopened with what it leaves there.
    pub fn with_ledger_closed<T>(
        &self,
        swap: impl FnOnce(&Path, &mut Option<Passphrase>) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let dir = self.data_dir.as_ref().ok_or_else(no_data_dir)?;
        let mut guard = self.ledger.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))?;
        let (path, mut key) = match &*guard {
            Ledger::Open(store) => (store.path().to_path_buf(), store.key().cloned()),
            Ledger::Locked | Ledger::Failed(_) => (dir.join(paths::DATABASE_FILE), None),
        };
        // Closing the store checkpoints its WAL into the file before anything moves.
        *guard = Ledger::Failed(IpcError::from_code(ErrorCode::Internal));
        let outcome = swap(&path, &mut key);
        *guard = open_at(&path, key.as_ref());
        outcome
    }
}

impl hamyar_sync::outbox::Ledger for AppState {
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> hamyar_sync::Result<T>) -> hamyar_sync::Result<T> {
        let mut store = self.open_store().map_err(|e| hamyar_store::StoreError::Refused(e.code))?;
        f(&mut store)
    }
}
