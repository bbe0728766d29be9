//! Users and roles on real ledger files: what each role may append, that a refusal leaves the
//! file byte for byte as it was, and that the journal records who did what (docs/users.md).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::result_large_err)]

mod common;

use std::collections::BTreeSet;

use common::{fingerprint, on, refused};
use hamyar_core::ErrorCode;
use hamyar_core::access::{InspectorNoteInput, NoteSubject, Role};
use hamyar_core::event::Event;
use hamyar_core::member::MemberInput;
use hamyar_core::production::{ProductInput, ProductionInput, WorkerInput};
use hamyar_core::shares::ShareAction;
use hamyar_store::users::{self, NewUser};
use hamyar_store::{Store, demo, documents, journal, members, notes, production, profile, shares, statute};

fn account(username: &str, name: &str, role: Role) -> NewUser {
    NewUser {
        username: username.into(),
        display_name: name.into(),
        role,
        password: format!("{username}-pass"),
    }
}

fn login(store: &mut Store, username: &str) {
    let actor = users::login(store.conn(), username, &format!("{username}-pass")).expect("logs in");
    store.set_actor(Some(actor));
}

/// The demo cooperative recorded in single-user mode, then users turned on: a board account
/// `maryam`, a clerk `reza` and an inspector `sara`. Nobody is logged in at the end.
fn ledger(dir: &tempfile::TempDir) -> Store {
    let mut store = Store::open_in(dir.path()).expect("opens");
    demo::create(&mut store, "app", on(1405, 9, 1)).expect("demo");
    users::add(&mut store, on(1405, 9, 1), &account("maryam", "مریم احمدی", Role::Board)).expect("board");
    login(&mut store, "maryam");
    users::add(&mut store, on(1405, 9, 1), &account("reza", "رضا کریمی", Role::Clerk)).expect("clerk");
    users::add(&mut store, on(1405, 9, 1), &account("sara", "سارا بازرس", Role::Inspector))
        .expect("inspector");
    store.set_actor(None);
    store
}

fn transfer() -> ShareAction {
    ShareAction::Transfer {
        membership_no: 1,
        to_member: 3,
        shares: 2,
        date: "1405/09/01".into(),
        resolution: "صورتجلسه هیئت مدیره ۱۴۰۵/۰۸/۲۰".into(),
    }
}

fn production_entry() -> ProductionInput {
    ProductionInput {
        date: "1405/09/01".into(),
        product: 1,
        quantity: "120".into(),
        unit_value: "420000".into(),
        workshop: "کارگاه بافندگی".into(),
        workers: vec![WorkerInput { membership_no: 1, hours: "8".into() }],
        ..ProductionInput::default()
    }
}

fn events(store: &Store) -> i64 {
    store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0)).expect("count")
}

fn last_author(store: &Store) -> String {
    store
        .conn()
        .query_row("SELECT author FROM journal ORDER BY seq DESC LIMIT 1", [], |r| r.get(0))
        .expect("row")
}

#[test]
fn a_clerks_share_transfer_is_refused_and_the_ledger_file_is_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ledger(&dir);
    login(&mut store, "reza");
    // The transfer itself is within every statute rule: only the role stops it.
    assert!(shares::check(&store, on(1405, 9, 1), &transfer()).expect("checks").error.is_none());
    let before = events(&store);
    refused(&mut store, "clerk transfer", ErrorCode::RoleForbidden, |s| {
        shares::record(s, "app", on(1405, 9, 1), &transfer())
    });
    let err = shares::record(&mut store, "app", on(1405, 9, 1), &transfer()).expect_err("refused");
    let details = err.to_ipc().details.expect("details");
    assert_eq!((details.limit.as_deref(), details.value.as_deref()), (Some("clerk"), Some("share.transfer")));
    assert_eq!(events(&store), before);
}

#[test]
fn a_clerk_enters_production_recorded_under_their_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ledger(&dir);
    login(&mut store, "reza");
    production::record_production(&mut store, "app", on(1405, 9, 1), &production_entry())
        .expect("clerk records");
    assert_eq!(last_author(&store), "reza", "the actor, not the caller's author, is recorded");
    refused(&mut store, "clerk admission", ErrorCode::RoleForbidden, |s| {
        let person = MemberInput {
            first_name: "نسرین".into(),
            last_name: "امینی".into(),
            national_code: "0084575948".into(),
            joined: "1405/09/01".into(),
            ..MemberInput::default()
        };
        members::add(s, "app", on(1405, 9, 1), &person)
    });
}

