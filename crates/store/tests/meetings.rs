//! Assemblies and board meetings through the store on a real SQLite file: an annual ordinary
//! assembly with elections from draft to closed, a first call that fails quorum and a second that
//! passes, a board meeting, and every refusal (code asserted, file byte-for-byte unchanged).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

mod common;

use chrono::{DateTime, Utc};
use common::on;
use hamyar_core::ErrorCode;
use hamyar_core::jalali::JalaliDate;
use hamyar_core::meeting::record::{
    Body, ConveneInput, ElectionInput, MeetingInput, MinutesInput, NoticeInput, NotifyInput, ProxyInput,
    ResolutionInput,
};
use hamyar_core::meeting::{Candidate, ConvenedBy, MeetingKind, MeetingStage, NoticeChannel};
use hamyar_core::member::MemberInput;
use hamyar_core::statute::{StatuteInput, StatuteValues};
use hamyar_store::meetings::{self, Ending};
use hamyar_store::{Store, StoreError, members, profile, statute, verify};

struct Ledger {
    _dir: tempfile::TempDir,
    store: Store,
}

impl Ledger {
    /// A cooperative with a profile (fiscal year from Farvardin), the default statute and ten active members.
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open_in(dir.path()).expect("store");
        let t0 = on(1400, 1, 10);
        // The demo's profile form: its fiscal year starts on 1 Farvardin.
        let p = hamyar_store::demo::profile_input();
        profile::save(&mut store, "t", t0, &p).expect("profile");
        statute_with(&mut store, None);
        for i in 1..=10 {
            let m = MemberInput {
                first_name: format!("عضو {i}"),
                last_name: "آزمایشی".into(),
                national_code: hamyar_core::ids::NationalCode::sample(i).as_str().to_owned(),
                joined: "1400/01/01".into(),
                ..MemberInput::default()
            };
            members::add(&mut store, "t", t0, &m).expect("member");
        }
        Self { _dir: dir, store }
    }

    fn refused<T: std::fmt::Debug>(
        &mut self,
        what: &str,
        code: ErrorCode,
        action: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) {
        common::refused(&mut self.store, what, code, action);
    }
}

fn statute_with(store: &mut Store, warnings: Option<Vec<ErrorCode>>) {
    let first = statute::view(store).expect("view").current.is_none();
    let input = StatuteInput {
        values: StatuteValues::default(),
        effective_from: if first { "1400/01/01".into() } else { "1400/06/01".into() },
        resolution: if first { String::new() } else { "مصوبه ۱۲".into() },
        rule_warnings: warnings,
    };
    statute::set(store, "t", on(1400, 6, 1), &input).expect("statute");
}

fn assembly(date: &str, call: u8, previous: Option<u32>, annual: bool, elections: bool) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::Ordinary,
        call,
        previous,
        annual,
        elections,
        date: date.into(),
        hour: "۱۰:۰۰".into(),
        place: "تهران، خیابان آزادی، پلاک ۱، سالن اجتماعات".into(),
        proxy_check: "۱۴۰۵/۰۳/۱۵ ساعت ۹ تا ۱۲ در دفتر تعاونی".into(),
        candidacy_until: if elections { "1405/03/05".into() } else { String::new() },
        agenda: vec!["تصویب صورت‌های مالی ۱۴۰۴".into(), "انتخاب اعضای هیئت مدیره و بازرس".into()],
    }
}

/// The board convenes a planned meeting.
fn convene_by_board(l: &mut Ledger, now: DateTime<Utc>, meeting: u32) {
    let input = ConveneInput {
        meeting,
        convened_by: ConvenedBy::Board,
        requested: String::new(),
        requesters: 0,
        date: String::new(),
    };
    meetings::convene(&mut l.store, "t", now, &input).expect("convened");
}

fn notice(meeting: u32, published: &str, channel: NoticeChannel) -> NoticeInput {
    NoticeInput {
        meeting, published: published.into(), channel, reference: "روزنامه اطلاعات".into()
    }
}

fn proxy(meeting: u32, principal: u32, holder: Option<u32>, name: &str) -> ProxyInput {
    ProxyInput {
        meeting,
        principal,
        holder_member: holder,
        holder_name: name.into(),
        validated_by: "نماینده هیئت مدیره".into(),
        validated_at: "دفتر تعاونی".into(),
        date: String::new(),
    }
}

