//! The registry's HTTP face: the router, the shared state and the small handlers (health, the
//! HTML page, unknown paths). Uploads and status are in [`reports`], enrolment in [`enrol`].

pub mod enrol;
pub mod problem;
pub mod reports;
mod signer;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use chrono::Utc;
use hamyar_core::protocol::{Health, KeyPair, PROTOCOL_VERSION, problem as code};
use tokio::net::TcpListener;

use crate::error::Result;
use crate::rate::RateLimiter;
use crate::store::{self, Store, timestamp};
use problem::ApiError;

/// The largest request body accepted by default (256 KiB).
pub const DEFAULT_MAX_BODY: usize = 262_144;

/// Requests a minute allowed per cooperative by default.
pub const DEFAULT_RATE: u32 = 120;

/// A running registry's state: its database, its key and the rate limiter.
#[derive(Debug)]
pub struct Registry {
    store: Arc<Store>,
    key: KeyPair,
    limiter: RateLimiter,
}

impl Registry {
    /// Opens the registry database `db` names, a SQLite file or a PostgreSQL URL (creating the
    /// tables and the registry key if needed), and allows each cooperative `rate_per_minute`
    /// signed requests a minute.
    pub fn open(db: &str, rate_per_minute: u32) -> Result<Self> {
        let store = Store::open(db)?;
        let key = store::registry_key(&store, Utc::now())?;
        Ok(Self { store: Arc::new(store), key, limiter: RateLimiter::new(rate_per_minute) })
    }

    /// The registry's public key: receipts verify against it.
    pub fn public_key(&self) -> String {
        self.key.public_hex()
    }

    /// Runs `work` on the database off the async threads.
    async fn with_db<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &KeyPair) -> Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let key = self.key.clone();
        let joined = tokio::task::spawn_blocking(move || work(&store, &key)).await;
        match joined {
            Ok(result) => result.map_err(ApiError::from),
            Err(join) => Err(ApiError::internal(&join)),
        }
    }
}

/// The registry's routes; request bodies beyond `max_body` bytes are refused unread.
pub fn router(registry: Arc<Registry>, max_body: usize) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/v1/health", get(health))
        .route("/v1/enrolments", post(enrol::enrol))
        .route("/v1/reports", post(reports::upload))
        .route("/v1/reports/{id}", get(reports::status))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(registry)
}

/// Serves `router` on `listener` until `shutdown` completes, then finishes the requests in
/// flight (each upload is one transaction, so stopping never leaves half a report).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router).with_graceful_shutdown(shutdown).await
}

async fn health() -> Json<Health> {
    Json(Health { status: "ok".into(), protocol: PROTOCOL_VERSION, time: timestamp(Utc::now()) })
}

async fn page(State(registry): State<Arc<Registry>>) -> Result<Response, ApiError> {
    let rows = registry.with_db(|store, _| store::reports::list(store)).await?;
    let mut response = crate::page::render(&rows).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    Ok(response)
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, code::NOT_FOUND, "no such resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        code::METHOD_NOT_ALLOWED,
        "this path does not take that method",
    )
}

/// 415 unless the request says its body is JSON.
fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim);
    match media_type {
        Some(t) if t.eq_ignore_ascii_case("application/json") => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::UNSUPPORTED_MEDIA_TYPE,
            "the body must be sent as application/json",
        )),
    }
}

/// The body's bytes, or 413 when it is larger than allowed.
fn body_bytes(body: Result<axum::body::Bytes, BytesRejection>) -> Result<axum::body::Bytes, ApiError> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                code::TOO_LARGE,
                "the body is larger than this registry accepts",
            )
        } else {
            ApiError::malformed(format!("the body could not be read: {rejection}"))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_with_a_charset_is_json_and_text_is_not() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("Application/JSON; charset=utf-8"));
        assert!(require_json(&headers).is_ok());
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert_eq!(require_json(&headers).map_err(|e| e.status), Err(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        assert!(require_json(&HeaderMap::new()).is_err());
    }
}
