use super::*;

fn day(iso: &str) -> NaiveDate {
    iso.parse().expect("valid ISO date")
}

fn member(shares: i64, subscribed: i64, paid: i64) -> MemberFacts {
    MemberFacts {
        status: MemberStatus::Active,
        joined: day("2020-01-01"),
        holding: Holding { shares, subscribed, paid },
    }
}

fn statute() -> StatuteValues {
    StatuteValues {
        par_value: Decimal::from(100_000),
        max_member_capital_pct: Decimal::from(25),
        ..Default::default()
    }
}

fn judged(s: &StatuteValues, total: i64, shareholders: u32) -> Judged<'_> {
    Judged {
        statute: s,
        today: day("2026-11-28"),
        ledger: LedgerFacts { total_subscribed: total, shareholders },
    }
}

fn rule_code(r: Result<PlannedEntry, Refusal>) -> ErrorCode {
    match r {
        Err(Refusal::Rule { code, .. }) => code,
        Err(Refusal::Fields(f)) => f[0].code,
        Ok(p) => panic!("expected a refusal, got {p:?}"),
    }
}

#[test]
fn subscription_is_priced_at_the_par_value_in_force() {
    let s = statute();
    let p = plan_new_shares(1, 10, day("2026-01-01"), None, &member(0, 0, 0), &judged(&s, 9_000_000, 8))
        .expect("accepted");
    assert_eq!(p.kind, ShareEntryKind::Subscribe);
    assert_eq!(
        p.entry.lines[0],
        ShareLine { membership_no: 1, shares: 10, subscribed: 1_000_000, paid: 0, counterparty: None }
    );
    assert_eq!(p.preview.map(|c| c.percent_after), Some(Decimal::from(10)));
}

#[test]
fn a_subscription_beyond_the_cap_is_refused_with_member_limit_and_percent() {
    let s = statute();
    // 8 shareholders, 3,000,000 subscribed; member 4 would reach 2,000,000 / 4,000,000 = 50%.
    let r =
        plan_new_shares(4, 10, day("2026-01-01"), None, &member(10, 1_000_000, 0), &judged(&s, 3_000_000, 8));
    assert_eq!(
        r.expect_err("refused"),
        Refusal::Rule {
            code: ErrorCode::ShareCapExceeded,
            membership_no: Some(4),
            limit: Some(Decimal::from(25)),
            value: Some(Decimal::from(50)),
        }
    );
}

#[test]
fn while_founding_the_cap_only_warns() {
    let s = statute();
    let p = plan_new_shares(1, 10, day("2026-01-01"), None, &member(0, 0, 0), &judged(&s, 0, 0))
        .expect("accepted");
    assert_eq!(p.warnings, vec![ErrorCode::ShareCapFounding]);
    assert!(p.preview.is_some_and(|c| c.founding));
}

#[test]
fn exactly_at_the_cap_is_allowed() {
    let s = statute();
    // 1,000,000 of 4,000,000 = 25% exactly.
    let p = plan_new_shares(2, 10, day("2026-01-01"), None, &member(0, 0, 0), &judged(&s, 3_000_000, 8));
    assert!(p.is_ok(), "{p:?}");
}

#[test]
fn zero_shares_applicants_for_capitalisation_and_dates_before_joining_are_refused() {
    let s = statute();
    let j = judged(&s, 0, 0);
    assert_eq!(
        rule_code(plan_new_shares(1, 0, day("2026-01-01"), None, &member(0, 0, 0), &j)),
        ErrorCode::SharesMustBePositive
    );
    let applicant = MemberFacts { status: MemberStatus::Applicant, ..member(0, 0, 0) };
    assert!(plan_new_shares(1, 1, day("2026-01-01"), None, &applicant, &j).is_ok());
    assert_eq!(
        rule_code(plan_new_shares(1, 1, day("2026-01-01"), Some("R-1"), &applicant, &j)),
        ErrorCode::MemberNotActive
    );
    assert_eq!(
        rule_code(plan_new_shares(1, 1, day("2019-01-01"), None, &member(0, 0, 0), &j)),
        ErrorCode::DateBeforeJoining
    );
}

