//! The cooperative's signing key (کلید امضا): made at enrolment and kept in a file of its own in
//! the data folder, readable by the user only. Never inside the database (so never inside a
//! backup or a report) and never sent anywhere: only its public half travels.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use hamyar_core::protocol::KeyPair;

use crate::{Result, SyncError};

/// Where the key lives for the ledger in `data_dir`.
pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("sync").join("signing.key")
}

/// The key, if one was made.
pub fn load(data_dir: &Path) -> Result<Option<KeyPair>> {
    let path = key_path(data_dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => KeyPair::from_seed_hex(&text).map(Some).ok_or_else(|| {
            SyncError::from(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} is not a signing key", path.display()),
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The key, made now (from the operating system's random source) if there is none yet.
pub fn load_or_create(data_dir: &Path) -> Result<KeyPair> {
    if let Some(key) = load(data_dir)? {
        return Ok(key);
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| SyncError::from(std::io::Error::other(format!("no random source: {e}"))))?;
    let key = KeyPair::from_seed(seed);
    let path = key_path(data_dir);
    let dir = path.parent().unwrap_or(data_dir);
    std::fs::create_dir_all(dir)?;
    let part = path.with_extension("key.part");
    {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options.open(&part)?;
        file.write_all(key.seed_hex().as_bytes())?;
        file.sync_all()?;
    }
    std::fs::rename(&part, &path)?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_kept_private_and_read_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(load(dir.path()).expect("reads").is_none());
        let made = load_or_create(dir.path()).expect("made");
        let again = load_or_create(dir.path()).expect("read");
        assert_eq!(made.public_hex(), again.public_hex());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(key_path(dir.path())).expect("meta").permissions().mode();
            assert_eq!(mode & 0o077, 0, "only the user may read the key");
        }
    }

    #[test]
    fn a_damaged_key_file_is_an_error_not_a_new_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("sync")).expect("dir");
        std::fs::write(key_path(dir.path()), "not hex").expect("write");
        assert!(load_or_create(dir.path()).is_err());
    }
}
