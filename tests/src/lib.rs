//! Helpers for the cross-crate integration tests: run the real `hamyar-cli` binary on a fresh
//! data folder, run `sqlite3` on the real file, and fingerprint the files a refusal must not touch.

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod fault_proxy;
pub mod registry;

/// The workspace's target folder, found from this test executable (`target/<profile>/deps/…`).
pub(crate) fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    exe.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_default()
}

/// Path of the `hamyar-cli` binary built by `cargo test --workspace` (or `cargo build -p hamyar-cli`).
pub fn cli_binary() -> PathBuf {
    let bin = target_dir().join(format!("hamyar-cli{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: run `cargo build -p hamyar-cli` (make test does)", bin.display());
    bin
}

/// What one CLI run produced.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Standard output parsed as JSON (panics with the output when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {self:?}"))
    }
}

/// A fresh data folder and the CLI pointed at it.
#[derive(Debug)]
pub struct Ledger {
    dir: tempfile::TempDir,
}

impl Default for Ledger {
    fn default() -> Self {
        Self::new()
    }
}

impl Ledger {
    /// An empty data folder.
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}")) }
    }

    /// The data folder.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The ledger file in it.
    pub fn database(&self) -> PathBuf {
        self.dir.path().join("hamyar.sqlite3")
    }

    /// Runs `hamyar-cli --data-dir DIR ARGS…`.
    pub fn cli(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(cli_binary());
        cmd.arg("--data-dir").arg(self.dir.path()).args(args).env_remove("HAMYAR_DATA_DIR");
        run(cmd)
    }

    /// Runs `hamyar-cli --data-dir DIR ARGS…` with no passphrase or password from this process's
    /// environment, `env` set instead, and `stdin` written to its standard input.
    pub fn cli_with(&self, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Run {
        use std::io::Write as _;
        use std::process::Stdio;
        let mut cmd = Command::new(cli_binary());
        cmd.arg("--data-dir").arg(self.dir.path()).args(args);
        for var in [
            "HAMYAR_DATA_DIR",
            "HAMYAR_PASSPHRASE",
            "HAMYAR_NEW_PASSPHRASE",
            "HAMYAR_BACKUP_PASSPHRASE",
            "HAMYAR_PASSWORD",
            "HAMYAR_NEW_PASSWORD",
        ] {
            cmd.env_remove(var);
        }
        cmd.envs(env.iter().copied()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
        if let Some(mut input) = child.stdin.take() {
            input.write_all(stdin.as_bytes()).unwrap_or_else(|e| panic!("stdin: {e}"));
        }
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("wait: {e}"));
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs `sqlite3 FILE SQL` on the ledger, as anyone holding the file could.
    pub fn sqlite3(&self, sql: &str) -> Run {
        let mut cmd = Command::new("sqlite3");
        cmd.arg(self.database()).arg(sql);
        run(cmd)
    }

    /// The bytes of the database and its WAL, to prove a refusal changed nothing.
    pub fn fingerprint(&self) -> (Vec<u8>, Vec<u8>) {
        let db = self.database();
        let wal = db.with_extension("sqlite3-wal");
        (std::fs::read(&db).unwrap_or_default(), std::fs::read(&wal).unwrap_or_default())
    }
}

/// Runs a command and captures its output.
pub fn run(mut cmd: Command) -> Run {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