#[test]
fn overflowing_amounts_are_refused_not_wrapped() {
    let s = StatuteValues { par_value: Decimal::from(i64::MAX / 2), ..statute() };
    let r = plan_new_shares(1, 3, day("2026-01-01"), None, &member(0, 0, 0), &judged(&s, 0, 0));
    assert_eq!(rule_code(r), ErrorCode::AmountTooLarge);
    assert_eq!(parse_rials("99999999999999999999"), Err(ErrorCode::AmountTooLarge));
}

#[test]
fn payments_read_any_digits_and_never_exceed_what_is_owed() {
    let m = member(10, 1_000_000, 400_000);
    let p = plan_payment(1, "۶۰۰٬۰۰۰", day("2026-01-01"), &m).expect("accepted");
    assert_eq!(p.entry.lines[0].paid, 600_000);
    assert_eq!(rule_code(plan_payment(1, "600001", day("2026-01-01"), &m)), ErrorCode::PaymentExceedsUnpaid);
    for bad in ["0", "-5", "12.5", "abc"] {
        assert_eq!(
            rule_code(plan_payment(1, bad, day("2026-01-01"), &m)),
            ErrorCode::AmountMustBePositive,
            "{bad}"
        );
    }
    assert_eq!(rule_code(plan_payment(1, "", day("2026-01-01"), &m)), ErrorCode::Required);
}

#[test]
fn a_transfer_moves_paid_rials_in_proportion_rounding_toward_zero() {
    let s = statute();
    let from = member(3, 300_000, 100_000);
    let to = member(10, 1_000_000, 1_000_000);
    let p = plan_transfer(
        (1, &from),
        (2, Some(&to)),
        1,
        day("2026-01-01"),
        "مصوبه هیئت مدیره ۱۲",
        &judged(&s, 9_000_000, 9),
    )
    .expect("accepted");
    // 100,000 × 1/3 = 33,333.33… → 33,333 moves; the third of a rial stays.
    assert_eq!(p.entry.lines[0].paid, -33_333);
    assert_eq!(p.entry.lines[1].paid, 33_333);
    let sum: i64 = p.entry.lines.iter().map(|l| l.subscribed + l.paid + l.shares).sum();
    assert_eq!(sum, 0);
}

#[test]
fn transfer_refusals() {
    let s = statute();
    let j = judged(&s, 9_000_000, 9);
    let from = member(10, 1_000_000, 1_000_000);
    let to = member(1, 100_000, 100_000);
    let gone = MemberFacts { status: MemberStatus::Withdrawn, ..to };
    let t = |to_no, to: Option<&MemberFacts>, shares, res: &str| {
        rule_code(plan_transfer((1, &from), (to_no, to), shares, day("2026-01-01"), res, &j))
    };
    assert_eq!(t(2, None, 1, "R"), ErrorCode::TransfereeNotMember);
    assert_eq!(t(2, Some(&gone), 1, "R"), ErrorCode::TransfereeNotMember);
    assert_eq!(t(1, Some(&to), 1, "R"), ErrorCode::TransferToSelf);
    assert_eq!(t(2, Some(&to), 11, "R"), ErrorCode::InsufficientShares);
    assert_eq!(t(2, Some(&to), 1, "  "), ErrorCode::ResolutionRequired);
    // Member 2 would hold 2,000,000 of 9,000,000 = 22.22%: fine; 20 shares more would not be.
    assert!(plan_transfer((1, &from), (2, Some(&to)), 10, day("2026-01-01"), "R", &j).is_ok());
    let big = member(30, 3_000_000, 3_000_000);
    assert_eq!(
        rule_code(plan_transfer((1, &big), (2, Some(&to)), 25, day("2026-01-01"), "R", &j)),
        ErrorCode::ShareCapExceeded
    );
}

#[test]
fn only_former_members_are_refunded_and_the_refund_falls_due_later() {
    let s = statute();
    let gone = MemberFacts { status: MemberStatus::Withdrawn, ..member(10, 1_000_000, 700_000) };
    let p = plan_refund(1, 10, day("2026-01-10"), &gone, &s).expect("accepted");
    assert_eq!(
        p.entry.lines[0],
        ShareLine {
            membership_no: 1,
            shares: -10,
            subscribed: -1_000_000,
            paid: -700_000,
            counterparty: None
        }
    );
    assert_eq!(p.entry.due_date, Some(day("2026-04-10")));
    assert_eq!(
        rule_code(plan_refund(1, 10, day("2026-01-10"), &member(10, 1, 1), &s)),
        ErrorCode::MemberNotActive
    );
    assert_eq!(rule_code(plan_refund(1, 11, day("2026-01-10"), &gone, &s)), ErrorCode::InsufficientShares);
}

