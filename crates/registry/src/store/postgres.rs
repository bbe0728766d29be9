//! The PostgreSQL backend: a small pool of connections (plain TCP or a unix socket, no TLS:
//! the database is meant to be on this machine or a private link). Writing transactions are
//! SERIALIZABLE; when PostgreSQL reports that one lost a race with another (a serialization
//! failure, a deadlock, or a unique key taken meanwhile) it is rolled back and run again from
//! the start, so two uploads of one report store it once and both get its one receipt. All of
//! its SQL is here (and in `migrations/postgres/`).

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, IsolationLevel, NoTls, Row, Transaction};

use super::reports::{Held, ReportRow};
use super::{Create, Mode, NewEnrolment, NewReport, Tx, pending};
use crate::error::{RegistryError, Result};

/// Embedded migrations; migration `i` brings the version in `registry_schema` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/postgres/0001_registry.sql")];
const _: () = assert!(MIGRATIONS.len() == super::SCHEMA_VERSION as usize);

/// Connections a server keeps at most: requests beyond that wait for one.
const MAX_CONNECTIONS: usize = 8;

/// Times a transaction that lost a race is tried in all before the failure is reported.
const ATTEMPTS: u32 = 32;

/// The advisory lock that makes concurrent migrations (two servers starting at once) take turns.
const MIGRATION_LOCK: i64 = 0x4841_4d59_4152_0001;

/// An open registry database.
pub struct Postgres {
    config: Config,
    pool: Mutex<Pool>,
    returned: Condvar,
}

struct Pool {
    idle: Vec<Client>,
    open: usize,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres").field("dbname", &self.config.get_dbname()).finish_non_exhaustive()
    }
}

