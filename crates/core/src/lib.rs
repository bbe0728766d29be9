//! Hamyar's domain core (هسته دامنه): Iranian identifiers, Jalali dates, the cooperative
//! profile and the events that change it. Pure: no SQLite, no HTTP, no Tauri.
//!
//! Rust returns stable [`error::ErrorCode`]s; Persian and English sentences for them live in
//! the UI's message catalogues (and a plain English line for the CLI in [`error::ErrorCode::english`]).

pub mod access;
pub mod clock;
pub mod error;
pub mod event;
pub mod fiscal;
pub mod ids;
pub mod jalali;
pub mod meeting;
pub mod member;
pub mod production;
pub mod profile;
pub mod protocol;
pub mod shares;
pub mod statute;
pub mod text;
pub mod words;
pub mod year;

pub use error::{ErrorCode, ErrorDetails, Field, FieldError, IpcError};
