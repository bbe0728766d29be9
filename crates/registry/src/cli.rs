//! The command line: `serve`, `enrolment-code` and `reports`.

use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::Utc;
use clap::{Parser, Subcommand};
use hamyar_core::ids::LegalId;
use tokio::net::TcpListener;

use crate::error::RegistryError;
use crate::http::{self, DEFAULT_MAX_BODY, DEFAULT_RATE, Registry};
use crate::store::{self, Store, codes, reports};

/// The reference registry: the other side of Hamyar's sync protocol (docs/registry-protocol.md).
#[derive(Debug, Parser)]
#[command(name = "hamyar-registry", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the protocol over plain HTTP (put a TLS-terminating proxy in front of it).
    Serve {
        /// The registry's SQLite file (created if missing), or a `postgres://` URL.
        #[arg(long, value_name = "FILE|URL")]
        db: String,
        /// Address to listen on; port 0 picks a free port (the line printed says which).
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
        listen: String,
        /// Largest request body in bytes.
        #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BODY as u64,
              value_parser = clap::value_parser!(u64).range(1..))]
        max_body: u64,
        /// Signed requests a minute allowed per cooperative.
        #[arg(long, value_name = "N", default_value_t = DEFAULT_RATE,
              value_parser = clap::value_parser!(u32).range(1..))]
        rate: u32,
    },
    /// Issue a one-time enrolment code for a cooperative and print it.
    EnrolmentCode {
        /// The registry's SQLite file (created if missing), or a `postgres://` URL.
        #[arg(long, value_name = "FILE|URL")]
        db: String,
        /// The cooperative's legal national ID (شناسه ملی), 11 digits.
        #[arg(long, value_name = "ID")]
        legal_id: String,
    },
    /// List every received report.
    Reports {
        /// The registry's SQLite file, or a `postgres://` URL.
        #[arg(long, value_name = "FILE|URL")]
        db: String,
        /// A JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Parses the arguments and runs the command: exit 0 on success, 2 for unusable arguments, 1 for
/// any other failure (a database that cannot be opened or reached among them).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve { db, listen, max_body, rate } => {
            serve(&db, &listen, usize::try_from(max_body).unwrap_or(usize::MAX), rate)
        }
        Command::EnrolmentCode { db, legal_id } => match LegalId::parse(&legal_id) {
            Ok(id) => enrolment_code(&db, id.as_str()),
            Err(code) => {
                eprintln!("hamyar-registry: {legal_id}: {}", code.english());
                return ExitCode::from(2);
            }
        },
        Command::Reports { db, json } => list_reports(&db, json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hamyar-registry: {error}");
            ExitCode::FAILURE
        }
    }
}

fn serve(db: &str, listen: &str, max_body: usize, rate: u32) -> Result<(), RegistryError> {
    let registry = Arc::new(Registry::open(db, rate)?);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(listen).await?;
        let address = listener.local_addr()?;
        // Exactly one line on stdout: scripts and tests read the port from it.
        let mut out = std::io::stdout().lock();
        writeln!(out, "listening on http://{address}")?;
        out.flush()?;
        drop(out);
        http::serve(listener, http::router(registry, max_body), shutdown_signal()).await
    })?;
    Ok(())
}

/// Completes on ctrl-c or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

fn enrolment_code(db: &str, legal_id: &str) -> Result<(), RegistryError> {
    let store = Store::open(db)?;
    store::registry_key(&store, Utc::now())?;
    let code = codes::issue(&store, legal_id, Utc::now())?;
    println!("{code}");
    Ok(())
}

fn list_reports(db: &str, json: bool) -> Result<(), RegistryError> {
    // Listing never creates a database: a mistyped path is an error, not an empty registry.
    let rows = reports::list(&Store::open_existing(db)?)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &rows)?;
    }
    out.flush()?;
    Ok(())
}

fn write_table(out: &mut impl std::io::Write, rows: &[reports::ReportRow]) -> std::io::Result<()> {
    const HEADINGS: [&str; 7] =
        ["REGISTRY ID", "LEGAL ID", "PERIOD", "RECEIVED", "STATE", "REPORT ID", "CONTENT HASH"];
    let cells: Vec<[&str; 7]> = rows
        .iter()
        .map(|r| {
            [&r.registry_id, &r.legal_id, &r.period, &r.received_at, &r.state, &r.report_id, &r.content_hash]
                .map(String::as_str)
        })
        .collect();
    let mut widths = HEADINGS.map(|h| h.chars().count());
    for line in &cells {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for line in std::iter::once(&HEADINGS).chain(&cells) {
        let padded: Vec<String> = line.iter().zip(widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        writeln!(out, "{}", padded.join("  ").trim_end())?;
    }
    if rows.is_empty() {
        writeln!(out, "(no reports)")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lines_up_its_columns() {
        let mut out = Vec::new();
        write_table(&mut out, &[]).expect("write");
        let text = String::from_utf8(out).expect("utf8");
        assert!(text.starts_with("REGISTRY ID  LEGAL ID  PERIOD"));
        assert!(text.contains("(no reports)"));
    }
}
