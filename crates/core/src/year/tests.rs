use proptest::prelude::*;

use super::*;

fn member(no: u32, capital_days: i128, work: i128) -> MemberBasis {
    MemberBasis { membership_no: no, capital_days, work }
}

fn facts(net: i64, members: Vec<MemberBasis>) -> YearFacts {
    YearFacts { net_result: net, legal_reserve_opening: 0, average_capital: 1_000_000_000, members }
}

fn sum_of_parts(p: &Proposal) -> i64 {
    p.parts.iter().map(|p| p.amount).sum()
}

#[test]
fn the_default_waterfall_to_the_rial() {
    // 100,000,000 net: legal 5%, precautionary 5%, fund 4%, no bonuses; 86,000,000 remain,
    // half on shares (43,000,000 by 1:1:1 → 14,333,333 each, 1 left), half by work
    // (43,000,000 by 1:2:3 hours → 7,166,666 / 14,333,333 / 21,500,000, 1 left).
    let f = facts(100_000_000, vec![member(1, 10, 100), member(2, 10, 200), member(3, 10, 300)]);
    let p = propose(&f, &StatuteValues::default(), &Choices::default()).expect("proposal");
    let amounts: Vec<i64> = p.parts.iter().map(|p| p.amount).collect();
    assert_eq!(amounts, [5_000_000, 5_000_000, 4_000_000, 0, 42_999_999, 42_999_999, 2]);
    assert_eq!(sum_of_parts(&p), 100_000_000);
    let totals: Vec<(i64, i64)> =
        p.members.iter().map(|m| (m.amounts.return_on_shares, m.amounts.surplus_by_work)).collect();
    assert_eq!(totals, [(14_333_333, 7_166_666), (14_333_333, 14_333_333), (14_333_333, 21_500_000)]);
    assert!(p.legal_reserve_compulsory);
}

#[test]
fn percentage_parts_round_down_and_the_rials_stay_with_the_members() {
    // 1,000,001 × 5% = 50,000.05 → 50,000: the 0.05 stays in the remainder.
    let f = facts(1_000_001, vec![member(1, 1, 1)]);
    let p = propose(&f, &StatuteValues::default(), &Choices::default()).expect("proposal");
    assert_eq!(p.part(PartKind::LegalReserve), 50_000);
    assert_eq!(p.part(PartKind::CooperationFund), 40_000);
    // 1,000,001 − 50,000 − 50,000 − 40,000 = 860,001; half rounded down = 430,000 on shares.
    assert_eq!(p.part(PartKind::ReturnOnShares), 430_000);
    assert_eq!(p.part(PartKind::SurplusByWork), 430_001);
    assert_eq!(p.part(PartKind::Rounding), 0);
}

#[test]
fn the_legal_reserve_stops_being_compulsory_at_its_cap() {
    // Cap: 1/4 of an average capital of 400,000,000 = 100,000,000.
    let mut f = facts(10_000_000, vec![member(1, 1, 1)]);
    f.average_capital = 400_000_000;
    f.legal_reserve_opening = 100_000_000;
    let p = propose(&f, &StatuteValues::default(), &Choices::default()).expect("proposal");
    assert!(!p.legal_reserve_compulsory);
    assert_eq!(p.legal_reserve_cap, 100_000_000);
    assert_eq!(p.part(PartKind::LegalReserve), 0, "no longer compulsory: 0 by default");
    let more = Choices { legal_reserve_pct: "۲".into(), ..Choices::default() };
    let p = propose(&f, &StatuteValues::default(), &more).expect("a voluntary 2%");
    assert_eq!(p.part(PartKind::LegalReserve), 200_000);
    // One rial below the cap, the minimum applies again.
    f.legal_reserve_opening = 99_999_999;
    let low = Choices { legal_reserve_pct: "4".into(), ..Choices::default() };
    let err = propose(&f, &StatuteValues::default(), &low).expect_err("below the minimum");
    assert_eq!(
        err,
        Refusal::Fields(vec![FieldError {
            field: Field::LegalReservePct,
            code: ErrorCode::DistributionPctOutOfBounds
        }])
    );
}

