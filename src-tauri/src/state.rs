//! The app's state: the ledger, opened once at start in the data folder, and closed only to be
//! swapped for a restored backup. When the ledger cannot be opened (a damaged file), the reason is
//! kept for the window, and a restore from a backup can still put a good ledger in its place.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::{Store, paths};

/// The open ledger, or why it is not open.
#[derive(Debug)]
enum Ledger {
    Open(Store),
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
            Ledger::Failed(_) => unreachable!("the ledger is open while a guard exists"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ledger::Open(store) => store,
            Ledger::Failed(_) => unreachable!("the ledger is open while a guard exists"),
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

fn open_at(path: &Path) -> Ledger {
    match Store::open(path) {
        Ok(store) => Ledger::Open(store),
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
                Ok(()) => open_at(&dir.join(paths::DATABASE_FILE)),
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
            Ledger::Failed(e) => Err(e.clone()),
        }
    }

    /// Runs `swap` with the ledger closed (its file free to be replaced), then opens it again —
    /// the restored one, or the untouched one when `swap` failed. Works when the ledger could not
    /// be opened at all: that is when a backup is most needed.
    pub fn with_ledger_closed<T>(
        &self,
        swap: impl FnOnce(&Path) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let dir = self.data_dir.as_ref().ok_or_else(no_data_dir)?;
        let mut guard = self.ledger.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))?;
        let path = match &*guard {
            Ledger::Open(store) => store.path().to_path_buf(),
            Ledger::Failed(_) => dir.join(paths::DATABASE_FILE),
        };
        // Closing the store checkpoints its WAL into the file before anything moves.
        *guard = Ledger::Failed(IpcError::from_code(ErrorCode::Internal));
        let outcome = swap(&path);
        *guard = open_at(&path);
        outcome
    }
}

impl hamyar_sync::outbox::Ledger for AppState {
    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> hamyar_sync::Result<T>) -> hamyar_sync::Result<T> {
        let mut store = self.open_store().map_err(|e| hamyar_store::StoreError::Refused(e.code))?;
        f(&mut store)
    }
}
