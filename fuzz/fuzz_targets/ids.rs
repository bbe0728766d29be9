//! The identifier validators (کد ملی، شناسه ملی، کد پستی، تلفن، تلفن همراه، شبا) on any text.
//! Nothing may panic; an accepted identifier's normalised form has its shape, is accepted again
//! as itself, and so is the same form in Persian digits; a mobile is a phone and back.
#![no_main]

use hamyar_core::ids::{LegalId, Mobile, NationalCode, Phone, PostalCode, Sheba};
use hamyar_core::text::{identifier_digits, normalize_text, persian_digits};
use libfuzzer_sys::fuzz_target;

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `parse` accepts its own normalised form, in ASCII and in Persian digits, as the same value.
macro_rules! stable {
    ($ty:ty, $v:expr) => {{
        let v: &$ty = $v;
        assert_eq!(<$ty>::parse(v.as_str()).as_ref(), Ok(v), "ASCII form of {v:?}");
        assert_eq!(<$ty>::parse(&persian_digits(v.as_str())).as_ref(), Ok(v), "Persian form of {v:?}");
    }};
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let _ = normalize_text(text);
    if let Some(d) = identifier_digits(text) {
        assert!(d.bytes().all(|b| b.is_ascii_digit()));
    }

    if let Ok(v) = NationalCode::parse(text) {
        assert!(digits(v.as_str(), 10), "{v:?}");
        stable!(NationalCode, &v);
    }
    if let Ok(v) = LegalId::parse(text) {
        assert!(digits(v.as_str(), 11), "{v:?}");
        stable!(LegalId, &v);
    }
    if let Ok(v) = PostalCode::parse(text) {
        assert!(digits(v.as_str(), 10), "{v:?}");
        let _ = v.looks_plausible();
        stable!(PostalCode, &v);
    }
    if let Ok(v) = Phone::parse(text) {
        assert!(digits(v.as_str(), 11) && v.as_str().starts_with('0'), "{v:?}");
        stable!(Phone, &v);
        assert_eq!(v.is_mobile(), Mobile::parse(v.as_str()).is_ok(), "{v:?}");
    }
    if let Ok(v) = Mobile::parse(text) {
        assert!(digits(v.as_str(), 11) && v.as_str().starts_with("09"), "{v:?}");
        stable!(Mobile, &v);
        assert!(Phone::parse(v.as_str()).is_ok_and(|p| p.is_mobile()), "{v:?}");
    }
    if let Ok(v) = Sheba::parse(text) {
        let s = v.as_str();
        assert!(s.starts_with("IR") && digits(&s[2..], 24), "{v:?}");
        assert_eq!(v.bank_code(), &s[4..7]);
        stable!(Sheba, &v);
        // Written without `IR`, or in lower case, it is the same number.
        assert_eq!(Sheba::parse(&s[2..]).as_ref(), Ok(&v));
        assert_eq!(Sheba::parse(&s.to_lowercase()).as_ref(), Ok(&v));
    }
});
