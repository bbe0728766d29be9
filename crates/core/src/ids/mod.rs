//! Iranian identifiers, validated offline (algorithms and test vectors: the domain reference §B).

pub mod legal_id;
pub mod mobile;
pub mod national_code;
pub mod phone;
pub mod postal_code;
pub mod sheba;

pub use legal_id::LegalId;
pub use mobile::Mobile;
pub use national_code::NationalCode;
pub use phone::Phone;
pub use postal_code::PostalCode;
pub use sheba::Sheba;
