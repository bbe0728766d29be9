//! The HTTP client for the registry protocol: HTTPS with rustls (the platform's roots, or only a
//! pinned certificate when one is set), timeouts, the proxy from settings or the environment.
//! Plain HTTP is allowed to this computer only (a registry on 127.0.0.1 for tests and demos).

use std::sync::Arc;
use std::time::Duration;

use hamyar_core::ErrorCode;
use hamyar_core::protocol::{
    self, Enrolment, EnrolmentRequest, Health, IDEMPOTENCY_KEY, KEY_HEADER, KeyPair, Problem, Receipt,
    ReportStatus, SIGNATURE_HEADER,
};
use serde::de::DeserializeOwned;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use crate::{Result, SyncError};

/// Largest answer read from the registry (a receipt is a few hundred bytes).
const MAX_ANSWER: u64 = 1 << 20;

/// How to reach the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Base address, without a trailing slash (`https://registry.example.ir`).
    pub url: String,
    /// Per-request timeout.
    pub timeout: Duration,
    /// A PEM certificate to trust instead of the platform's roots.
    pub pinned_cert: Option<String>,
    /// A proxy URL; without one, `HTTPS_PROXY`/`ALL_PROXY`/`NO_PROXY` are honoured.
    pub proxy: Option<String>,
}

/// Checks a registry address: `https://…`, or `http://` to this computer only. Returns it
/// without a trailing slash.
pub fn check_url(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/');
    let lower = url.to_ascii_lowercase();
    let host_rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let name = if host.starts_with('[') {
            host.split(']').next().map(|h| format!("{h}]")).unwrap_or_default()
        } else {
            host.split(':').next().unwrap_or("").to_owned()
        };
        if !matches!(name.as_str(), "127.0.0.1" | "localhost" | "[::1]") {
            return Err(ErrorCode::RegistryUrlInvalid.into());
        }
        rest
    } else {
        return Err(ErrorCode::RegistryUrlInvalid.into());
    };
    let host = host_rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) || url.contains(['?', '#']) {
        return Err(ErrorCode::RegistryUrlInvalid.into());
    }
    Ok(url.to_owned())
}

/// What came back from one request, classified for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The registry answered with a problem document (or at least a status).
    Problem {
        /// HTTP status.
        status: u16,
        /// Its problem, or one made up from the status when the body was not one.
        problem: Problem,
        /// `Retry-After`, in seconds, when given.
        retry_after: Option<u64>,
    },
    /// No answer: refused, reset, timed out, name not found, TLS failed.
    Transport(String),
}

impl Failure {
    /// Whether trying again later may succeed: 5xx, 408, 429 and every transport failure.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Problem { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            Self::Transport(_) => true,
        }
    }

    /// A line for the history and the screen.
    pub fn describe(&self) -> String {
        match self {
            Self::Problem { status, problem, .. } => match &problem.detail {
                Some(d) => format!("{status} {}: {d}", problem.code),
                None => format!("{status} {}: {}", problem.code, problem.title),
            },
            Self::Transport(why) => why.clone(),
        }
    }

    fn into_error(self) -> SyncError {
        match self {
            Self::Problem { status, problem, .. } => {
                SyncError::Registry { status, problem: Box::new(problem) }
            }
            Self::Transport(why) => SyncError::Unreachable(why),
        }
    }
}

/// A successful upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// 201 (new) or 200 (the registry already had it).
    pub status: u16,
    /// The registry's receipt.
    pub receipt: Receipt,
}

/// A connection to one registry.
#[derive(Debug)]
pub struct Registry {
    agent: ureq::Agent,
    base: String,
}

