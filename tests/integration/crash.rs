//! Crash safety, measured: a child `hamyar-cli stress` appends production entries as fast as it
//! can, each in its own transaction, and writes each entry's id to an acknowledgement file only
//! after the commit returned; it is killed with SIGKILL at random moments. After every kill the
//! ledger opens, `verify` passes (SQLite's integrity check, every hash chain, every projection
//! rebuilt), and every acknowledged entry is in the journal. `make test` runs 30 kills;
//! `make soak` runs `HAMYAR_CRASH_KILLS=300` (figures in docs/reliability.md).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use hamyar_integration::{Ledger, cli_binary};

/// xorshift64*: random kill moments, reproducible from the seed printed on failure.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_commit() {
    let kills: u32 = std::env::var("HAMYAR_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(30);
    let seed = std::env::var("HAMYAR_CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64) | 1
    });
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut verify_time = Duration::ZERO;
    let mut entries = 0_u64;
    // A fresh ledger every 30 kills keeps each `verify` (a replay of the whole journal) short.
    for first in (1..=kills).step_by(30) {
        entries += kill_rounds(first, kills.min(first + 29), seed, &mut rng, &mut verify_time);
    }
    assert!(entries > 0, "the child never committed: the harness measured nothing");
    eprintln!(
        "crash harness: {kills} kills, {entries} entries committed, seed {seed}, {:.1} s in all, verify {:.1} s",
        started.elapsed().as_secs_f64(),
        verify_time.as_secs_f64()
    );
}

/// Kills `first..=last` on one fresh ledger; returns the entries it ended with.
fn kill_rounds(first: u32, last: u32, seed: u64, rng: &mut Rng, verify_time: &mut Duration) -> u64 {
    let l = Ledger::new();
    assert_eq!(l.cli(&["init"]).code, 0);
    let ack = l.dir().join("acknowledged.txt");
    for round in first..=last {
        let mut child = Command::new(cli_binary())
            .arg("--data-dir")
            .arg(l.dir())
            .args(["stress", "--ack"])
            .arg(&ack)
            .env_remove("HAMYAR_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child");
        std::thread::sleep(Duration::from_millis(40 + rng.next() % 260));
        child.kill().expect("SIGKILL");
        let _ = child.wait();

        let t = Instant::now();
        let verified = l.cli(&["--json", "verify"]);
        *verify_time += t.elapsed();
        assert_eq!(verified.code, 0, "seed {seed}, kill {round}: {verified:?}");
        let text = std::fs::read_to_string(&ack).unwrap_or_default();
        // A line the kill cut short was never a whole acknowledgement.
        let acknowledged: Vec<&str> = text.split_terminator('\n').filter(|id| id.len() == 36).collect();
        let journal = l.sqlite3("SELECT id FROM journal WHERE kind = 'production.record';");
        assert_eq!(journal.code, 0, "{journal:?}");
        let recorded: HashSet<&str> = journal.stdout.lines().collect();
        let lost: Vec<&&str> = acknowledged.iter().filter(|id| !recorded.contains(**id)).collect();
        assert!(lost.is_empty(), "seed {seed}, kill {round}: acknowledged but missing: {lost:?}");
    }
    let entries = l.sqlite3("SELECT COUNT(*) FROM journal WHERE kind = 'production.record';").stdout;
    entries.trim().parse().unwrap_or(0)
}
