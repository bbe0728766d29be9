//! The member register and the share ledger through the store's public use cases: the flows a
//! board runs, every refusal path (code asserted, journal unchanged), and properties over random
//! sequences of entries.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err, clippy::type_complexity)]

use chrono::{DateTime, Utc};
use hamyar_core::ErrorCode;
use hamyar_core::member::{ExitInput, ExitReason, MemberInput};
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{StatuteInput, StatuteValues};
use hamyar_store::{Store, StoreError, members, shares, statute, verify};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    "2026-11-28T08:00:00Z".parse().expect("valid time")
}

fn person(i: u32) -> MemberInput {
    MemberInput {
        first_name: format!("عضو {i}"),
        last_name: "آزمایشی".into(),
        national_code: hamyar_core::ids::NationalCode::sample(i).as_str().to_owned(),
        joined: "1400/01/01".into(),
        ..MemberInput::default()
    }
}

/// A ledger with a statute (par 100,000 rials, cap 25%) and `n` active members.
fn ledger(n: u32) -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let values =
        StatuteValues { par_value: 100_000.into(), max_member_capital_pct: 25.into(), ..Default::default() };
    let input = StatuteInput {
        values,
        effective_from: "1400/01/01".into(),
        resolution: String::new(),
        rule_warnings: None,
    };
    statute::set(&mut store, "t", now(), &input).expect("statute");
    for i in 1..=n {
        members::add(&mut store, "t", now(), &person(i)).expect("member");
    }
    store
}

fn events(store: &Store) -> i64 {
    store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0)).expect("count")
}

fn subscribe(no: u32, shares: u32) -> ShareAction {
    ShareAction::Subscribe { membership_no: no, shares, date: "1404/01/10".into() }
}

fn record(store: &mut Store, action: &ShareAction) -> Result<shares::RecordedShareEntry, StoreError> {
    shares::record(store, "t", now(), action)
}

/// The code that explains a refusal: the rule's, or the first refused field's.
fn reason(e: &hamyar_core::IpcError) -> ErrorCode {
    match (&e.code, &e.details) {
        (ErrorCode::ValidationFailed, Some(d)) if !d.fields.is_empty() => d.fields[0].code,
        (code, _) => *code,
    }
}

/// Asserts that `action` is refused with `code` and that the journal did not grow.
fn refused(store: &mut Store, action: &ShareAction, code: ErrorCode) {
    let before = events(store);
    let err = record(store, action).expect_err("should be refused");
    assert_eq!(reason(&err.to_ipc()), code, "{action:?}: {err:?}");
    assert_eq!(events(store), before, "a refused entry grew the journal");
    let check = shares::check(store, now(), action).expect("check");
    assert_eq!(check.error.as_ref().map(reason), Some(code));
}

#[test]
fn a_board_runs_its_register() {
    let mut store = ledger(8);
    for no in 1..=8 {
        record(&mut store, &subscribe(no, 10)).expect("subscribed");
    }
    record(
        &mut store,
        &ShareAction::Pay { membership_no: 1, amount: "۴۰۰٬۰۰۰".into(), date: "1404/02/01".into() },
    )
    .expect("paid");
    let t = ShareAction::Transfer {
        membership_no: 2,
        to_member: 3,
        shares: 4,
        date: "1404/03/01".into(),
        resolution: "صورتجلسه هیئت مدیره ۱۴۰۴/۰۲/۲۸".into(),
    };
    record(&mut store, &t).expect("transferred");
    let st = shares::statement(&store, 1).expect("statement");
    assert_eq!((st.holding.shares, st.holding.subscribed, st.holding.paid), (10, 1_000_000, 400_000));
    assert_eq!(st.unpaid.to_string(), "600000");
    assert_eq!(st.percent.to_string(), "12.50");
    assert_eq!(shares::statement(&store, 3).expect("statement").holding.shares, 14);
    let reg = shares::register(&store).expect("register");
    assert_eq!((reg.totals.shares, reg.totals.subscribed, reg.totals.paid), (80, 8_000_000, 400_000));
    // The rest falls due 24 months (the statute's default) after the first subscription.
    assert_eq!(reg.rows[0].unpaid_due.map(|d| d.to_string()), Some("2027-03-30".into()));
    assert!(verify::run(&mut store).expect("verify").ok);
}

