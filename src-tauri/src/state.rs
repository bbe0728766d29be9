//! The app's state: the ledger, opened once at start in the data folder.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::{Store, paths};

/// What every command reaches: the open ledger, or why it could not be opened (shown by the UI).
#[derive(Debug)]
pub struct AppState {
    pub data_dir: Option<PathBuf>,
    store: Result<Mutex<Store>, IpcError>,
}

impl AppState {
    /// Opens the ledger in `HAMYAR_DATA_DIR` or the app's data folder.
    pub fn open() -> Self {
        let data_dir = paths::data_dir();
        let store = match &data_dir {
            Some(dir) => Store::open_in(dir).map(Mutex::new).map_err(|e| e.to_ipc()),
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
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, IpcError> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        mutex.lock().map_err(|_| IpcError::from_code(ErrorCode::Internal))
    }
}
