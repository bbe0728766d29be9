//! Where Hamyar keeps its database: `HAMYAR_DATA_DIR`, else the platform's per-user data
//! folder plus the app identifier — the folder Tauri calls the app data dir, so the desktop
//! app and `hamyar-cli` always open the same ledger.

use std::path::PathBuf;

/// The app's identifier (tauri.conf.json `identifier`).
pub const APP_IDENTIFIER: &str = "ir.hamyar.desktop";
/// The ledger's file name inside the data folder.
pub const DATABASE_FILE: &str = "hamyar.sqlite3";
/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "HAMYAR_DATA_DIR";

/// The data folder: `HAMYAR_DATA_DIR` when set and not empty, else the platform default.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => platform_data_dir().map(|d| d.join(APP_IDENTIFIER)),
    }
}

/// The per-user data folder: `$XDG_DATA_HOME` or `~/.local/share` on Linux,
/// `~/Library/Application Support` on macOS, `%APPDATA%` on Windows.
fn platform_data_dir() -> Option<PathBuf> {
    let env_dir = |name: &str| std::env::var_os(name).map(PathBuf::from).filter(|p| p.is_absolute());
    if cfg!(windows) {
        env_dir("APPDATA")
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env_dir("XDG_DATA_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".local/share")))
    }
}
