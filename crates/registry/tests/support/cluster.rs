//! A throwaway PostgreSQL cluster for the tests: `initdb` in a temporary folder, `pg_ctl start`
//! on a free port of 127.0.0.1 (and a unix socket in the same folder), trust authentication, no
//! fsync. One cluster per test binary, started by the first test that needs it; each test gets
//! a database of its own. PostgreSQL refuses to run as root, so as root the cluster runs as
//! `nobody`. Missing PostgreSQL binaries fail the test (they are not a reason to skip it).
//!
//! A static is never dropped, so a small watchdog (`sh`) started beside the cluster waits for
//! this test process to end, then stops the server and removes the folder; [`Cluster`]'s `Drop`
//! does the same for a cluster that is not the shared one.

use std::net::TcpListener;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The Debian package that provides `initdb` and `pg_ctl` (`make deps-test` installs it).
pub const PACKAGE: &str = "postgresql";

/// A running cluster; stopped and removed when dropped.
pub struct Cluster {
    base: PathBuf,
    bin: PathBuf,
    port: u16,
    watchdog: Child,
}

/// The cluster of this test binary, started on first use.
pub fn shared() -> &'static Cluster {
    static CLUSTER: OnceLock<Cluster> = OnceLock::new();
    CLUSTER.get_or_init(Cluster::start)
}

/// Stops the postmaster in `$1/data` when process `$2` has ended (or at once when `$2` is
/// empty), then removes `$1`.
const WATCHDOG: &str = r#"
if [ -n "$2" ]; then
  while kill -0 "$2" 2>/dev/null; do sleep 0.2; done
fi
pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null)
if [ -n "$pid" ]; then
  kill -QUIT "$pid" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
fi
rm -rf "$1"
"#;

impl Cluster {
    /// Makes and starts a cluster; panics with the reason (and the server's log) if it cannot.
    pub fn start() -> Cluster {
        let bin = bin_dir();
        let base = tempfile::Builder::new().prefix("hamyar-registry-pg-").tempdir().expect("tempdir").keep();
        let watchdog = Command::new("sh")
            .args(["-c", WATCHDOG, "watchdog"])
            .arg(&base)
            .arg(std::process::id().to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the cluster's watchdog (sh)");
        if running_as_root() {
            let owned = Command::new("chown").arg("nobody:nogroup").arg(&base).status().expect("chown");
            assert!(owned.success(), "chown nobody:nogroup {}", base.display());
        }
        let initdb = unprivileged(&bin.join("initdb"), &base)
            .args(["--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C"])
            .args(["--no-sync", "--no-instructions", "--pgdata"])
            .arg(base.join("data"))
            .output()
            .expect("run initdb");
        assert!(initdb.status.success(), "initdb failed: {}", String::from_utf8_lossy(&initdb.stderr));
        let mut cluster = Cluster { base, bin, port: 0, watchdog };
        // A port found free can be taken before the server binds it: try a few.
        for _ in 0..5 {
            cluster.port = free_port();
            if cluster.pg_ctl_start() {
                return cluster;
            }
        }
        let log = std::fs::read_to_string(cluster.base.join("server.log")).unwrap_or_default();
        panic!("the PostgreSQL test cluster did not start:\n{log}");
    }

    fn pg_ctl_start(&self) -> bool {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off -c max_connections=200",
            self.port,
            self.base.display()
        );
        unprivileged(&self.bin.join("pg_ctl"), &self.base)
            .args(["start", "--wait", "--timeout=60", "--silent", "--pgdata"])
            .arg(self.base.join("data"))
            .arg("--log")
            .arg(self.base.join("server.log"))
            .args(["--options", &options])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// The URL of database `name` on this cluster.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// The URL of database `name` through the cluster's unix socket (the host is the socket's
    /// folder, percent-encoded).
    pub fn socket_url(&self, name: &str) -> String {
        let folder = self.base.to_str().expect("utf8").replace('/', "%2F");
        format!("postgresql://postgres@{folder}:{}/{name}", self.port)
    }

    /// A new empty database; its name.
    pub fn create_database(&self) -> String {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let name = format!("registry_{}", NEXT.fetch_add(1, Ordering::Relaxed));
        let mut admin = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test cluster");
        admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create a test database");
        name
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.watchdog.kill();
        let _ = self.watchdog.wait();
        let _ = Command::new("sh").args(["-c", WATCHDOG, "stop"]).arg(&self.base).arg("").status();
    }
}

/// The folder with `initdb` and `pg_ctl` (the newest of /usr/lib/postgresql/*/bin).
fn bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            (bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()).then_some((version, bin))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!(
            "the PostgreSQL tests need a PostgreSQL server: no initdb and pg_ctl under \
             /usr/lib/postgresql/*/bin. Install the Debian package `{PACKAGE}` \
             (apt-get install -y {PACKAGE}; `make deps-test` does)"
        ),
    }
}

/// Whether this process is root (its /proc entry belongs to its effective user).
fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// `program` to run from `dir`, as `nobody` when this process is root.
fn unprivileged(program: &Path, dir: &Path) -> Command {
    let mut command = if running_as_root() {
        let mut setpriv = Command::new("setpriv");
        setpriv.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]).arg(program);
        setpriv
    } else {
        Command::new(program)
    };
    command.current_dir(dir).stdin(Stdio::null());
    command
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}
