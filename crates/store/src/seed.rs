//! Realistic ledgers of any size for benchmarks and trials, recorded through the same use cases the
//! app uses (never raw SQL), deterministic for a given seed: the same seed gives the same members,
//! holdings and production (event ids and wall times are the moment's, as for any recording).

use chrono::{DateTime, Days, NaiveDate, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::clock::tehran_date;
use hamyar_core::ids::NationalCode;
use hamyar_core::member::{Gender, MemberInput};
use hamyar_core::production::{ProductInput, ProductionInput, WorkerInput};
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{StatuteInput, StatuteValues};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::{Result, Store, StoreError, members, production, profile, shares, statute};

/// How big a ledger to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SeedSize {
    /// Members admitted (each subscribes and pays).
    pub members: u32,
    /// Years of daily production before today.
    pub years: u32,
    /// Production entries a day.
    pub production_per_day: u32,
}

impl SeedSize {
    /// `small` (7 members), `medium` (300) or `large` (5,000 members, ten years, over 1,000,000 events).
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "small" => Some(Self { members: 7, years: 2, production_per_day: 5 }),
            "medium" => Some(Self { members: 300, years: 5, production_per_day: 40 }),
            "large" => Some(Self { members: 5_000, years: 10, production_per_day: 275 }),
            _ => None,
        }
    }
}

/// What was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedReport {
    /// The size asked for.
    pub size: SeedSize,
    /// The seed.
    pub seed: u64,
    /// Journal events recorded.
    pub events: u64,
    /// Production entries recorded.
    pub production_entries: u64,
}

/// splitmix64: a tiny, well-mixed generator, enough for reproducible test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

const FIRST: &[&str] =
    &["مریم", "رضا", "زهرا", "حسین", "فاطمه", "علی", "نرگس", "مهدی", "سمیرا", "امیر", "لیلا", "محمد"];
const LAST: &[&str] =
    &["احمدی", "کریمی", "موسوی", "رضایی", "حسینی", "جعفری", "صادقی", "نوری", "قاسمی", "طاهری"];
const PRODUCTS: &[(&str, &str, u64)] = &[
    ("پارچه پنبه‌ای", "متر", 420_000),
    ("کیف چرمی", "عدد", 6_500_000),
    ("کفش چرمی", "جفت", 9_800_000),
    ("کمربند چرمی", "عدد", 1_900_000),
    ("نخ پنبه", "کیلوگرم", 850_000),
    ("دستکش چرمی", "جفت", 1_200_000),
];

/// Members (and their shares) per transaction, and production entries per transaction.
const MEMBER_BATCH: u32 = 500;
const PRODUCTION_BATCH: u64 = 10_000;

