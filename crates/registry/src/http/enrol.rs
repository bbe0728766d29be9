//! `POST /v1/enrolments`: a cooperative registers its public key with a one-time code.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use chrono::Utc;
use hamyar_core::ids::LegalId;
use hamyar_core::protocol::{Enrolment, EnrolmentRequest, is_public_key, problem as code};

use super::problem::ApiError;
use super::{Registry, body_bytes, require_json};
use crate::store::cooperatives::{self, Enrolled};

/// Enrols the request's key for its legal ID if the code was issued for that ID and is unused.
pub async fn enrol(
    State(registry): State<Arc<Registry>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    require_json(&headers)?;
    let body = body_bytes(body)?;
    let request: EnrolmentRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::malformed(format!("not an enrolment request: {e}")))?;
    if !is_public_key(&request.public_key) {
        return Err(ApiError::malformed("public_key is not an ed25519 public key in 64 hex digits"));
    }
    // No code is ever issued for an ID that does not validate.
    let Ok(legal_id) = LegalId::parse(&request.legal_id) else {
        return Err(code_invalid());
    };
    let legal_id = legal_id.as_str().to_owned();
    let public_key = request.public_key.to_ascii_lowercase();
    let (id, key) = (legal_id.clone(), public_key.clone());
    let outcome = registry
        .with_db(move |store, _| cooperatives::enrol(store, &id, &request.code, &key, Utc::now()))
        .await?;
    match outcome {
        Enrolled::Done { enrolled_at } => {
            let enrolment =
                Enrolment { legal_id, public_key, registry_key: registry.public_key(), enrolled_at };
            Ok((StatusCode::CREATED, Json(enrolment)).into_response())
        }
        Enrolled::CodeInvalid => Err(code_invalid()),
        Enrolled::KeyTaken => Err(ApiError::new(
            StatusCode::CONFLICT,
            code::CONFLICT,
            "this public key is already enrolled for another cooperative",
        )),
    }
}

fn code_invalid() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        code::ENROLMENT_CODE_INVALID,
        "the enrolment code is unknown, already used, or issued for another legal ID",
    )
}