#[test]
fn an_inspector_cannot_append_any_kind_but_can_add_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ledger(&dir);
    // Every kind the demo recorded, replayed as the inspector: each refused, nothing written.
    let entries = journal::in_merge_order(store.conn()).expect("journal");
    let mut seen = BTreeSet::new();
    login(&mut store, "sara");
    for entry in entries {
        if !seen.insert(entry.kind.clone()) {
            continue;
        }
        let event = entry.decode().expect("decodes");
        refused(&mut store, &entry.kind, ErrorCode::RoleForbidden, |s| {
            s.write("app", on(1405, 9, 1), |w| w.append(&event))
        });
    }
    assert!(seen.len() >= 20, "the demo covers most kinds: {seen:?}");
    // And through the use cases of every write family.
    let now = on(1405, 9, 1);
    refused(&mut store, "profile", ErrorCode::RoleForbidden, |s| {
        let input =
            hamyar_core::profile::ProfileInput { phone: "08633445577".into(), ..demo::profile_input() };
        profile::save(s, "app", now, &input)
    });
    refused(&mut store, "statute", ErrorCode::RoleForbidden, |s| {
        let values = statute::view(s).expect("view").current.expect("set").values;
        let input = hamyar_core::statute::StatuteInput {
            values,
            effective_from: "1405/09/01".into(),
            resolution: "مصوبه ۱۴۰۵/۰۹/۰۱".into(),
            rule_warnings: None,
        };
        statute::set(s, "app", now, &input)
    });
    refused(&mut store, "share", ErrorCode::RoleForbidden, |s| shares::record(s, "app", now, &transfer()));
    refused(&mut store, "member", ErrorCode::RoleForbidden, |s| {
        members::warn(s, "app", now, 2, "1405/09/01", "تذکر")
    });
    refused(&mut store, "product", ErrorCode::RoleForbidden, |s| {
        let input = ProductInput {
            name: "دستکش چرمی".into(), unit: "جفت".into(), ..ProductInput::default()
        };
        production::add_product(s, "app", now, &input)
    });
    refused(&mut store, "production", ErrorCode::RoleForbidden, |s| {
        production::record_production(s, "app", now, &production_entry())
    });
    // The inspector's own note goes in, under their name.
    let note = InspectorNoteInput {
        date: "1405/09/01".into(),
        subject: NoteSubject::Member { membership_no: 2 },
        text: "دفتر سهام عضو ۲ با برگ‌های سهم تطبیق داده شد.".into(),
    };
    let row = notes::add(&mut store, "app", now, &note).expect("the inspector writes a note");
    assert_eq!(last_author(&store), "sara");
    assert_eq!(row.author, "سارا بازرس");
    assert_eq!(notes::list(store.conn()).expect("list"), vec![row.clone()]);
    // It shows in the member's history, with the inspector's display name.
    let history = documents::history(store.conn(), 2).expect("history");
    let last = history.last().expect("an item");
    assert_eq!((last.kind.as_str(), last.author.as_str()), ("inspector.note", "سارا بازرس"));
    // A note about a member who does not exist is refused and changes nothing.
    refused(&mut store, "note on nobody", ErrorCode::UnknownMember, |s| {
        notes::add(
            s,
            "app",
            now,
            &InspectorNoteInput { subject: NoteSubject::Member { membership_no: 99 }, ..note },
        )
    });
    // verify rebuilds the notes' projection from the journal.
    assert!(hamyar_store::verify::run(&mut store).expect("verify").ok);
}

#[test]
fn a_board_member_may_do_everything_and_is_the_recorded_author() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("opens");
    users::add(&mut store, on(1405, 9, 1), &account("maryam", "مریم احمدی", Role::Board)).expect("board");
    login(&mut store, "maryam");
    demo::create(&mut store, "app", on(1405, 9, 1)).expect("the whole demo as board");
    shares::record(&mut store, "app", on(1405, 9, 1), &transfer()).expect("transfer");
    let authors: Vec<String> = {
        let mut stmt = store.conn().prepare("SELECT DISTINCT author FROM journal").expect("sql");
        stmt.query_map([], |r| r.get(0)).expect("rows").collect::<Result<_, _>>().expect("authors")
    };
    assert_eq!(authors, ["maryam"]);
    assert!(Event::KINDS.iter().all(|(k, _)| Role::Board.may_append(k)));
    let history = documents::history(store.conn(), 1).expect("history");
    assert!(history.iter().all(|h| h.author == "مریم احمدی"), "{history:?}");
}

#[test]
fn with_users_on_and_nobody_logged_in_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ledger(&dir);
    refused(&mut store, "anonymous production", ErrorCode::LoginRequired, |s| {
        production::record_production(s, "app", on(1405, 9, 1), &production_entry())
    });
    refused(&mut store, "anonymous user", ErrorCode::LoginRequired, |s| {
        users::add(s, on(1405, 9, 1), &account("ali", "علی", Role::Clerk))
    });
}

#[test]
fn single_user_mode_allows_everything_and_keeps_the_callers_author() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open_in(dir.path()).expect("opens");
    demo::create(&mut store, "app", on(1405, 9, 1)).expect("demo");
    shares::record(&mut store, "cli:admin", on(1405, 9, 1), &transfer()).expect("transfer");
    assert_eq!(last_author(&store), "cli:admin");
    assert!(!users::any(store.conn()).expect("query"));
}

#[test]
fn a_user_management_refusal_leaves_the_file_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = ledger(&dir);
    login(&mut store, "maryam");
    let before = fingerprint(&store);
    for (what, err) in [
        ("deactivate last board", users::set_active(&mut store, "maryam", false).map(|_| ())),
        ("demote last board", users::set_role(&mut store, "maryam", Role::Clerk).map(|_| ())),
        ("short password", users::set_password(&mut store, "reza", "short")),
        ("taken", users::add(&mut store, on(1405, 9, 1), &account("reza", "رضا", Role::Clerk)).map(|_| ())),
    ] {
        assert!(err.is_err(), "{what}");
        assert_eq!(fingerprint(&store), before, "{what}");
    }
    login(&mut store, "reza");
    refused(&mut store, "clerk adds a user", ErrorCode::RoleForbidden, |s| {
        users::add(s, on(1405, 9, 1), &account("ali", "علی", Role::Board))
    });
}