#[test]
fn every_refusal_has_its_code_and_changes_nothing() {
    let mut store = ledger(8);
    for no in 1..=8 {
        record(&mut store, &subscribe(no, 10)).expect("subscribed");
    }
    // 8,000,000 subscribed; member 1 taking 20 more reaches 3,000,000 / 10,000,000 = 30% > 25%.
    refused(&mut store, &subscribe(1, 20), ErrorCode::ShareCapExceeded);
    let err = record(&mut store, &subscribe(1, 20)).expect_err("cap");
    let details = err.to_ipc().details.expect("details");
    assert_eq!(
        (details.membership_no, details.limit.as_deref(), details.value.as_deref()),
        (Some(1), Some("25"), Some("30.00"))
    );
    refused(&mut store, &subscribe(1, 0), ErrorCode::SharesMustBePositive);
    refused(&mut store, &subscribe(99, 1), ErrorCode::UnknownMember);
    let pay = |amount: &str| ShareAction::Pay {
        membership_no: 1,
        amount: amount.into(),
        date: "1404/02/01".into(),
    };
    refused(&mut store, &pay("-100"), ErrorCode::AmountMustBePositive);
    refused(&mut store, &pay("0"), ErrorCode::AmountMustBePositive);
    refused(&mut store, &pay("9223372036854775808"), ErrorCode::AmountTooLarge);
    refused(&mut store, &pay("1000001"), ErrorCode::PaymentExceedsUnpaid);
    let transfer = |to: u32, shares: u32| ShareAction::Transfer {
        membership_no: 1,
        to_member: to,
        shares,
        date: "1404/03/01".into(),
        resolution: "R-1".into(),
    };
    refused(&mut store, &transfer(42, 1), ErrorCode::TransfereeNotMember);
    refused(&mut store, &transfer(1, 1), ErrorCode::TransferToSelf);
    refused(&mut store, &transfer(2, 11), ErrorCode::InsufficientShares);
    // Member 8 leaves; shares can no longer go to them.
    let exit = ExitInput {
        membership_no: 8,
        reason: Some(ExitReason::Withdrawal),
        date: "1405/08/01".into(),
        ..Default::default()
    };
    members::exit(&mut store, "t", now(), &exit).expect("exit");
    refused(&mut store, &transfer(8, 1), ErrorCode::TransfereeNotMember);
    refused(&mut store, &subscribe(8, 1), ErrorCode::MemberNotActive);
    // Reversals.
    let first = record(&mut store, &subscribe(2, 1)).expect("subscribed");
    let reverse =
        |entry: &str| ShareAction::Reverse { entry: entry.into(), reason: "ثبت تکراری".into() };
    let reversal = record(&mut store, &reverse(&first.entry_id)).expect("reversed");
    refused(&mut store, &reverse(&first.entry_id), ErrorCode::AlreadyReversed);
    refused(&mut store, &reverse(&reversal.entry_id), ErrorCode::ReversalOfReversal);
    refused(&mut store, &reverse("no-such-entry"), ErrorCode::UnknownEntry);
    assert!(verify::run(&mut store).expect("verify").ok);
}

#[test]
fn members_are_numbered_in_order_and_duplicates_are_refused() {
    let mut store = ledger(2);
    let before = events(&store);
    let err = members::add(&mut store, "t", now(), &person(1)).expect_err("duplicate");
    assert_eq!(err.to_ipc().details.expect("details").fields[0].code, ErrorCode::DuplicateNationalCode);
    let bad = MemberInput { national_code: "۱۲۳۴۵۶۷۸۹۰".into(), ..person(9) };
    let err = members::add(&mut store, "t", now(), &bad).expect_err("bad code");
    assert_eq!(err.to_ipc().details.expect("details").fields[0].code, ErrorCode::NationalCodeChecksum);
    assert_eq!(events(&store), before);
    let third = members::add(&mut store, "t", now(), &person(3)).expect("added");
    assert_eq!(third.membership_no, 3);
}

#[test]
fn share_entries_need_a_statute() {
    let mut store = Store::open_in_memory().expect("store");
    members::add(&mut store, "t", now(), &person(1)).expect("member");
    refused(&mut store, &subscribe(1, 1), ErrorCode::StatuteNotSet);
}

