//! The reference registry (سامانه مرجع): the server side of Hamyar's sync protocol, so the
//! protocol has a working other end to test against and to run where no national API exists.
//! Plain HTTP on loopback behind a TLS-terminating proxy; one SQLite file or a PostgreSQL database.
//!
//! - [`store`]: the database (SQLite or PostgreSQL), its tables and the transactions that span them;
//! - [`http`]: the routes, checks and problem answers;
//! - [`rate`]: the per-cooperative token bucket;
//! - [`page`]: the read-only HTML list of received reports;
//! - [`cli`]: `serve`, `enrolment-code`, `reports`.

pub mod cli;
pub mod error;
pub mod http;
pub mod page;
pub mod rate;
pub mod store;

pub use error::{RegistryError, Result};
