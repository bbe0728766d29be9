//! The registry protocol's shared parts (پروتکل سامانه): the wire types both ends speak, the
//! canonical JSON they sign, content hashes and ed25519 signatures. `hamyar-sync` (the client)
//! and `hamyar-registry` (the reference server) both use these; `docs/registry-protocol.md` is
//! the prose and `docs/openapi.yaml` the machine-readable form of the same thing.

use std::fmt::Write as _;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The protocol's version: the `/v1/` in every path and `protocol` in every report.
pub const PROTOCOL_VERSION: u32 = 1;

/// The version of the summary's schema (its sections and their fields).
pub const SUMMARY_SCHEMA: u32 = 1;

/// Header carrying the report id on upload.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// Header carrying the sender's ed25519 public key (64 hex digits).
pub const KEY_HEADER: &str = "Hamyar-Key";
/// Header carrying the detached ed25519 signature (128 hex digits).
pub const SIGNATURE_HEADER: &str = "Hamyar-Signature";

/// Why bytes could not be made canonical.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    /// Canonical JSON carries no fractions or exponents: amounts travel as decimal strings.
    #[error("a number that is not an integer: {0}")]
    NonIntegerNumber(String),
}

/// Canonical JSON: object keys sorted by their UTF-8 bytes, no whitespace, strings escaped as
/// `serde_json` escapes them, integers only. Written here rather than left to `serde_json`'s map
/// order, which another crate's `preserve_order` feature could change under us.
pub fn canonical_json(value: &Value) -> Result<Vec<u8>, CanonicalError> {
    let mut out = String::new();
    write_canonical(value, &mut out)?;
    Ok(out.into_bytes())
}

fn write_canonical(value: &Value, out: &mut String) -> Result<(), CanonicalError> {
    match value {
        Value::Null | Value::Bool(_) | Value::String(_) => out.push_str(&value.to_string()),
        Value::Number(n) => {
            if n.is_f64() {
                return Err(CanonicalError::NonIntegerNumber(n.to_string()));
            }
            out.push_str(&n.to_string());
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(key) {
                    write_canonical(v, out)?;
                }
            }
            out.push('}');
        }
    }
    Ok(())
}

/// `sha256:` and the hex digest of `bytes`: how the protocol names content.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// An ed25519 key pair kept by one end (the cooperative's signing key, or the registry's).
#[derive(Clone)]
pub struct KeyPair(SigningKey);

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret half.
        f.debug_tuple("KeyPair").field(&self.public_hex()).finish()
    }
}

impl KeyPair {
    /// The key from its 32-byte secret seed.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        Self(SigningKey::from_bytes(&seed))
    }

    /// The key from the 64 hex digits of its seed, as kept in a key file.
    pub fn from_seed_hex(text: &str) -> Option<Self> {
        let bytes = hex32(text.trim())?;
        Some(Self::from_seed(bytes))
    }

    /// The seed as 64 hex digits (for the key file only).
    pub fn seed_hex(&self) -> String {
        hex_string(&self.0.to_bytes())
    }

    /// The public key as 64 hex digits: the `Hamyar-Key` header and the enrolment's key.
    pub fn public_hex(&self) -> String {
        hex_string(self.0.verifying_key().as_bytes())
    }

    /// A detached signature over `message`, as 128 hex digits.
    pub fn sign_hex(&self, message: &[u8]) -> String {
        hex_string(&self.0.sign(message).to_bytes())
    }
}

/// Whether `signature_hex` is `public_hex`'s valid ed25519 signature over `message`. Malformed
/// keys or signatures are simply not valid.
pub fn verify_hex(public_hex: &str, message: &[u8], signature_hex: &str) -> bool {
    let Some(key) = hex32(public_hex).and_then(|k| VerifyingKey::from_bytes(&k).ok()) else {
        return false;
    };
    let Some(sig) = hex_bytes(signature_hex).and_then(|s| <[u8; 64]>::try_from(s).ok()) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(&sig)).is_ok()
}

/// Whether `text` is a well-formed public key (64 hex digits of a valid curve point).
pub fn is_public_key(text: &str) -> bool {
    hex32(text).and_then(|k| VerifyingKey::from_bytes(&k).ok()).is_some()
}

