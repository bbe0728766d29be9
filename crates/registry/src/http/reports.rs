//! `POST /v1/reports` (upload) and `GET /v1/reports/{id}` (status).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Json, Response};
use chrono::Utc;
use hamyar_core::protocol::{
    IDEMPOTENCY_KEY, PROTOCOL_VERSION, ReportDocument, ReportStatus, SUMMARY_SCHEMA, problem as code,
    status_signing_bytes,
};
use serde_json::Value;

use super::problem::ApiError;
use super::signer::{Signer, required_header};
use super::{Registry, body_bytes, require_json};
use crate::store::reports::{self, Accepted, Incoming};

/// Receives one signed report. Checks in the protocol's order (media type, size, headers, key,
/// signature, rate, JSON, versions, document, id, cooperative), then stores it idempotently.
pub async fn upload(
    State(registry): State<Arc<Registry>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    require_json(&headers)?;
    let body = body_bytes(body)?;
    let idempotency_key = required_header(&headers, IDEMPOTENCY_KEY)?.to_owned();
    let signer = Signer::from_headers(&headers)?;
    let legal_id = signer.authenticate(&registry, &body).await?;
    let document = parse_document(&body)?;
    if document.report_id != idempotency_key {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            code::IDEMPOTENCY_KEY,
            "the Idempotency-Key header must equal the body's report_id",
        ));
    }
    if document.legal_id != legal_id {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            code::WRONG_COOPERATIVE,
            "the report names another cooperative than the one this key is enrolled for",
        ));
    }
    let outcome = registry
        .with_db(move |store, key| {
            let incoming = Incoming {
                document: &document,
                body: &body,
                public_key: &signer.public_key,
                signature: &signer.signature,
            };
            reports::accept(store, key, incoming, Utc::now())
        })
        .await?;
    match outcome {
        Accepted::Created(receipt) => Ok(json_text(StatusCode::CREATED, receipt)),
        Accepted::AlreadyHeld(receipt) => Ok(json_text(StatusCode::OK, receipt)),
        Accepted::Conflict => Err(ApiError::new(
            StatusCode::CONFLICT,
            code::CONFLICT,
            "a report with this id was received before with different content",
        )),
        Accepted::SupersedesUnknown => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::SUPERSEDES_UNKNOWN,
            "supersedes names no accepted report of this cooperative and period",
        )),
    }
}

/// The body as a report document. A document of another version is told so (422) even when it
/// would not parse as this version's document.
fn parse_document(body: &[u8]) -> Result<ReportDocument, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::malformed(format!("the body is not JSON: {e}")))?;
    let version = |name: &str| value.get(name).and_then(Value::as_u64);
    let supported = |found: Option<u64>, ours: u32| found.is_none_or(|v| v == u64::from(ours));
    if !supported(version("protocol"), PROTOCOL_VERSION) || !supported(version("schema"), SUMMARY_SCHEMA) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            code::UNSUPPORTED_VERSION,
            format!("this registry accepts protocol {PROTOCOL_VERSION}, schema {SUMMARY_SCHEMA}"),
        ));
    }
    serde_json::from_value(value).map_err(|e| ApiError::malformed(format!("not a report document: {e}")))
}

/// Where a report stands, for the cooperative that sent it: the request is signed over
/// `GET <path>` with the path exactly as sent.
pub async fn status(
    State(registry): State<Arc<Registry>>,
    headers: HeaderMap,
    uri: Uri,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let signer = Signer::from_headers(&headers)?;
    let legal_id = signer.authenticate(&registry, &status_signing_bytes(uri.path())).await?;
    let Path(report_id) =
        id.map_err(|e| ApiError::malformed(format!("the report id is not readable: {e}")))?;
    let held = registry.with_db(move |store, _| reports::find(store, &report_id)).await?;
    let Some(held) = held.filter(|h| h.legal_id == legal_id) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            code::NOT_FOUND,
            "no such report from this cooperative",
        ));
    };
    let receipt = serde_json::from_str(&held.receipt).map_err(|e| ApiError::internal(&e))?;
    Ok(Json(ReportStatus {
        state: reports::state(held.superseded_by.is_some()).to_owned(),
        superseded_by: held.superseded_by,
        receipt,
    })
    .into_response())
}

/// A JSON body already serialized (a stored receipt, returned byte for byte).
fn json_text(status: StatusCode, json: String) -> Response {
    let mut response = (status, json).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_of_another_version_is_unsupported_not_malformed() {
        let err = parse_document(br#"{"protocol":2,"whatever":true}"#).err().map(|e| e.code);
        assert_eq!(err, Some(code::UNSUPPORTED_VERSION));
        let err = parse_document(br#"{"protocol":1,"schema":7}"#).err().map(|e| e.code);
        assert_eq!(err, Some(code::UNSUPPORTED_VERSION));
    }

    #[test]
    fn a_version_one_body_that_is_not_a_document_is_malformed() {
        assert_eq!(parse_document(br#"{"protocol":1}"#).err().map(|e| e.code), Some(code::MALFORMED));
        assert_eq!(parse_document(b"not json").err().map(|e| e.code), Some(code::MALFORMED));
    }
}
