//! A realistic Persian demo cooperative, so a newcomer sees a living app. Recorded through the
//! same events and rules as real data; grows as features land.

use chrono::{DateTime, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::profile::{self as rules, CooperativeKind, CooperativeProfile, ProfileInput, Province};

use crate::projection::profile as projection;
use crate::{Result, Store, StoreError};

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

/// Records the demo cooperative. Refused unless the journal is empty, so it never mixes with real records.
pub fn create(store: &mut Store, author: &str, now: DateTime<Utc>) -> Result<CooperativeProfile> {
    let valid = rules::validate(&profile_input(), tehran_date(now)).map_err(StoreError::Invalid)?;
    store.write(author, now, |w| {
        let events: i64 = w.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0))?;
        if events > 0 {
            return Err(StoreError::Refused(ErrorCode::DemoNeedsEmptyDatabase));
        }
        w.append(&Event::ProfileSet(valid.data))?;
        projection::read(w.conn())?.ok_or(StoreError::Refused(ErrorCode::NotFound))
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
        let events: i64 =
            store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0)).expect("n");
        assert_eq!(events, 1);
    }
}