fn hex_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn hex_bytes(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

fn hex32(text: &str) -> Option<[u8; 32]> {
    hex_bytes(text).and_then(|b| <[u8; 32]>::try_from(b).ok())
}

/// `GET /v1/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Health {
    /// Always `ok` when the registry answers at all.
    pub status: String,
    /// The protocol version it speaks.
    pub protocol: u32,
    /// The registry's clock (RFC 3339, UTC): the client warns when its own is far off.
    pub time: String,
}

/// `POST /v1/enrolments`: a cooperative registers its public key with a one-time code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentRequest {
    /// The cooperative's legal national ID (شناسه ملی), 11 digits.
    pub legal_id: String,
    /// The one-time enrolment code the registry issued for that ID.
    pub code: String,
    /// The cooperative's ed25519 public key, 64 hex digits.
    pub public_key: String,
}

/// The registry's answer to an enrolment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Enrolment {
    /// The cooperative's legal national ID.
    pub legal_id: String,
    /// The key now enrolled for it.
    pub public_key: String,
    /// The registry's own public key: receipts are signed with it.
    pub registry_key: String,
    /// When (RFC 3339, UTC).
    pub enrolled_at: String,
}

/// The reporting period of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export, rename = "ReportPeriod")]
pub struct PeriodRef {
    /// Canonical label: `1404-Q1` or `1403`.
    pub label: String,
    /// `quarter` or `year`.
    pub kind: String,
    /// First day (ISO Gregorian).
    pub from: String,
    /// Last day (ISO Gregorian).
    pub to: String,
}

/// What a cooperative uploads: one period's summary, signed over its canonical bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportDocument {
    /// [`PROTOCOL_VERSION`].
    pub protocol: u32,
    /// The summary's schema version, [`SUMMARY_SCHEMA`].
    pub schema: u32,
    /// The report's id (UUIDv7): also the upload's `Idempotency-Key`.
    pub report_id: String,
    /// The cooperative's legal national ID.
    pub legal_id: String,
    /// The period reported.
    pub period: PeriodRef,
    /// The earlier report of the same period this one corrects, if any.
    pub supersedes: Option<String>,
    /// When the period was closed on the cooperative's side (RFC 3339, UTC).
    pub closed_at: String,
    /// The figures: one object per section, aggregates only.
    pub summary: Value,
}

/// The registry's proof that it holds a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Receipt {
    /// The registry's own number for the report.
    pub registry_id: String,
    /// The report's id.
    pub report_id: String,
    /// The cooperative's legal national ID.
    pub legal_id: String,
    /// The period's label.
    pub period: String,
    /// When the registry first accepted it (RFC 3339, UTC).
    pub received_at: String,
    /// [`content_hash`] of the bytes it accepted.
    pub content_hash: String,
    /// The registry's signature over the receipt's canonical JSON without this field.
    pub signature: String,
}

impl Receipt {
    /// The bytes the registry signs: the receipt's canonical JSON without `signature`.
    pub fn signing_bytes(&self) -> Vec<u8> {
        let value = serde_json::json!({
            "registry_id": self.registry_id,
            "report_id": self.report_id,
            "legal_id": self.legal_id,
            "period": self.period,
            "received_at": self.received_at,
            "content_hash": self.content_hash,
        });
        // Only strings: canonical form cannot fail.
        canonical_json(&value).unwrap_or_default()
    }

    /// Whether the registry whose key is `registry_key` signed this receipt.
    pub fn verify(&self, registry_key: &str) -> bool {
        verify_hex(registry_key, &self.signing_bytes(), &self.signature)
    }
}

/// `GET /v1/reports/{id}`: where a report stands at the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportStatus {
    /// `accepted`, or `superseded` once a correction has arrived.
    pub state: String,
    /// The correcting report's id, when superseded.
    pub superseded_by: Option<String>,
    /// The receipt given when it was accepted.
    pub receipt: Receipt,
}

/// An RFC 9457 problem: every error the registry returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:hamyar:problem:<code>`).
    #[serde(rename = "type")]
    pub kind: String,
    /// A short English title.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong with this request, in Persian and English where the registry can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable code (the last part of `type`).
    pub code: String,
}

