//! Every error the registry answers with: an RFC 9457 problem (`application/problem+json`)
//! whose `code` is one of [`hamyar_core::protocol::problem`].

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hamyar_core::protocol::{Problem, problem};

use crate::error::RegistryError;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A refused or failed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The problem code.
    pub code: &'static str,
    /// What was wrong with this request.
    pub detail: String,
    /// Seconds for `Retry-After`, on 429.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// A problem with `status`, `code` and `detail`.
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self { status, code, detail: detail.into(), retry_after: None }
    }

    /// 400 `malformed`.
    pub fn malformed(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, problem::MALFORMED, detail)
    }

    /// 500 `internal`; the cause goes to the server's log, not to the client.
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        eprintln!("hamyar-registry: internal error: {cause}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            problem::INTERNAL,
            "the registry failed; try again later",
        )
    }

    /// 429 `rate_limited`, retry after `seconds`.
    pub fn rate_limited(seconds: u64) -> Self {
        let mut error = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            problem::RATE_LIMITED,
            format!("too many requests from this cooperative; retry in {seconds} s"),
        );
        error.retry_after = Some(seconds);
        error
    }

    /// The body.
    pub fn problem(&self) -> Problem {
        Problem {
            kind: format!("urn:hamyar:problem:{}", self.code),
            title: title(self.code).to_owned(),
            status: self.status.as_u16(),
            detail: Some(self.detail.clone()),
            code: self.code.to_owned(),
        }
    }
}

impl From<RegistryError> for ApiError {
    fn from(error: RegistryError) -> Self {
        Self::internal(&error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (self.status, [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The short English title of each code.
fn title(code: &str) -> &'static str {
    match code {
        problem::MALFORMED => "Malformed request",
        problem::IDEMPOTENCY_KEY => "Idempotency key does not match the report",
        problem::SIGNATURE_INVALID => "Signature invalid",
        problem::KEY_NOT_ENROLLED => "Key not enrolled",
        problem::WRONG_COOPERATIVE => "Report of another cooperative",
        problem::ENROLMENT_CODE_INVALID => "Enrolment code invalid",
        problem::UNSUPPORTED_VERSION => "Unsupported protocol or schema version",
        problem::SUPERSEDES_UNKNOWN => "Superseded report unknown",
        problem::CONFLICT => "Conflict",
        problem::TOO_LARGE => "Request too large",
        problem::RATE_LIMITED => "Too many requests",
        problem::NOT_FOUND => "Not found",
        problem::METHOD_NOT_ALLOWED => "Method not allowed",
        problem::UNSUPPORTED_MEDIA_TYPE => "Unsupported media type",
        _ => "Internal error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_its_code_in_type_and_code() {
        let p = ApiError::malformed("bad").problem();
        assert_eq!(p.kind, "urn:hamyar:problem:malformed");
        assert_eq!(p.code, "malformed");
        assert_eq!(p.status, 400);
    }

    #[test]
    fn a_rate_limited_answer_carries_retry_after() {
        let response = ApiError::rate_limited(30).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "30");
        assert_eq!(response.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
    }
}
