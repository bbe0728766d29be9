//! Who sent a signed request: the `Hamyar-Key` and `Hamyar-Signature` headers, checked against
//! the enrolled keys, then the sender's rate limit.

use std::time::Instant;

use axum::http::{HeaderMap, StatusCode};
use hamyar_core::protocol::{KEY_HEADER, SIGNATURE_HEADER, problem as code, verify_hex};

use super::Registry;
use super::problem::ApiError;
use crate::rate::retry_after_seconds;
use crate::store::cooperatives;

/// The signing headers of a request.
#[derive(Debug, Clone)]
pub struct Signer {
    /// The sender's public key, lower case.
    pub public_key: String,
    /// The signature, lower case.
    pub signature: String,
}

impl Signer {
    /// The signing headers, or 400 when one is missing.
    pub fn from_headers(headers: &HeaderMap) -> Result<Self, ApiError> {
        Ok(Self {
            public_key: required_header(headers, KEY_HEADER)?.to_ascii_lowercase(),
            signature: required_header(headers, SIGNATURE_HEADER)?.to_ascii_lowercase(),
        })
    }

    /// The legal ID of the cooperative whose enrolled key signed `message`: 401 when the key is
    /// not enrolled or the signature does not verify, 429 when the cooperative is over its rate.
    pub async fn authenticate(&self, registry: &Registry, message: &[u8]) -> Result<String, ApiError> {
        let key = self.public_key.clone();
        let Some(legal_id) =
            registry.with_db(move |store, _| cooperatives::cooperative_of(store, &key)).await?
        else {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                code::KEY_NOT_ENROLLED,
                "this key is not enrolled with the registry",
            ));
        };
        if !verify_hex(&self.public_key, message, &self.signature) {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                code::SIGNATURE_INVALID,
                "the signature does not verify against the key",
            ));
        }
        registry
            .limiter
            .check(&legal_id, Instant::now())
            .map_err(|wait| ApiError::rate_limited(retry_after_seconds(wait)))?;
        Ok(legal_id)
    }
}

/// A header's value, or 400 `malformed` when it is missing or not plain text.
pub fn required_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, ApiError> {
    let value = headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).unwrap_or_default();
    if value.is_empty() {
        return Err(ApiError::malformed(format!("the {name} header is missing")));
    }
    Ok(value)
}