impl Registry {
    /// A client for `endpoint` (the address is checked first).
    pub fn new(endpoint: &Endpoint) -> Result<Self> {
        let base = check_url(&endpoint.url)?;
        let roots = match &endpoint.pinned_cert {
            Some(pem) => {
                let cert = Certificate::from_pem(pem.as_bytes())
                    .map_err(|_| SyncError::from(ErrorCode::RegistryUrlInvalid))?;
                RootCerts::Specific(Arc::new(vec![cert]))
            }
            None => RootCerts::PlatformVerifier,
        };
        let proxy = match &endpoint.proxy {
            Some(p) => Some(ureq::Proxy::new(p).map_err(|_| SyncError::from(ErrorCode::RegistryUrlInvalid))?),
            None => ureq::Proxy::try_from_env(),
        };
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(endpoint.timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(proxy)
            .user_agent(concat!("hamyar/", env!("CARGO_PKG_VERSION")))
            .tls_config(TlsConfig::builder().root_certs(roots).build())
            .build();
        Ok(Self { agent: config.into(), base })
    }

    /// `GET /v1/health`.
    pub fn health(&self) -> Result<Health, Failure> {
        let response = self.agent.get(format!("{}/v1/health", self.base)).call();
        self.answer(response)
    }

    /// `POST /v1/enrolments`.
    pub fn enrol(&self, request: &EnrolmentRequest) -> Result<Enrolment> {
        let body = serde_json::to_vec(request)?;
        let response = self
            .agent
            .post(format!("{}/v1/enrolments", self.base))
            .content_type("application/json")
            .send(&body[..]);
        self.answer(response).map_err(Failure::into_error)
    }

    /// `POST /v1/reports`: the document's bytes, signed, with its id as the idempotency key.
    pub fn upload(&self, report_id: &str, document: &[u8], key: &KeyPair) -> Result<Accepted, Failure> {
        let response = self
            .agent
            .post(format!("{}/v1/reports", self.base))
            .content_type("application/json")
            .header(IDEMPOTENCY_KEY, report_id)
            .header(KEY_HEADER, key.public_hex())
            .header(SIGNATURE_HEADER, key.sign_hex(document))
            .send(document);
        let status = match &response {
            Ok(r) => r.status().as_u16(),
            Err(_) => 0,
        };
        let receipt: Receipt = self.answer(response)?;
        Ok(Accepted { status, receipt })
    }

    /// `GET /v1/reports/{id}`, signed.
    pub fn status(&self, report_id: &str, key: &KeyPair) -> Result<ReportStatus> {
        let path = format!("/v1/reports/{report_id}");
        let response = self
            .agent
            .get(format!("{}{path}", self.base))
            .header(KEY_HEADER, key.public_hex())
            .header(SIGNATURE_HEADER, key.sign_hex(&protocol::status_signing_bytes(&path)))
            .call();
        self.answer(response).map_err(Failure::into_error)
    }

    fn answer<T: DeserializeOwned>(
        &self,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<T, Failure> {
        let mut response = response.map_err(|e| Failure::Transport(e.to_string()))?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER)
            .read_to_vec()
            .map_err(|e| Failure::Transport(format!("reading the answer: {e}")))?;
        if (200..300).contains(&status) {
            return serde_json::from_slice(&body).map_err(|e| {
                // A 2xx that is not the protocol's answer (a captive portal, a wrong address):
                // not an acceptance, and not the registry's refusal either.
                Failure::Problem {
                    status: 502,
                    problem: made_up(502, &format!("the answer is not the protocol's: {e}")),
                    retry_after: None,
                }
            });
        }
        let problem = serde_json::from_slice::<Problem>(&body).unwrap_or_else(|_| {
            made_up(status, &String::from_utf8_lossy(&body).chars().take(200).collect::<String>())
        });
        Err(Failure::Problem { status, problem, retry_after })
    }
}

fn made_up(status: u16, detail: &str) -> Problem {
    Problem {
        kind: "about:blank".into(),
        title: format!("HTTP {status}"),
        status,
        detail: if detail.is_empty() { None } else { Some(detail.to_owned()) },
        code: format!("http_{status}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_http_only_to_this_computer() {
        assert_eq!(check_url("https://registry.example.ir/").expect("ok"), "https://registry.example.ir");
        assert!(check_url("http://127.0.0.1:8787").is_ok());
        assert!(check_url("http://localhost:8787/").is_ok());
        assert!(check_url("http://[::1]:8787").is_ok());
        for bad in [
            "http://registry.example.ir",
            "http://127.0.0.1.evil.example",
            "http://localhost.evil.example:80",
            "ftp://127.0.0.1",
            "registry.example.ir",
            "https://",
            "https://a b",
            "https://r.example/?x=1",
        ] {
            assert!(check_url(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn transient_failures_are_5xx_408_429_and_no_answer() {
        let p = |status| Failure::Problem { status, problem: made_up(status, ""), retry_after: None };
        assert!(p(500).is_transient());
        assert!(p(503).is_transient());
        assert!(p(408).is_transient());
        assert!(p(429).is_transient());
        assert!(!p(400).is_transient());
        assert!(!p(401).is_transient());
        assert!(!p(409).is_transient());
        assert!(!p(422).is_transient());
        assert!(Failure::Transport("refused".into()).is_transient());
    }
}