/// The problem codes the reference registry uses (the `code` member and `type`'s last part).
pub mod problem {
    /// The body is not JSON, or not a report document.
    pub const MALFORMED: &str = "malformed";
    /// `Idempotency-Key` is missing or differs from the body's `report_id`.
    pub const IDEMPOTENCY_KEY: &str = "idempotency_key";
    /// The signature does not verify against the sender's key.
    pub const SIGNATURE_INVALID: &str = "signature_invalid";
    /// The key is not enrolled with this registry.
    pub const KEY_NOT_ENROLLED: &str = "key_not_enrolled";
    /// The report names another cooperative than the one the key is enrolled for.
    pub const WRONG_COOPERATIVE: &str = "wrong_cooperative";
    /// The enrolment code is unknown, used or issued for another legal ID.
    pub const ENROLMENT_CODE_INVALID: &str = "enrolment_code_invalid";
    /// The protocol or schema version is not one this registry accepts.
    pub const UNSUPPORTED_VERSION: &str = "unsupported_version";
    /// `supersedes` names no accepted report of the same cooperative and period.
    pub const SUPERSEDES_UNKNOWN: &str = "supersedes_unknown";
    /// The same report id arrived before with different content.
    pub const CONFLICT: &str = "conflict";
    /// The body is larger than the registry accepts.
    pub const TOO_LARGE: &str = "too_large";
    /// Too many requests from one cooperative; see `Retry-After`.
    pub const RATE_LIMITED: &str = "rate_limited";
    /// No such report (for this cooperative).
    pub const NOT_FOUND: &str = "not_found";
    /// The path exists but not with this method.
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    /// The request's media type is not `application/json`.
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported_media_type";
    /// The registry failed; the client should retry later.
    pub const INTERNAL: &str = "internal";
}

/// The message a `GET` of a report's status is signed over: method, a space, the path.
pub fn status_signing_bytes(path: &str) -> Vec<u8> {
    format!("GET {path}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth_and_drops_whitespace() {
        let v: Value =
            serde_json::from_str(r#"{ "b": [ {"z": 1, "a": "ش"} ], "a": null, "ab": true }"#).expect("json");
        let bytes = canonical_json(&v).expect("canonical");
        assert_eq!(String::from_utf8(bytes).expect("utf8"), r#"{"a":null,"ab":true,"b":[{"a":"ش","z":1}]}"#);
    }

    #[test]
    fn canonical_json_refuses_fractions() {
        let v: Value = serde_json::from_str(r#"{"x": 1.5}"#).expect("json");
        assert!(matches!(canonical_json(&v), Err(CanonicalError::NonIntegerNumber(_))));
    }

    #[test]
    fn the_content_hash_of_nothing_is_sha256_of_nothing() {
        assert_eq!(
            content_hash(b""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn rfc8032_test_vector_one_signs_and_verifies() {
        // RFC 8032 §7.1, TEST 1 (empty message).
        let key = KeyPair::from_seed_hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
            .expect("seed");
        assert_eq!(key.public_hex(), "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        let sig = key.sign_hex(b"");
        assert_eq!(
            sig,
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
        assert!(verify_hex(&key.public_hex(), b"", &sig));
    }

    #[test]
    fn a_changed_byte_a_wrong_key_or_a_malformed_signature_does_not_verify() {
        let key = KeyPair::from_seed([7; 32]);
        let other = KeyPair::from_seed([8; 32]);
        let sig = key.sign_hex(b"report");
        assert!(verify_hex(&key.public_hex(), b"report", &sig));
        assert!(!verify_hex(&key.public_hex(), b"reporT", &sig));
        assert!(!verify_hex(&other.public_hex(), b"report", &sig));
        assert!(!verify_hex(&key.public_hex(), b"report", "zz"));
        assert!(!verify_hex("00", b"report", &sig));
    }

    #[test]
    fn a_receipt_verifies_only_unchanged() {
        let registry = KeyPair::from_seed([9; 32]);
        let mut r = Receipt {
            registry_id: "R-1".into(),
            report_id: "0192".into(),
            legal_id: "10320894878".into(),
            period: "1404-Q1".into(),
            received_at: "2026-01-01T00:00:00Z".into(),
            content_hash: content_hash(b"x"),
            signature: String::new(),
        };
        r.signature = registry.sign_hex(&r.signing_bytes());
        assert!(r.verify(&registry.public_hex()));
        r.period = "1404-Q2".into();
        assert!(!r.verify(&registry.public_hex()));
    }

    #[test]
    fn the_debug_form_of_a_key_pair_hides_the_seed() {
        let key = KeyPair::from_seed([3; 32]);
        let shown = format!("{key:?}");
        assert!(!shown.contains(&key.seed_hex()));
        assert!(shown.contains(&key.public_hex()));
    }
}
