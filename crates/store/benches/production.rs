//! Production at scale: 1,000,000 entries ingested through the store's own use case
//! (`record_production_in`, the path an import takes), then the queries the screens run on them.
//! The ledger is built once into `target/bench-data/` and reused; delete it to rebuild.
//!
//! `cargo bench -p hamyar-store --bench production` (or `make bench`).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::result_large_err,
    clippy::float_arithmetic,
    missing_docs
)]

mod common;

use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Days, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use hamyar_core::member::MemberInput;
use hamyar_core::production::{ProductInput, ProductionInput, WorkerInput};
use hamyar_store::{Store, dashboard, members, production};

const ENTRIES: u32 = 1_000_000;
const BATCH: u32 = 10_000;
const PRODUCTS: u32 = 20;
const MEMBERS: u32 = 30;

fn now() -> DateTime<Utc> {
    "2026-11-28T08:00:00Z".parse().expect("valid time")
}

fn ledger_path() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-data").join("production-1m")
}

/// Builds the 1,000,000-entry ledger unless it is already there; prints how long ingest took.
fn ledger() -> Store {
    let dir = ledger_path();
    if dir.join("hamyar.sqlite3").exists() {
        return Store::open_in(&dir).expect("open");
    }
    let partial = dir.with_extension("partial");
    let _ = std::fs::remove_dir_all(&partial);
    let mut store = Store::open_in(&partial).expect("create");
    for i in 1..=MEMBERS {
        let m = MemberInput {
            first_name: format!("عضو {i}"),
            last_name: "نمونه".into(),
            national_code: hamyar_core::ids::NationalCode::sample(i).as_str().to_owned(),
            joined: "1398/01/01".into(),
            ..MemberInput::default()
        };
        members::add(&mut store, "bench", now(), &m).expect("member");
    }
    for p in 1..=PRODUCTS {
        let unit = if p.is_multiple_of(2) { "kilogram" } else { "piece" };
        let input =
            ProductInput { name: format!("کالای {p}"), unit: unit.into(), ..ProductInput::default() };
        production::add_product(&mut store, "bench", now(), &input).expect("product");
    }
    // Three years of days before today, ~913 entries a day.
    let first = NaiveDate::from_ymd_opt(2023, 11, 28).expect("valid");
    let span = 3 * 365;
    let started = Instant::now();
    let mut n = 0u32;
    while n < ENTRIES {
        store
            .write("bench", now(), |w| {
                for k in n..(n + BATCH).min(ENTRIES) {
                    let day = first.checked_add_days(Days::new(u64::from(k % span))).expect("day");
                    let product = 1 + k % PRODUCTS;
                    let quantity = if product.is_multiple_of(2) {
                        format!("{}.{}", 1 + k % 97, k % 10)
                    } else {
                        (1 + k % 97).to_string()
                    };
                    let workers = if k % 4 == 0 {
                        vec![WorkerInput { membership_no: 1 + k % MEMBERS, hours: "8".into() }]
                    } else {
                        Vec::new()
                    };
                    let input = ProductionInput {
                        date: day.to_string(),
                        product,
                        quantity,
                        unit_value: (100_000 + u64::from(product) * 25_000).to_string(),
                        workshop: format!("خط {}", 1 + k % 3),
                        workers,
                        ..ProductionInput::default()
                    };
                    production::record_production_in(w, &input)?;
                }
                Ok(())
            })
            .expect("batch");
        n += BATCH;
    }
    let took = started.elapsed();
    println!(
        "ingest: {ENTRIES} production entries in {:.1} s ({:.0} entries/s) through record_production_in, {BATCH} per transaction",
        took.as_secs_f64(),
        f64::from(ENTRIES) / took.as_secs_f64().max(f64::EPSILON)
    );
    drop(store);
    std::fs::rename(&partial, &dir).expect("publish the ledger");
    Store::open_in(&dir).expect("open")
}

fn benches(c: &mut Criterion) {
    let mut store = ledger();
    let entries: i64 =
        store.conn().query_row("SELECT COUNT(*) FROM production_entry", [], |r| r.get(0)).unwrap();
    assert!(entries >= i64::from(ENTRIES));
    let conn_summary = |period: &'static str| {
        move |b: &mut criterion::Bencher<'_>, store: &Store| {
            b.iter(|| production::summary(store.conn(), period).expect("summary"))
        }
    };
    let mut g = c.benchmark_group("production_1m");
    g.sample_size(20);
    g.bench_with_input("summary_month_1404-06", &store, conn_summary("1404-06"));
    g.bench_with_input("summary_quarter_1404-Q2", &store, conn_summary("1404-Q2"));
    g.bench_with_input("summary_fiscal_year_1404", &store, conn_summary("1404"));
    g.bench_with_input("monthly_totals_12_months", &store, |b, s| {
        let last = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        b.iter(|| production::monthly(s.conn(), last, 12).expect("monthly"))
    });
    g.bench_with_input("monthly_summaries_for_a_year", &store, |b, s| {
        b.iter(|| {
            for m in 1..=12 {
                production::summary(s.conn(), &format!("1404-{m:02}")).expect("summary");
            }
        })
    });
    g.bench_with_input("dashboard_figures", &store, |b, s| {
        b.iter(|| dashboard::figures(s, now()).expect("figures"))
    });
    g.finish();
    common::record_one_entry(c, "production_append", &mut store, now());
}

criterion_group!(production_benches, benches);
criterion_main!(production_benches);
