//! Local accounts on a shared laptop (حساب‌های کاربری) and the idle-lock setting.
//!
//! These rows are the device's own state, not ledger records: a password hash is never in the
//! journal, a sync summary or a report. No account = single-user mode (no login, everything
//! allowed, today's author). The first account must be a board account; from then on only a
//! logged-in board member manages accounts, and the last active board account can be neither
//! deactivated nor demoted. Passwords are argon2id PHC strings with a random salt.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::access::{Actor, Role};
use hamyar_core::text::normalize_text;
use hamyar_core::{ErrorCode, ErrorDetails, Field, FieldError};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, Store, StoreError};

/// The fewest characters a password may have.
pub const PASSWORD_MIN_CHARS: usize = 8;

/// The longest idle lock, in minutes (0 = never lock).
pub const IDLE_LOCK_MAX_MINUTES: u32 = 240;

/// A local account as listed in Settings (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UserAccount {
    /// Login name; the journal's `author` for what this user records.
    pub username: String,
    /// Name shown in histories.
    pub display_name: String,
    /// What the user may do.
    pub role: Role,
    /// A deactivated user cannot log in; their history stays.
    pub active: bool,
    /// When the account was made (RFC 3339 UTC).
    pub created_at: String,
    /// The board member who made it; none for the first account.
    pub created_by: Option<String>,
}

/// A new account as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct NewUser {
    /// Login name: 2–32 letters, digits, `.`, `-` or `_`.
    pub username: String,
    /// Name shown in histories.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// At least [`PASSWORD_MIN_CHARS`] characters.
    pub password: String,
}

/// Whether any account exists (multi-user mode).
pub fn any(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM app_user)", [], |r| r.get(0))?)
}