fn resolution(meeting: u32, text: &str, yes: u32, no: u32, abstain: u32) -> ResolutionInput {
    ResolutionInput { meeting, text: text.into(), yes, no, abstain }
}

fn candidates(list: &[(u32, u32)]) -> Vec<Candidate> {
    list.iter().map(|&(membership_no, votes)| Candidate { membership_no, votes }).collect()
}

#[test]
fn an_annual_assembly_with_elections_from_draft_to_closed() {
    let mut l = Ledger::new();
    let t_plan = on(1405, 2, 1);
    let m = meetings::create(&mut l.store, "t", t_plan, &assembly("1405/03/20", 1, None, true, true))
        .expect("created");
    assert_eq!((m.meeting, m.stage, m.hour.as_str()), (1, MeetingStage::Draft, "10:00"));
    convene_by_board(&mut l, t_plan, 1);

    // Notice windows with elections: 20–40 days. 1405/02/30 → 1405/03/20 is 21 days.
    let t_notice = on(1405, 2, 30);
    l.refused("19 days", ErrorCode::NoticeTooShort, |s| {
        meetings::notice(s, "t", on(1405, 3, 1), &notice(1, "1405/03/01", NoticeChannel::Newspaper))
    });
    l.refused("41 days", ErrorCode::NoticeTooLong, |s| {
        meetings::notice(s, "t", t_notice, &notice(1, "1405/02/10", NoticeChannel::Newspaper))
    });
    l.refused("published after today", ErrorCode::DateInFuture, |s| {
        meetings::notice(s, "t", t_notice, &notice(1, "1405/02/31", NoticeChannel::Newspaper))
    });
    meetings::notice(&mut l.store, "t", t_notice, &notice(1, "1405/02/30", NoticeChannel::Newspaper))
        .expect("noticed");
    meetings::notice(&mut l.store, "t", t_notice, &notice(1, "1405/02/30", NoticeChannel::Posting))
        .expect("posted");

    // Proxies: a member holds at most 3, a non-member 1.
    for principal in [6, 7, 8] {
        meetings::proxy(&mut l.store, "t", t_notice, &proxy(1, principal, Some(2), "")).expect("proxy");
    }
    l.refused("fourth proxy", ErrorCode::ProxyLimitExceeded, |s| {
        meetings::proxy(s, "t", t_notice, &proxy(1, 5, Some(2), ""))
    });
    meetings::proxy(&mut l.store, "t", t_notice, &proxy(1, 9, None, "رضا احمدی")).expect("non-member proxy");
    l.refused("second proxy of a non-member", ErrorCode::ProxyLimitExceeded, |s| {
        meetings::proxy(s, "t", t_notice, &proxy(1, 10, None, "رضا  احمدی"))
    });
    l.refused("represented twice", ErrorCode::PrincipalAlreadyRepresented, |s| {
        meetings::proxy(s, "t", t_notice, &proxy(1, 6, Some(3), ""))
    });
    l.refused("holder who gave a proxy", ErrorCode::ProxyHolderRepresented, |s| {
        meetings::proxy(s, "t", t_notice, &proxy(1, 10, Some(6), ""))
    });
    l.refused("self", ErrorCode::ProxyToSelf, |s| {
        meetings::proxy(s, "t", t_notice, &proxy(1, 4, Some(4), ""))
    });
    l.refused("unknown principal", ErrorCode::UnknownMember, |s| {
        meetings::proxy(s, "t", t_notice, &proxy(1, 44, Some(4), ""))
    });

    // The day: check-in before the day is refused.
    l.refused("check-in the day before", ErrorCode::BeforeMeetingDay, |s| {
        meetings::checkin(s, "t", on(1405, 3, 19), 1, Some(1), None)
    });
    let day = on(1405, 3, 20);
    for no in [1, 3] {
        meetings::checkin(&mut l.store, "t", day, 1, Some(no), None).expect("checked in");
    }
    l.refused("twice", ErrorCode::AlreadyCheckedIn, |s| meetings::checkin(s, "t", day, 1, Some(1), None));
    let q = meetings::checkin(&mut l.store, "t", day, 1, None, Some("رضا احمدی")).expect("holder");
    // 10 entitled, more than half → 6; present 2 in person + member 9 by the non-member's proxy.
    assert_eq!((q.entitled, q.required, q.in_person, q.by_proxy, q.met), (10, 6, 2, 1, false));
    l.refused("vote without quorum", ErrorCode::QuorumNotMet, |s| {
        meetings::resolve(s, "t", day, &resolution(1, "تصویب صورت‌های مالی", 3, 0, 0))
    });
    // Member 2 arrives with three proxies: 3 in person + 4 by proxy = 7.
    let q = meetings::checkin(&mut l.store, "t", day, 1, Some(2), None).expect("holder 2");
    assert_eq!((q.present, q.by_proxy, q.met), (7, 4, true));
    // Member 6 comes in person and takes back the vote given to member 2: still 7.
    let q = meetings::checkin(&mut l.store, "t", day, 1, Some(6), None).expect("principal in person");
    assert_eq!((q.in_person, q.by_proxy, q.present), (4, 3, 7));

    // Majority: more than half of the 7 votes present → 4.
    let passed =
        meetings::resolve(&mut l.store, "t", day, &resolution(1, "تصویب صورت‌های مالی ۱۴۰۴", 4, 2, 1))
            .unwrap();
    assert_eq!((passed.number, passed.tally.required, passed.tally.passed), (1, 4, true));
    let failed = meetings::resolve(&mut l.store, "t", day, &resolution(1, "افزایش سرمایه", 3, 3, 1)).unwrap();
    assert!(!failed.tally.passed);
    l.refused("more votes than present", ErrorCode::VotesExceedPresent, |s| {
        meetings::resolve(s, "t", day, &resolution(1, "x", 5, 3, 0))
    });

    // Elections: ties at a seat boundary need the order drawn by lot.
    let board = |lot: Vec<u32>| ElectionInput {
        meeting: 1,
        body: Body::Board,
        seats: 3,
        alternates: 2,
        ballots: 7,
        candidates: candidates(&[(1, 7), (2, 6), (3, 4), (4, 4), (5, 2)]),
        lot,
    };
    l.refused("tie", ErrorCode::ElectionTied, |s| meetings::elect(s, "t", day, &board(vec![])));
    l.refused("too few seats", ErrorCode::SeatsInvalid, |s| {
        meetings::elect(s, "t", day, &ElectionInput { seats: 2, ..board(vec![4, 3]) })
    });
    l.refused("ineligible candidate", ErrorCode::CandidateNotEligible, |s| {
        meetings::elect(
            s,
            "t",
            day,
            &ElectionInput { candidates: candidates(&[(1, 7), (2, 6), (3, 5), (77, 1)]), ..board(vec![]) },
        )
    });
    let e = meetings::elect(&mut l.store, "t", day, &board(vec![4, 3])).expect("elected");
    let principals: Vec<u32> = e.result.principals.iter().map(|r| r.membership_no).collect();
    let alternates: Vec<u32> = e.result.alternates.iter().map(|r| r.membership_no).collect();
    assert_eq!((principals, alternates), (vec![1, 2, 4], vec![3, 5]));
    let inspectors = ElectionInput {
        meeting: 1,
        body: Body::Inspectors,
        seats: 1,
        alternates: 1,
        ballots: 7,
        candidates: candidates(&[(7, 5), (8, 2)]),
        lot: vec![],
    };
    meetings::elect(&mut l.store, "t", day, &inspectors).expect("inspectors");
    let officers = meetings::in_office(l.store.conn(), Body::Board, on(1405, 4, 1).date_naive()).unwrap();
    assert_eq!(officers.len(), 3);
    let jal = |d: chrono::NaiveDate| JalaliDate::from_gregorian(d).to_ascii();
    assert_eq!(
        (jal(officers[0].start), jal(officers[0].end)),
        ("1405/03/20".to_owned(), "1408/03/19".to_owned())
    );
    let inspector =
        meetings::in_office(l.store.conn(), Body::Inspectors, on(1405, 4, 1).date_naive()).unwrap();
    assert_eq!((inspector[0].membership_no, jal(inspector[0].end)), (7, "1405/12/29".to_owned()));

    let mins =
        MinutesInput {
            meeting: 1, chair: "عضو 1 آزمایشی".into(), secretary: "".into(), observers: vec![]
        };
    l.refused("minutes without a secretary", ErrorCode::Required, |s| meetings::minutes(s, "t", day, &mins));
    meetings::minutes(&mut l.store, "t", day, &MinutesInput { secretary: "عضو 2 آزمایشی".into(), ..mins })
        .expect("minutes");
    let late = NotifyInput { meeting: 1, date: "1405/04/05".into(), channel: NoticeChannel::Posting };
    l.refused("notified after 15 days", ErrorCode::DecisionsNoticeLate, |s| {
        meetings::notify(s, "t", on(1405, 4, 5), &late)
    });
    let ok = NotifyInput { date: "1405/04/04".into(), ..late };
    meetings::notify(&mut l.store, "t", on(1405, 4, 4), &ok).expect("notified");
    let closed = meetings::end(&mut l.store, "t", on(1405, 4, 4), 1, Ending::Close, "").expect("closed");
    assert_eq!(closed.stage, MeetingStage::Closed);
    l.refused("no step after closing", ErrorCode::MeetingStepInvalid, |s| {
        meetings::resolve(s, "t", day, &resolution(1, "x", 1, 0, 0))
    });

    let page = meetings::page(l.store.conn(), 1, on(1405, 4, 4)).expect("page");
    assert_eq!(page.resolutions.len(), 2);
    assert_eq!(page.elections.len(), 2);
    assert_eq!(page.notices.len(), 2);
    assert_eq!(page.attendance.iter().filter(|a| a.present).count(), 4);
    assert_eq!(
        page.quorum,
        page.minutes.map(|m| m.quorum),
        "a closed meeting shows the quorum of its minutes"
    );

    // A board meeting: only principals in office count and attend.
    let bm = MeetingInput {
        kind: MeetingKind::Board,
        agenda: vec!["تأیید انتقال سهام عضو ۵ به عضو ۳".into()],
        annual: false,
        elections: false,
        candidacy_until: String::new(),
        ..assembly("1405/04/10", 1, None, false, false)
    };
    let b = meetings::create(&mut l.store, "t", on(1405, 4, 10), &bm).expect("board meeting");
    l.refused("not on the board", ErrorCode::NotBoardMember, |s| {
        meetings::checkin(s, "t", on(1405, 4, 10), b.meeting, Some(9), None)
    });
    meetings::checkin(&mut l.store, "t", on(1405, 4, 10), b.meeting, Some(1), None).expect("1");
    let q = meetings::checkin(&mut l.store, "t", on(1405, 4, 10), b.meeting, Some(4), None).expect("4");
    assert_eq!((q.entitled, q.required, q.met), (3, 2, true));
    let r = meetings::resolve(
        &mut l.store,
        "t",
        on(1405, 4, 10),
        &resolution(b.meeting, "تأیید انتقال", 2, 0, 0),
    )
    .unwrap();
    assert!(r.tally.passed);
    assert!(verify::run(&mut l.store).expect("verify").ok, "projections rebuild to the same rows");
}

