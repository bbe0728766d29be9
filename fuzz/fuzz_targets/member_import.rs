//! The member importer (ورود اعضا) on a sheet's raw bytes, CSV or XLSX, through the functions the
//! app calls: `headers` (the column-mapping step), then `preview` without a mapping and again
//! with the mapping the headers suggest, on the demo ledger. Nothing may panic, a refusal must
//! be a judged one with a code, the counts must add up, and the ledger must stay as it was.
#![no_main]

use hamyar_fuzz::{demo_store, fingerprint, is_refusal, now};
use hamyar_store::member_import::{self, MemberSheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The name only matters for bytes that are not a zip: the app passes the file's name.
    let name = if data.starts_with(b"PK") { "members.xlsx" } else { "members.csv" };
    let mut sheet = MemberSheet { name: name.into(), bytes: data.to_vec(), mapping: None };
    let mut store = demo_store().lock().unwrap_or_else(|e| e.into_inner());
    let before = fingerprint(&store);

    let headers = match member_import::headers(&sheet) {
        Ok(h) => Some(h),
        Err(e) => {
            assert!(is_refusal(&e), "headers: not a judged refusal: {e:?}");
            None
        }
    };
    check(member_import::preview(&mut store, "fuzz", now(), &sheet));
    if let Some(headers) = headers {
        sheet.mapping = Some(headers.iter().map(|c| c.field).collect());
        check(member_import::preview(&mut store, "fuzz", now(), &sheet));
    }
    assert_eq!(fingerprint(&store), before, "a preview wrote to the ledger");
});

fn check(result: hamyar_store::Result<member_import::MemberImportPreview>) {
    match result {
        Ok(p) => {
            let bad = p.rows.iter().filter(|r| !r.errors.is_empty()).count();
            assert_eq!(p.bad as usize, bad);
            assert_eq!((p.good + p.bad) as usize, p.rows.len());
            assert!(p.rows.windows(2).all(|w| w[0].row < w[1].row), "rows out of order");
            assert!(p.rows.iter().all(|r| r.row >= 2), "a data row numbered as the header");
        }
        Err(e) => assert!(is_refusal(&e), "preview: not a judged refusal: {e:?}"),
    }
}
