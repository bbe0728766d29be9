//! `hamyar-cli users …` and `--user NAME` (docs/users.md).
//!
//! With users on, a command that appends to the journal needs `--user NAME`; the password comes
//! from `HAMYAR_PASSWORD`, else the next line of standard input — never from an argument. Reads
//! need no login. A new or reset password comes from `HAMYAR_NEW_PASSWORD`, else the next line of
//! standard input. (With `--passphrase-stdin`, which takes the first lines of stdin, use the
//! environment variables.)

use std::io::BufRead as _;

use chrono::Utc;
use hamyar_core::access::Role;
use hamyar_store::users::{self, NewUser, UserAccount};
use hamyar_store::{Store, StoreError};

use crate::commands::{Failure, Output, output, parse_wire};

/// The logged-in user's password.
pub const PASSWORD_ENV: &str = "HAMYAR_PASSWORD";
/// The password `users add` and `users passwd` set.
pub const NEW_PASSWORD_ENV: &str = "HAMYAR_NEW_PASSWORD";

#[derive(Debug, clap::Subcommand)]
pub enum UsersCommand {
    /// Every local account (never a password hash).
    List,
    /// Add an account; the first must be a board account (it turns users on). Password: $HAMYAR_NEW_PASSWORD or stdin.
    Add {
        /// Login name.
        #[arg(long)]
        username: String,
        /// Name shown in histories.
        #[arg(long)]
        name: String,
        /// board, clerk or inspector.
        #[arg(long, value_parser = parse_wire::<Role>)]
        role: Role,
    },
    /// Give an account another role.
    SetRole {
        /// The account.
        username: String,
        /// board, clerk or inspector.
        #[arg(value_parser = parse_wire::<Role>)]
        role: Role,
    },
    /// Set an account's password (a board member's reset, or one's own): $HAMYAR_NEW_PASSWORD or stdin.
    Passwd {
        /// The account.
        username: String,
    },
    /// Deactivate an account: it can no longer log in; its history stays.
    Deactivate {
        /// The account.
        username: String,
    },
    /// Activate a deactivated account again.
    Activate {
        /// The account.
        username: String,
    },
}

/// A secret from `env`, else the next line of standard input.
fn secret(env: &str) -> Result<String, Failure> {
    if let Ok(v) = std::env::var(env)
        && !v.is_empty()
    {
        return Ok(v);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| Failure::from(StoreError::Io(e)))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

/// Logs `user` in as the store's actor (its password from `HAMYAR_PASSWORD` or stdin). Without
/// `--user`, nobody is: with users on the store then refuses every append (`login_required`).
pub fn sign_in(store: &mut Store, user: Option<&str>) -> Result<(), Failure> {
    let Some(user) = user else { return Ok(()) };
    let password = secret(PASSWORD_ENV)?;
    let actor = users::login(store.conn(), user, &password)?;
    store.set_actor(Some(actor));
    Ok(())
}

fn account_text(u: &UserAccount) -> String {
    let state = if u.active { "active" } else { "deactivated" };
    format!("{}\t{}\t{}\t{state}", u.username, u.role.as_str(), u.display_name)
}

/// Runs a `users` subcommand.
pub fn run(store: &mut Store, command: &UsersCommand) -> Result<Output, Failure> {
    match command {
        UsersCommand::List => {
            let list = users::list(store.conn())?;
            let text = list.iter().map(account_text).collect::<Vec<_>>().join("\n");
            output(&list, if text.is_empty() { "no accounts: single-user mode".into() } else { text })
        }
        UsersCommand::Add { username, name, role } => {
            let password = secret(NEW_PASSWORD_ENV)?;
            let input =
                NewUser { username: username.clone(), display_name: name.clone(), role: *role, password };
            let account = users::add(store, Utc::now(), &input)?;
            output(&account, account_text(&account))
        }
        UsersCommand::SetRole { username, role } => {
            let account = users::set_role(store, username, *role)?;
            output(&account, account_text(&account))
        }
        UsersCommand::Passwd { username } => {
            let password = secret(NEW_PASSWORD_ENV)?;
            users::set_password(store, username, &password)?;
            output(&serde_json::json!({ "username": username, "password_set": true }), "password set".into())
        }
        UsersCommand::Deactivate { username } | UsersCommand::Activate { username } => {
            let active = matches!(command, UsersCommand::Activate { .. });
            let account = users::set_active(store, username, active)?;
            output(&account, account_text(&account))
        }
    }
}