#[test]
fn a_first_call_that_fails_quorum_and_a_second_that_passes() {
    let mut l = Ledger::new();
    let t = on(1405, 6, 1);
    let first =
        meetings::create(&mut l.store, "t", t, &assembly("1405/06/25", 1, None, false, false)).unwrap();
    convene_by_board(&mut l, t, first.meeting);
    // Without elections the window is the statute's 10–40 days.
    meetings::notice(
        &mut l.store,
        "t",
        on(1405, 6, 10),
        &notice(first.meeting, "1405/06/10", NoticeChannel::Written),
    )
    .unwrap();
    l.refused("second call before the first failed", ErrorCode::PreviousCallRequired, |s| {
        meetings::create(s, "t", t, &assembly("1405/07/15", 2, Some(first.meeting), false, false))
    });
    l.refused("second call without a first", ErrorCode::PreviousCallRequired, |s| {
        meetings::create(s, "t", t, &assembly("1405/07/15", 2, None, false, false))
    });
    l.refused("third call of an ordinary assembly", ErrorCode::CallNumberInvalid, |s| {
        meetings::create(s, "t", t, &assembly("1405/07/15", 3, Some(first.meeting), false, false))
    });
    let day = on(1405, 6, 25);
    for no in [1, 2, 3, 4, 5] {
        meetings::checkin(&mut l.store, "t", day, first.meeting, Some(no), None).unwrap();
    }
    // 5 of 10 is exactly half: the first call needs more than half.
    let q = meetings::quorum(l.store.conn(), first.meeting).unwrap();
    assert_eq!((q.required, q.present, q.met), (6, 5, false));
    let failed = meetings::end(&mut l.store, "t", day, first.meeting, Ending::Fail, "").expect("failed");
    assert_eq!(failed.stage, MeetingStage::Failed);
    l.refused("second call dated before the first", ErrorCode::PreviousCallRequired, |s| {
        meetings::create(s, "t", day, &assembly("1405/06/20", 2, Some(first.meeting), false, false))
    });
    let second = meetings::create(
        &mut l.store,
        "t",
        day,
        &assembly("1405/07/15", 2, Some(first.meeting), false, false),
    )
    .unwrap();
    convene_by_board(&mut l, day, second.meeting);
    meetings::notice(
        &mut l.store,
        "t",
        on(1405, 7, 1),
        &notice(second.meeting, "1405/07/01", NoticeChannel::Written),
    )
    .unwrap();
    let day2 = on(1405, 7, 15);
    for no in [1, 2] {
        meetings::checkin(&mut l.store, "t", day2, second.meeting, Some(no), None).unwrap();
    }
    // The second call takes any number present, but not fewer than the presiding panel (3).
    assert!(!meetings::quorum(l.store.conn(), second.meeting).unwrap().met);
    let q = meetings::checkin(&mut l.store, "t", day2, second.meeting, Some(3), None).unwrap();
    assert_eq!((q.required, q.present, q.met), (3, 3, true));
    let r = meetings::resolve(&mut l.store, "t", day2, &resolution(second.meeting, "تصویب بودجه", 2, 1, 0))
        .unwrap();
    assert!(r.tally.passed);
    let page = meetings::page(l.store.conn(), first.meeting, day2).unwrap();
    assert_eq!((page.next_call, page.failed_quorum.map(|q| q.present)), (Some(second.meeting), Some(5)));
}

