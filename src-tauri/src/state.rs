//! The app's state: the ledger, opened once at start in the data folder, and closed only to be
//! swapped for a restored backup.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::{Store, paths};

/// What every command reaches: the open ledger, or why it could not be opened (shown by the UI).
#[derive(Debug)]
pub struct AppState {
    pub data_dir: Option<PathBuf>,
    store: Result<Mutex<Option<Store>>, IpcError>,
}

/// The ledger, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        // `AppState::store` hands out a guard only while the ledger is open.
        self.0.as_ref().unwrap_or_else(|| unreachable!("the ledger is open while a guard exists"))
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().unwrap_or_else(|| unreachable!("the ledger is open while a guard exists"))
    }
}

impl AppState {
    /// Opens the ledger in `HAMYAR_DATA_DIR` or the app's data folder.
    pub fn open() -> Self {
        let data_dir = paths::data_dir();
        let store = match &data_dir {
            Some(dir) => Store::open_in(dir).map(|s| Mutex::new(Some(s))).map_err(|e| e.to_ipc()),
            None => Err(IpcError {
                code: ErrorCode::IoFailed,
                message: "no data folder: set HAMYAR_DATA_DIR or HOME".into(),
                details: None,
            }),
        };
        if let Err(e) = &store {
            eprintln!("hamyar: the ledger could not be opened: {e}");
        }
        Self { data_dir, store }
    }

    /// The ledger, locked for one command.
    pub fn store(&self) -> Result<StoreGuard<'_>, IpcError> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        let guard = mutex.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))?;
        if guard.is_none() {
            return Err(IpcError::from_code(ErrorCode::Internal));
        }
        Ok(StoreGuard(guard))
    }

    /// Runs `swap` with the ledger closed (its file free to be replaced), then opens it again —
    /// the restored one, or the untouched one when `swap` failed.
    pub fn with_ledger_closed<T>(
        &self,
        swap: impl FnOnce(&std::path::Path) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        let mut guard = mutex.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))?;
        let store = guard.take().ok_or_else(|| IpcError::from_code(ErrorCode::Internal))?;
        let path = store.path().to_path_buf();
        drop(store);
        let outcome = swap(&path);
        let reopened = Store::open(&path).map_err(|e| e.to_ipc())?;
        *guard = Some(reopened);
        outcome
    }
}
