//! Iranian identifiers, validated offline (algorithms and test vectors: the domain reference §B).

pub mod legal_id;
pub mod phone;
pub mod postal_code;

pub use legal_id::LegalId;
pub use phone::Phone;
pub use postal_code::PostalCode;