#[test]
fn checks_the_statute_marks_as_warnings_pass_and_are_kept() {
    let mut l = Ledger::new();
    // An annual assembly late for its deadlines (fiscal year 1404 ended 1404/12/29: notice by
    // 1405/02/31, assembly by 1405/04/31).
    let input = assembly("1405/06/10", 1, None, true, false);
    let m = meetings::create(&mut l.store, "t", on(1405, 5, 1), &input).unwrap();
    convene_by_board(&mut l, on(1405, 5, 1), m.meeting);
    let n = notice(m.meeting, "1405/05/20", NoticeChannel::Newspaper);
    l.refused("late annual notice", ErrorCode::AnnualNoticeLate, |s| {
        meetings::notice(s, "t", on(1405, 5, 20), &n)
    });
    statute_with(&mut l.store, Some(vec![ErrorCode::AnnualNoticeLate, ErrorCode::AnnualAssemblyLate]));
    let noticed = meetings::notice(&mut l.store, "t", on(1405, 5, 20), &n).expect("a warning now");
    let codes: Vec<ErrorCode> = noticed.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, [ErrorCode::AnnualNoticeLate, ErrorCode::AnnualAssemblyLate]);
    // Any other code in the list is refused by the statute itself.
    let bad = StatuteInput {
        values: StatuteValues::default(),
        effective_from: "1405/01/01".into(),
        resolution: "مصوبه".into(),
        rule_warnings: Some(vec![ErrorCode::ShareCapExceeded]),
    };
    l.refused("an unwarnable rule", ErrorCode::StatuteValueInvalid, |s| {
        statute::set(s, "t", on(1405, 5, 20), &bad)
    });
}

