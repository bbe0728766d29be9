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

use crate::{Result, Store, StoreError, Writer, meetings, members, production, shares, statute};

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
        production_year(w)?;
        annual_assembly(w)?;
        annual_assembly_1404(w)?;
        crate::projection::profile::read(w.conn())?.ok_or(StoreError::Refused(ErrorCode::NotFound))
    })
}

/// The workshop's products: name, unit, unit value in rials, a month's base quantity.
const PRODUCTS: &[(&str, &str, u64, u64)] = &[
    ("پارچه پنبه‌ای", "متر", 420_000, 1_800),
    ("کیف چرمی زنانه", "عدد", 6_500_000, 140),
    ("کفش چرمی مردانه", "جفت", 9_800_000, 90),
    ("کمربند چرمی", "عدد", 1_900_000, 260),
];

/// Thirteen months of production before this one (the current month is left for the clerk), last
/// month's workforce and lab tests, and a few sales, one of them an export.
fn production_year(w: &mut Writer<'_>) -> Result<()> {
    use hamyar_core::jalali::{JalaliDate, days_in_month};
    use hamyar_core::production::{
        ProductInput, ProductionInput, QualityInput, SaleInput, WorkerInput, WorkforceInput,
    };
    for (name, unit, _, _) in PRODUCTS {
        let input = ProductInput { name: (*name).into(), unit: (*unit).into(), ..ProductInput::default() };
        production::add_product_in(w, &input)?;
    }
    let today = JalaliDate::from_gregorian(tehran_date(w.now()));
    let month_back = |back: i32| {
        let index = today.year * 12 + i32::from(today.month) - 1 - back;
        (index.div_euclid(12), u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1))
    };
    for back in (1..=13).rev() {
        let (year, month) = month_back(back);
        for (k, (_, _, value, base)) in PRODUCTS.iter().enumerate() {
            for (part, day) in [5_u8, 15, 25].into_iter().enumerate() {
                let day = day.min(days_in_month(year, month));
                // A little seasonal wave and growth, deterministic.
                let wave = [96, 100, 104, 110, 106, 98, 92, 95, 101, 108, 112, 103][usize::from(month - 1)];
                let quantity = base * wave / 100 / 3 + u64::try_from(back).unwrap_or(0) % 3 + part as u64;
                let input = ProductionInput {
                    date: JalaliDate::new(year, month, day).map_err(StoreError::Refused)?.to_ascii(),
                    product: u32::try_from(k + 1).unwrap_or(1),
                    quantity: quantity.to_string(),
                    unit_value: value.to_string(),
                    workshop: if k == 0 {
                        "کارگاه بافندگی".into()
                    } else {
                        "کارگاه چرم".into()
                    },
                    workers: vec![WorkerInput {
                        membership_no: u32::try_from(1 + (k + part) % 6).unwrap_or(1),
                        hours: "8".into(),
                    }],
                    ..ProductionInput::default()
                };
                production::record_production_in(w, &input)?;
            }
        }
    }
    let (year, month) = month_back(1);
    let last_month = format!("{year}-{month:02}");
    let hours =
        (1..=9).map(|no| WorkerInput { membership_no: no, hours: (150 + no * 4).to_string() }).collect();
    let workforce =
        WorkforceInput { month: last_month, member_workers: 9, employees: 4, women: 6, insured: 13, hours };
    production::set_workforce_in(w, &workforce)?;
    let test_day = JalaliDate::new(year, month, 20).map_err(StoreError::Refused)?.to_ascii();
    for (i, passed) in [true, true, false, true, true, true].into_iter().enumerate() {
        let q = QualityInput {
            date: test_day.clone(),
            product: u32::try_from(1 + i % 4).unwrap_or(1),
            batch: format!("B-{year}{month:02}-{}", i + 1),
            test: if i % 4 == 0 { "استحکام کششی".into() } else { "دوخت و ظاهر".into() },
            standard: if i % 4 == 0 { "ISIRI 9".into() } else { String::new() },
            passed,
            tester: "آزمایشگاه کنترل کیفیت".into(),
            ..QualityInput::default()
        };
        production::add_quality_in(w, &q)?;
    }
    let sale = |product: u32, quantity: u64, value: u64, export: bool| SaleInput {
        date: test_day.clone(),
        product,
        quantity: quantity.to_string(),
        value: value.to_string(),
        destination: if export { "عراق".into() } else { String::new() },
        currency: if export { "USD".into() } else { String::new() },
        foreign_amount: if export { "9500".into() } else { String::new() },
        import_substitution: product == 3,
    };
    production::add_sale_in(w, &sale(1, 1_500, 630_000_000, false))?;
    production::add_sale_in(w, &sale(2, 60, 390_000_000, true))?;
    production::add_sale_in(w, &sale(3, 70, 686_000_000, false))?;
    Ok(())
}

