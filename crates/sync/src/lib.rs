//! Hamyar's side of the registry protocol (همگام‌سازی با سامانه): the period summary built
//! from the journal's projections, the report and its outbox row written in one transaction,
//! the signing key, the HTTP client with its retry rules, and the export package for manual
//! upload. The protocol's shared types are in [`hamyar_core::protocol`].

// The store's error is the store's (as large as its details need); the functions here that run
// inside `Store::write` must return it as it is. `SyncError` itself boxes it.
#![allow(clippy::result_large_err)]

pub mod client;
mod error;
pub mod export;
pub mod keys;
pub mod outbox;
pub mod report;
pub mod summary;

pub use error::{Result, SyncError};
