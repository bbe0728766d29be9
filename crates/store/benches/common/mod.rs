//! What the store's benches share.

use chrono::{DateTime, Utc};
use criterion::Criterion;
use hamyar_core::production::ProductionInput;
use hamyar_store::{Store, production};

/// One interactive production entry, committed in its own IMMEDIATE transaction with
/// `synchronous=FULL`, as group `group`; it adds to the ledger, so benches run it last.
pub fn record_one_entry(c: &mut Criterion, group: &str, store: &mut Store, now: DateTime<Utc>) {
    let mut one = c.benchmark_group(group);
    one.sample_size(50);
    one.bench_function("record_one_entry_committed", |b| {
        let input = ProductionInput {
            date: "2026-11-27".into(),
            product: 1,
            quantity: "5".into(),
            unit_value: "125000".into(),
            ..ProductionInput::default()
        };
        b.iter(|| production::record_production(store, "bench", now, &input).expect("recorded"))
    });
    one.finish();
}
