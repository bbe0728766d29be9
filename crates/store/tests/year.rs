//! Year-end through the store on a real SQLite file: a seven-member cooperative's fiscal year 1403
//! (366 days) closed and its distribution computed to the rial by hand — five members who held
//! all year, one who joined on 1 Mehr and one who left on 1 Tir — then approved by the annual
//! assembly's resolution with the return on shares capitalised; and every refusal (code asserted,
//! file byte-for-byte unchanged).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

mod common;

use chrono::{DateTime, Utc};
use common::{on, reason};
use hamyar_core::ErrorCode;
use hamyar_core::meeting::record::{ConveneInput, MeetingInput, NoticeInput, ResolutionInput};
use hamyar_core::meeting::{ConvenedBy, MeetingKind, NoticeChannel};
use hamyar_core::member::{ExitInput, ExitReason, MemberInput};
use hamyar_core::production::{ProductInput, ProductionInput, WorkerInput, WorkforceInput};
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{StatuteInput, StatuteValues};
use hamyar_core::year::{ApproveInput, Capitalise, Choices, CloseInput};
use hamyar_store::meetings::{self, Ending};
use hamyar_store::verify::VerifyProblemKind;
use hamyar_store::year::{self, YearStatus};
use hamyar_store::{Store, StoreError, members, production, profile, shares, statute, verify};
use rust_decimal::Decimal;

struct Ledger {
    _dir: tempfile::TempDir,
    store: Store,
}

impl Ledger {
    fn refused<T: std::fmt::Debug>(
        &mut self,
        what: &str,
        code: ErrorCode,
        action: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) {
        common::refused(&mut self.store, what, code, action);
    }

    fn share(&mut self, now: DateTime<Utc>, action: ShareAction) {
        shares::record(&mut self.store, "t", now, &action).expect("share entry");
    }

    /// The fixture: members 1–5 and 7 join on 1402/01/01 with 10 fully paid shares; member 6 joins
    /// on 1403/07/01 with 10; member 7 leaves and is refunded on 1403/04/01. Hours in 1403:
    /// Shahrivar 1: 100, 2: 100, 3: 200, 5: 100; Azar 1: 100, 6: 100.
    fn seven() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("store");
        let t0 = on(1402, 1, 1);
        profile::save(&mut store, "t", t0, &hamyar_store::demo::profile_input()).expect("profile");
        // Six active members after member 7 leaves: the minimum of seven is a warning here.
        let input = StatuteInput {
            values: StatuteValues::default(),
            effective_from: "1402/01/01".into(),
            resolution: String::new(),
            rule_warnings: Some(vec![ErrorCode::MembersBelowMinimum]),
        };
        statute::set(&mut store, "t", t0, &input).expect("statute");
        let mut l = Self { _dir: dir, store };
        for i in 1..=7_u32 {
            let joined = if i == 6 { "1403/07/01" } else { "1402/01/01" };
            let m = MemberInput {
                first_name: format!("عضو {i}"),
                last_name: "آزمایشی".into(),
                national_code: hamyar_core::ids::NationalCode::sample(i).as_str().to_owned(),
                joined: joined.into(),
                ..MemberInput::default()
            };
            let now = if i == 6 { on(1403, 7, 1) } else { t0 };
            members::add(&mut l.store, "t", now, &m).expect("member");
            l.share(now, ShareAction::Subscribe { membership_no: i, shares: 10, date: joined.into() });
            l.share(
                now,
                ShareAction::Pay { membership_no: i, amount: "10000000".into(), date: joined.into() },
            );
        }
        let exit = ExitInput {
            membership_no: 7,
            reason: Some(ExitReason::Withdrawal),
            date: "1403/04/01".into(),
            ..ExitInput::default()
        };
        members::exit(&mut l.store, "t", on(1403, 4, 1), &exit).expect("exit");
        l.share(
            on(1403, 4, 1),
            ShareAction::Refund { membership_no: 7, shares: 10, date: "1403/04/01".into() },
        );
        let month = |month: &str, hours: &[(u32, &str)]| WorkforceInput {
            month: month.into(),
            member_workers: u32::try_from(hours.len()).unwrap(),
            employees: 0,
            women: 0,
            insured: 0,
            hours: hours.iter().map(|&(no, h)| WorkerInput { membership_no: no, hours: h.into() }).collect(),
        };
        let shahrivar = month("1403-06", &[(1, "100"), (2, "100"), (3, "200"), (5, "100")]);
        production::set_workforce(&mut l.store, "t", on(1403, 7, 1), &shahrivar).expect("workforce");
        let azar = month("1403-09", &[(1, "100"), (6, "100")]);
        production::set_workforce(&mut l.store, "t", on(1403, 10, 1), &azar).expect("workforce");
        l
    }

    /// The annual assembly of 1404/03/10, convened and noticed, six members present, its
    /// resolutions: 1 passed (the distribution), 2 refused.
    fn annual_assembly(&mut self) -> u32 {
        let input = MeetingInput {
            kind: MeetingKind::Ordinary,
            call: 1,
            previous: None,
            annual: true,
            elections: false,
            date: "1404/03/10".into(),
            hour: "10:00".into(),
            place: "اراک، سالن اجتماعات تعاونی".into(),
            proxy_check: String::new(),
            candidacy_until: String::new(),
            agenda: vec!["تقسیم مازاد سال ۱۴۰۳".into()],
        };
        let s = &mut self.store;
        let m = meetings::create(s, "t", on(1404, 2, 1), &input).expect("created").meeting;
        let convene = ConveneInput {
            meeting: m,
            convened_by: ConvenedBy::Board,
            requested: String::new(),
            requesters: 0,
            date: String::new(),
        };
        meetings::convene(s, "t", on(1404, 2, 1), &convene).expect("convened");
        let notice = NoticeInput {
            meeting: m,
            published: "1404/02/20".into(),
            channel: NoticeChannel::Newspaper,
            reference: "روزنامه".into(),
        };
        meetings::notice(s, "t", on(1404, 2, 20), &notice).expect("noticed");
        for no in 1..=6 {
            meetings::checkin(s, "t", on(1404, 3, 10), m, Some(no), None).expect("checked in");
        }
        for (text, yes) in [("تصویب تقسیم مازاد سال ۱۴۰۳", 6), ("پیشنهاد رد شده", 2)]
        {
            let r = ResolutionInput { meeting: m, text: text.into(), yes, no: 6 - yes, abstain: 0 };
            meetings::resolve(s, "t", on(1404, 3, 10), &r).expect("resolved");
        }
        m
    }
}