#[test]
fn the_minimum_members_alarm_follows_the_register() {
    let mut store = ledger(7);
    let today = "2026-11-28".parse().expect("date");
    assert!(!members::stats(store.conn(), today).expect("stats").below_minimum);
    let exit = ExitInput {
        membership_no: 7,
        reason: Some(ExitReason::Withdrawal),
        date: "1405/08/01".into(),
        ..Default::default()
    };
    members::exit(&mut store, "t", now(), &exit).expect("exit");
    let stats = members::stats(store.conn(), today).expect("stats");
    assert_eq!((stats.active, stats.exited, stats.below_minimum), (6, 1, true));
}

#[derive(Debug, Clone)]
enum Step {
    Subscribe(u32, u32),
    Pay(u32, u32),
    Transfer(u32, u32, u32),
    ReverseLast,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1..=9_u32, 1..=30_u32).prop_map(|(m, s)| Step::Subscribe(m, s)),
        (1..=9_u32, 1..=2_000_u32).prop_map(|(m, a)| Step::Pay(m, a)),
        (1..=9_u32, 1..=9_u32, 1..=10_u32).prop_map(|(a, b, s)| Step::Transfer(a, b, s)),
        Just(Step::ReverseLast),
    ]
}

fn register_snapshot(store: &Store) -> Vec<(u32, i64, i64, i64)> {
    shares::register(store)
        .expect("register")
        .rows
        .iter()
        .map(|r| (r.member.membership_no, r.holding.shares, r.holding.subscribed, r.holding.paid))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Over random sequences: totals equal the sum of holdings, nothing goes negative or overpaid,
    /// a reversal restores the exact previous register, and replaying the journal reproduces it.
    #[test]
    fn random_entries_keep_the_ledger_sound(steps in proptest::collection::vec(step(), 1..40)) {
        let mut store = ledger(9);
        let mut accepted: Vec<(String, Vec<(u32, i64, i64, i64)>)> = Vec::new();
        for s in steps {
            let before = register_snapshot(&store);
            let action = match &s {
                Step::Subscribe(m, n) => subscribe(*m, *n),
                Step::Pay(m, a) => ShareAction::Pay { membership_no: *m, amount: (u64::from(*a) * 1_000).to_string(), date: "1404/05/01".into() },
                Step::Transfer(a, b, n) => ShareAction::Transfer { membership_no: *a, to_member: *b, shares: *n, date: "1404/06/01".into(), resolution: "R".into() },
                Step::ReverseLast => match accepted.last() {
                    Some((id, _)) => ShareAction::Reverse { entry: id.clone(), reason: "آزمون".into() },
                    None => continue,
                },
            };
            let events_before = events(&store);
            match record(&mut store, &action) {
                Ok(done) => {
                    if let Step::ReverseLast = s {
                        let (_, snapshot) = accepted.pop().expect("an entry to reverse");
                        prop_assert_eq!(register_snapshot(&store), snapshot, "a reversal must restore the register");
                    } else {
                        accepted.push((done.entry_id, before));
                    }
                }
                Err(_) => {
                    prop_assert_eq!(events(&store), events_before);
                    prop_assert_eq!(register_snapshot(&store), before);
                }
            }
            let reg = shares::register(&store).expect("register");
            let sum = reg.rows.iter().fold((0, 0, 0), |t, r| (t.0 + r.holding.shares, t.1 + r.holding.subscribed, t.2 + r.holding.paid));
            prop_assert_eq!(sum, (reg.totals.shares, reg.totals.subscribed, reg.totals.paid));
            for r in &reg.rows {
                prop_assert!(r.holding.shares >= 0 && r.holding.paid >= 0 && r.holding.paid <= r.holding.subscribed, "{:?}", r.holding);
            }
        }
        let report = verify::run(&mut store).expect("verify");
        prop_assert!(report.ok, "{:?}", report.problems);
    }
}