impl Postgres {
    /// Connects to the database `url` names and migrates it forward; with [`Create::Never`] a
    /// database without the registry's tables is refused and left as it is.
    pub fn open(url: &str, create: Create) -> Result<Self> {
        let mut config: Config = url.parse()?;
        if config.get_application_name().is_none() {
            config.application_name("hamyar-registry");
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        let mut client = config.connect(NoTls)?;
        migrate(&mut client, create, config.get_dbname().unwrap_or_default())?;
        let pool = Pool { idle: vec![client], open: 1 };
        Ok(Self { config, pool: Mutex::new(pool), returned: Condvar::new() })
    }

    /// Runs `work` in one transaction on a pooled connection, committing on `Ok`. A writing
    /// transaction that lost a race is run again; so is one whose connection the server dropped
    /// (it restarted, or an operator ended the session), on a fresh connection: should the lost
    /// transaction have committed after all, the work run again finds what it wrote (an upload
    /// finds its report held and answers with the stored receipt).
    pub fn run<T>(&self, mode: Mode, work: &mut dyn FnMut(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut lease = self.lease()?;
        let mut attempt = 1;
        loop {
            match once(lease.client(), mode, work) {
                Err(RegistryError::Postgres(e)) if attempt < ATTEMPTS => {
                    if lease.client().is_closed() {
                        lease.reconnect()?;
                    } else if lost_a_race(&e) {
                        backoff(attempt);
                    } else {
                        return Err(e.into());
                    }
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    /// An idle connection, a new one while fewer than [`MAX_CONNECTIONS`] are open, or the
    /// next one returned.
    fn lease(&self) -> Result<Lease<'_>> {
        let mut pool = self.lock();
        loop {
            if let Some(client) = pool.idle.pop() {
                if client.is_closed() {
                    // The server went away (restarted, or closed an idle connection).
                    pool.open -= 1;
                    continue;
                }
                return Ok(Lease { db: self, client: Some(client) });
            }
            if pool.open < MAX_CONNECTIONS {
                pool.open += 1;
                drop(pool);
                return match self.config.connect(NoTls) {
                    Ok(client) => Ok(Lease { db: self, client: Some(client) }),
                    Err(e) => {
                        self.lock().open -= 1;
                        self.returned.notify_one();
                        Err(e.into())
                    }
                };
            }
            pool = self.returned.wait(pool).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn lock(&self) -> MutexGuard<'_, Pool> {
        // Every change to the pool is one push, pop or count: a panic cannot leave it half done.
        self.pool.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Postgres {
    /// Closes the idle connections on a thread of their own: closing one blocks on the client's
    /// own runtime, which tokio forbids on a thread driving async tasks (where the server's state
    /// is dropped when it stops).
    fn drop(&mut self) {
        let idle = std::mem::take(&mut self.pool.get_mut().unwrap_or_else(PoisonError::into_inner).idle);
        if !idle.is_empty() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

/// A pooled connection, given back when dropped.
struct Lease<'a> {
    db: &'a Postgres,
    client: Option<Client>,
}

impl Lease<'_> {
    fn client(&mut self) -> &mut Client {
        self.client.as_mut().unwrap_or_else(|| unreachable!("a lease holds its client until dropped"))
    }

    /// Replaces a closed connection with a new one (keeping the closed one if none can be made:
    /// it is discarded when the lease ends).
    fn reconnect(&mut self) -> Result<()> {
        self.client = Some(self.db.config.connect(NoTls)?);
        Ok(())
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        let mut pool = self.db.lock();
        match self.client.take() {
            Some(client) if !client.is_closed() => pool.idle.push(client),
            _ => pool.open -= 1,
        }
        drop(pool);
        self.db.returned.notify_one();
    }
}

fn once<T>(client: &mut Client, mode: Mode, work: &mut dyn FnMut(&mut dyn Tx) -> Result<T>) -> Result<T> {
    let builder = client.build_transaction();
    let mut tx = match mode {
        Mode::Read => builder.read_only(true).start()?,
        Mode::Write => builder.isolation_level(IsolationLevel::Serializable).start()?,
    };
    // On an error the transaction is dropped, which rolls it back.
    let value = work(&mut PgTx(&mut tx))?;
    tx.commit()?;
    Ok(value)
}

/// Whether `error` means another transaction got there first, so running again will see it.
fn lost_a_race(error: &postgres::Error) -> bool {
    error.code().is_some_and(|code| {
        [SqlState::T_R_SERIALIZATION_FAILURE, SqlState::T_R_DEADLOCK_DETECTED, SqlState::UNIQUE_VIOLATION]
            .contains(code)
    })
}

/// A short random pause after attempt `attempt`, longer each time, so racers fall out of step.
fn backoff(attempt: u32) {
    let ceiling = u64::from(attempt.min(10)) * 2;
    let jitter = getrandom::u64().map_or(ceiling, |r| r % (ceiling + 1));
    std::thread::sleep(Duration::from_millis(jitter));
}

/// Creates `registry_schema` and the tables (unless `create` forbids it), applies the missing
/// migrations and refuses a database from a newer binary, all in one transaction that holds an
/// advisory lock so concurrent starts take turns.
fn migrate(client: &mut Client, create: Create, dbname: &str) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    let exists: bool = tx.query_one("SELECT to_regclass('registry_schema') IS NOT NULL", &[])?.try_get(0)?;
    if !exists && create == Create::Never {
        return Err(RegistryError::NoDatabase(format!(
            "no registry database in the PostgreSQL database {dbname:?}: it has no registry tables"
        )));
    }
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS registry_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)",
    )?;
    let found: i32 =
        tx.query_one("SELECT coalesce(max(version), 0) FROM registry_schema", &[])?.try_get(0)?;
    for (version, sql) in pending(u32::try_from(found).unwrap_or(u32::MAX), MIGRATIONS)? {
        tx.batch_execute(sql)?;
        let version = i32::try_from(version).unwrap_or(i32::MAX);
        tx.execute("INSERT INTO registry_schema (version, applied_at) VALUES ($1, now())", &[&version])?;
    }
    tx.commit()?;
    Ok(())
}

struct PgTx<'a, 'b>(&'a mut Transaction<'b>);

impl PgTx<'_, '_> {
    /// The first column of the one row `sql` returns, if it returns one.
    fn optional<T: for<'r> postgres::types::FromSql<'r>>(
        &mut self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Option<T>> {
        Ok(self.0.query_opt(sql, params)?.map(|row| row.try_get(0)).transpose()?)
    }

    /// The first column of the one row `sql` returns.
    fn one<T: for<'r> postgres::types::FromSql<'r>>(
        &mut self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<T> {
        Ok(self.0.query_one(sql, params)?.try_get(0)?)
    }
}

impl Tx for PgTx<'_, '_> {
    fn registry_seed(&mut self) -> Result<Option<String>> {
        self.optional("SELECT seed_hex FROM registry_key WHERE id = 1", &[])
    }

    fn insert_registry_key(&mut self, seed_hex: &str, public_key: &str, created_at: &str) -> Result<()> {
        self.0.execute(
            "INSERT INTO registry_key (id, seed_hex, public_key, created_at) VALUES (1, $1, $2, $3)",
            &[&seed_hex, &public_key, &created_at],
        )?;
        Ok(())
    }

    fn insert_code(&mut self, code_hash: &str, legal_id: &str, issued_at: &str) -> Result<()> {
        self.0.execute(
            "INSERT INTO enrolment_codes (code_hash, legal_id, issued_at) VALUES ($1, $2, $3)",
            &[&code_hash, &legal_id, &issued_at],
        )?;
        Ok(())
    }

    fn code_is_unused(&mut self, code_hash: &str, legal_id: &str) -> Result<bool> {
        self.one(
            "SELECT EXISTS (SELECT FROM enrolment_codes WHERE code_hash = $1 AND legal_id = $2 AND used_at IS NULL)",
            &[&code_hash, &legal_id],
        )
    }

    fn use_code(&mut self, code_hash: &str, legal_id: &str, used_at: &str) -> Result<bool> {
        let changed = self.0.execute(
            "UPDATE enrolment_codes SET used_at = $1 WHERE code_hash = $2 AND legal_id = $3 AND used_at IS NULL",
            &[&used_at, &code_hash, &legal_id],
        )?;
        Ok(changed == 1)
    }

    fn cooperative_of(&mut self, public_key: &str) -> Result<Option<String>> {
        self.optional("SELECT legal_id FROM cooperatives WHERE public_key = $1", &[&public_key])
    }

    fn enrol(&mut self, e: &NewEnrolment<'_>) -> Result<()> {
        self.0.execute(
            "INSERT INTO cooperatives (legal_id, public_key, enrolled_at) VALUES ($1, $2, $3)
             ON CONFLICT (legal_id) DO UPDATE SET public_key = EXCLUDED.public_key, enrolled_at = EXCLUDED.enrolled_at",
            &[&e.legal_id, &e.public_key, &e.enrolled_at],
        )?;
        self.0.execute(
            "INSERT INTO enrolments (legal_id, public_key, code_hash, enrolled_at) VALUES ($1, $2, $3, $4)",
            &[&e.legal_id, &e.public_key, &e.code_hash, &e.enrolled_at],
        )?;
        Ok(())
    }

    fn report(&mut self, report_id: &str) -> Result<Option<Held>> {
        let row = self.0.query_opt(
            "SELECT legal_id, content_hash, superseded_by, receipt FROM reports WHERE report_id = $1",
            &[&report_id],
        )?;
        let held = |r: Row| -> Result<Held, postgres::Error> {
            Ok(Held {
                legal_id: r.try_get(0)?,
                content_hash: r.try_get(1)?,
                superseded_by: r.try_get(2)?,
                receipt: r.try_get(3)?,
            })
        };
        Ok(row.map(held).transpose()?)
    }

    fn is_open(&mut self, report_id: &str, legal_id: &str, period: &str) -> Result<bool> {
        self.one(
            "SELECT EXISTS (SELECT FROM reports
                            WHERE report_id = $1 AND legal_id = $2 AND period = $3 AND superseded_by IS NULL)",
            &[&report_id, &legal_id, &period],
        )
    }

    fn next_seq(&mut self) -> Result<i64> {
        self.one("SELECT coalesce(max(seq), 0) + 1 FROM reports", &[])
    }

    fn insert_report(&mut self, report: &NewReport<'_>) -> Result<()> {
        let r = report.receipt;
        self.0.execute(
            "INSERT INTO reports (seq, registry_id, report_id, legal_id, period, body, content_hash,
                                  public_key, signature, received_at, supersedes, receipt)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &[
                &report.seq,
                &r.registry_id,
                &r.report_id,
                &r.legal_id,
                &r.period,
                &report.body,
                &r.content_hash,
                &report.public_key,
                &report.signature,
                &r.received_at,
                &report.supersedes,
                &report.receipt_json,
            ],
        )?;
        Ok(())
    }

    fn mark_superseded(&mut self, report_id: &str, by: &str) -> Result<()> {
        self.0.execute("UPDATE reports SET superseded_by = $1 WHERE report_id = $2", &[&by, &report_id])?;
        Ok(())
    }

    fn reports(&mut self) -> Result<Vec<ReportRow>> {
        let rows = self.0.query(
            "SELECT registry_id, report_id, legal_id, period, received_at, content_hash, supersedes, superseded_by
             FROM reports ORDER BY seq",
            &[],
        )?;
        let row = |r: &Row| -> Result<ReportRow, postgres::Error> {
            let text =
                [r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, r.try_get(4)?, r.try_get(5)?];
            Ok(ReportRow::new(text, r.try_get(6)?, r.try_get(7)?))
        };
        Ok(rows.iter().map(row).collect::<Result<Vec<_>, _>>()?)
    }
}