fn close_1403(net: &str) -> CloseInput {
    CloseInput {
        year: 1403,
        net_result: net.into(),
        note: "گزارش حسابرس ۱۴۰۴/۰۲/۱۰".into(),
        ..CloseInput::default()
    }
}

#[test]
fn seven_members_by_hand_to_the_rial() {
    let mut l = Ledger::seven();
    let after = on(1404, 1, 15);
    l.refused("the year is not over", ErrorCode::YearNotEnded, |s| {
        year::close(s, "t", on(1403, 12, 30), &close_1403("70000000"))
    });
    l.refused("no net result", ErrorCode::Required, |s| year::close(s, "t", after, &close_1403("")));
    l.refused("approval before the close", ErrorCode::YearNotClosed, |s| {
        let input = ApproveInput { year: 1403, meeting: 1, resolution: 1, ..ApproveInput::default() };
        year::approve(s, "t", after, &input)
    });

    let closed = year::close(&mut l.store, "t", after, &close_1403("۷۰٬۰۰۰٬۰۰۰")).expect("closed");
    assert_eq!(closed.status, YearStatus::Closed);
    let page = year::page(&l.store, after, 1403).expect("page");
    let c = page.closed.clone().expect("closed record");
    // Capital on 1403/12/30: members 1–6, 10 shares each; member 7 was refunded.
    assert_eq!((c.capital.shares, c.capital.paid), (60, 60_000_000));
    // Average of the year ends on or after the first entry: 1403 (60M) and 1402 (60M, member 7 not 6).
    assert_eq!(c.average_capital, 60_000_000);

    let p = page.proposal.expect("proposal");
    assert_eq!(p.legal_reserve_cap, 15_000_000);
    assert!(p.legal_reserve_compulsory);
    let parts: Vec<i64> = p.parts.iter().map(|x| x.amount).collect();
    // 5% + 5% + 4% of 70,000,000; 60,200,000 remain, half on shares and half by work. Rial-days:
    // 3,660,000,000 × 5, 1,800,000,000 (180 days from 1 Mehr) and 930,000,000 (93 days to 31 Khordad),
    // 21,030,000,000 in all: 30,100,000 × 366 ÷ 2,103 = 5,238,516.4 → 5,238,516; × 180 ÷ 2,103 =
    // 2,576,319.5 → 2,576,319; × 93 ÷ 2,103 = 1,331,098.4 → 1,331,098; 3 rials left. By work,
    // 30,100,000 ÷ 700 hours = 43,000 a hour exactly.
    assert_eq!(parts, [3_500_000, 3_500_000, 2_800_000, 0, 30_099_997, 30_100_000, 3]);
    assert_eq!(parts.iter().sum::<i64>(), 70_000_000);
    let lines: Vec<(u32, i64, i64, i64)> = p
        .members
        .iter()
        .map(|m| (m.membership_no, m.amounts.return_on_shares, m.amounts.surplus_by_work, m.amounts.total))
        .collect();
    assert_eq!(
        lines,
        [
            (1, 5_238_516, 8_600_000, 13_838_516),
            (2, 5_238_516, 4_300_000, 9_538_516),
            (3, 5_238_516, 8_600_000, 13_838_516),
            (4, 5_238_516, 0, 5_238_516),
            (5, 5_238_516, 4_300_000, 9_538_516),
            (6, 2_576_319, 4_300_000, 6_876_319),
            (7, 1_331_098, 0, 1_331_098),
        ]
    );
    assert_eq!(page.words[0].total, "سیزده میلیون و هشتصد و سی و هشت هزار و پانصد و شانزده ریال");

    // The closed year takes nothing new dated inside it.
    l.refused("a payment dated in 1403", ErrorCode::PeriodClosed, |s| {
        shares::record(
            s,
            "t",
            after,
            &ShareAction::Subscribe { membership_no: 6, shares: 1, date: "1403/12/01".into() },
        )
    });
    l.refused("a member joining in 1403", ErrorCode::PeriodClosed, |s| {
        let m = MemberInput {
            first_name: "دیر".into(),
            last_name: "رسیده".into(),
            national_code: hamyar_core::ids::NationalCode::sample(40).as_str().to_owned(),
            joined: "1403/11/01".into(),
            ..MemberInput::default()
        };
        members::add(s, "t", after, &m)
    });
    l.refused("hours of a closed month", ErrorCode::PeriodClosed, |s| {
        let w = WorkforceInput {
            month: "1403-12".into(),
            member_workers: 1,
            hours: vec![WorkerInput { membership_no: 1, hours: "10".into() }],
            ..WorkforceInput::default()
        };
        production::set_workforce(s, "t", after, &w)
    });
    l.refused("closing it again", ErrorCode::YearAlreadyClosed, |s| {
        year::close(s, "t", after, &close_1403("1"))
    });
    l.refused("closing an earlier year after a later one", ErrorCode::YearOutOfOrder, |s| {
        year::close(
            s,
            "t",
            after,
            &CloseInput { year: 1402, net_result: "1".into(), ..CloseInput::default() },
        )
    });

    // Approval: the assembly's passed resolution, with the return on shares capitalised.
    let m = l.annual_assembly();
    let when = on(1404, 3, 10);
    let approve = |meeting, resolution| ApproveInput {
        year: 1403,
        meeting,
        resolution,
        choices: Choices::default(),
        capitalise: Capitalise::ReturnOnShares,
    };
    l.refused("a refused resolution", ErrorCode::ApprovalResolutionInvalid, |s| {
        year::approve(s, "t", when, &approve(m, 2))
    });
    l.refused("no such resolution", ErrorCode::ApprovalResolutionInvalid, |s| {
        year::approve(s, "t", when, &approve(m, 9))
    });
    l.refused("no such meeting", ErrorCode::UnknownMeeting, |s| year::approve(s, "t", when, &approve(99, 1)));
    l.refused("a precautionary reserve over the statute's 5%", ErrorCode::DistributionPctOutOfBounds, |s| {
        let mut input = approve(m, 1);
        input.choices.precautionary_pct = "6".into();
        year::approve(s, "t", when, &input)
    });

    let a = year::approve(&mut l.store, "t", when, &approve(m, 1)).expect("approved");
    assert_eq!(a.legal_reserve_closing, 3_500_003, "5% plus the 3 rials of rounding");
    assert_eq!(a.precautionary_reserve_closing, 3_500_000);
    let by_member: Vec<(u32, u32, i64)> =
        a.payouts.iter().map(|p| (p.membership_no, p.new_shares, p.payable)).collect();
    assert_eq!(
        by_member,
        [
            (1, 5, 8_838_516),
            (2, 5, 4_538_516),
            (3, 5, 8_838_516),
            (4, 5, 238_516),
            (5, 5, 4_538_516),
            (6, 2, 4_876_319),
            (7, 0, 1_331_098), // left: paid in cash
        ]
    );
    let register = shares::register(&l.store).expect("register");
    assert_eq!(register.totals.shares, 60 + 27);
    let statement = shares::statement(&l.store, 1).expect("statement");
    let last = statement.entries.last().expect("entry");
    assert!(last.resolution.as_deref().unwrap_or_default().ends_with("(جلسه 1)، مصوبه 1"), "{last:?}");
    l.refused("approving it twice", ErrorCode::YearAlreadyApproved, |s| {
        year::approve(s, "t", when, &approve(m, 1))
    });

    let path = l._dir.path().join("payments-1403.xlsx");
    assert_eq!(year::payment_list_xlsx(&l.store, 1403, &path).expect("xlsx"), 7);
    let bytes = std::fs::read(&path).expect("written");
    assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip");

    let report = verify::run(&mut l.store).expect("verify");
    assert!(report.ok, "{report:?}");
    assert_eq!(year::page(&l.store, when, 1403).expect("page").year.status, YearStatus::Approved);
}