#[test]
fn choices_outside_the_statute_are_refused_by_field() {
    let f = facts(10_000_000, vec![member(1, 1, 1)]);
    let s = StatuteValues::default();
    let cases = [
        (Choices { precautionary_pct: "6".into(), ..Choices::default() }, Field::PrecautionaryPct),
        (Choices { bonuses_pct: "5.5".into(), ..Choices::default() }, Field::BonusesPct),
        (Choices { bonuses_pct: "-1".into(), ..Choices::default() }, Field::BonusesPct),
        (Choices { legal_reserve_pct: "101".into(), ..Choices::default() }, Field::LegalReservePct),
    ];
    for (choices, field) in cases {
        let err = propose(&f, &s, &choices).expect_err("refused");
        let Refusal::Fields(fields) = err else { panic!("fields expected for {choices:?}") };
        assert_eq!(fields[0].field, field, "{choices:?}");
    }
    let words = Choices { bonuses_pct: "ده".into(), ..Choices::default() };
    let err = propose(&f, &s, &words).expect_err("not a number");
    assert_eq!(err, Refusal::field(Field::BonusesPct, ErrorCode::NumberFormat));
    // A legal reserve of 90% with the fund's 4% and the default 5% precautionary exceeds 100%.
    let over = Choices { legal_reserve_pct: "92".into(), ..Choices::default() };
    assert!(propose(&f, &s, &over).is_err());
}

#[test]
fn nothing_is_distributed_from_a_loss_or_to_nobody() {
    let s = StatuteValues::default();
    for net in [0, -5_000_000] {
        let err = propose(&facts(net, vec![member(1, 1, 1)]), &s, &Choices::default()).expect_err("loss");
        assert_eq!(err, rule(ErrorCode::DistributionNoSurplus));
    }
    let err =
        propose(&facts(10_000_000, vec![member(1, 5, 0)]), &s, &Choices::default()).expect_err("no work");
    assert_eq!(err, rule(ErrorCode::DistributionNoWork));
    let err =
        propose(&facts(10_000_000, vec![member(1, 0, 5)]), &s, &Choices::default()).expect_err("no capital");
    assert_eq!(err, rule(ErrorCode::DistributionNoCapital));
    // A statute that gives everything to shares needs no work records.
    let all_shares = StatuteValues { return_on_shares_pct: Decimal::ONE_HUNDRED, ..s };
    let p = propose(&facts(10_000_000, vec![member(1, 5, 0)]), &all_shares, &Choices::default()).expect("ok");
    assert_eq!(p.part(PartKind::SurplusByWork), 0);
    assert_eq!(sum_of_parts(&p), 10_000_000);
}

#[test]
fn payouts_capitalise_whole_shares_of_active_members_only() {
    let f = facts(100_000_000, vec![member(1, 10, 100), member(2, 10, 200), member(3, 10, 300)]);
    let p = propose(&f, &StatuteValues::default(), &Choices::default()).expect("proposal");
    let par = Decimal::from(1_000_000);
    let cash = payouts(&p, Capitalise::None, par, |_| true);
    assert!(cash.iter().all(|m| m.new_shares == 0 && m.payable == m.amounts.total));
    let shares = payouts(&p, Capitalise::ReturnOnShares, par, |no| no != 3);
    // 14,333,333 on shares → 14 shares (14,000,000), the rest in cash; member 3 left: all in cash.
    assert_eq!((shares[0].new_shares, shares[0].capitalised), (14, 14_000_000));
    assert_eq!(shares[0].payable, 14_333_333 + 7_166_666 - 14_000_000);
    assert_eq!((shares[2].new_shares, shares[2].payable), (0, shares[2].amounts.total));
    let all = payouts(&p, Capitalise::All, par, |_| true);
    assert_eq!(all[2].new_shares, 35, "14,333,333 + 21,500,000 = 35,833,333");
}

#[test]
fn close_figures_read_losses_and_any_digits() {
    let input = CloseInput {
        year: 1403,
        net_result: "-۱۲٬۵۰۰٬۰۰۰".into(),
        legal_reserve_opening: "۳۰۰۰".into(),
        ..CloseInput::default()
    };
    let f = close_figures(&input).expect("valid");
    assert_eq!(
        (f.net_result, f.legal_reserve_opening, f.precautionary_reserve_opening),
        (-12_500_000, Some(3_000), None)
    );
    let bad = CloseInput {
        year: 99,
        net_result: "سود".into(),
        precautionary_reserve_opening: "-5".into(),
        ..CloseInput::default()
    };
    let fields: Vec<Field> = close_figures(&bad).expect_err("refused").iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::NetResult, Field::PrecautionaryReserveOpening, Field::Year]);
    let empty = CloseInput { year: 1403, ..CloseInput::default() };
    assert_eq!(
        close_figures(&empty),
        Err(vec![FieldError { field: Field::NetResult, code: ErrorCode::Required }])
    );
}