#[test]
fn certificates_are_temporary_until_paid_and_reissued_on_every_change() {
    use hamyar_store::documents::{self, CertificateKind};
    let mut store = ledger(8);
    for no in 1..=8 {
        record(&mut store, &subscribe(no, 10)).expect("subscribed");
    }
    let current = |store: &Store, no| {
        documents::certificates(store.conn(), no)
            .expect("certificates")
            .into_iter()
            .find(|c| c.cancelled_on.is_none())
    };
    let first = current(&store, 1).expect("a certificate");
    assert_eq!((first.kind, first.shares), (CertificateKind::Temporary, 10));
    // A partial payment keeps the temporary certificate; full payment makes it final.
    record(
        &mut store,
        &ShareAction::Pay { membership_no: 1, amount: "500000".into(), date: "1404/02/01".into() },
    )
    .expect("paid");
    assert_eq!(current(&store, 1).map(|c| c.serial), Some(first.serial));
    record(
        &mut store,
        &ShareAction::Pay { membership_no: 1, amount: "500000".into(), date: "1404/02/02".into() },
    )
    .expect("paid");
    let final_cert = current(&store, 1).expect("final");
    assert_eq!(final_cert.kind, CertificateKind::Final);
    assert!(final_cert.serial > first.serial);
    // A transfer cancels and reissues both sides; serials never repeat.
    let t = ShareAction::Transfer {
        membership_no: 1,
        to_member: 2,
        shares: 5,
        date: "1404/03/01".into(),
        resolution: "R-9".into(),
    };
    record(&mut store, &t).expect("transferred");
    let (one, two) = (current(&store, 1).expect("cert 1"), current(&store, 2).expect("cert 2"));
    assert_eq!((one.shares, two.shares), (5, 15));
    let all = documents::certificates(store.conn(), 1).expect("certificates");
    assert_eq!(all.iter().filter(|c| c.cancelled_on.is_none()).count(), 1);
    let doc = documents::certificate_doc(&store, one.serial).expect("doc");
    assert_eq!(doc.amount_words, "پانصد هزار ریال");
    assert_eq!(doc.par_value.to_string(), "100000");
    assert!(verify::run(&mut store).expect("verify").ok);
}

#[test]
fn a_members_history_lists_every_event_about_them() {
    let mut store = ledger(8);
    record(&mut store, &subscribe(1, 10)).expect("subscribed");
    record(&mut store, &subscribe(2, 10)).expect("subscribed");
    let history = hamyar_store::documents::history(store.conn(), 1).expect("history");
    let kinds: Vec<&str> = history.iter().map(|h| h.kind.as_str()).collect();
    assert_eq!(kinds, vec!["member.admit", "share.subscribe"]);
    assert_eq!(history[1].date.to_string(), "2025-03-30");
}

#[test]
fn activate_warn_and_update_refusals_change_nothing() {
    let mut store = ledger(3);
    let applicant = MemberInput { applicant: true, ..person(4) };
    members::add(&mut store, "t", now(), &applicant).expect("applicant");
    let before = events(&store);
    // Only an applicant can be activated; unknown members, future dates and empty notes are refused.
    let code = |r: Result<(), StoreError>| {
        r.map_err(|e| {
            let ipc = e.to_ipc();
            ipc.details.as_ref().and_then(|d| d.fields.first()).map_or(ipc.code, |f| f.code)
        })
    };
    assert_eq!(
        code(members::activate(&mut store, "t", now(), 1, "1404/01/01").map(|_| ())),
        Err(ErrorCode::MemberNotActive)
    );
    assert_eq!(
        code(members::activate(&mut store, "t", now(), 99, "1404/01/01").map(|_| ())),
        Err(ErrorCode::UnknownMember)
    );
    assert_eq!(
        code(members::activate(&mut store, "t", now(), 4, "1410/01/01").map(|_| ())),
        Err(ErrorCode::DateInFuture)
    );
    assert_eq!(code(members::warn(&mut store, "t", now(), 1, "1404/01/01", "  ")), Err(ErrorCode::Required));
    assert_eq!(
        code(members::warn(&mut store, "t", now(), 99, "1404/01/01", "تذکر")),
        Err(ErrorCode::UnknownMember)
    );
    // Correcting a member's particulars to another member's national code is refused.
    let stolen = MemberInput {
        national_code: hamyar_core::ids::NationalCode::sample(2).as_str().to_owned(),
        ..person(1)
    };
    assert_eq!(
        code(members::update(&mut store, "t", now(), 1, &stolen).map(|_| ())),
        Err(ErrorCode::DuplicateNationalCode)
    );
    assert_eq!(events(&store), before, "a refusal grew the journal");
    // The happy paths record one event each.
    members::activate(&mut store, "t", now(), 4, "1405/01/10").expect("activated");
    members::warn(&mut store, "t", now(), 1, "1405/02/01", "تأخیر در پرداخت").expect("warned");
    assert_eq!(events(&store), before + 2);
    assert!(verify::run(&mut store).expect("verify").ok);
}
