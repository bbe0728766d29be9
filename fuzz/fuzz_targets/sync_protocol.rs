//! The sync protocol's parsers (پروتکل سامانه) on any bytes: a report document, a receipt, a
//! report status and a problem as the client and the registry read them; canonical JSON;
//! signature checks. Nothing may panic; canonical JSON of anything parsed is a fixed point (it
//! parses back to the same value and prints the same bytes); a receipt judged against a report
//! is never taken as sent unless its registry's signature verifies; junk never verifies.
#![no_main]

use hamyar_core::protocol::{
    self, KeyPair, Problem, Receipt, ReportDocument, ReportStatus, canonical_json, content_hash, verify_hex,
};
use hamyar_sync::client::Accepted;
use hamyar_sync::outbox::{Outcome, judge};
use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// canonical(parse(x)) parses back to an equal value and prints the same bytes.
fn canonical_is_stable<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(v: &T) {
    let value = serde_json::to_value(v).expect("a parsed value serializes");
    let Ok(first) = canonical_json(&value) else { return };
    let back: T = serde_json::from_slice(&first).expect("canonical JSON parses back");
    assert_eq!(&back, v);
    let again = canonical_json(&serde_json::to_value(&back).expect("serializes")).expect("still canonical");
    assert_eq!(first, again, "canonical JSON is not a fixed point");
}

fn registry() -> KeyPair {
    KeyPair::from_seed([7; 32])
}

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = serde_json::from_slice::<Value>(data) {
        if let Ok(bytes) = canonical_json(&v) {
            let back: Value = serde_json::from_slice(&bytes).expect("canonical JSON is JSON");
            assert_eq!(canonical_json(&back).as_ref(), Ok(&bytes));
            assert!(
                !bytes.iter().any(|b| matches!(b, b'\n' | b'\r' | b'\t')),
                "whitespace in canonical JSON"
            );
        }
    }
    if let Ok(doc) = serde_json::from_slice::<ReportDocument>(data) {
        canonical_is_stable(&doc);
    }
    if let Ok(status) = serde_json::from_slice::<ReportStatus>(data) {
        canonical_is_stable(&status);
    }
    if let Ok(problem) = serde_json::from_slice::<Problem>(data) {
        canonical_is_stable(&problem);
    }
    if let Ok(receipt) = serde_json::from_slice::<Receipt>(data) {
        canonical_is_stable(&receipt);
        let key = registry();
        // As it came: judged against a report with its id and hash, under our registry's key.
        let document = b"{}";
        let as_sent = Accepted { status: 201, receipt: receipt.clone() };
        let verified = receipt.verify(&key.public_hex());
        match judge(Ok(as_sent), &receipt.report_id, document, &key.public_hex()) {
            Outcome::Sent { .. } => assert!(verified && receipt.content_hash == content_hash(document)),
            Outcome::Parked { .. } => {}
            other => panic!("a receipt judged as {other:?}"),
        }
        // Signed by the registry over its own signing bytes, it verifies; changed, it does not.
        let mut signed = receipt.clone();
        signed.signature = key.sign_hex(&signed.signing_bytes());
        assert!(signed.verify(&key.public_hex()));
        let mut forged = signed.clone();
        forged.report_id.push('x');
        assert!(!forged.verify(&key.public_hex()), "a changed receipt still verifies");
        assert!(!signed.verify(&KeyPair::from_seed([8; 32]).public_hex()), "another key verifies");
    }

    // Junk as a key, a message and a signature: never a panic, never valid.
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '|');
    let (k, m, s) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let _ = protocol::is_public_key(k);
    let _ = KeyPair::from_seed_hex(k);
    let key = registry();
    if verify_hex(k, m.as_bytes(), s) {
        // Only a real signature verifies: the fuzzer cannot forge ours.
        assert!(k != key.public_hex() || s == key.sign_hex(m.as_bytes()));
    }
    let sig = key.sign_hex(data);
    assert!(verify_hex(&key.public_hex(), data, &sig));
    assert!(!verify_hex(&key.public_hex(), &[data, b"!"].concat(), &sig));
    let _ = verify_hex(&key.public_hex(), data, s);
});