/// Fills an empty ledger; `progress` is told the events recorded so far after every transaction.
pub fn seed(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    size: SeedSize,
    seed: u64,
    mut progress: impl FnMut(u64),
) -> Result<SeedReport> {
    let events: i64 = store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0))?;
    if events > 0 {
        return Err(StoreError::Refused(ErrorCode::DemoNeedsEmptyDatabase));
    }
    let mut rng = Rng(seed);
    let today = tehran_date(now);
    let first_day = today
        .checked_sub_days(Days::new(u64::from(size.years) * 365 + 1))
        .ok_or(StoreError::Refused(ErrorCode::DateOutOfRange))?;
    let joined = hamyar_core::jalali::JalaliDate::from_gregorian(first_day).to_ascii();
    profile::save(store, author, now, &crate::demo::profile_input())?;
    let values = StatuteValues {
        par_value: Decimal::from(1_000_000),
        // Members subscribe one after another: while the first shareholders are few, one with
        // three shares holds a large part, so the cap is set where the ramp never reaches it.
        max_member_capital_pct: Decimal::from(50),
        ..StatuteValues::default()
    };
    let statute_input = StatuteInput {
        values,
        effective_from: joined.clone(),
        resolution: String::new(),
        rule_warnings: None,
    };
    statute::set(store, author, now, &statute_input)?;
    progress(2);
    let mut no = 0u32;
    while no < size.members {
        let upto = (no + MEMBER_BATCH).min(size.members);
        store.write(author, now, |w| {
            for i in no + 1..=upto {
                let input = MemberInput {
                    first_name: FIRST[rng.below(FIRST.len() as u64) as usize].into(),
                    last_name: format!("{} {i}", LAST[rng.below(LAST.len() as u64) as usize]),
                    national_code: NationalCode::sample(i).as_str().to_owned(),
                    gender: Some(if rng.below(2) == 0 { Gender::Female } else { Gender::Male }),
                    works_in_coop: true,
                    joined: joined.clone(),
                    ..MemberInput::default()
                };
                members::add_in(w, &input)?;
            }
            for i in no + 1..=upto {
                let count = 1 + u32::try_from(rng.below(3)).unwrap_or(0);
                shares::record_in(
                    w,
                    &ShareAction::Subscribe { membership_no: i, shares: count, date: joined.clone() },
                )?;
                let amount = (u64::from(count) * 1_000_000).to_string();
                shares::record_in(w, &ShareAction::Pay { membership_no: i, amount, date: joined.clone() })?;
            }
            Ok(())
        })?;
        no = upto;
        progress(2 + u64::from(no) * 3);
    }
    for (name, unit, _) in PRODUCTS {
        let input = ProductInput { name: (*name).into(), unit: (*unit).into(), ..ProductInput::default() };
        production::add_product(store, author, now, &input)?;
    }
    let days = u64::from(size.years) * 365;
    let total = days * u64::from(size.production_per_day);
    let mut done = 0u64;
    while done < total {
        let upto = (done + PRODUCTION_BATCH).min(total);
        store.write(author, now, |w| {
            for k in done..upto {
                let day: NaiveDate = first_day
                    .checked_add_days(Days::new(1 + k / u64::from(size.production_per_day.max(1))))
                    .ok_or(StoreError::Refused(ErrorCode::DateOutOfRange))?;
                let p = rng.below(PRODUCTS.len() as u64) as usize;
                let (_, unit, value) = PRODUCTS[p];
                let quantity = if unit == "متر" || unit == "کیلوگرم" {
                    format!("{}.{}", 1 + rng.below(200), rng.below(10))
                } else {
                    (1 + rng.below(60)).to_string()
                };
                let workers = if size.members > 0 && rng.below(4) == 0 {
                    let who = 1 + u32::try_from(rng.below(u64::from(size.members))).unwrap_or(0);
                    vec![WorkerInput { membership_no: who, hours: (4 + rng.below(5)).to_string() }]
                } else {
                    Vec::new()
                };
                let input = ProductionInput {
                    date: day.to_string(),
                    product: u32::try_from(p + 1).unwrap_or(1),
                    quantity,
                    unit_value: (value + rng.below(20) * 5_000).to_string(),
                    workshop: format!("خط {}", 1 + rng.below(3)),
                    workers,
                    ..ProductionInput::default()
                };
                production::record_production_in(w, &input)?;
            }
            Ok(())
        })?;
        done = upto;
        progress(2 + u64::from(size.members) * 3 + PRODUCTS.len() as u64 + done);
    }
    let events: i64 = store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0))?;
    Ok(SeedReport { size, seed, events: u64::try_from(events).unwrap_or(0), production_entries: total })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-28T08:00:00Z".parse().expect("valid time")
    }

    fn register(seed_value: u64) -> Vec<(u32, i64, i64)> {
        let mut store = Store::open_in_memory().expect("store");
        let size = SeedSize { members: 12, years: 1, production_per_day: 3 };
        let report = super::seed(&mut store, "t", now(), size, seed_value, |_| {}).expect("seeded");
        assert_eq!(report.production_entries, 365 * 3);
        assert_eq!(report.events, 2 + 12 * 3 + 6 + 365 * 3);
        assert!(crate::verify::run(&mut store).expect("verify").ok);
        crate::shares::register(&store)
            .expect("register")
            .rows
            .iter()
            .map(|r| (r.member.membership_no, r.holding.shares, r.holding.paid))
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_ledger_and_another_seed_another() {
        assert_eq!(register(7), register(7));
        assert_ne!(register(7), register(8));
    }

    #[test]
    fn presets_have_the_sizes_the_benchmarks_need() {
        let large = SeedSize::preset("large").expect("preset");
        let events =
            u64::from(large.members) * 3 + u64::from(large.years) * 365 * u64::from(large.production_per_day);
        assert!(events >= 1_000_000, "{events}");
        assert_eq!(SeedSize::preset("small").map(|s| s.members), Some(7));
        assert_eq!(SeedSize::preset("huge"), None);
    }
}