/// Every account, board first, then by username.
pub fn list(conn: &Connection) -> Result<Vec<UserAccount>> {
    let mut stmt = conn.prepare(
        "SELECT username, display_name, role, active, created_at, created_by FROM app_user \
         ORDER BY CASE role WHEN 'board' THEN 0 WHEN 'clerk' THEN 1 ELSE 2 END, username",
    )?;
    let rows = stmt.query_map([], |r| {
        let role: String = r.get(2)?;
        Ok(UserAccount {
            username: r.get(0)?,
            display_name: r.get(1)?,
            role: parse_role(&role)?,
            active: r.get(3)?,
            created_at: r.get(4)?,
            created_by: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds an account. The first account turns multi-user mode on and must be a board account;
/// after that only a logged-in board member may add one.
pub fn add(store: &mut Store, now: DateTime<Utc>, input: &NewUser) -> Result<UserAccount> {
    let username = username(&input.username)?;
    let display_name = normalize_text(&input.display_name);
    if display_name.is_empty() {
        return Err(StoreError::Invalid(vec![FieldError { field: Field::Name, code: ErrorCode::Required }]));
    }
    check_password(&input.password)?;
    let hash = hash_password(&input.password)?;
    let created_by = store.actor().map(|a| a.username.clone());
    let actor_role = store.actor().map(|a| a.role);
    with_tx(store, |tx| {
        if any(tx)? {
            require_board(actor_role, "user_add")?;
        } else if input.role != Role::Board {
            return Err(StoreError::Refused(ErrorCode::FirstUserMustBeBoard));
        }
        let taken: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = ?1)", [&username], |r| {
                r.get(0)
            })?;
        if taken {
            return Err(StoreError::Refused(ErrorCode::UsernameTaken));
        }
        let created_at = now.to_rfc3339_opts(SecondsFormat::Millis, true);
        tx.execute(
            "INSERT INTO app_user (username, display_name, role, password_hash, active, created_at, created_by) \
             VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)",
            params![username, display_name, input.role.as_str(), hash, created_at, created_by],
        )?;
        get(tx, &username)
    })
}

/// Gives an account another role (board only; never demotes the last active board account).
pub fn set_role(store: &mut Store, username: &str, role: Role) -> Result<UserAccount> {
    let actor_role = store.actor().map(|a| a.role);
    with_tx(store, |tx| {
        require_board_when_on(tx, actor_role, "user_set_role")?;
        let user = get(tx, username)?;
        if user.role == Role::Board && role != Role::Board && user.active && active_boards(tx)? <= 1 {
            return Err(StoreError::Refused(ErrorCode::LastBoardAccount));
        }
        tx.execute(
            "UPDATE app_user SET role = ?2 WHERE username = ?1",
            params![user.username, role.as_str()],
        )?;
        get(tx, &user.username)
    })
}

/// Sets an account's password: a board member resets anyone's, a user changes their own.
pub fn set_password(store: &mut Store, username: &str, password: &str) -> Result<()> {
    check_password(password)?;
    let hash = hash_password(password)?;
    let actor = store.actor().cloned();
    with_tx(store, |tx| {
        let own = actor.as_ref().is_some_and(|a| a.username == username);
        if !own {
            require_board_when_on(tx, actor.as_ref().map(|a| a.role), "user_set_password")?;
        }
        let user = get(tx, username)?;
        tx.execute(
            "UPDATE app_user SET password_hash = ?2 WHERE username = ?1",
            params![user.username, hash],
        )?;
        Ok(())
    })
}

/// Activates or deactivates an account (board only; never the last active board account).
pub fn set_active(store: &mut Store, username: &str, active: bool) -> Result<UserAccount> {
    let actor_role = store.actor().map(|a| a.role);
    with_tx(store, |tx| {
        require_board_when_on(tx, actor_role, "user_set_active")?;
        let user = get(tx, username)?;
        if !active && user.active && user.role == Role::Board && active_boards(tx)? <= 1 {
            return Err(StoreError::Refused(ErrorCode::LastBoardAccount));
        }
        tx.execute("UPDATE app_user SET active = ?2 WHERE username = ?1", params![user.username, active])?;
        get(tx, &user.username)
    })
}

/// Checks a login. An unknown user and a wrong password answer alike (`login_failed`), after
/// the same work; a deactivated account is told so only once its password is right.
pub fn login(conn: &Connection, username: &str, password: &str) -> Result<Actor> {
    let name = normalize_username(username);
    let row: Option<(String, String, String, bool)> = conn
        .query_row(
            "SELECT display_name, role, password_hash, active FROM app_user WHERE username = ?1",
            [&name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((display_name, role, hash, active)) = row else {
        // Spend the time a real check takes, so the answer's delay does not tell who exists.
        let _ = verify_password(password, DUMMY_HASH);
        return Err(StoreError::Refused(ErrorCode::LoginFailed));
    };
    if !verify_password(password, &hash) {
        return Err(StoreError::Refused(ErrorCode::LoginFailed));
    }
    if !active {
        return Err(StoreError::Refused(ErrorCode::AccountInactive));
    }
    let role = parse_role(&role)?;
    Ok(Actor { username: name, display_name, role })
}

/// The idle lock, in minutes of no keyboard or mouse activity (0 = never).
pub fn idle_lock_minutes(conn: &Connection) -> Result<u32> {
    let minutes: Option<u32> = conn
        .query_row("SELECT idle_lock_minutes FROM access_settings WHERE id = 1", [], |r| r.get(0))
        .optional()?;
    Ok(minutes.unwrap_or(10))
}

/// Sets the idle lock (board only when users are on).
pub fn set_idle_lock(store: &mut Store, minutes: u32) -> Result<u32> {
    if minutes > IDLE_LOCK_MAX_MINUTES {
        return Err(StoreError::Refused(ErrorCode::IdleMinutesInvalid));
    }
    let actor_role = store.actor().map(|a| a.role);
    with_tx(store, |tx| {
        if any(tx)? {
            require_board(actor_role, "idle_lock_set")?;
        }
        tx.execute(
            "INSERT INTO access_settings (id, idle_lock_minutes) VALUES (1, ?1) \
             ON CONFLICT (id) DO UPDATE SET idle_lock_minutes = excluded.idle_lock_minutes",
            [minutes],
        )?;
        idle_lock_minutes(tx)
    })
}

/// Refuses a role other than board with `role_forbidden` naming `action`; refuses nobody
/// with `login_required`.
pub fn require_board(role: Option<Role>, action: &str) -> Result<()> {
    match role {
        Some(Role::Board) => Ok(()),
        Some(role) => Err(forbidden(role, action)),
        None => Err(StoreError::Refused(ErrorCode::LoginRequired)),
    }
}

/// `role_forbidden` for `role`, naming the event kind or command refused (`details.limit` is the
/// role, `details.value` the action).
pub fn forbidden(role: Role, action: &str) -> StoreError {
    StoreError::Rule {
        code: ErrorCode::RoleForbidden,
        details: ErrorDetails {
            limit: Some(role.as_str().to_owned()),
            value: Some(action.to_owned()),
            ..ErrorDetails::default()
        },
    }
}

fn require_board_when_on(conn: &Connection, role: Option<Role>, action: &str) -> Result<()> {
    if any(conn)? { require_board(role, action) } else { Err(StoreError::Refused(ErrorCode::NotFound)) }
}

fn get(conn: &Connection, username: &str) -> Result<UserAccount> {
    let name = normalize_username(username);
    list(conn)?.into_iter().find(|u| u.username == name).ok_or(StoreError::Refused(ErrorCode::NotFound))
}

fn active_boards(conn: &Connection) -> Result<u32> {
    Ok(conn
        .query_row("SELECT COUNT(*) FROM app_user WHERE role = 'board' AND active = 1", [], |r| r.get(0))?)
}

fn with_tx<T>(store: &mut Store, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
    let tx = store.conn_mut().transaction_with_behavior(TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

fn parse_role(text: &str) -> rusqlite::Result<Role> {
    Role::parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown role {text:?}").into(),
        )
    })
}

fn normalize_username(text: &str) -> String {
    normalize_text(text).to_lowercase()
}

/// A username as stored: trimmed, ی/ک and digits normalised, lower case; 2–32 letters, digits,
/// `.`, `-` or `_`.
fn username(text: &str) -> Result<String> {
    let name = normalize_username(text);
    let count = name.chars().count();
    let allowed = name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !(2..=32).contains(&count) || !allowed {
        return Err(StoreError::Refused(ErrorCode::UsernameFormat));
    }
    Ok(name)
}

fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < PASSWORD_MIN_CHARS {
        return Err(StoreError::Refused(ErrorCode::PasswordTooShort));
    }
    Ok(())
}

/// argon2id with the crate's default (OWASP) cost and a 16-byte random salt, as a PHC string.
fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0_u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
    let salt = SaltString::encode_b64(&salt).map_err(|_| StoreError::Refused(ErrorCode::Internal))?;
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|_| StoreError::Refused(ErrorCode::Internal))?;
    Ok(hash.to_string())
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// An argon2id hash of a random password nobody knows, checked when the username is unknown.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2gTgXzq6cWnhOY9Ct4oOkoLHzsDY3U8h3lLEeHs4fG8";

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 5, 1, 8, 0, 0).single().expect("valid")
    }

    fn new_user(username: &str, role: Role) -> NewUser {
        NewUser {
            username: username.into(),
            display_name: format!("کاربر {username}"),
            role,
            password: format!("{username}-secret"),
        }
    }

    fn login_as(store: &mut Store, username: &str) {
        let actor = login(store.conn(), username, &format!("{username}-secret")).expect("logs in");
        store.set_actor(Some(actor));
    }

    /// A store with a board account `maryam` (logged in) and a clerk `reza`.
    fn with_users() -> Store {
        let mut store = Store::open_in_memory().expect("opens");
        add(&mut store, now(), &new_user("maryam", Role::Board)).expect("first board account");
        login_as(&mut store, "maryam");
        add(&mut store, now(), &new_user("reza", Role::Clerk)).expect("clerk");
        store
    }

    fn code(r: Result<impl std::fmt::Debug>) -> ErrorCode {
        r.expect_err("refused").code()
    }

    #[test]
    fn the_dummy_hash_is_a_real_argon2id_hash() {
        let parsed = PasswordHash::new(DUMMY_HASH).expect("parses");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(!verify_password("", DUMMY_HASH));
    }

    #[test]
    fn the_first_account_must_be_board_and_turns_users_on() {
        let mut store = Store::open_in_memory().expect("opens");
        assert!(!any(store.conn()).expect("query"));
        assert_eq!(
            code(add(&mut store, now(), &new_user("reza", Role::Clerk))),
            ErrorCode::FirstUserMustBeBoard
        );
        assert!(!any(store.conn()).expect("query"));
        let first = add(&mut store, now(), &new_user("Maryam", Role::Board)).expect("adds");
        assert_eq!((first.username.as_str(), first.role, first.created_by), ("maryam", Role::Board, None));
        assert!(any(store.conn()).expect("query"));
    }

    #[test]
    fn passwords_are_stored_as_argon2id_phc_strings_never_in_clear() {
        let store = with_users();
        let hash: String = store
            .conn()
            .query_row("SELECT password_hash FROM app_user WHERE username = 'reza'", [], |r| r.get(0))
            .expect("row");
        assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
        assert!(!hash.contains("reza-secret"));
        let journal: i64 =
            store.conn().query_row("SELECT COUNT(*) FROM journal", [], |r| r.get(0)).expect("count");
        assert_eq!(journal, 0, "accounts are not journal events");
    }

    #[test]
    fn an_unknown_user_and_a_wrong_password_both_fail_alike() {
        let store = with_users();
        assert_eq!(code(login(store.conn(), "reza", "wrong-password")), ErrorCode::LoginFailed);
        assert_eq!(code(login(store.conn(), "nobody", "reza-secret")), ErrorCode::LoginFailed);
        let actor = login(store.conn(), " REZA ", "reza-secret").expect("logs in");
        assert_eq!((actor.username.as_str(), actor.role), ("reza", Role::Clerk));
    }

    #[test]
    fn a_deactivated_user_cannot_log_in() {
        let mut store = with_users();
        set_active(&mut store, "reza", false).expect("deactivates");
        assert_eq!(code(login(store.conn(), "reza", "reza-secret")), ErrorCode::AccountInactive);
        assert_eq!(code(login(store.conn(), "reza", "bad-password")), ErrorCode::LoginFailed);
        set_active(&mut store, "reza", true).expect("reactivates");
        assert!(login(store.conn(), "reza", "reza-secret").is_ok());
    }

    #[test]
    fn the_last_active_board_account_can_be_neither_deactivated_nor_demoted() {
        let mut store = with_users();
        assert_eq!(code(set_active(&mut store, "maryam", false)), ErrorCode::LastBoardAccount);
        assert_eq!(code(set_role(&mut store, "maryam", Role::Clerk)), ErrorCode::LastBoardAccount);
        // With a second board account, the first may step down.
        set_role(&mut store, "reza", Role::Board).expect("promotes");
        set_role(&mut store, "maryam", Role::Inspector).expect("demotes, another board remains");
        assert_eq!(code(set_active(&mut store, "reza", false)), ErrorCode::LastBoardAccount);
    }

    #[test]
    fn only_a_board_member_manages_accounts() {
        let mut store = with_users();
        login_as(&mut store, "reza");
        let forbidden = add(&mut store, now(), &new_user("ali", Role::Clerk)).expect_err("refused");
        assert_eq!(forbidden.code(), ErrorCode::RoleForbidden);
        assert_eq!(forbidden.to_ipc().details.and_then(|d| d.limit).as_deref(), Some("clerk"));
        assert_eq!(code(set_role(&mut store, "reza", Role::Board)), ErrorCode::RoleForbidden);
        assert_eq!(code(set_active(&mut store, "maryam", false)), ErrorCode::RoleForbidden);
        assert_eq!(code(set_password(&mut store, "maryam", "new-password")), ErrorCode::RoleForbidden);
        assert_eq!(code(set_idle_lock(&mut store, 5)), ErrorCode::RoleForbidden);
        // A user may change their own password.
        set_password(&mut store, "reza", "another-secret").expect("own password");
        assert!(login(store.conn(), "reza", "another-secret").is_ok());
        store.set_actor(None);
        assert_eq!(code(add(&mut store, now(), &new_user("ali", Role::Clerk))), ErrorCode::LoginRequired);
    }

    #[test]
    fn bad_usernames_short_passwords_and_duplicates_are_refused() {
        let mut store = with_users();
        let mut u = new_user("ali", Role::Clerk);
        u.password = "short".into();
        assert_eq!(code(add(&mut store, now(), &u)), ErrorCode::PasswordTooShort);
        assert_eq!(code(set_password(&mut store, "reza", "1234567")), ErrorCode::PasswordTooShort);
        for bad in ["a", "with space", "x".repeat(33).as_str(), "semi;colon"] {
            assert_eq!(
                code(add(&mut store, now(), &new_user(bad, Role::Clerk))),
                ErrorCode::UsernameFormat,
                "{bad}"
            );
        }
        assert_eq!(code(add(&mut store, now(), &new_user("REZA", Role::Clerk))), ErrorCode::UsernameTaken);
        assert_eq!(list(store.conn()).expect("list").len(), 2);
        // Persian usernames are fine.
        add(&mut store, now(), &new_user("مریم_۲", Role::Inspector)).expect("persian name");
    }

    #[test]
    fn the_idle_lock_defaults_to_ten_minutes_and_stays_in_bounds() {
        let mut store = with_users();
        assert_eq!(idle_lock_minutes(store.conn()).expect("read"), 10);
        assert_eq!(set_idle_lock(&mut store, 3).expect("sets"), 3);
        assert_eq!(code(set_idle_lock(&mut store, 241)), ErrorCode::IdleMinutesInvalid);
        assert_eq!(idle_lock_minutes(store.conn()).expect("read"), 3);
    }
}
