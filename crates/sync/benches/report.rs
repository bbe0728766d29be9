//! The quarter report's build (and a fiscal year's) on the `large` ledger that the store's
//! `ledger` bench leaves in `target/bench-data/large/` (run it first; `make bench` does).
//!
//! `cargo bench -p hamyar-sync --bench report` (part of `make bench`).

#![allow(clippy::expect_used, missing_docs)]

use std::path::PathBuf;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use hamyar_store::Store;
use hamyar_sync::report;

fn benches(c: &mut Criterion) {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("bench-data").join("large");
    if !dir.join("hamyar.sqlite3").exists() {
        println!("no {}: run `cargo bench -p hamyar-store --bench ledger` first", dir.display());
        return;
    }
    let store = Store::open_in(&dir).expect("open the large ledger");
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid");
    let mut g = c.benchmark_group("large_report");
    g.sample_size(20);
    g.bench_function("quarter_report_build_1404-Q1", |b| {
        b.iter(|| report::preview(store.conn(), "1404-Q1", today).expect("preview"))
    });
    g.bench_function("fiscal_year_report_build_1404", |b| {
        b.iter(|| report::preview(store.conn(), "1404", today).expect("preview"))
    });
    g.finish();
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
