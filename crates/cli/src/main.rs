//! `hamyar-cli`: a thin layer over the same store functions the desktop app uses.
//! Exit codes: 0 ok, 2 rejected input or rule, 3 integrity failure, 1 anything else.

mod backup;
mod commands;
mod crypt;
mod ledger;
mod meetings;
mod production;
mod seed;
mod sync;
mod users;
mod year;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hamyar_core::IpcError;
use hamyar_core::profile::{CooperativeKind, Province};
use hamyar_store::ExitClass;

/// Hamyar (همیار) command line: the cooperative's ledger without the window.
#[derive(Debug, Parser)]
#[command(name = "hamyar-cli", version, about)]
struct Cli {
    /// Data folder holding hamyar.sqlite3 (default: $HAMYAR_DATA_DIR, else the app's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print JSON on stdout (errors too, as {code, message, details}).
    #[arg(long, global = true)]
    json: bool,
    /// Read the passphrase of an encrypted ledger from the first line of stdin (else
    /// $HAMYAR_PASSPHRASE); `rekey` reads the new one from the next line (else $HAMYAR_NEW_PASSPHRASE).
    #[arg(long, global = true)]
    passphrase_stdin: bool,
    /// Log in as this account (users on): needed to record anything; the password comes from
    /// $HAMYAR_PASSWORD or the next line of stdin, never an argument.
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,
    /// The passphrases, read once at the start (never an argument).
    #[arg(skip)]
    secrets: crypt::Secrets,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create the ledger (or open and migrate an existing one).
    Init {
        /// Also record the demo cooperative (only into an empty ledger).
        #[arg(long)]
        demo: bool,
    },
    /// The cooperative's profile.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Check SQLite integrity, every hash chain and every projection; exit 3 on any problem.
    Verify,
    /// Convert a date: ISO YYYY-MM-DD or Jalali YYYY/MM/DD, in any digit form.
    Date {
        /// The date to convert.
        value: String,
    },
    /// The statute profile (اساسنامه).
    #[command(subcommand)]
    Statute(ledger::StatuteCommand),
    /// The member register.
    #[command(subcommand)]
    Member(ledger::MemberCommand),
    /// The share ledger.
    #[command(subcommand)]
    Share(ledger::ShareCommand),
    /// A member's share statement.
    Statement {
        /// Membership number.
        #[arg(long)]
        member: u32,
    },
    /// The share register: one row per member, and the totals.
    Register,
    /// Export the ledger for other tools.
    #[command(subcommand)]
    Export(ledger::ExportCommand),
    /// Fill an empty ledger with a realistic cooperative of any size (for benchmarks and trials).
    Seed(seed::SeedArgs),
    /// General assemblies and board meetings.
    #[command(subcommand)]
    Meeting(meetings::MeetingCommand),
    /// The product catalogue.
    #[command(subcommand)]
    Product(production::ProductCommand),
    /// Production entries and period summaries.
    #[command(subcommand)]
    Production(production::ProductionCommand),
    /// Workforce by month.
    #[command(subcommand)]
    Workforce(production::WorkforceCommand),
    /// Lab tests and pass rates.
    #[command(subcommand)]
    Quality(production::QualityCommand),
    /// Sales and exports.
    #[command(subcommand)]
    Sales(production::SalesCommand),
    /// Closed periods.
    #[command(subcommand)]
    Period(production::PeriodCommand),
    /// Year-end: close the fiscal year, compute and approve the distribution of its net result.
    #[command(subcommand)]
    Year(year::YearCommand),
    /// Take a verified backup of the ledger into a folder (a USB stick, another disk).
    Backup {
        /// The folder.
        #[arg(long)]
        to: PathBuf,
    },
    /// Replace the ledger with a backup, after verifying it; the current ledger is kept as a safety copy.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
    /// The backups: list them, or take the automatic one.
    #[command(subcommand)]
    Backups(backup::BackupsCommand),
    /// Encrypt the ledger with a passphrase ($HAMYAR_NEW_PASSPHRASE, $HAMYAR_PASSPHRASE or stdin; at least 8 characters).
    Encrypt,
    /// Decrypt the ledger (its passphrase from $HAMYAR_PASSPHRASE or stdin).
    Decrypt,
    /// Change the passphrase: the current one as for every command, the new one from $HAMYAR_NEW_PASSPHRASE or stdin.
    Rekey,
    /// The crash harness's child: append entries until killed, acknowledging each commit in a file.
    #[command(hide = true)]
    Stress {
        /// The file that receives each committed entry's id.
        #[arg(long)]
        ack: PathBuf,
        /// Stop after this many entries.
        #[arg(long)]
        count: Option<u64>,
    },
    /// Period reports for the national registry: preview, close, list.
    #[command(subcommand)]
    Report(sync::ReportCommand),
    /// Enrol the cooperative with a registry (makes the signing key if there is none).
    Enrol(sync::EnrolArgs),
    /// Send pending reports to the registry.
    Sync(sync::SyncArgs),
    /// The reports waiting for, or holding, the registry's receipt.
    #[command(subcommand)]
    Outbox(sync::OutboxCommand),
    /// Write a closed report's package for manual upload (report, sheets, checklist) into a new folder.
    ExportPackage {
        /// The period (its newest report is packed).
        #[arg(long)]
        period: String,
        /// The folder (new or empty).
        #[arg(long)]
        to: PathBuf,
        /// A particular report of the period instead of the newest.
        #[arg(long)]
        report: Option<String>,
    },
    /// Local accounts on a shared laptop: list, add, set-role, passwd, deactivate, activate.
    #[command(subcommand)]
    Users(users::UsersCommand),
    /// Validate an identifier offline: exit 0 if valid, 2 with its code if not.
    Check {
        /// national-code, legal-id, sheba, mobile or postal-code.
        kind: ledger::IdentifierKind,
        /// The value, in any digit form.
        value: String,
    },
}

