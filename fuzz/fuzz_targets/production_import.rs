//! The production importer (ورود تولید از اکسل) on a sheet's raw bytes, CSV or XLSX, through
//! `import::preview` on the demo ledger (its products, members and statute). Nothing may panic,
//! a refusal must be a judged one with a code, every good row's date must be a day the ledger
//! accepts, and the ledger must stay as it was.
#![no_main]

use hamyar_fuzz::{demo_store, fingerprint, now};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = if data.starts_with(b"PK") { "production.xlsx" } else { "production.csv" };
    let store = demo_store().lock().unwrap_or_else(|e| e.into_inner());
    let before = fingerprint(&store);
    hamyar_fuzz::check_production(hamyar_store::import::preview(&store, now(), name, data));
    assert_eq!(fingerprint(&store), before, "a preview wrote to the ledger");
});
