//! Hamyar's ledger on SQLite (دفتر): a hash-chained, append-only journal of events with
//! projections that queries read. One [`Store::open`] applies every pragma and migration;
//! every user action is one IMMEDIATE transaction through [`Store::write`].

pub mod backup;
pub mod crypt;
pub mod dashboard;
mod db;
pub mod demo;
pub mod documents;
mod error;
pub mod export;
pub mod hledger;
pub mod import;
pub mod journal;
pub mod meetings;
pub mod member_import;
pub mod members;
pub mod notes;
pub mod paths;
pub mod production;
pub mod profile;
mod projection;
pub mod seed;
pub mod shares;
pub mod statute;
pub mod users;
pub mod verify;
pub mod xlsx;
pub mod year;

pub use db::{SCHEMA_VERSION, Store, Writer};
pub use error::{ExitClass, StoreError};

/// Result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
