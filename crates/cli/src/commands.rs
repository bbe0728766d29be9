//! The CLI's commands: each opens the store, calls the same function the app calls, and
//! renders the result as JSON and as text.

use chrono::Utc;
use hamyar_core::Field;
use hamyar_core::jalali::{JalaliDate, parse_date, weekday_fa};
use hamyar_core::profile::ProfileInput;
use hamyar_core::text::{ascii_digits, persian_digits};
use hamyar_core::{ErrorCode, FieldError, IpcError};
use hamyar_store::{ExitClass, SCHEMA_VERSION, Store, StoreError, demo, paths, profile, verify};
use serde::Serialize;

use crate::{Cli, Command, Fields, ProfileCommand};

/// What a command printed on success, and its exit code.
pub struct Output {
    pub json: String,
    pub human: String,
    pub exit: u8,
}

/// A failed command: the error as it is reported, and how it exits.
pub struct Failure {
    pub error: Box<IpcError>,
    pub class: ExitClass,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        Self { error: Box::new(e.to_ipc()), class: e.exit_class() }
    }
}

pub fn rejected(code: ErrorCode) -> Failure {
    Failure { error: Box::new(IpcError::from_code(code)), class: ExitClass::Rejected }
}

pub fn output<T: Serialize>(value: &T, human: String) -> Result<Output, Failure> {
    let json = serde_json::to_string_pretty(value).map_err(|e| Failure {
        error: Box::new(IpcError { code: ErrorCode::Internal, message: e.to_string(), details: None }),
        class: ExitClass::Other,
    })?;
    Ok(Output { json, human, exit: 0 })
}

/// Reads a serde-named enum from its wire text (`production`, `razavi_khorasan`).
pub fn parse_wire<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).map_err(|e| e.to_string())
}

pub fn author() -> String {
    let user =
        std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "unknown".into());
    format!("cli:{user}")
}

fn data_dir(cli: &Cli) -> Result<std::path::PathBuf, Failure> {
    cli.data_dir.clone().or_else(paths::data_dir).ok_or_else(|| Failure {
        error: Box::new(IpcError {
            code: ErrorCode::IoFailed,
            message: "no data folder: pass --data-dir or set HAMYAR_DATA_DIR".into(),
            details: None,
        }),
        class: ExitClass::Other,
    })
}

fn open(cli: &Cli) -> Result<Store, Failure> {
    let mut store = hamyar_store::crypt::open_in(&data_dir(cli)?, cli.secrets.current.as_ref())?;
    crate::users::sign_in(&mut store, cli.user.as_deref())?;
    Ok(store)
}

fn ledger_file(cli: &Cli) -> Result<std::path::PathBuf, Failure> {
    Ok(data_dir(cli)?.join(paths::DATABASE_FILE))
}

/// Runs the parsed command line.
pub fn run(mut cli: Cli) -> Result<Output, Failure> {
    cli.secrets = crate::crypt::Secrets::read(cli.passphrase_stdin)?;
    match &cli.command {
        Command::Date { value } => date(value),
        Command::Init { demo } => init(&cli, *demo),
        Command::Profile(ProfileCommand::Show) => profile_show(&cli),
        Command::Profile(ProfileCommand::Set(fields)) => profile_set(&cli, fields),
        Command::Verify => run_verify(&cli),
        Command::Statute(c) => crate::ledger::statute(&mut open(&cli)?, c),
        Command::Member(c) => crate::ledger::member(&mut open(&cli)?, c),
        Command::Share(c) => crate::ledger::share(&mut open(&cli)?, c),
        Command::Statement { member } => crate::ledger::statement(&open(&cli)?, *member),
        Command::Register => crate::ledger::register(&open(&cli)?),
        Command::Check { kind, value } => crate::ledger::check(*kind, value),
        Command::Users(c) => crate::users::run(&mut open(&cli)?, c),
        Command::Export(c) => crate::ledger::export(&open(&cli)?, c),
        Command::Seed(a) => crate::seed::run(&mut open(&cli)?, a),
        Command::Meeting(c) => crate::meetings::meeting(&mut open(&cli)?, c),
        Command::Product(c) => crate::production::product(&mut open(&cli)?, c),
        Command::Production(c) => crate::production::production(&mut open(&cli)?, c),
        Command::Workforce(c) => crate::production::workforce(&mut open(&cli)?, c),
        Command::Quality(c) => crate::production::quality(&mut open(&cli)?, c),
        Command::Sales(c) => crate::production::sales(&mut open(&cli)?, c),
        Command::Period(c) => crate::production::period(&mut open(&cli)?, c),
        Command::Year(c) => crate::year::run(&mut open(&cli)?, c),
        Command::Backup { to } => crate::backup::take(&open(&cli)?, to),
        Command::Restore { from } => {
            crate::backup::restore(&data_dir(&cli)?, from, cli.secrets.current.as_ref())
        }
        Command::Encrypt => crate::crypt::encrypt(&ledger_file(&cli)?, &cli.secrets),
        Command::Decrypt => crate::crypt::decrypt(&ledger_file(&cli)?, &cli.secrets),
        Command::Rekey => crate::crypt::rekey(&ledger_file(&cli)?, &cli.secrets),
        Command::Backups(c) => {
            let store = matches!(c, crate::backup::BackupsCommand::Auto).then(|| open(&cli)).transpose()?;
            crate::backup::backups(store.as_ref(), &data_dir(&cli)?, c)
        }
        Command::Report(c) => crate::sync::report_cmd(&mut open(&cli)?, c),
        Command::Enrol(a) => crate::sync::enrol(&mut open(&cli)?, a),
        Command::Sync(a) => crate::sync::sync(open(&cli)?, a),
        Command::Outbox(c) => crate::sync::outbox_cmd(&mut open(&cli)?, c),
        Command::ExportPackage { period, to, report } => {
            crate::sync::export_package(&open(&cli)?, period, to, report.as_deref())
        }
        Command::Stress { ack, count } => crate::backup::stress(&mut open(&cli)?, ack, *count),
    }
}