#[test]
fn the_statute_refuses_reserves_outside_the_law() {
    let low = StatuteValues { legal_reserve_pct: Decimal::from(4), ..StatuteValues::default() };
    let errors = low.validate().expect_err("below the law's 5%");
    assert!(
        errors.contains(&FieldError {
            field: Field::ReservePercentages,
            code: ErrorCode::ReservePctOutOfBounds
        })
    );
    let high = StatuteValues { precautionary_reserve_max_pct: Decimal::from(6), ..StatuteValues::default() };
    assert!(high.validate().is_err());
    let over = StatuteValues { bonuses_max_pct: Decimal::from(90), ..StatuteValues::default() };
    assert!(over.validate().is_err(), "5 + 5 + 4 + 90 > 100");
    assert!(StatuteValues::default().validate().is_ok());
}

fn basis() -> impl Strategy<Value = Vec<(i64, u16, u32)>> {
    // (paid capital in rials, days held, hundredths of an hour)
    prop::collection::vec((0_i64..5_000_000_000, 0_u16..=366, 0_u32..400_000), 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn parts_add_up_and_nobody_gets_a_negative_amount(
        net in 1_i64..1_000_000_000_000_000,
        rows in basis(),
        bonuses in 0_u32..=5,
        ros in 0_u32..=100,
    ) {
        let members: Vec<MemberBasis> = rows
            .iter()
            .zip(1_u32..)
            .map(|(&(paid, days, work), no)| member(no, i128::from(paid) * i128::from(days), i128::from(work)))
            .collect();
        let s = StatuteValues { return_on_shares_pct: Decimal::from(ros), ..StatuteValues::default() };
        let choices = Choices { bonuses_pct: bonuses.to_string(), ..Choices::default() };
        match propose(&facts(net, members), &s, &choices) {
            Ok(p) => {
                prop_assert_eq!(sum_of_parts(&p), net);
                prop_assert!(p.parts.iter().all(|part| part.amount >= 0));
                prop_assert!(p.members.iter().all(|m| m.amounts.return_on_shares >= 0 && m.amounts.surplus_by_work >= 0));
                let on_shares: i64 = p.members.iter().map(|m| m.amounts.return_on_shares).sum();
                prop_assert_eq!(on_shares, p.part(PartKind::ReturnOnShares));
                let by_work: i64 = p.members.iter().map(|m| m.amounts.surplus_by_work).sum();
                prop_assert_eq!(by_work, p.part(PartKind::SurplusByWork));
                // Fewer rials are left by rounding than there are members in the two pools.
                prop_assert!(p.part(PartKind::Rounding) < 2 * i64::try_from(p.members.len()).unwrap_or(0));
            }
            Err(e) => prop_assert!(
                e == rule(ErrorCode::DistributionNoCapital) || e == rule(ErrorCode::DistributionNoWork),
                "{:?}", e
            ),
        }
    }

    #[test]
    fn twice_the_capital_for_the_same_days_earns_twice_the_return(
        net in 1_000_i64..1_000_000_000_000_000,
        paid in 1_i64..5_000_000_000,
        days in 1_i128..=366,
        others in basis(),
    ) {
        let mut members = vec![member(1, i128::from(paid) * days, 1), member(2, i128::from(2 * paid) * days, 1)];
        members.extend(others.iter().zip(3_u32..).map(|(&(p, d, w), no)| member(no, i128::from(p) * i128::from(d), i128::from(w))));
        let p = propose(&facts(net, members), &StatuteValues::default(), &Choices::default()).expect("proposal");
        let (one, two) = (p.members[0].amounts.return_on_shares, p.members[1].amounts.return_on_shares);
        // floor(2x) is 2·floor(x) or one rial more: rounding down never takes more than a rial.
        prop_assert!(two == 2 * one || two == 2 * one + 1, "{} vs {}", one, two);
    }
}