#[test]
fn reversals_negate_and_refuse_what_cannot_be_undone() {
    let lines =
        vec![ShareLine { membership_no: 1, shares: 10, subscribed: 1_000_000, paid: 0, counterparty: None }];
    let recorded = RecordedEntry { kind: ShareEntryKind::Subscribe, lines: lines.clone(), reversed: false };
    let today = day("2026-11-28");
    let p = plan_reversal("e1", Some(&recorded), "ثبت اشتباه", today, |_| Holding {
        shares: 10,
        subscribed: 1_000_000,
        paid: 0,
    })
    .expect("accepted");
    assert_eq!(p.entry.lines[0].shares, -10);
    assert_eq!(p.entry.reverses.as_deref(), Some("e1"));
    let code = |r| rule_code(r);
    assert_eq!(code(plan_reversal("x", None, "r", today, |_| Holding::default())), ErrorCode::UnknownEntry);
    let reversal = RecordedEntry { kind: ShareEntryKind::Reverse, ..recorded.clone() };
    assert_eq!(
        code(plan_reversal("e2", Some(&reversal), "r", today, |_| Holding::default())),
        ErrorCode::ReversalOfReversal
    );
    let done = RecordedEntry { reversed: true, ..recorded.clone() };
    assert_eq!(
        code(plan_reversal("e1", Some(&done), "r", today, |_| Holding::default())),
        ErrorCode::AlreadyReversed
    );
    assert_eq!(
        code(plan_reversal("e1", Some(&recorded), " ", today, |_| Holding::default())),
        ErrorCode::Required
    );
    // Shares since paid for cannot be un-subscribed: paid would exceed subscribed.
    let paid = |_| Holding { shares: 10, subscribed: 1_000_000, paid: 500_000 };
    assert_eq!(
        code(plan_reversal("e1", Some(&recorded), "r", today, paid)),
        ErrorCode::ReversalWouldGoNegative
    );
}

#[test]
fn rials_cross_the_wire_as_strings() {
    let line = ShareLine { membership_no: 1, shares: 2, subscribed: 200_000, paid: -5, counterparty: None };
    let json = serde_json::to_value(line).expect("serialises");
    assert_eq!(json["subscribed"], "200000");
    assert_eq!(json["paid"], "-5");
    let back: ShareLine = serde_json::from_value(json).expect("parses");
    assert_eq!(back, line);
}

#[test]
fn a_capitalisation_is_judged_as_a_whole_entry() {
    let s = statute();
    // Eight members of 20 shares (2,000,000 each, 16,000,000 in all); the cap is 25%.
    let m = member(20, 2_000_000, 2_000_000);
    let j = judged(&s, 16_000_000, 8);
    // Member 1 alone taking 40 new shares: 6,000,000 of 20,000,000 = 30%, over the cap.
    let alone = plan_capitalisation(&[(1, 40, m)], day("2026-06-01"), "مصوبه ۲", &j);
    assert_eq!(rule_code(alone), ErrorCode::ShareCapExceeded);
    // Everyone taking 40 in one entry: each at 6,000,000 of 48,000,000 = 12.5%, within it — and
    // no line judged before the others have landed.
    let grants: Vec<(u32, u32, MemberFacts)> = (1..=8).map(|no| (no, 40, m)).collect();
    let p = plan_capitalisation(&grants, day("2026-06-01"), "مصوبه ۲", &j).expect("accepted");
    assert_eq!(p.kind, ShareEntryKind::Capitalise);
    assert_eq!(p.entry.lines.len(), 8);
    assert!(p.entry.lines.iter().all(|l| l.subscribed == 4_000_000 && l.paid == 4_000_000));
    // A member who left cannot be capitalised; the reference is required.
    let left = MemberFacts { status: MemberStatus::Withdrawn, ..m };
    assert_eq!(
        rule_code(plan_capitalisation(&[(3, 1, left)], day("2026-06-01"), "مصوبه ۲", &j)),
        ErrorCode::MemberNotActive
    );
    assert_eq!(
        rule_code(plan_capitalisation(&[(3, 1, m)], day("2026-06-01"), " ", &j)),
        ErrorCode::ResolutionRequired
    );
}