#[derive(Debug, Subcommand)]
enum ProfileCommand {
    /// Show the recorded profile.
    Show,
    /// Set profile fields; fields not given keep their recorded values.
    Set(Box<Fields>),
}

/// One option per profile field.
#[derive(Debug, clap::Args)]
struct Fields {
    /// Registered name.
    #[arg(long)]
    name: Option<String>,
    /// Legal-entity national ID (شناسه ملی), 11 digits.
    #[arg(long)]
    legal_id: Option<String>,
    /// Registration number (شماره ثبت).
    #[arg(long)]
    registration_number: Option<String>,
    /// Registration date: Jalali YYYY/MM/DD or ISO YYYY-MM-DD.
    #[arg(long)]
    registration_date: Option<String>,
    /// Kind: production, distribution, services, consumer, housing, credit, multi_purpose.
    #[arg(long, value_parser = commands::parse_wire::<CooperativeKind>)]
    kind: Option<CooperativeKind>,
    /// Province, e.g. tehran, markazi, razavi_khorasan.
    #[arg(long, value_parser = commands::parse_wire::<Province>)]
    province: Option<Province>,
    /// City.
    #[arg(long)]
    city: Option<String>,
    /// Postal address.
    #[arg(long)]
    address: Option<String>,
    /// Postal code, 10 digits.
    #[arg(long)]
    postal_code: Option<String>,
    /// Landline or mobile number.
    #[arg(long)]
    phone: Option<String>,
    /// Jalali month and day the fiscal year starts on, MM/DD (default 01/01).
    #[arg(long, value_name = "MM/DD")]
    fiscal_year_start: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match commands::run(cli) {
        Ok(output) => {
            emit(if json { &output.json } else { &output.human });
            ExitCode::from(output.exit)
        }
        Err(failure) => {
            report(&failure.error, json);
            ExitCode::from(match failure.class {
                ExitClass::Rejected => 2,
                ExitClass::Integrity => 3,
                ExitClass::Other => 1,
            })
        }
    }
}

fn report(error: &IpcError, json: bool) {
    if json {
        emit(&serde_json::to_string(error).unwrap_or_else(|_| error.to_string()));
        return;
    }
    eprintln!("error [{}]: {}", error.code, error.message);
    for f in error.details.iter().flat_map(|d| d.fields.iter()) {
        let field = serde_json::to_value(f.field).map(|v| v.to_string()).unwrap_or_default();
        eprintln!("  {}: {} ({})", field.trim_matches('"'), f.code.english(), f.code);
    }
}

/// Prints a line on stdout; a reader that went away (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}
