//! Both importers on a well-formed XLSX whose worksheet, shared strings and styles are the
//! fuzzer's (raw bytes rarely get past the zip's checksums): the XML, the cell types, numbers and
//! Excel dates of any value, through the same `preview` functions as `member_import` and
//! `production_import`, with the same checks.
#![no_main]

use hamyar_fuzz::{demo_store, fingerprint, is_refusal, now, workbook};
use hamyar_store::member_import::{self, MemberSheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = workbook(data);
    let mut store = demo_store().lock().unwrap_or_else(|e| e.into_inner());
    let before = fingerprint(&store);
    hamyar_fuzz::check_production(hamyar_store::import::preview(&store, now(), "production.xlsx", &bytes));
    let sheet = MemberSheet { name: "members.xlsx".into(), bytes, mapping: None };
    match member_import::preview(&mut store, "fuzz", now(), &sheet) {
        Ok(p) => assert_eq!((p.good + p.bad) as usize, p.rows.len()),
        Err(e) => assert!(is_refusal(&e), "member preview: not a judged refusal: {e:?}"),
    }
    assert_eq!(fingerprint(&store), before, "a preview wrote to the ledger");
});