#[derive(Serialize)]
struct DateInfo {
    iso: String,
    jalali: String,
    jalali_fa: String,
    weekday: &'static str,
}

fn date(value: &str) -> Result<Output, Failure> {
    let date = parse_date(value).map_err(rejected)?;
    let jalali = JalaliDate::from_gregorian(date).to_ascii();
    let info = DateInfo {
        iso: date.to_string(),
        jalali_fa: persian_digits(&jalali),
        jalali,
        weekday: weekday_fa(date),
    };
    let human = format!("{}  {}  {}", info.jalali_fa, info.weekday, info.iso);
    output(&info, human)
}

#[derive(Serialize)]
struct InitInfo {
    database: String,
    device_id: String,
    schema_version: u32,
    demo: bool,
}

fn init(cli: &Cli, with_demo: bool) -> Result<Output, Failure> {
    let mut store = open(cli)?;
    if with_demo {
        demo::create(&mut store, &author(), Utc::now())?;
    }
    let info = InitInfo {
        database: store.path().display().to_string(),
        device_id: store.device_id().to_owned(),
        schema_version: SCHEMA_VERSION,
        demo: with_demo,
    };
    let human = format!(
        "ledger ready: {}{}",
        info.database,
        if with_demo { " (demo cooperative recorded)" } else { "" }
    );
    output(&info, human)
}

fn profile_show(cli: &Cli) -> Result<Output, Failure> {
    let store = open(cli)?;
    let p = profile::get(&store)?.ok_or_else(|| rejected(ErrorCode::NotFound))?;
    let d = &p.data;
    let reg = JalaliDate::from_gregorian(d.registration_date);
    let human = [
        ("name", d.name.clone()),
        ("legal_id", d.legal_id.clone()),
        ("registration", format!("{} ({} / {})", d.registration_number, reg, d.registration_date)),
        ("kind", parse_back(&d.kind)),
        ("province / city", format!("{} / {}", parse_back(&d.province), d.city)),
        ("address", d.address.clone()),
        ("postal_code", d.postal_code.clone()),
        ("phone", d.phone.clone()),
        ("fiscal_year_start", format!("{:02}/{:02}", d.fiscal_year_start_month, d.fiscal_year_start_day)),
        ("updated_at", format!("{} (event {})", p.updated_at, p.event_id)),
    ]
    .iter()
    .map(|(k, v)| format!("{k:>18}: {v}"))
    .collect::<Vec<_>>()
    .join("\n");
    output(&p, human)
}

fn parse_back<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn profile_set(cli: &Cli, f: &Fields) -> Result<Output, Failure> {
    let mut store = open(cli)?;
    let current = profile::get(&store)?;
    let mut input = current.map(|p| p.data.to_input()).unwrap_or(ProfileInput {
        fiscal_year_start_month: 1,
        fiscal_year_start_day: 1,
        ..ProfileInput::default()
    });
    let text = |given: &Option<String>, slot: &mut String| {
        if let Some(v) = given {
            slot.clone_from(v);
        }
    };
    text(&f.name, &mut input.name);
    text(&f.legal_id, &mut input.legal_id);
    text(&f.registration_number, &mut input.registration_number);
    text(&f.registration_date, &mut input.registration_date);
    text(&f.city, &mut input.city);
    text(&f.address, &mut input.address);
    text(&f.postal_code, &mut input.postal_code);
    text(&f.phone, &mut input.phone);
    if f.kind.is_some() {
        input.kind = f.kind;
    }
    if f.province.is_some() {
        input.province = f.province;
    }
    if let Some(start) = &f.fiscal_year_start {
        let (month, day) = month_day(start).ok_or_else(|| Failure {
            error: Box::new(IpcError::invalid(vec![FieldError {
                field: Field::FiscalYearStart,
                code: ErrorCode::FiscalYearStartInvalid,
            }])),
            class: ExitClass::Rejected,
        })?;
        input.fiscal_year_start_month = month;
        input.fiscal_year_start_day = day;
    }
    let saved = profile::save(&mut store, &author(), Utc::now(), &input)?;
    let mut human = format!("profile recorded (event {})", saved.event_id);
    for w in &saved.warnings {
        human.push_str(&format!("\nwarning: {}", w.code.english()));
    }
    output(&saved, human)
}

/// Reads `MM/DD` in any digit form.
fn month_day(text: &str) -> Option<(u8, u8)> {
    let ascii = ascii_digits(text.trim());
    let (m, d) = ascii.split_once('/')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

fn run_verify(cli: &Cli) -> Result<Output, Failure> {
    let mut store = open(cli)?;
    let report = verify::run(&mut store)?;
    let mut human = format!(
        "{}: {} events in {} chain(s) checked",
        if report.ok { "ok" } else { "INTEGRITY FAILURE" },
        report.events_checked,
        report.chains
    );
    for p in &report.problems {
        human.push_str(&format!(
            "\n  {:?} event={} device={}: {}",
            p.kind,
            p.event_id.as_deref().unwrap_or("-"),
            p.device_id.as_deref().unwrap_or("-"),
            p.detail
        ));
    }
    let mut out = output(&report, human)?;
    if !report.ok {
        out.exit = 3;
    }
    Ok(out)
}
