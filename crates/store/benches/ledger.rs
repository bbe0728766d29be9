//! The `large` preset (5,000 members, ten years of daily production, over 1,000,000 events), built
//! through the store's own use cases by `seed` and cached in `target/bench-data/large/`; then the
//! queries the screens run, `verify` of the whole ledger, and the side-by-side measurements:
//! `hledger balance` on the same share ledger against Hamyar's register, and raw rusqlite inserts
//! of the same journal rows against Hamyar's ingest.
//!
//! `cargo bench -p hamyar-store --bench ledger` (part of `make bench`). Each run seeds the ledger
//! afresh, so the ingest and its side-by-side ratio are measured every time (about 7 minutes on the
//! 2-core machine); `BENCH_REUSE=1` reuses the ledger a previous run left, for the queries alone.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::result_large_err,
    clippy::float_arithmetic,
    clippy::cast_precision_loss,
    missing_docs
)]

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use hamyar_store::seed::{SeedSize, seed};
use hamyar_store::{Store, dashboard, hledger, members, production, shares, verify};

fn now() -> DateTime<Utc> {
    "2026-11-28T08:00:00Z".parse().expect("valid time")
}

fn data_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-data").join(name)
}

/// The `large` ledger, seeded afresh (the ingest time is printed), or the previous run's with
/// `BENCH_REUSE=1`.
fn large() -> (Store, Option<Duration>) {
    let dir = data_dir("large");
    if std::env::var_os("BENCH_REUSE").is_some() && dir.join("hamyar.sqlite3").exists() {
        return (Store::open_in(&dir).expect("open"), None);
    }
    let partial = dir.with_extension("partial");
    let _ = std::fs::remove_dir_all(&partial);
    let mut store = Store::open_in(&partial).expect("create");
    let size = SeedSize::preset("large").expect("preset");
    let started = Instant::now();
    let report = seed(&mut store, "bench", now(), size, 7, |_| {}).expect("seed");
    let took = started.elapsed();
    println!(
        "ingest: {} events ({} production entries) in {:.1} s ({:.0} events/s) through the store's use cases",
        report.events,
        report.production_entries,
        took.as_secs_f64(),
        report.events as f64 / took.as_secs_f64().max(f64::EPSILON)
    );
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&partial, &dir).expect("publish the ledger");
    (Store::open_in(&dir).expect("open"), Some(took))
}

/// A journal row as stored: id, device, device_seq, hlc, kind, schema version, payload, prev_hash, hash.
type JournalRow = (String, String, i64, String, String, i64, String, String, String);

/// Raw rusqlite: the same journal rows, inserted with one prepared statement in one transaction
/// into a table of the journal's shape without its triggers, chain or projections.
fn raw_insert_time(store: &Store) -> (u64, Duration) {
    let dir = data_dir("raw-insert");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut raw = rusqlite::Connection::open(dir.join("raw.sqlite3")).expect("raw");
    raw.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE journal (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL,
           device_seq INTEGER NOT NULL, hlc TEXT NOT NULL, kind TEXT NOT NULL, schema_version INTEGER NOT NULL,
           payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);",
    )
    .expect("schema");
    let rows: Vec<JournalRow> = {
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT id, device_id, device_seq, hlc, kind, schema_version, payload, prev_hash, hash \
                   FROM journal ORDER BY seq",
            )
            .expect("read");
        stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
    };
    let started = Instant::now();
    let tx = raw.transaction().expect("tx");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO journal (id, device_id, device_seq, hlc, kind, schema_version, payload, prev_hash, hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .expect("prepare");
        for r in &rows {
            insert.execute(rusqlite::params![r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8]).expect("insert");
        }
    }
    tx.commit().expect("commit");
    let took = started.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    (rows.len() as u64, took)
}

/// `hledger balance` on the exported share ledger, wall clock, median of three runs.
fn hledger_time(store: &Store) -> Option<Duration> {
    let file = data_dir("large-shares.journal");
    std::fs::write(&file, hledger::journal(store.conn()).expect("export")).expect("write");
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let out = Command::new("hledger").args(["-f"]).arg(&file).args(["balance", "-N"]).output().ok()?;
        if !out.status.success() {
            return None;
        }
        times.push(started.elapsed());
    }
    times.sort();
    times.get(1).copied()
}

fn benches(c: &mut Criterion) {
    let (mut store, ingest) = large();
    let events: i64 = store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0)).unwrap();
    assert!(events >= 1_000_000, "the large preset holds over 1,000,000 events ({events})");

    // One-shot figures: verify, the raw-insert baseline, hledger.
    let started = Instant::now();
    let report = verify::run(&mut store).expect("verify");
    let verify_took = started.elapsed();
    assert!(report.ok, "{report:?}");
    println!(
        "verify: {} events, {} chains, {:.1} s",
        report.events_checked,
        report.chains,
        verify_took.as_secs_f64()
    );
    let (raw_rows, raw_took) = raw_insert_time(&store);
    println!(
        "raw insert: {raw_rows} journal rows in {:.2} s (one prepared statement, one transaction)",
        raw_took.as_secs_f64()
    );
    if let Some(took) = ingest {
        println!(
            "ingest / raw insert: {:.1}×",
            took.as_secs_f64() / raw_took.as_secs_f64().max(f64::EPSILON)
        );
    }
    // Hamyar's register in process: the median of 21 calls (the screen's query, 5,000 rows).
    let mut register_times: Vec<Duration> = (0..21)
        .map(|_| {
            let started = Instant::now();
            let register = shares::register(&store).expect("register");
            assert!(register.rows.len() >= 5_000, "{} rows", register.rows.len());
            started.elapsed()
        })
        .collect();
    register_times.sort();
    let register_median = register_times[register_times.len() / 2];
    match hledger_time(&store) {
        Some(h) => println!(
            "hledger balance: {:.3} s (whole process, median of 3) on the 5,000 members' share ledger; \
             Hamyar's register {:.2} ms (in process, median of 21): {:.0}× faster",
            h.as_secs_f64(),
            register_median.as_secs_f64() * 1e3,
            h.as_secs_f64() / register_median.as_secs_f64().max(f64::EPSILON)
        ),
        None => println!("hledger balance: hledger is not installed (make test installs it)"),
    }

    let mut g = c.benchmark_group("large");
    g.sample_size(20);
    g.bench_function("member_statement", |b| b.iter(|| shares::statement(&store, 2_500).expect("statement")));
    g.bench_function("share_register_5000_members", |b| {
        b.iter(|| shares::register(&store).expect("register"))
    });
    g.bench_function("member_list_5000", |b| b.iter(|| members::list(&store).expect("list")));
    g.bench_function("dashboard_figures", |b| b.iter(|| dashboard::figures(&store, now()).expect("figures")));
    g.bench_function("production_summary_fiscal_year", |b| {
        b.iter(|| production::summary(store.conn(), "1404").expect("summary"))
    });
    g.bench_function("production_summary_quarter", |b| {
        b.iter(|| production::summary(store.conn(), "1404-Q3").expect("summary"))
    });
    g.finish();

    // Last, because it adds to the ledger: one interactive production entry, committed in its own
    // IMMEDIATE transaction with synchronous=FULL, on the million-event ledger.
    common::record_one_entry(c, "large_append", &mut store, now());
}

criterion_group!(ledger_benches, benches);
criterion_main!(ledger_benches);