#[test]
fn drafts_losses_bounds_and_a_tampered_checkpoint() {
    let mut l = Ledger::seven();
    let after = on(1404, 1, 15);
    // A meeting planned inside the year and never held blocks the close until it is ended.
    let draft = MeetingInput {
        kind: MeetingKind::Board,
        call: 1,
        previous: None,
        annual: false,
        elections: false,
        date: "1403/11/20".into(),
        hour: "16:00".into(),
        place: "دفتر تعاونی".into(),
        proxy_check: String::new(),
        candidacy_until: String::new(),
        agenda: vec!["برنامه‌ی تولید".into()],
    };
    let id = meetings::create(&mut l.store, "t", on(1403, 11, 1), &draft).expect("draft").meeting;
    l.refused("an open draft in the year", ErrorCode::YearOpenDrafts, |s| {
        year::close(s, "t", after, &close_1403("1"))
    });
    meetings::end(&mut l.store, "t", after, id, Ending::Cancel, "برگزار نشد").expect("cancelled");
    // A production entry of Esfand, to be corrected after the close.
    let product =
        ProductInput { name: "پارچه".into(), unit: "متر".into(), ..ProductInput::default() };
    production::add_product(&mut l.store, "t", on(1403, 12, 1), &product).expect("product");
    let input = ProductionInput {
        date: "1403/12/05".into(),
        product: 1,
        quantity: "100".into(),
        unit_value: "50000".into(),
        ..ProductionInput::default()
    };
    let entry = production::record_production(&mut l.store, "t", on(1403, 12, 5), &input).expect("entry").id;

    // A statute below the law's floor for the legal reserve is refused.
    l.refused("a legal reserve of 4%", ErrorCode::ReservePctOutOfBounds, |s| {
        let values = StatuteValues { legal_reserve_pct: Decimal::from(4), ..StatuteValues::default() };
        let input = StatuteInput {
            values,
            effective_from: "1404/01/01".into(),
            resolution: "مصوبه ۳".into(),
            rule_warnings: None,
        };
        statute::set(s, "t", after, &input)
    });

    // A loss closes the year but leaves nothing to distribute.
    year::close(&mut l.store, "t", after, &close_1403("-12,000,000")).expect("closed with a loss");
    // Its entries can only be corrected knowingly, as post-close adjustments.
    l.refused("a plain reversal in the closed year", ErrorCode::PeriodClosed, |s| {
        production::reverse_production(s, "t", after, &entry, "مقدار اشتباه", false)
    });
    let fixed = production::reverse_production(&mut l.store, "t", after, &entry, "مقدار اشتباه", true)
        .expect("adjusted");
    let payload: String = l
        .store
        .conn()
        .query_row("SELECT payload FROM journal WHERE id = ?1", [&fixed.id], |r| r.get(0))
        .expect("payload");
    assert!(payload.contains("\"post_close\":true"), "{payload}");
    let page = year::page(&l.store, after, 1403).expect("page");
    assert!(page.proposal.is_none());
    assert_eq!(page.proposal_error.map(|e| e.code), Some(ErrorCode::DistributionNoSurplus));
    // Before the close of 1404, a proposal needs a net result.
    let err = year::propose(&l.store, 1404, None, &Choices::default()).expect_err("no figure");
    assert_eq!(reason(&err.to_ipc()), ErrorCode::Required);
    // Nobody's work is recorded in 1404 yet, so its surplus by work would have nobody to go to.
    let err = year::propose(&l.store, 1404, Some("1000000"), &Choices::default()).expect_err("no work");
    assert_eq!(reason(&err.to_ipc()), ErrorCode::DistributionNoWork);

    // A share line of the closed year edited behind the journal's back: the checkpoint says so.
    l.store
        .conn()
        .execute(
            "UPDATE share_line SET paid = paid + 1 WHERE membership_no = 1 AND event_id IN \
               (SELECT event_id FROM share_entry WHERE kind = 'pay')",
            [],
        )
        .expect("tamper");
    let report = verify::run(&mut l.store).expect("verify");
    assert!(report.problems.iter().any(|p| p.kind == VerifyProblemKind::CheckpointMismatch), "{report:?}");
}
