//! A realistic Persian demo cooperative, so a newcomer sees a living app. Recorded through the
//! same events and rules as real data; grows as features land.

use chrono::{DateTime, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::profile::{self as rules, CooperativeKind, CooperativeProfile, ProfileInput, Province};

use hamyar_core::member::{Gender, MemberInput};
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{StatuteInput, StatuteValues};
use rust_decimal::Decimal;

use crate::{Result, Store, StoreError, members, shares, statute};

/// The demo cooperative's profile form: a textile and leather workshop in Arak.
pub fn profile_input() -> ProfileInput {
    ProfileInput {
        name: "شرکت تعاونی تولیدی نساجی و چرم نگین اراک".into(),
        legal_id: "14100001233".into(),
        registration_number: "4521".into(),
        registration_date: "1398/05/12".into(),
        kind: Some(CooperativeKind::Production),
        province: Some(Province::Markazi),
        city: "اراک".into(),
        address: "شهرک صنعتی خیرآباد، خیابان صنعت ۱۲، پلاک ۴۸".into(),
        postal_code: "3817763491".into(),
        phone: "08633445566".into(),
        fiscal_year_start_month: 1,
        fiscal_year_start_day: 1,
    }
}

/// The demo's members: name, father's name, national code, gender, specialist, works in the cooperative.
const MEMBERS: &[(&str, &str, &str, &str, Gender, bool)] = &[
    ("مریم", "احمدی", "علی", "0514395631", Gender::Female, true),
    ("رضا", "کریمی", "حسن", "0522581765", Gender::Male, true),
    ("زهرا", "موسوی", "محمد", "0615140025", Gender::Female, false),
    ("حسین", "رضایی", "عباس", "0637825543", Gender::Male, false),
    ("فاطمه", "حسینی", "جواد", "0711506310", Gender::Female, false),
    ("علی", "جعفری", "مهدی", "0811759547", Gender::Male, true),
    ("نرگس", "صادقی", "کاظم", "0919611680", Gender::Female, false),
    ("مهدی", "نوری", "احمد", "1216619131", Gender::Male, false),
    ("سمیرا", "قاسمی", "رحیم", "1311987029", Gender::Female, false),
];

/// Records the demo cooperative — profile, statute, nine members with shares and payments, a
/// transfer, and an applicant — through the same use cases as real data. Refused unless the
/// journal is empty, so it never mixes with real records.
pub fn create(store: &mut Store, author: &str, now: DateTime<Utc>) -> Result<CooperativeProfile> {
    let valid = rules::validate(&profile_input(), tehran_date(now)).map_err(StoreError::Invalid)?;
    // One user action, one transaction: the demo lands whole or not at all.
    store.write(author, now, |w| {
        let events: i64 = w.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0))?;
        if events > 0 {
            return Err(StoreError::Refused(ErrorCode::DemoNeedsEmptyDatabase));
        }
        w.append(&Event::ProfileSet(valid.data))?;
        let values = StatuteValues {
            par_value: Decimal::from(1_000_000),
            max_member_capital_pct: Decimal::from(25),
            ..StatuteValues::default()
        };
        statute::set_in(
            w,
            &StatuteInput {
                values,
                effective_from: "1398/05/12".into(),
                resolution: String::new(),
                rule_warnings: None,
            },
        )?;
        for (i, (first_name, last_name, father, code, gender, specialist)) in MEMBERS.iter().enumerate() {
            let input = MemberInput {
                first_name: (*first_name).into(),
                last_name: (*last_name).into(),
                father_name: (*father).into(),
                national_code: (*code).into(),
                gender: Some(*gender),
                works_in_coop: true,
                specialist: *specialist,
                joined: "1398/05/12".into(),
                mobile: format!("0912{:07}", 3_400_100 + i),
                ..MemberInput::default()
            };
            members::add_in(w, &input)?;
        }
        let applicant = MemberInput {
            first_name: "امیر".into(),
            last_name: "طاهری".into(),
            national_code: "1364834529".into(),
            gender: Some(Gender::Male),
            joined: "1404/08/01".into(),
            applicant: true,
            ..MemberInput::default()
        };
        members::add_in(w, &applicant)?;
        let shares_of = [20_u32, 20, 15, 15, 12, 12, 10, 10, 10];
        for (no, count) in (1_u32..).zip(shares_of) {
            shares::record_in(
                w,
                &ShareAction::Subscribe { membership_no: no, shares: count, date: "1398/05/12".into() },
            )?;
            // Founders paid a third at registration; most paid the rest within the year.
            let paid = u64::from(count) * 1_000_000 / 3;
            let pay = |amount: u64, date: &str| ShareAction::Pay {
                membership_no: no,
                amount: amount.to_string(),
                date: date.into(),
            };
            shares::record_in(w, &pay(paid, "1398/05/12"))?;
            if no <= 6 {
                shares::record_in(w, &pay(u64::from(count) * 1_000_000 - paid, "1399/03/01"))?;
            }
        }
        shares::record_in(
            w,
            &ShareAction::Transfer {
                membership_no: 2,
                to_member: 9,
                shares: 5,
                date: "1402/07/15".into(),
                resolution: "صورتجلسه هیئت مدیره ۱۴۰۲/۰۷/۱۰".into(),
            },
        )?;
        crate::projection::profile::read(w.conn())?.ok_or(StoreError::Refused(ErrorCode::NotFound))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::now;

    #[test]
    fn demo_fills_an_empty_ledger_once() {
        let mut store = Store::open_in_memory().expect("store");
        let profile = create(&mut store, "demo", now()).expect("demo");
        assert_eq!(profile.data.city, "اراک");
        let again = create(&mut store, "demo", now()).expect_err("second demo refused");
        assert_eq!(again.code(), ErrorCode::DemoNeedsEmptyDatabase);
        let register = crate::shares::register(&store).expect("register");
        assert_eq!(register.rows.len(), 10);
        assert_eq!((register.totals.shares, register.totals.subscribed), (124, 124_000_000));
        assert!(crate::verify::run(&mut store).expect("verify").ok);
    }
}
