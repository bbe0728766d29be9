//! What the fuzz targets share: the demo cooperative's ledger in memory (made once per process),
//! a fingerprint that tells whether a preview wrote anything, the errors an importer may answer
//! with, and an XLSX workbook around fuzzed sheet XML.

use std::io::{Cursor, Read, Write};
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, TimeZone, Utc};
use hamyar_core::ErrorCode;
use hamyar_store::{Store, StoreError};

/// The instant the fuzzed previews run at: 1405/08/10, after the last of the demo's dated records.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).single().unwrap_or_default()
}

/// The demo cooperative (profile, statute, members with shares, products, production) in an
/// in-memory ledger, made on first use and kept for the process: previews never write, and the
/// targets check that with [`fingerprint`].
pub fn demo_store() -> &'static Mutex<Store> {
    static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| {
        let mut store = Store::open_in_memory().expect("an in-memory ledger opens");
        hamyar_store::demo::create(&mut store, "fuzz", now()).expect("the demo cooperative is recorded");
        Mutex::new(store)
    })
}

/// Row counts of every table and the newest journal hash: changes if anything was written.
pub fn fingerprint(store: &Store) -> Vec<(String, i64)> {
    let conn = store.conn();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the schema lists its tables");
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut out: Vec<(String, i64)> = tables
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT COUNT(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("a table counts its rows");
            (t, n)
        })
        .collect();
    let last: String = conn
        .query_row("SELECT COALESCE(MAX(hash), '') || ':' || COALESCE(MAX(seq), 0) FROM journal", [], |r| {
            r.get(0)
        })
        .expect("the journal answers");
    out.push((last, 0));
    out
}

/// Whether an importer's refusal is one a user may see: a judged refusal with a stable code.
/// Storage, I/O, JSON and internal failures are bugs when the input is only a file's bytes.
pub fn is_refusal(e: &StoreError) -> bool {
    match e {
        StoreError::Invalid(fields) => !fields.is_empty(),
        StoreError::Refused(code) | StoreError::Rule { code, .. } => *code != ErrorCode::Internal,
        _ => false,
    }
}

/// The parts of a fuzzed workbook: the first sheet's XML, then optionally the shared strings and
/// the styles, separated by this line.
pub const PART_SEPARATOR: &[u8] = b"\n--hamyar-part--\n";

fn template() -> &'static Vec<(String, Vec<u8>)> {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS.get_or_init(|| {
        // A real workbook as the project writes them: one right-to-left sheet, a string, a number
        // and a date format, so styles.xml and sharedStrings.xml exist.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_right_to_left(true);
        sheet.write_string(0, 0, "نام").expect("a cell");
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet.write_number_with_format(1, 0, 45000.0, &date).expect("a cell");
        let bytes = book.save_to_buffer().expect("a workbook");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("our own workbook opens");
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).expect("an entry");
                let mut data = Vec::new();
                f.read_to_end(&mut data).expect("an entry reads");
                (f.name().expect("an entry name").into_owned(), data)
            })
            .collect()
    })
}

/// A well-formed XLSX (zip) whose first sheet, shared strings and styles are the fuzzer's:
/// `data` is split at [`PART_SEPARATOR`]; parts not given keep the template's.
pub fn workbook(data: &[u8]) -> Vec<u8> {
    let mut parts = split(data, PART_SEPARATOR).into_iter();
    let replace = [
        ("xl/worksheets/sheet1.xml", parts.next()),
        ("xl/sharedStrings.xml", parts.next()),
        ("xl/styles.xml", parts.next()),
    ];
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in template() {
        let body = replace.iter().find(|(n, _)| n == name).and_then(|(_, b)| *b).unwrap_or(bytes);
        out.start_file(name.as_str(), stored).expect("a zip entry");
        out.write_all(body).expect("a zip entry is written");
    }
    out.finish().expect("the zip closes").into_inner()
}

/// The template workbook's parts in [`workbook`]'s input form (for seeds).
pub fn template_parts() -> Vec<u8> {
    let part =
        |n: &str| template().iter().find(|(name, _)| name == n).map(|(_, b)| b.clone()).unwrap_or_default();
    [part("xl/worksheets/sheet1.xml"), part("xl/sharedStrings.xml"), part("xl/styles.xml")]
        .join(PART_SEPARATOR)
}

/// `data` cut at every `sep`.
pub fn split<'a>(data: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(sep.len()).position(|w| w == sep) {
        out.push(&rest[..at]);
        rest = &rest[at + sep.len()..];
    }
    out.push(rest);
    out
}

/// The checks on a production import preview: counts add up, every good row has a day the
/// ledger accepts, a refusal is a judged one.
pub fn check_production(result: hamyar_store::Result<hamyar_store::import::ImportPreview>) {
    match result {
        Ok(p) => {
            let bad = p.rows.iter().filter(|r| !r.errors.is_empty()).count();
            assert_eq!(p.bad as usize, bad);
            assert_eq!((p.good + p.bad) as usize, p.rows.len());
            for r in p.rows.iter().filter(|r| r.errors.is_empty()) {
                let day = chrono::NaiveDate::parse_from_str(&r.date, "%Y-%m-%d");
                assert!(day.is_ok_and(|d| d <= now().date_naive()), "a good row's date {:?}", r.date);
                assert!(r.product.is_some(), "a good row without a product");
            }
        }
        Err(e) => assert!(is_refusal(&e), "production preview: not a judged refusal: {e:?}"),
    }
}