/// The workshop's assembly hall.
const HALL: &str = "اراک، شهرک صنعتی خیرآباد، خیابان صنعت ۱۲، پلاک ۴۸، سالن اجتماعات تعاونی";

/// Plans an annual ordinary assembly in the hall and has the board convene it.
fn convened_annual(
    w: &mut Writer<'_>,
    input: hamyar_core::meeting::record::MeetingInput,
    convened: &str,
) -> Result<u32> {
    use hamyar_core::meeting::ConvenedBy;
    use hamyar_core::meeting::record::ConveneInput;
    let m = meetings::create_in(w, &input)?.meeting;
    let convene = ConveneInput {
        meeting: m,
        convened_by: ConvenedBy::Board,
        requested: String::new(),
        requesters: 0,
        date: convened.into(),
    };
    meetings::convene_in(w, &convene)?;
    Ok(m)
}

/// Takes the minutes, notifies the decisions by posting and closes the meeting.
fn wrap_up(w: &mut Writer<'_>, m: u32, panel: [&str; 4], notified: &str) -> Result<()> {
    use hamyar_core::meeting::NoticeChannel;
    use hamyar_core::meeting::record::{MinutesInput, NotifyInput};
    let [chair, secretary, first, second] = panel;
    let minutes = MinutesInput {
        meeting: m,
        chair: chair.into(),
        secretary: secretary.into(),
        observers: vec![first.into(), second.into()],
    };
    meetings::minutes_in(w, &minutes)?;
    meetings::notify_in(
        w,
        &NotifyInput { meeting: m, date: notified.into(), channel: NoticeChannel::Posting },
    )?;
    meetings::end_in(w, m, meetings::Ending::Close, "")?;
    Ok(())
}

