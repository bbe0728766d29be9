//! Who is at the keyboard (نشست کاربر): the logged-in account, or nobody, and whether the app is
//! locked after idle time. Before every command the ledger's actor is set from here; with users
//! on and nobody logged in (or the app locked), every command but the session's own answers
//! `login_required`. With no account at all (single-user mode) nothing here applies.

use std::sync::Mutex;

use hamyar_core::access::{Actor, Role};
use hamyar_core::event::Event;
use hamyar_core::{ErrorCode, IpcError};
use hamyar_store::{Store, users};
use serde::Serialize;
use ts_rs::TS;

/// The session, shared by every command.
#[derive(Debug, Default)]
pub struct Session {
    inner: Mutex<Current>,
}

#[derive(Debug, Default, Clone)]
struct Current {
    actor: Option<Actor>,
    locked: bool,
}

/// What the window needs to know to show the login or lock screen.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionState {
    /// Whether any account exists (multi-user mode).
    pub users_on: bool,
    /// The logged-in user (kept while locked, so the lock screen can name them).
    pub actor: Option<Actor>,
    /// The app is locked after idle time: the same user's password, or another user, opens it.
    pub locked: bool,
    /// Nothing but login works now.
    pub login_required: bool,
    /// Minutes without keyboard or mouse activity before the app locks (0 = never).
    pub idle_lock_minutes: u32,
    /// The event kinds the user may record (every kind in single-user mode), so the window can
    /// hide what the ledger would refuse anyway.
    pub may_append: Vec<String>,
}

fn internal() -> IpcError {
    IpcError::from_code(ErrorCode::Internal)
}

impl Session {
    fn current(&self) -> Result<Current, IpcError> {
        self.inner.lock().map(|c| c.clone()).map_err(|_| internal())
    }

    fn set(&self, next: Current) -> Result<(), IpcError> {
        *self.inner.lock().map_err(|_| internal())? = next;
        Ok(())
    }

    /// Sets the ledger's actor from the session before a command runs, or refuses the command
    /// with `login_required` when users are on and nobody (unlocked) is logged in.
    pub fn apply(&self, store: &mut Store) -> Result<(), IpcError> {
        if !users::any(store.conn()).map_err(|e| e.to_ipc())? {
            store.set_actor(None);
            return Ok(());
        }
        match self.current()? {
            Current { actor: Some(actor), locked: false } => {
                store.set_actor(Some(actor));
                Ok(())
            }
            _ => {
                store.set_actor(None);
                Err(IpcError::from_code(ErrorCode::LoginRequired))
            }
        }
    }

    /// The state for the window.
    pub fn state(&self, store: &Store) -> Result<SessionState, IpcError> {
        let users_on = users::any(store.conn()).map_err(|e| e.to_ipc())?;
        let current = self.current()?;
        let role = current.actor.as_ref().map_or(Role::Board, |a| a.role);
        let may_append = Event::KINDS
            .iter()
            .filter(|(k, _)| !users_on || role.may_append(k))
            .map(|(k, _)| (*k).to_owned())
            .collect();
        Ok(SessionState {
            may_append,
            users_on,
            login_required: users_on && (current.actor.is_none() || current.locked),
            actor: if users_on { current.actor } else { None },
            locked: users_on && current.locked,
            idle_lock_minutes: users::idle_lock_minutes(store.conn()).map_err(|e| e.to_ipc())?,
        })
    }

    /// Logs a user in (also unlocks, as the same or another user).
    pub fn login(&self, store: &Store, username: &str, password: &str) -> Result<(), IpcError> {
        let actor = users::login(store.conn(), username, password).map_err(|e| e.to_ipc())?;
        self.set(Current { actor: Some(actor), locked: false })
    }

    /// Logs out: nobody is at the keyboard.
    pub fn logout(&self) -> Result<(), IpcError> {
        self.set(Current::default())
    }

    /// Locks the app, remembering who was logged in.
    pub fn lock(&self) -> Result<(), IpcError> {
        let mut current = self.current()?;
        if current.actor.is_some() {
            current.locked = true;
        }
        self.set(current)
    }

    /// Refuses `command` unless the logged-in user is a board member (always allowed in
    /// single-user mode). The ledger's actor must already be set ([`Session::apply`]).
    pub fn require_board(store: &Store, command: &str) -> Result<(), IpcError> {
        if !users::any(store.conn()).map_err(|e| e.to_ipc())? {
            return Ok(());
        }
        users::require_board(store.actor().map(|a| a.role), command).map_err(|e| e.to_ipc())
    }
}