#[test]
fn a_request_by_too_few_members_and_a_late_convening_are_refused() {
    let mut l = Ledger::new();
    let m =
        meetings::create(&mut l.store, "t", on(1405, 5, 1), &assembly("1405/06/01", 1, None, false, false))
            .unwrap();
    let by_members = ConveneInput {
        meeting: m.meeting,
        convened_by: ConvenedBy::Members,
        requested: "1405/04/01".into(),
        requesters: 1,
        date: String::new(),
    };
    // 1/5 of 10 members is 2.
    l.refused("one requester", ErrorCode::RequestTooFew, |s| {
        meetings::convene(s, "t", on(1405, 5, 1), &by_members)
    });
    l.refused("no request date", ErrorCode::Required, |s| {
        meetings::convene(
            s,
            "t",
            on(1405, 5, 1),
            &ConveneInput { requested: String::new(), requesters: 2, ..by_members.clone() },
        )
    });
    meetings::convene(&mut l.store, "t", on(1405, 5, 1), &ConveneInput { requesters: 2, ..by_members })
        .unwrap();
    // Requested 1405/04/01: the notice is due by 1405/05/01.
    l.refused("late convening", ErrorCode::ConveningNoticeLate, |s| {
        meetings::notice(s, "t", on(1405, 5, 5), &notice(m.meeting, "1405/05/05", NoticeChannel::Written))
    });
    l.refused("unknown meeting", ErrorCode::UnknownMeeting, |s| {
        meetings::notice(s, "t", on(1405, 5, 5), &notice(99, "1405/05/05", NoticeChannel::Written))
    });
}