/// Last year's annual ordinary assembly (fiscal year 1403), held on 1404/03/25 with elections:
/// notice, a proxy, check-in, two resolutions, the board and the inspector elected, minutes.
fn annual_assembly(w: &mut Writer<'_>) -> Result<()> {
    use hamyar_core::meeting::record::{
        Body, ElectionInput, MeetingInput, NoticeInput, ProxyInput, ResolutionInput,
    };
    use hamyar_core::meeting::{Candidate, MeetingKind, NoticeChannel};
    let input = MeetingInput {
        kind: MeetingKind::Ordinary,
        call: 1,
        previous: None,
        annual: true,
        elections: true,
        date: "1404/03/25".into(),
        hour: "10:00".into(),
        place: HALL.into(),
        proxy_check: "۱۴۰۴/۰۳/۲۰ ساعت ۹ تا ۱۲، دفتر تعاونی".into(),
        candidacy_until: "1404/03/15".into(),
        agenda: vec![
            "استماع گزارش هیئت مدیره و بازرس".into(),
            "تصویب صورت‌های مالی سال ۱۴۰۳".into(),
            "انتخاب اعضای اصلی و علی‌البدل هیئت مدیره".into(),
            "انتخاب بازرس اصلی و علی‌البدل".into(),
        ],
    };
    let m = convened_annual(w, input, "1404/02/20")?;
    for channel in [NoticeChannel::Newspaper, NoticeChannel::Posting] {
        let reference = match channel {
            NoticeChannel::Newspaper => "روزنامه صبح اراک، شماره ۴۲۱۷",
            _ => "دفتر تعاونی و هر دو کارگاه",
        };
        let notice =
            NoticeInput { meeting: m, published: "1404/02/28".into(), channel, reference: reference.into() };
        meetings::notice_in(w, &notice)?;
    }
    let proxy = ProxyInput {
        meeting: m,
        principal: 9,
        holder_member: Some(1),
        holder_name: String::new(),
        validated_by: "رضا کریمی، نماینده هیئت مدیره".into(),
        validated_at: "دفتر تعاونی".into(),
        date: "1404/03/20".into(),
    };
    meetings::proxy_in(w, &proxy)?;
    for no in 1..=7 {
        meetings::checkin_in(w, m, Some(no), None)?;
    }
    for (text, yes, no, abstain) in
        [("تصویب صورت‌های مالی سال ۱۴۰۳", 7, 0, 1), ("تعیین روزنامه صبح اراک برای آگهی‌ها", 6, 1, 1)]
    {
        meetings::resolve_in(w, &ResolutionInput { meeting: m, text: text.into(), yes, no, abstain })?;
    }
    let votes = |list: &[(u32, u32)]| {
        list.iter().map(|&(membership_no, votes)| Candidate { membership_no, votes }).collect()
    };
    let board = ElectionInput {
        meeting: m,
        body: Body::Board,
        seats: 5,
        alternates: 2,
        ballots: 8,
        candidates: votes(&[(1, 8), (2, 7), (6, 7), (3, 6), (4, 5), (5, 4), (7, 3)]),
        lot: Vec::new(),
    };
    meetings::elect_in(w, &board)?;
    let inspector = ElectionInput {
        meeting: m,
        body: Body::Inspectors,
        seats: 1,
        alternates: 1,
        ballots: 8,
        candidates: votes(&[(8, 6), (9, 2)]),
        lot: Vec::new(),
    };
    meetings::elect_in(w, &inspector)?;
    wrap_up(w, m, ["مریم احمدی", "علی جعفری", "زهرا موسوی", "مهدی نوری"], "1404/04/05")
}

/// This year's annual ordinary assembly (fiscal year 1404), held on 1405/03/20 without elections.
/// It approved the accounts and the board's proposal for dividing 1404's surplus; the year itself
/// is left open, so a newcomer can close it and see the distribution computed and approved.
fn annual_assembly_1404(w: &mut Writer<'_>) -> Result<()> {
    use hamyar_core::meeting::record::{MeetingInput, NoticeInput, ResolutionInput};
    use hamyar_core::meeting::{MeetingKind, NoticeChannel};
    let input = MeetingInput {
        kind: MeetingKind::Ordinary,
        call: 1,
        previous: None,
        annual: true,
        elections: false,
        date: "1405/03/20".into(),
        hour: "10:00".into(),
        place: HALL.into(),
        proxy_check: String::new(),
        candidacy_until: String::new(),
        agenda: vec![
            "استماع گزارش هیئت مدیره و بازرس".into(),
            "تصویب صورت‌های مالی سال ۱۴۰۴".into(),
            "تصمیم درباره‌ی پیشنهاد هیئت مدیره برای تقسیم مازاد سال ۱۴۰۴".into(),
        ],
    };
    let m = convened_annual(w, input, "1405/02/10")?;
    let notice = NoticeInput {
        meeting: m,
        published: "1405/02/25".into(),
        channel: NoticeChannel::Newspaper,
        reference: "روزنامه صبح اراک، شماره ۴۴۰۲".into(),
    };
    meetings::notice_in(w, &notice)?;
    for no in 1..=8 {
        meetings::checkin_in(w, m, Some(no), None)?;
    }
    for (text, yes, no, abstain) in [
        ("تصویب صورت‌های مالی سال ۱۴۰۴", 8, 0, 0),
        (
            "تصویب پیشنهاد هیئت مدیره برای تقسیم مازاد سال ۱۴۰۴: اندوخته‌ها، حق تعاون، سود سهام و مازاد برگشتی",
            7,
            0,
            1,
        ),
    ] {
        meetings::resolve_in(w, &ResolutionInput { meeting: m, text: text.into(), yes, no, abstain })?;
    }
    wrap_up(w, m, ["رضا کریمی", "زهرا موسوی", "حسین رضایی", "فاطمه حسینی"], "1405/03/27")
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
