use super::*;

use MeetingKind::{Board, Extraordinary, Ordinary};
use MeetingStage as S;

/// A Jalali day as a Gregorian date.
fn j(year: i32, month: u8, day: u8) -> NaiveDate {
    JalaliDate::new(year, month, day).and_then(JalaliDate::to_gregorian).expect("valid Jalali date")
}

/// A Gregorian date written as Jalali `YYYY/MM/DD`.
fn jal(date: NaiveDate) -> String {
    JalaliDate::from_gregorian(date).to_ascii()
}

const fn more_than(n: u32, d: u32) -> Threshold {
    Threshold { fraction: Fraction::new(n, d), strict: true }
}

const fn at_least(n: u32, d: u32) -> Threshold {
    Threshold { fraction: Fraction::new(n, d), strict: false }
}

fn s() -> StatuteValues {
    StatuteValues::default()
}

fn check(code: ErrorCode, limit: &str, value: &str) -> RuleCheck {
    RuleCheck { code, limit: Some(limit.to_owned()), value: Some(value.to_owned()) }
}

// ---------------------------------------------------------------------------------------------
// Jalali month arithmetic
// ---------------------------------------------------------------------------------------------

#[test]
fn jalali_months_are_added_with_the_day_clamped_to_the_target_month() {
    let cases: &[((i32, u8, u8), i32, &str)] = &[
        ((1403, 1, 1), 0, "1403/01/01"),
        // Esfand → Farvardin across the year end, from the leap day 30 Esfand 1403.
        ((1403, 12, 30), 1, "1404/01/30"),
        ((1403, 12, 30), 2, "1404/02/30"),
        ((1403, 12, 30), 4, "1404/04/30"),
        // A year on from the leap day lands on the common year's last day.
        ((1403, 12, 30), 12, "1404/12/29"),
        ((1403, 12, 30), -12, "1402/12/29"),
        ((1402, 12, 29), 12, "1403/12/29"),
        // Into Esfand: 30 days in the leap year, 29 in a common one.
        ((1403, 11, 30), 1, "1403/12/30"),
        ((1404, 11, 30), 1, "1404/12/29"),
        ((1404, 1, 31), -1, "1403/12/30"),
        ((1405, 1, 31), -1, "1404/12/29"),
        // 31-day months into 30-day months.
        ((1403, 6, 31), 1, "1403/07/30"),
        ((1403, 2, 31), -2, "1402/12/29"),
        // Plain moves, across the year both ways.
        ((1403, 10, 15), 3, "1404/01/15"),
        ((1404, 2, 15), -2, "1403/12/15"),
        ((1403, 7, 10), 24, "1405/07/10"),
    ];
    for &((y, m, d), months, expected) in cases {
        let got = add_jalali_months(j(y, m, d), months).map(jal);
        assert_eq!(got.as_deref(), Ok(expected), "{y}/{m}/{d} + {months} months");
    }
}

#[test]
fn jalali_months_outside_the_supported_years_are_refused() {
    assert_eq!(add_jalali_months(j(1500, 12, 1), 1), Err(ErrorCode::DateOutOfRange));
    assert_eq!(add_jalali_months(j(1300, 1, 1), -1), Err(ErrorCode::DateOutOfRange));
    assert_eq!(add_jalali_months(j(1403, 1, 1), i32::MAX), Err(ErrorCode::DateOutOfRange));
    assert_eq!(add_jalali_months(j(1403, 1, 1), i32::MIN), Err(ErrorCode::DateOutOfRange));
}

// ---------------------------------------------------------------------------------------------
// Quorum
// ---------------------------------------------------------------------------------------------

#[test]
fn required_counts_are_the_smallest_that_meet_the_threshold() {
    let cases: &[(Threshold, u32, u32)] = &[
        (more_than(1, 2), 10, 6),
        (more_than(1, 2), 7, 4),
        (more_than(1, 2), 11, 6),
        (more_than(1, 2), 1, 1),
        (more_than(1, 2), 2, 2),
        (more_than(1, 2), 0, 1),
        (at_least(2, 3), 9, 6),
        (at_least(2, 3), 10, 7),
        (at_least(2, 3), 11, 8),
        (at_least(2, 3), 3, 2),
        (at_least(1, 5), 35, 7),
        (at_least(1, 5), 36, 8),
        // "Any number present", but never nobody.
        (at_least(0, 1), 0, 1),
        (at_least(0, 1), 100, 1),
        (more_than(0, 1), 100, 1),
        // Everyone, and a fraction above 1 (unreachable).
        (at_least(1, 1), 9, 9),
        (more_than(1, 1), 9, 10),
        // An impossible fraction demands everyone.
        (at_least(1, 0), 9, 9),
    ];
    for &(t, total, expected) in cases {
        assert_eq!(required(&t, total), expected, "{t:?} of {total}");
    }
}

#[test]
fn required_agrees_with_threshold_is_met_everywhere() {
    for d in 1..=7 {
        for n in 0..=d {
            for strict in [false, true] {
                let t = Threshold { fraction: Fraction::new(n, d), strict };
                for total in 0..=40 {
                    let r = required(&t, total);
                    assert!(r >= 1);
                    if r <= total {
                        assert!(t.is_met(r, total), "{t:?}: {r} of {total} should meet it");
                    }
                    if r > 1 {
                        assert!(!t.is_met(r - 1, total), "{t:?}: {} of {total} should not", r - 1);
                    }
                }
            }
        }
    }
}