#[test]
fn a_vacant_inspector_seat_must_be_filled_by_the_alternate_within_the_statutes_days() {
    use hamyar_store::dashboard::{self, DeadlineKind};
    let mut l = Ledger::new();
    let t = on(1405, 3, 1);
    let m = meetings::create(&mut l.store, "t", t, &assembly("1405/03/20", 1, None, false, true)).unwrap();
    convene_by_board(&mut l, t, m.meeting);
    meetings::notice(
        &mut l.store,
        "t",
        on(1405, 2, 30),
        &notice(m.meeting, "1405/02/30", NoticeChannel::Newspaper),
    )
    .unwrap();
    let day = on(1405, 3, 20);
    for no in 1..=6 {
        meetings::checkin(&mut l.store, "t", day, m.meeting, Some(no), None).unwrap();
    }
    let inspectors = ElectionInput {
        meeting: m.meeting,
        body: Body::Inspectors,
        seats: 1,
        alternates: 1,
        ballots: 6,
        candidates: candidates(&[(7, 5), (8, 1)]),
        lot: vec![],
    };
    meetings::elect(&mut l.store, "t", day, &inspectors).unwrap();
    let later = on(1405, 6, 1);
    l.refused("not an inspector", ErrorCode::NotInOffice, |s| {
        meetings::vacate(s, "t", later, Body::Inspectors, 8, "1405/06/01", "استعفا")
    });
    l.refused("no reason", ErrorCode::Required, |s| {
        meetings::vacate(s, "t", later, Body::Inspectors, 7, "1405/06/01", " ")
    });
    meetings::vacate(&mut l.store, "t", later, Body::Inspectors, 7, "1405/06/01", "استعفا").expect("vacated");
    let jal = |d: chrono::NaiveDate| JalaliDate::from_gregorian(d).to_ascii();
    let due: Vec<String> = dashboard::figures(&l.store, later)
        .unwrap()
        .deadlines
        .into_iter()
        .filter(|d| d.kind == DeadlineKind::InspectorVacancy)
        .map(|d| jal(d.date))
        .collect();
    assert_eq!(due, ["1405/06/11"], "the statute's 10 days after the vacancy");
    assert!(meetings::in_office(l.store.conn(), Body::Inspectors, later.date_naive()).unwrap().is_empty());
    l.refused("a principal is not an alternate", ErrorCode::NotInOffice, |s| {
        meetings::fill(s, "t", later, Body::Inspectors, 7, 7, "1405/06/01")
    });
    let called = meetings::fill(&mut l.store, "t", on(1405, 6, 5), Body::Inspectors, 7, 8, "1405/06/05")
        .expect("filled");
    assert!(called.principal);
    let now_in = meetings::in_office(l.store.conn(), Body::Inspectors, on(1405, 6, 5).date_naive()).unwrap();
    assert_eq!(now_in.iter().map(|o| o.membership_no).collect::<Vec<_>>(), [8]);
    let after = dashboard::figures(&l.store, on(1405, 6, 5)).unwrap().deadlines;
    assert!(after.iter().all(|d| d.kind != DeadlineKind::InspectorVacancy));
    l.refused("filling twice", ErrorCode::NotInOffice, |s| {
        meetings::fill(s, "t", on(1405, 6, 6), Body::Inspectors, 7, 8, "")
    });
    assert!(verify::run(&mut l.store).expect("verify").ok);
}
