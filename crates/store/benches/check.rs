//! `make bench-check`: a quick regression guard. Absolute times are noisy on a shared machine, so
//! each figure is a ratio to a raw-SQLite baseline measured in the same run: Hamyar's ingest
//! against raw inserts of the same journal rows, and the screens' queries and `verify` against a
//! full scan of the journal. The ratios are compared with `benches/check-baseline.json`; a ratio
//! more than 25% above its baseline fails the run. `BENCH_CHECK_WRITE=1` records new baselines.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::result_large_err,
    clippy::float_arithmetic,
    clippy::cast_precision_loss,
    missing_docs
)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Utc};
use hamyar_store::seed::{SeedSize, seed};
use hamyar_store::{Store, dashboard, production, shares, verify};

const TOLERANCE: f64 = 1.25;

fn now() -> DateTime<Utc> {
    "2026-11-28T08:00:00Z".parse().expect("valid time")
}

/// Median of `runs` timings of `f`, in seconds.
fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The least any ingest of this ledger can cost on Hamyar's schema: every row the seed left in the
/// journal and the projections, read into memory, then inserted into a new ledger's empty tables
/// with one prepared statement per table in one transaction — the same indexes, keys, checks and
/// foreign keys (deferred to the commit, so the tables can go in any order), none of the
/// validation, serialisation, hashing or reads an event needs. A lower bound: a day's total is
/// inserted once here where ingest updates it once per entry. Returns seconds and rows.
fn schema_floor(store: &Store, dir: &std::path::Path) -> (f64, usize) {
    use rusqlite::types::Value;
    let floor_dir = dir.join("floor");
    drop(Store::open_in(&floor_dir).expect("empty ledger"));
    let src = store.conn();
    let names: Vec<String> = {
        let mut stmt = src
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .expect("tables");
        stmt.query_map([], |r| r.get(0)).expect("names").map(Result::unwrap).collect()
    };
    let mut dst =
        rusqlite::Connection::open(floor_dir.join(hamyar_store::paths::DATABASE_FILE)).expect("floor ledger");
    dst.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        .expect("pragmas");
    // This device's row, as a device that is not the floor ledger's own.
    dst.execute(
        "INSERT INTO device (id, is_local, created_at) SELECT ?1, 0, '2026-11-28T08:00:00.000Z'",
        [store.device_id()],
    )
    .expect("device");
    let mut tables: Vec<(String, usize, Vec<Vec<Value>>)> = Vec::new();
    for name in names {
        let empty: bool = dst
            .query_row(&format!("SELECT NOT EXISTS (SELECT 1 FROM \"{name}\")"), [], |r| r.get(0))
            .expect("empty?");
        if !empty {
            continue; // the device table, and what the migrations fill
        }
        let mut stmt = src.prepare(&format!("SELECT * FROM \"{name}\"")).expect("read");
        let width = stmt.column_count();
        let rows: Vec<Vec<Value>> = stmt
            .query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())
            .expect("rows")
            .map(Result::unwrap)
            .collect();
        if !rows.is_empty() {
            tables.push((name, width, rows));
        }
    }
    // The journal first, as ingest writes it before its projections.
    tables.sort_by_key(|(name, _, _)| name != "journal");
    let count = tables.iter().map(|(_, _, rows)| rows.len()).sum();
    let started = Instant::now();
    let tx = dst.transaction().expect("tx");
    tx.pragma_update(None, "defer_foreign_keys", "ON").expect("defer");
    for (name, width, rows) in &tables {
        let marks = vec!["?"; *width].join(", ");
        let mut insert = tx.prepare(&format!("INSERT INTO \"{name}\" VALUES ({marks})")).expect("prepare");
        for row in rows {
            insert.execute(rusqlite::params_from_iter(row)).expect("insert");
        }
    }
    tx.commit().expect("commit");
    (started.elapsed().as_secs_f64(), count)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("store");
    let size = SeedSize { members: 300, years: 1, production_per_day: 40 };
    let started = Instant::now();
    seed(&mut store, "bench", now(), size, 3, |_| {}).expect("seed");
    let ingest = started.elapsed().as_secs_f64();

    // The raw baseline: the same journal rows into a bare table, one prepared statement, one transaction.
    let rows: Vec<(String, String, String)> = {
        let mut stmt =
            store.conn().prepare("SELECT id, kind, payload FROM journal ORDER BY seq").expect("read");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("rows")
            .map(Result::unwrap)
            .collect()
    };
    let mut raw = rusqlite::Connection::open(dir.path().join("raw.sqlite3")).expect("raw");
    raw.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;").expect("pragmas");
    // The raw run takes a few tens of milliseconds, so one run is at the mercy of the machine's
    // other work: the median of five, each into a new table.
    let raw_insert = median(5, || {
        raw.execute_batch(
            "DROP TABLE IF EXISTS journal;
             CREATE TABLE journal (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, payload TEXT NOT NULL);",
        )
        .expect("schema");
        let tx = raw.transaction().expect("tx");
        {
            let mut insert =
                tx.prepare("INSERT INTO journal (id, kind, payload) VALUES (?1, ?2, ?3)").expect("prepare");
            for r in &rows {
                insert.execute(rusqlite::params![r.0, r.1, r.2]).expect("insert");
            }
        }
        tx.commit().expect("commit");
    });
    let (floor, floor_rows) = schema_floor(&store, dir.path());
    let scan = median(15, || {
        let _: i64 = store
            .conn()
            .query_row("SELECT SUM(length(payload)) FROM journal", [], |r| r.get(0))
            .expect("scan");
    });

    let mut ratios = BTreeMap::new();
    ratios.insert("ingest_per_raw_insert", ingest / raw_insert);
    ratios
        .insert("register_per_scan", median(15, || drop(shares::register(&store).expect("register"))) / scan);
    ratios.insert(
        "statement_per_scan",
        median(15, || drop(shares::statement(&store, 150).expect("statement"))) / scan,
    );
    ratios.insert(
        "dashboard_per_scan",
        median(15, || drop(dashboard::figures(&store, now()).expect("dashboard"))) / scan,
    );
    ratios.insert(
        "summary_year_per_scan",
        median(15, || drop(production::summary(store.conn(), "1404").expect("summary"))) / scan,
    );
    ratios
        .insert("verify_per_scan", median(3, || assert!(verify::run(&mut store).expect("verify").ok)) / scan);

    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/check-baseline.json");
    if std::env::var_os("BENCH_CHECK_WRITE").is_some() {
        let text = serde_json::to_string_pretty(&ratios).expect("json");
        std::fs::write(&path, text + "\n").expect("write baseline");
        println!("baseline written to {}", path.display());
        return;
    }
    let baseline: BTreeMap<String, f64> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("baseline")).expect("baseline json");
    let mut failed = Vec::new();
    for (name, ratio) in &ratios {
        let base = baseline.get(*name).copied().unwrap_or(f64::INFINITY);
        let verdict = if *ratio > base * TOLERANCE { "REGRESSION" } else { "ok" };
        println!("{name:<24} {ratio:>10.2}  (baseline {base:.2})  {verdict}");
        if *ratio > base * TOLERANCE {
            failed.push(*name);
        }
    }
    println!(
        "raw baseline: {} journal rows inserted in {:.3} s; full journal scan {:.2} ms",
        rows.len(),
        raw_insert,
        scan * 1e3
    );
    println!(
        "schema floor (not judged): the ledger's {floor_rows} rows copied into an empty ledger's tables, every index, \
         key and foreign key, one transaction: {floor:.3} s = {:.2}x the raw baseline; ingest is {:.2}x the floor",
        floor / raw_insert,
        ingest / floor
    );
    assert!(failed.is_empty(), "more than 25% slower than the baseline: {failed:?}");
}