#[test]
fn quorum_by_kind_and_call_at_the_boundaries() {
    // (kind, call, entitled, in person, by proxy, presiding panel) → (required, met)
    type Case = (MeetingKind, u8, u32, u32, u32, u32, u32, bool);
    let cases: &[Case] = &[
        // Ordinary, first call: more than half (members and their proxies).
        (Ordinary, 1, 10, 5, 0, 3, 6, false),
        (Ordinary, 1, 10, 6, 0, 3, 6, true),
        (Ordinary, 1, 10, 3, 2, 3, 6, false),
        (Ordinary, 1, 10, 3, 3, 3, 6, true),
        (Ordinary, 1, 11, 5, 0, 3, 6, false),
        (Ordinary, 1, 11, 6, 0, 3, 6, true),
        (Ordinary, 1, 7, 3, 0, 3, 4, false),
        (Ordinary, 1, 7, 4, 0, 3, 4, true),
        // Ordinary, second call: any number, not fewer than the presiding panel.
        (Ordinary, 2, 100, 2, 0, 3, 3, false),
        (Ordinary, 2, 100, 2, 1, 3, 3, true),
        (Ordinary, 2, 100, 3, 0, 4, 4, false),
        (Ordinary, 2, 100, 4, 0, 4, 4, true),
        (Ordinary, 2, 100, 1, 0, 0, 1, true),
        (Ordinary, 2, 100, 0, 0, 0, 1, false),
        // Extraordinary: at least 2/3, then more than half, then any number.
        (Extraordinary, 1, 9, 5, 0, 3, 6, false),
        (Extraordinary, 1, 9, 6, 0, 3, 6, true),
        (Extraordinary, 1, 10, 6, 0, 3, 7, false),
        (Extraordinary, 1, 10, 5, 2, 3, 7, true),
        (Extraordinary, 1, 11, 7, 0, 3, 8, false),
        (Extraordinary, 1, 11, 8, 0, 3, 8, true),
        (Extraordinary, 2, 10, 5, 0, 3, 6, false),
        (Extraordinary, 2, 10, 6, 0, 3, 6, true),
        (Extraordinary, 3, 10, 2, 0, 3, 3, false),
        (Extraordinary, 3, 10, 3, 0, 3, 3, true),
        // Board: more than half of the principal members, in person.
        (Board, 1, 5, 2, 0, 0, 3, false),
        (Board, 1, 5, 3, 0, 0, 3, true),
        (Board, 1, 4, 2, 0, 1, 3, false),
        (Board, 1, 4, 3, 0, 1, 3, true),
        (Board, 1, 7, 4, 0, 0, 4, true),
    ];
    for &(kind, call, entitled, in_person, by_proxy, panel, req, met) in cases {
        let q = quorum(&s(), kind, call, entitled, in_person, by_proxy, panel).expect("valid call");
        assert_eq!(
            (q.required, q.met, q.present),
            (req, met, in_person + by_proxy),
            "{kind:?} call {call}: {in_person}+{by_proxy} of {entitled}"
        );
        assert_eq!((q.entitled, q.in_person, q.by_proxy), (entitled, in_person, by_proxy));
    }
}

#[test]
fn calls_beyond_the_kind_are_refused() {
    let cases: &[(MeetingKind, u8)] =
        &[(Ordinary, 0), (Ordinary, 3), (Extraordinary, 0), (Extraordinary, 4), (Board, 0), (Board, 2)];
    for &(kind, call) in cases {
        assert_eq!(check_call(kind, call), Err(ErrorCode::CallNumberInvalid), "{kind:?} {call}");
        assert_eq!(quorum_threshold(&s(), kind, call), Err(ErrorCode::CallNumberInvalid));
        assert_eq!(quorum(&s(), kind, call, 10, 10, 0, 3), Err(ErrorCode::CallNumberInvalid));
    }
    for (kind, calls) in [(Ordinary, 2), (Extraordinary, 3), (Board, 1)] {
        assert_eq!(kind.calls(), calls);
        for call in 1..=calls {
            assert_eq!(check_call(kind, call), Ok(()));
        }
    }
}

#[test]
fn a_board_meeting_takes_no_proxies() {
    assert_eq!(quorum(&s(), Board, 1, 5, 2, 1, 0), Err(ErrorCode::ProxyLimitExceeded));
}

#[test]
fn quorum_follows_the_statute_in_force() {
    let statute = StatuteValues {
        ordinary_quorum_call1: at_least(2, 3),
        ordinary_quorum_call2: more_than(1, 3),
        ..s()
    };
    assert_eq!(quorum_threshold(&statute, Ordinary, 1), Ok(at_least(2, 3)));
    assert_eq!(quorum(&statute, Ordinary, 1, 10, 6, 0, 3).map(|q| (q.required, q.met)), Ok((7, false)));
    assert_eq!(quorum(&statute, Ordinary, 2, 10, 4, 0, 3).map(|q| (q.required, q.met)), Ok((4, true)));
    // The board's majority is a rule of law, not a statute number.
    assert_eq!(quorum_threshold(&statute, Board, 1), Ok(statute.board_majority));
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

#[test]
fn majorities_at_the_boundary() {
    // (kind, votes present, yes, no, abstain) → (required, passed)
    let cases: &[(MeetingKind, u32, u32, u32, u32, u32, bool)] = &[
        (Ordinary, 10, 5, 5, 0, 6, false),
        (Ordinary, 10, 6, 4, 0, 6, true),
        (Ordinary, 9, 5, 4, 0, 5, true),
        (Ordinary, 9, 4, 5, 0, 5, false),
        (Extraordinary, 9, 6, 3, 0, 6, true),
        (Extraordinary, 9, 5, 4, 0, 6, false),
        (Extraordinary, 10, 7, 3, 0, 7, true),
        (Extraordinary, 10, 6, 4, 0, 7, false),
        (Board, 5, 3, 2, 0, 3, true),
        (Board, 5, 2, 2, 1, 3, false),
        (Board, 4, 2, 2, 0, 3, false),
        // Abstentions and those who did not vote count in the denominator.
        (Ordinary, 10, 5, 2, 3, 6, false),
        (Ordinary, 10, 5, 0, 0, 6, false),
        (Ordinary, 10, 6, 0, 0, 6, true),
        // Nothing passes with nobody present.
        (Ordinary, 0, 0, 0, 0, 1, false),
        (Extraordinary, 0, 0, 0, 0, 1, false),
    ];
    for &(kind, present, yes, no, abstain, req, passed) in cases {
        let t = decide(&s(), kind, present, yes, no, abstain).expect("votes fit");
        assert_eq!(
            (t.required, t.passed),
            (req, passed),
            "{kind:?}: {yes} yes / {no} no / {abstain} abstain of {present}"
        );
        assert_eq!((t.yes, t.no, t.abstain, t.votes_present), (yes, no, abstain, present));
    }
}

#[test]
fn more_votes_than_present_are_refused_with_limit_and_value() {
    assert_eq!(
        decide(&s(), Ordinary, 10, 6, 3, 2),
        Err(Refusal::Rule {
            code: ErrorCode::VotesExceedPresent,
            membership_no: None,
            limit: Some(Decimal::from(10)),
            value: Some(Decimal::from(11)),
        })
    );
    assert!(decide(&s(), Ordinary, 10, 6, 2, 2).is_ok());
    assert!(decide(&s(), Ordinary, u32::MAX, u32::MAX, u32::MAX, 0).is_err());
}

#[test]
fn majority_follows_the_statute_in_force() {
    let statute = StatuteValues { extraordinary_majority: at_least(3, 4), ..s() };
    assert_eq!(decide(&statute, Extraordinary, 8, 5, 3, 0).map(|t| t.passed), Ok(false));
    assert_eq!(decide(&statute, Extraordinary, 8, 6, 2, 0).map(|t| t.passed), Ok(true));
    assert_eq!(majority_threshold(&statute, Board), statute.board_majority);
}

#[test]
fn a_roll_call_is_counted_then_decided() {
    let votes = [Vote::Yes, Vote::No, Vote::Yes, Vote::Abstain, Vote::Yes, Vote::Yes, Vote::Yes, Vote::Yes];
    assert_eq!(count_votes(&votes), VoteCounts { yes: 6, no: 1, abstain: 1 });
    assert_eq!(count_votes(&[]), VoteCounts::default());
    assert_eq!(decide_roll_call(&s(), Ordinary, 10, &votes).map(|t| t.passed), Ok(true));
    assert_eq!(decide_roll_call(&s(), Extraordinary, 10, &votes).map(|t| t.passed), Ok(false));
    assert!(decide_roll_call(&s(), Ordinary, 7, &votes).is_err());
}

// ---------------------------------------------------------------------------------------------
// Notice windows and deadlines
// ---------------------------------------------------------------------------------------------

#[test]
fn notice_windows_count_days_across_jalali_month_and_year_ends() {
    // (kind, elections, published, meeting, days between, expected finding)
    type Case = (MeetingKind, bool, NaiveDate, NaiveDate, i64, Option<ErrorCode>);
    let cases: &[Case] = &[
        // Elections (20–40), across the leap year end: Esfand 1403 has 30 days.
        (Ordinary, true, j(1403, 12, 15), j(1404, 1, 4), 19, Some(ErrorCode::NoticeTooShort)),
        (Ordinary, true, j(1403, 12, 15), j(1404, 1, 5), 20, None),
        (Ordinary, true, j(1403, 12, 15), j(1404, 1, 25), 40, None),
        (Ordinary, true, j(1403, 12, 15), j(1404, 1, 26), 41, Some(ErrorCode::NoticeTooLong)),
        // The same calendar days across a common year end (29 Esfand) are one day shorter.
        (Ordinary, true, j(1404, 12, 15), j(1405, 1, 4), 18, Some(ErrorCode::NoticeTooShort)),
        (Ordinary, true, j(1404, 12, 15), j(1405, 1, 5), 19, Some(ErrorCode::NoticeTooShort)),
        (Ordinary, true, j(1404, 12, 15), j(1405, 1, 6), 20, None),
        (Ordinary, true, j(1404, 12, 15), j(1405, 1, 26), 40, None),
        (Ordinary, true, j(1404, 12, 15), j(1405, 1, 27), 41, Some(ErrorCode::NoticeTooLong)),
        // Across the end of a 31-day month (Shahrivar) into a 30-day one (Mehr).
        (Ordinary, true, j(1403, 6, 20), j(1403, 7, 8), 19, Some(ErrorCode::NoticeTooShort)),
        (Ordinary, true, j(1403, 6, 20), j(1403, 7, 9), 20, None),
        (Ordinary, true, j(1403, 6, 20), j(1403, 7, 29), 40, None),
        (Ordinary, true, j(1403, 6, 20), j(1403, 7, 30), 41, Some(ErrorCode::NoticeTooLong)),
        // Without elections (10–40), across two 30-day months.
        (Ordinary, false, j(1403, 7, 25), j(1403, 8, 4), 9, Some(ErrorCode::NoticeTooShort)),
        (Ordinary, false, j(1403, 7, 25), j(1403, 8, 5), 10, None),
        (Ordinary, false, j(1403, 7, 25), j(1403, 9, 5), 40, None),
        (Ordinary, false, j(1403, 7, 25), j(1403, 9, 6), 41, Some(ErrorCode::NoticeTooLong)),
        (Extraordinary, false, j(1403, 12, 25), j(1404, 1, 4), 9, Some(ErrorCode::NoticeTooShort)),
        (Extraordinary, false, j(1403, 12, 25), j(1404, 1, 5), 10, None),
        // Elections on an extraordinary agenda use the election window too.
        (Extraordinary, true, j(1403, 12, 25), j(1404, 1, 5), 10, Some(ErrorCode::NoticeTooShort)),
        // Published after the meeting.
        (Ordinary, false, j(1404, 1, 10), j(1404, 1, 5), -5, Some(ErrorCode::NoticeTooShort)),
        (Ordinary, false, j(1404, 1, 5), j(1404, 1, 5), 0, Some(ErrorCode::NoticeTooShort)),
    ];
    for &(kind, elections, published, meeting, days, finding) in cases {
        assert_eq!((meeting - published).num_days(), days, "{} → {}", jal(published), jal(meeting));
        let (min, max) = notice_window(&s(), kind, elections).expect("assemblies have a window");
        let expected: Vec<RuleCheck> = finding
            .map(|code| {
                let limit = if code == ErrorCode::NoticeTooShort { min } else { max };
                check(code, &limit.to_string(), &days.to_string())
            })
            .into_iter()
            .collect();
        assert_eq!(
            check_notice(&s(), kind, elections, published, meeting),
            expected,
            "{kind:?} elections={elections}: {} → {}",
            jal(published),
            jal(meeting)
        );
    }
}

#[test]
fn a_board_meeting_has_no_notice_window() {
    assert_eq!(notice_window(&s(), Board, true), None);
    assert_eq!(check_notice(&s(), Board, true, j(1404, 1, 5), j(1404, 1, 5)), vec![]);
    assert_eq!(check_notice(&s(), Board, false, j(1403, 1, 5), j(1404, 1, 5)), vec![]);
}

#[test]
fn notice_window_follows_the_statute_in_force() {
    let statute = StatuteValues { notice_min_days: 15, notice_max_days: 30, ..s() };
    assert_eq!(
        check_notice(&statute, Ordinary, false, j(1404, 1, 1), j(1404, 1, 15)),
        vec![check(ErrorCode::NoticeTooShort, "15", "14")]
    );
    assert_eq!(check_notice(&statute, Ordinary, false, j(1404, 1, 1), j(1404, 1, 16)), vec![]);
    assert_eq!(
        check_notice(&statute, Ordinary, false, j(1404, 1, 1), j(1404, 2, 1)),
        vec![check(ErrorCode::NoticeTooLong, "30", "31")]
    );
}

#[test]
fn annual_deadlines_are_two_and_four_jalali_months_after_the_fiscal_year() {
    let cases: &[((i32, u8, u8), &str, &str)] = &[
        // Whole months from the day after the year ends: a leap year end and a common one
        // both give the last days of Ordibehesht and Tir.
        ((1403, 12, 30), "1404/02/31", "1404/04/31"),
        ((1404, 12, 29), "1405/02/31", "1405/04/31"),
        // A fiscal year ending 31 Shahrivar: Aban and Dey have 30 days.
        ((1404, 6, 31), "1404/08/30", "1404/10/30"),
        // A fiscal year ending mid-month (15 Azar): to 15 Bahman and 15 Farvardin.
        ((1403, 9, 15), "1403/11/15", "1404/01/15"),
    ];
    for &((y, m, d), notice, assembly) in cases {
        let a = annual_deadlines(&StatuteValues::default(), j(y, m, d)).expect("in range");
        assert_eq!((jal(a.notice_by), jal(a.assembly_by)), (notice.to_owned(), assembly.to_owned()));
        assert_eq!(a.fiscal_year_end, j(y, m, d));
    }
}

#[test]
fn annual_assembly_checks_on_and_after_the_deadlines() {
    let a = annual_deadlines(&StatuteValues::default(), j(1403, 12, 30)).expect("in range");
    let notice_by = "2025-05-21"; // 1404/02/31
    let assembly_by = "2025-07-22"; // 1404/04/31
    assert_eq!(iso(a.notice_by), notice_by);
    assert_eq!(iso(a.assembly_by), assembly_by);
    // On the deadlines: nothing.
    assert_eq!(check_annual(&a, Some(j(1404, 2, 31)), j(1404, 4, 31)), vec![]);
    // A day late each.
    assert_eq!(
        check_annual(&a, Some(j(1404, 3, 1)), j(1404, 5, 1)),
        vec![
            check(ErrorCode::AnnualNoticeLate, notice_by, "2025-05-22"),
            check(ErrorCode::AnnualAssemblyLate, assembly_by, "2025-07-23"),
        ]
    );
    // Not published yet: only the meeting date is judged.
    assert_eq!(check_annual(&a, None, j(1404, 4, 1)), vec![]);
    assert_eq!(
        check_annual(&a, None, j(1404, 5, 1)),
        vec![check(ErrorCode::AnnualAssemblyLate, assembly_by, "2025-07-23")]
    );
}

#[test]
fn election_notice_is_due_two_jalali_months_before_the_term_ends() {
    let cases: &[((i32, u8, u8), &str)] = &[
        ((1404, 4, 31), "1404/02/31"),
        // Back across the year end into a leap Esfand (30 days) and a common one (29).
        ((1404, 2, 31), "1403/12/30"),
        ((1405, 2, 31), "1404/12/29"),
        ((1404, 1, 15), "1403/11/15"),
    ];
    for &((y, m, d), expected) in cases {
        assert_eq!(
            election_notice_deadline(&StatuteValues::default(), j(y, m, d)).map(jal).as_deref(),
            Ok(expected),
            "{y}/{m}/{d}"
        );
    }
    let term_end = j(1404, 2, 31);
    assert_eq!(check_election_notice(&StatuteValues::default(), term_end, j(1403, 12, 30)), Ok(None));
    assert_eq!(
        check_election_notice(&StatuteValues::default(), term_end, j(1404, 1, 1)),
        Ok(Some(check(ErrorCode::ElectionNoticeLate, "2025-03-20", "2025-03-21")))
    );
}

#[test]
fn a_requested_assembly_is_announced_within_one_jalali_month() {
    let cases: &[((i32, u8, u8), &str)] = &[
        ((1403, 12, 30), "1404/01/30"),
        ((1404, 11, 30), "1404/12/29"),
        ((1403, 11, 30), "1403/12/30"),
        ((1403, 6, 31), "1403/07/30"),
        ((1403, 3, 10), "1403/04/10"),
    ];
    for &((y, m, d), expected) in cases {
        assert_eq!(
            convening_deadline(&StatuteValues::default(), j(y, m, d)).map(jal).as_deref(),
            Ok(expected),
            "{y}/{m}/{d}"
        );
    }
    assert_eq!(check_convening(&StatuteValues::default(), j(1404, 11, 30), j(1404, 12, 29)), Ok(None));
    assert_eq!(
        check_convening(&StatuteValues::default(), j(1404, 11, 30), j(1405, 1, 1)).map(|c| c.map(|c| c.code)),
        Ok(Some(ErrorCode::ConveningNoticeLate))
    );
    for by in [ConvenedBy::Inspector, ConvenedBy::Members, ConvenedBy::Ministry, ConvenedBy::Assembly] {
        assert!(by.has_convening_deadline(), "{by:?}");
    }
    assert!(!ConvenedBy::Board.has_convening_deadline());
}

#[test]
fn decisions_are_notified_within_fifteen_days() {
    // 1403/12/20 + 15 days crosses the leap year end: 1404/01/05.
    assert_eq!(
        decisions_notice_deadline(&StatuteValues::default(), j(1403, 12, 20)).map(jal).as_deref(),
        Ok("1404/01/05")
    );
    assert_eq!(
        decisions_notice_deadline(&StatuteValues::default(), j(1404, 12, 20)).map(jal).as_deref(),
        Ok("1405/01/06")
    );
    assert_eq!(check_decisions_notice(&StatuteValues::default(), j(1403, 12, 20), j(1404, 1, 5)), Ok(None));
    assert_eq!(
        check_decisions_notice(&StatuteValues::default(), j(1403, 12, 20), j(1404, 1, 6)),
        Ok(Some(check(ErrorCode::DecisionsNoticeLate, "2025-03-25", "2025-03-26")))
    );
}

#[test]
fn an_inspector_vacancy_is_filled_within_ten_days() {
    assert_eq!(
        inspector_replacement_deadline(&StatuteValues::default(), j(1404, 12, 25)).map(jal).as_deref(),
        Ok("1405/01/06")
    );
    assert_eq!(
        inspector_replacement_deadline(&StatuteValues::default(), j(1403, 12, 25)).map(jal).as_deref(),
        Ok("1404/01/05")
    );
}

#[test]
fn too_few_members_is_found_with_the_limit() {
    assert_eq!(check_members(&s(), 7), None);
    assert_eq!(check_members(&s(), 8), None);
    assert_eq!(check_members(&s(), 6), Some(check(ErrorCode::MembersBelowMinimum, "7", "6")));
    assert_eq!(check_members(&s(), 0), Some(check(ErrorCode::MembersBelowMinimum, "7", "0")));
    let statute = StatuteValues { min_members: 10, ..s() };
    assert_eq!(check_members(&statute, 9).map(|c| c.code), Some(ErrorCode::MembersBelowMinimum));
}

#[test]
fn members_may_ask_for_an_assembly_with_a_fifth_or_a_third() {
    let cases: &[(MeetingKind, u32, u32, bool)] = &[
        (Ordinary, 7, 35, true),
        (Ordinary, 6, 35, false),
        (Ordinary, 8, 36, true),
        (Ordinary, 7, 36, false),
        (Ordinary, 2, 10, true),
        (Ordinary, 1, 10, false),
        (Extraordinary, 3, 9, true),
        (Extraordinary, 2, 9, false),
        (Extraordinary, 4, 10, true),
        (Extraordinary, 3, 10, false),
        (Extraordinary, 7, 35, false),
        (Extraordinary, 12, 35, true),
        (Ordinary, 0, 0, false),
        (Ordinary, 11, 10, false),
        (Board, 10, 10, false),
    ];
    for &(kind, requesters, members, valid) in cases {
        assert_eq!(
            request_valid(&StatuteValues::default(), kind, requesters, members),
            valid,
            "{kind:?}: {requesters} of {members}"
        );
    }
    assert_eq!(request_threshold(&StatuteValues::default(), Ordinary), Some(at_least(1, 5)));
    assert_eq!(request_threshold(&StatuteValues::default(), Extraordinary), Some(at_least(1, 3)));
    assert_eq!(request_threshold(&StatuteValues::default(), Board), None);
}

// ---------------------------------------------------------------------------------------------
// Calls and the life cycle
// ---------------------------------------------------------------------------------------------

#[test]
fn a_later_call_needs_the_previous_call_of_the_same_meeting_to_have_failed() {
    type Case = (MeetingKind, u8, Option<(MeetingKind, u8, MeetingStage)>, Result<(), ErrorCode>);
    let pcr = Err(ErrorCode::PreviousCallRequired);
    let cni = Err(ErrorCode::CallNumberInvalid);
    let cases: &[Case] = &[
        (Ordinary, 1, None, Ok(())),
        (Board, 1, None, Ok(())),
        (Ordinary, 1, Some((Ordinary, 1, S::Failed)), cni),
        // Second call refused without a failed first call.
        (Ordinary, 2, None, pcr),
        (Ordinary, 2, Some((Ordinary, 1, S::Held)), pcr),
        (Ordinary, 2, Some((Ordinary, 1, S::Noticed)), pcr),
        (Ordinary, 2, Some((Ordinary, 1, S::Cancelled)), pcr),
        (Ordinary, 2, Some((Ordinary, 1, S::Closed)), pcr),
        (Ordinary, 2, Some((Extraordinary, 1, S::Failed)), pcr),
        (Ordinary, 2, Some((Ordinary, 2, S::Failed)), pcr),
        // Accepted after a failed first call.
        (Ordinary, 2, Some((Ordinary, 1, S::Failed)), Ok(())),
        (Extraordinary, 2, Some((Extraordinary, 1, S::Failed)), Ok(())),
        (Extraordinary, 3, Some((Extraordinary, 2, S::Failed)), Ok(())),
        // A gap (1 → 3) and the wrong kind are refused.
        (Extraordinary, 3, Some((Extraordinary, 1, S::Failed)), pcr),
        (Extraordinary, 3, Some((Ordinary, 2, S::Failed)), pcr),
        (Extraordinary, 2, Some((Board, 1, S::Failed)), pcr),
        // Calls a kind does not have.
        (Ordinary, 3, Some((Ordinary, 2, S::Failed)), cni),
        (Board, 2, Some((Board, 1, S::Failed)), cni),
        (Ordinary, 0, None, cni),
        (Extraordinary, 4, Some((Extraordinary, 3, S::Failed)), cni),
    ];
    for &(kind, call, previous, expected) in cases {
        assert_eq!(
            check_next_call(kind, call, previous),
            expected,
            "{kind:?} call {call} after {previous:?}"
        );
    }
}

#[test]
fn life_cycle_moves_are_exactly_the_table() {
    let common: &[(MeetingStage, MeetingStage)] = &[
        (S::Draft, S::Convened),
        (S::Convened, S::Noticed),
        (S::Noticed, S::Held),
        (S::Held, S::Minuted),
        (S::Minuted, S::Notified),
        (S::Notified, S::Closed),
        (S::Draft, S::Cancelled),
        (S::Convened, S::Cancelled),
        (S::Noticed, S::Cancelled),
        (S::Noticed, S::Failed),
        (S::Held, S::Failed),
    ];
    let board_only: &[(MeetingStage, MeetingStage)] =
        &[(S::Draft, S::Held), (S::Convened, S::Held), (S::Minuted, S::Closed)];
    for kind in [Ordinary, Extraordinary, Board] {
        for from in MeetingStage::ALL {
            for to in MeetingStage::ALL {
                let allowed =
                    common.contains(&(from, to)) || (kind == Board && board_only.contains(&(from, to)));
                assert_eq!(can_move(kind, from, to), allowed, "{kind:?}: {from:?} → {to:?}");
                let expected = if allowed { Ok(()) } else { Err(ErrorCode::MeetingStepInvalid) };
                assert_eq!(check_move(kind, from, to), expected);
            }
        }
    }
}

#[test]
fn life_cycle_spot_checks() {
    assert!(!can_move(Ordinary, S::Draft, S::Held), "an assembly needs its notice");
    assert!(can_move(Board, S::Draft, S::Held), "a board meeting needs none");
    assert!(!can_move(Ordinary, S::Held, S::Cancelled), "held is held");
    assert!(!can_move(Ordinary, S::Failed, S::Held), "a failed call stays failed; the next call is new");
    assert!(!can_move(Ordinary, S::Held, S::Held));
    assert!(!can_move(Ordinary, S::Minuted, S::Closed), "an assembly notifies its decisions first");
    assert_eq!(next_stages(Board, S::Draft), vec![S::Convened, S::Held, S::Cancelled]);
    assert_eq!(next_stages(Ordinary, S::Noticed), vec![S::Held, S::Cancelled, S::Failed]);
    for stage in MeetingStage::ALL {
        assert_eq!(next_stages(Board, stage).is_empty(), stage.is_final(), "{stage:?}");
        assert_eq!(next_stages(Ordinary, stage).is_empty(), stage.is_final(), "{stage:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Proxies
// ---------------------------------------------------------------------------------------------

fn m(no: u32) -> Holder {
    Holder::Member(no)
}

fn nm(name: &str) -> Holder {
    Holder::NonMember(name.to_owned())
}

#[test]
fn proxies_are_checked_against_those_registered() {
    type Case = (&'static str, u32, Holder, Vec<(u32, Holder)>, Result<(), ErrorCode>);
    let cases: Vec<Case> = vec![
        ("to a member", 1, m(2), vec![], Ok(())),
        ("to a non-member", 1, nm("علی کریمی"), vec![], Ok(())),
        ("to self", 1, m(1), vec![], Err(ErrorCode::ProxyToSelf)),
        ("non-member without a name", 1, nm(" \u{200C} "), vec![], Err(ErrorCode::Required)),
        ("principal twice", 1, m(3), vec![(1, m(2))], Err(ErrorCode::PrincipalAlreadyRepresented)),
        ("holder gave a proxy", 1, m(2), vec![(2, m(3))], Err(ErrorCode::ProxyHolderRepresented)),
        ("principal holds proxies", 1, m(2), vec![(3, m(1))], Err(ErrorCode::ProxyHolderRepresented)),
        ("member at the limit (3)", 4, m(9), vec![(2, m(9)), (3, m(9))], Ok(())),
        (
            "member one over",
            5,
            m(9),
            vec![(2, m(9)), (3, m(9)), (4, m(9))],
            Err(ErrorCode::ProxyLimitExceeded),
        ),
        ("other holders do not count", 5, m(9), vec![(2, m(8)), (3, m(8)), (4, m(7))], Ok(())),
        ("non-member reaching the limit (1)", 1, nm("Ali Karimi"), vec![(2, nm("Reza"))], Ok(())),
        (
            "non-member one over",
            2,
            nm("Ali Karimi"),
            vec![(1, nm("Ali Karimi"))],
            Err(ErrorCode::ProxyLimitExceeded),
        ),
        (
            "non-member matched by normalised name",
            2,
            nm("علی   رضایی"),
            vec![(1, nm("علي رضايي"))],
            Err(ErrorCode::ProxyLimitExceeded),
        ),
        (
            "non-member matched across ZWNJ and case",
            2,
            nm("ALI\u{200C}REZA Karimi"),
            vec![(1, nm("alireza karimi"))],
            Err(ErrorCode::ProxyLimitExceeded),
        ),
    ];
    for (name, principal, holder, existing, expected) in cases {
        assert_eq!(check_proxy(&s(), principal, &holder, &existing), expected, "{name}");
    }
}

#[test]
fn proxy_limits_follow_the_statute_in_force() {
    let statute = StatuteValues { proxies_per_member: 2, proxies_per_non_member: 2, ..s() };
    let one_held = vec![(2, m(9))];
    let two_held = vec![(2, m(9)), (3, m(9))];
    assert_eq!(check_proxy(&statute, 4, &m(9), &one_held), Ok(()));
    assert_eq!(check_proxy(&statute, 4, &m(9), &two_held), Err(ErrorCode::ProxyLimitExceeded));
    let one_name = vec![(2, nm("Reza"))];
    let two_names = vec![(2, nm("Reza")), (3, nm("reza"))];
    assert_eq!(check_proxy(&statute, 4, &nm("Reza"), &one_name), Ok(()));
    assert_eq!(check_proxy(&statute, 4, &nm("Reza"), &two_names), Err(ErrorCode::ProxyLimitExceeded));
    assert_eq!((proxy_limit(&statute, &m(1)), proxy_limit(&s(), &m(1))), (2, 3));
    assert_eq!((proxy_limit(&statute, &nm("x")), proxy_limit(&s(), &nm("x"))), (2, 1));
    let none = StatuteValues { proxies_per_non_member: 0, ..s() };
    assert_eq!(check_proxy(&none, 1, &nm("Reza"), &[]), Err(ErrorCode::ProxyLimitExceeded));
}

#[test]
fn proxies_count_only_while_the_holder_is_present_and_the_principal_is_not() {
    let checked_in = [1, 2, 3, 9, 9];
    let present_non_members = vec!["Ali  Karimi".to_owned()];
    let proxies = vec![
        (4, m(9)),               // holder present: counts
        (5, m(9)),               // holder present: counts
        (3, m(9)),               // principal came in person: the vote is theirs again
        (6, m(10)),              // holder absent: does not count
        (7, nm("ali karimi")),   // non-member holder present: counts
        (8, nm("Someone Else")), // non-member holder absent: does not count
        (4, m(2)),               // a principal listed twice counts once
    ];
    let a = effective_votes(&checked_in, &present_non_members, &proxies);
    assert_eq!(a, Attendance { in_person: 4, by_proxy: 3, represented: vec![4, 5, 7] });
    let q = quorum(&s(), Ordinary, 1, 12, a.in_person, a.by_proxy, 3).expect("valid call");
    assert_eq!((q.present, q.required, q.met), (7, 7, true));
    // The holder leaves: their proxies leave with them.
    let a = effective_votes(&[1, 2, 3], &present_non_members, &proxies);
    assert_eq!(a, Attendance { in_person: 3, by_proxy: 2, represented: vec![4, 7] });
    // Nobody there.
    assert_eq!(
        effective_votes(&[], &[], &proxies),
        Attendance { in_person: 0, by_proxy: 0, represented: vec![] }
    );
}

// ---------------------------------------------------------------------------------------------
// Elections, seats and terms
// ---------------------------------------------------------------------------------------------

fn candidates(list: &[(u32, u32)]) -> Vec<Candidate> {
    list.iter().map(|&(membership_no, votes)| Candidate { membership_no, votes }).collect()
}

fn nos(ranked: &[Ranked]) -> Vec<u32> {
    ranked.iter().map(|r| r.membership_no).collect()
}

#[test]
fn elections_fill_seats_in_vote_order() {
    let r = tally_election(3, 1, &candidates(&[(11, 4), (12, 9), (13, 7), (14, 12), (15, 1)]));
    assert_eq!(nos(&r.principals), vec![14, 12, 13]);
    assert_eq!(nos(&r.alternates), vec![11]);
    assert_eq!(nos(&r.not_elected), vec![15]);
    assert_eq!(r.ties, vec![]);
    let ranks: Vec<u32> =
        r.principals.iter().chain(&r.alternates).chain(&r.not_elected).map(|x| x.rank).collect();
    assert_eq!(ranks, vec![1, 2, 3, 4, 5]);
    assert_eq!(r.principals[0], Ranked { rank: 1, membership_no: 14, votes: 12 });
}

#[test]
fn election_ties_are_reported_at_each_boundary_they_straddle() {
    type Case = (&'static str, u32, u32, Vec<(u32, u32)>, Vec<u32>, Vec<u32>, Vec<Tie>);
    let tie = |boundary, votes, candidates: &[u32], places| Tie {
        boundary,
        votes,
        candidates: candidates.to_vec(),
        places,
    };
    let cases: Vec<Case> = vec![
        (
            "principal/alternate boundary",
            3,
            2,
            vec![(1, 10), (2, 9), (5, 7), (4, 7), (6, 5), (7, 3)],
            vec![1, 2, 4],
            vec![5, 6],
            vec![tie(TieBoundary::Principals, 7, &[4, 5], 1)],
        ),
        (
            "alternate/not-elected boundary",
            3,
            2,
            vec![(1, 10), (2, 9), (3, 8), (4, 6), (7, 4), (5, 4), (6, 4), (8, 1)],
            vec![1, 2, 3],
            vec![4, 5],
            vec![tie(TieBoundary::Alternates, 4, &[5, 6, 7], 1)],
        ),
        (
            "both boundaries",
            2,
            2,
            vec![(1, 9), (2, 5), (3, 5), (4, 2), (5, 2), (6, 1)],
            vec![1, 2],
            vec![3, 4],
            vec![tie(TieBoundary::Principals, 5, &[2, 3], 1), tie(TieBoundary::Alternates, 2, &[4, 5], 1)],
        ),
        (
            "one group across both",
            1,
            1,
            vec![(3, 5), (1, 5), (2, 5)],
            vec![1],
            vec![2],
            vec![
                tie(TieBoundary::Principals, 5, &[1, 2, 3], 1),
                tie(TieBoundary::Alternates, 5, &[1, 2, 3], 2),
            ],
        ),
        (
            "equal votes inside the principals",
            2,
            1,
            vec![(1, 8), (2, 8), (3, 5)],
            vec![1, 2],
            vec![3],
            vec![],
        ),
        (
            "no alternates: only the principals' boundary",
            2,
            0,
            vec![(1, 8), (2, 6), (3, 6)],
            vec![1, 2],
            vec![],
            vec![tie(TieBoundary::Principals, 6, &[2, 3], 1)],
        ),
        ("fewer candidates than seats", 3, 2, vec![(1, 4), (2, 4)], vec![1, 2], vec![], vec![]),
        ("no votes, never elected", 3, 2, vec![(1, 4), (2, 0), (3, 0)], vec![1], vec![], vec![]),
        ("nobody", 3, 2, vec![], vec![], vec![], vec![]),
    ];
    for (name, seats, alternates, list, principals, alts, ties) in cases {
        let r = tally_election(seats, alternates, &candidates(&list));
        assert_eq!(nos(&r.principals), principals, "{name}: principals");
        assert_eq!(nos(&r.alternates), alts, "{name}: alternates");
        assert_eq!(r.ties, ties, "{name}: ties");
        let listed = r.principals.len() + r.alternates.len() + r.not_elected.len();
        assert_eq!(listed, list.len(), "{name}: everyone is listed once");
    }
}

#[test]
fn seats_are_checked_against_the_statute() {
    for (seats, ok) in [(2, false), (3, true), (5, true), (7, true), (8, false), (0, false)] {
        assert_eq!(check_seats_board(&s(), seats).is_ok(), ok, "board {seats}");
    }
    let statute = StatuteValues { board_min: 5, board_max: 9, inspectors: 3, ..s() };
    assert_eq!(check_seats_board(&statute, 3), Err(ErrorCode::SeatsInvalid));
    assert_eq!(check_seats_board(&statute, 9), Ok(()));
    assert_eq!(check_seats_inspectors(&s(), 1), Ok(()));
    assert_eq!(check_seats_inspectors(&s(), 3), Err(ErrorCode::SeatsInvalid));
    assert_eq!(check_seats_inspectors(&statute, 3), Ok(()));
    assert_eq!(check_seats_inspectors(&statute, 1), Err(ErrorCode::SeatsInvalid));
    let even = StatuteValues { inspectors: 2, ..s() };
    assert_eq!(check_seats_inspectors(&even, 2), Err(ErrorCode::SeatsInvalid));
}

#[test]
fn terms_end_the_day_before_the_jalali_anniversary() {
    let cases: &[((i32, u8, u8), u32, &str)] = &[
        ((1403, 5, 10), 3, "1406/05/09"),
        ((1403, 1, 1), 1, "1403/12/30"),
        ((1404, 1, 1), 1, "1404/12/29"),
        ((1404, 1, 1), 4, "1407/12/29"),
        ((1405, 1, 1), 4, "1408/12/30"),
        ((1402, 12, 29), 1, "1403/12/28"),
        // From the leap day: into a common year it ends on 29 Esfand, into a leap year on the 29th too.
        ((1403, 12, 30), 1, "1404/12/29"),
        ((1403, 12, 30), 5, "1408/12/29"),
        ((1403, 7, 1), 2, "1405/06/31"),
    ];
    for &((y, m, d), years, expected) in cases {
        assert_eq!(term_end(j(y, m, d), years).map(jal).as_deref(), Ok(expected), "{y}/{m}/{d} + {years}y");
    }
    assert_eq!(term_end(j(1403, 1, 1), 0), Err(ErrorCode::StatuteValueInvalid));
    assert_eq!(term_end(j(1403, 1, 1), 200), Err(ErrorCode::DateOutOfRange));
}

#[test]
fn inspectors_serve_whole_fiscal_years() {
    let cases: &[((i32, u8, u8), u32, &str)] = &[
        ((1403, 12, 30), 1, "1403/12/30"),
        ((1403, 12, 30), 2, "1404/12/29"),
        ((1404, 12, 29), 1, "1404/12/29"),
        ((1404, 12, 29), 4, "1407/12/29"),
        ((1404, 12, 29), 5, "1408/12/30"),
        ((1404, 6, 31), 2, "1405/06/31"),
    ];
    for &((y, m, d), years, expected) in cases {
        let got = inspector_term_end(j(y, m, d), years).map(jal);
        assert_eq!(got.as_deref(), Ok(expected), "{y}/{m}/{d} + {years} fiscal years");
    }
    assert_eq!(inspector_term_end(j(1403, 12, 30), 0), Err(ErrorCode::StatuteValueInvalid));
}

// ---------------------------------------------------------------------------------------------
// The wire
// ---------------------------------------------------------------------------------------------

#[test]
fn types_cross_the_wire_in_snake_case_and_tagged() {
    let json = |v: serde_json::Value| v.to_string();
    assert_eq!(json(serde_json::json!(m(5))), r#"{"kind":"member","value":5}"#);
    assert_eq!(json(serde_json::json!(nm("Ali"))), r#"{"kind":"non_member","value":"Ali"}"#);
    let back: Holder = serde_json::from_str(r#"{"kind":"non_member","value":"Ali"}"#).expect("parses");
    assert_eq!(back, nm("Ali"));
    assert_eq!(json(serde_json::json!(MeetingKind::Extraordinary)), r#""extraordinary""#);
    assert_eq!(json(serde_json::json!(MeetingStage::Notified)), r#""notified""#);
    assert_eq!(json(serde_json::json!(ConvenedBy::Ministry)), r#""ministry""#);
    assert_eq!(json(serde_json::json!(NoticeChannel::Posting)), r#""posting""#);
    assert_eq!(json(serde_json::json!(TieBoundary::Alternates)), r#""alternates""#);
    assert_eq!(
        json(serde_json::json!(check(ErrorCode::NoticeTooShort, "20", "19"))),
        r#"{"code":"notice_too_short","limit":"20","value":"19"}"#
    );
    let a = annual_deadlines(&StatuteValues::default(), j(1403, 12, 30)).expect("in range");
    assert_eq!(serde_json::json!(a)["notice_by"], "2025-05-21");
    assert_eq!(MANDATORY_CHANNEL, NoticeChannel::Posting);
}
