//! CLI commands over the statute, the member register and the share ledger.

use chrono::Utc;
use hamyar_core::ErrorCode;
use hamyar_core::ids::{LegalId, Mobile, NationalCode, PostalCode, Sheba};
use hamyar_core::member::{ExitInput, ExitReason, Gender, MemberInput, MemberKind};
use hamyar_core::shares::ShareAction;
use hamyar_core::statute::{DEFAULT_SOURCES, StatuteInput, StatuteValues};
use hamyar_core::text::ascii_digits;
use hamyar_store::export::ExportRequest;
use hamyar_store::{Store, StoreError, members, shares, statute};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::commands::{Failure, Output, author, output, parse_wire, rejected};

/// `statute …`
#[derive(Debug, clap::Subcommand)]
pub enum StatuteCommand {
    /// Record the statute (the first setting) or an amendment; unnamed values keep their current ones.
    Set(Box<StatuteArgs>),
    /// Show the version in force (today, or on --at).
    Show {
        /// ISO or Jalali date.
        #[arg(long)]
        at: Option<String>,
    },
}

/// One option per statute parameter, generated from the statute's own list of parameters (so a
/// new parameter gets its option), plus `--effective` and `--resolution`. Values: whole numbers,
/// decimals (`--par-value 1000000`, `--max-member-capital-pct 25`), fractions `N/D`, and
/// thresholds `N/D` (at least) or `>N/D` (more than).
#[derive(Debug, Default)]
pub struct StatuteArgs {
    values: Vec<(&'static str, String)>,
    effective: Option<String>,
    resolution: Option<String>,
    warn_only: Option<String>,
}

fn option_name(param: &str) -> String {
    param.replace('_', "-")
}

impl clap::FromArgMatches for StatuteArgs {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut args = Self::default();
        args.update_from_arg_matches(m)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        for s in DEFAULT_SOURCES {
            if let Some(v) = m.get_one::<String>(s.param) {
                self.values.push((s.param, v.clone()));
            }
        }
        self.effective = m.get_one::<String>("effective").cloned();
        self.resolution = m.get_one::<String>("resolution").cloned();
        self.warn_only = m.get_one::<String>("warn-only").cloned();
        Ok(())
    }
}

impl clap::Args for StatuteArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let cmd = DEFAULT_SOURCES.iter().fold(cmd, |cmd, s| {
            cmd.arg(clap::Arg::new(s.param).long(option_name(s.param)).value_name("VALUE").help(s.source))
        });
        cmd.arg(
            clap::Arg::new("effective")
                .long("effective")
                .value_name("DATE")
                .help("Effective date (ISO or Jalali); default today"),
        )
        .arg(
            clap::Arg::new("resolution")
                .long("resolution")
                .value_name("REF")
                .help("The extraordinary assembly's resolution (required for an amendment)"),
        )
        .arg(
            clap::Arg::new("warn-only")
                .long("warn-only")
                .value_name("CODES")
                .help("Meeting checks that only warn, comma-separated (e.g. notice_too_long), or none"),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// Reads `--warn-only`: wire codes separated by commas, or `none`.
fn warn_codes(text: &str) -> Result<Vec<ErrorCode>, Failure> {
    text.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "none")
        .map(|c| parse_wire::<ErrorCode>(c).map_err(|_| rejected(ErrorCode::StatuteValueInvalid)))
        .collect()
}

/// Sets `param` in the statute's JSON from the text typed after its option.
fn set_param(values: &mut serde_json::Value, param: &str, text: &str) -> Result<(), Failure> {
    let bad = || Failure {
        error: Box::new(hamyar_core::IpcError {
            code: ErrorCode::StatuteValueInvalid,
            message: format!(
                "--{} {text:?}: {}",
                option_name(param),
                ErrorCode::StatuteValueInvalid.english()
            ),
            details: None,
        }),
        class: hamyar_store::ExitClass::Rejected,
    };
    let text = ascii_digits(text.trim());
    let fraction = |t: &str| -> Option<serde_json::Value> {
        let (n, d) = t.split_once('/')?;
        Some(
            serde_json::json!({ "numerator": n.trim().parse::<u32>().ok()?, "denominator": d.trim().parse::<u32>().ok()? }),
        )
    };
    let slot = values.get_mut(param).ok_or_else(bad)?;
    let new = match slot {
        serde_json::Value::Number(_) => serde_json::json!(text.parse::<u32>().map_err(|_| bad())?),
        serde_json::Value::String(_) => {
            let d: Decimal = text.parse().map_err(|_| bad())?;
            serde_json::json!(d.to_string())
        }
        serde_json::Value::Object(o) if o.contains_key("strict") => {
            let (strict, rest) = match text.strip_prefix('>') {
                Some(rest) => (true, rest),
                None => (false, text.as_str()),
            };
            serde_json::json!({ "fraction": fraction(rest).ok_or_else(bad)?, "strict": strict })
        }
        serde_json::Value::Object(_) => fraction(&text).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    *slot = new;
    Ok(())
}

/// `member …`
#[derive(Debug, clap::Subcommand)]
pub enum MemberCommand {
    /// Admit a member (active unless --applicant).
    Add(Box<MemberArgs>),
    /// The register, by membership number.
    List,
    /// Import members and their opening share balances from a CSV or XLSX sheet: all rows or none.
    Import {
        /// The sheet.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Only judge the rows and list the bad ones; record nothing.
        #[arg(long)]
        dry_run: bool,
        /// Map the columns, in order, one field name each (`first_name`, `national_code`, …, or
        /// `-` to ignore a column): overrides the headers.
        #[arg(long, value_delimiter = ',')]
        map: Option<Vec<String>>,
    },
    /// Write the member register with each holding to an XLSX or CSV file (the import's columns).
    Export {
        /// The file (.xlsx or .csv).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// One member.
    Show {
        /// Membership number.
        #[arg(long)]
        member: u32,
    },
    /// Admit an applicant by the board's decision (activation).
    Activate {
        /// Membership number.
        #[arg(long)]
        member: u32,
        /// The day of the board's decision, ISO or Jalali.
        #[arg(long)]
        date: String,
    },
    /// Record a member's exit.
    Exit {
        /// Membership number.
        #[arg(long)]
        member: u32,
        /// withdrawal, expulsion or death.
        #[arg(long, value_parser = parse_wire::<ExitReason>)]
        reason: ExitReason,
        /// Effective date.
        #[arg(long)]
        date: String,
        /// Withdrawal: the day written notice was given.
        #[arg(long, default_value = "")]
        notice_date: String,
        /// Expulsion: the assembly resolution.
        #[arg(long, default_value = "")]
        resolution: String,
        /// Death: an heir (repeat for several).
        #[arg(long = "heir")]
        heirs: Vec<String>,
    },
    /// Record a written warning from the board.
    Warn {
        /// Membership number.
        #[arg(long)]
        member: u32,
        /// Date of the warning.
        #[arg(long)]
        date: String,
        /// What it said.
        #[arg(long)]
        note: String,
    },
}

/// A member's particulars.
#[derive(Debug, clap::Args)]
pub struct MemberArgs {
    #[arg(long, default_value = "")]
    first_name: String,
    #[arg(long)]
    last_name: String,
    #[arg(long, default_value = "")]
    national_code: String,
    /// person or legal.
    #[arg(long, default_value = "person", value_parser = parse_wire::<MemberKind>)]
    kind: MemberKind,
    #[arg(long, default_value = "")]
    legal_id: String,
    #[arg(long, default_value = "")]
    father_name: String,
    /// male or female.
    #[arg(long, value_parser = parse_wire::<Gender>)]
    gender: Option<Gender>,
    #[arg(long, default_value = "")]
    birth_date: String,
    #[arg(long, default_value = "")]
    mobile: String,
    #[arg(long, default_value = "")]
    sheba: String,
    #[arg(long, default_value = "")]
    postal_code: String,
    #[arg(long, default_value = "")]
    address: String,
    /// Works in the cooperative (شاغل).
    #[arg(long)]
    works: bool,
    /// Specialist member (متخصص).
    #[arg(long)]
    specialist: bool,
    /// Joining date; default today.
    #[arg(long, default_value = "")]
    joined: String,
    /// Register as an applicant awaiting admission.
    #[arg(long)]
    applicant: bool,
}

/// `share …`
#[derive(Debug, clap::Subcommand)]
pub enum ShareCommand {
    /// Subscribe shares at the par value in force.
    Subscribe {
        #[arg(long)]
        member: u32,
        #[arg(long)]
        shares: u32,
        #[arg(long)]
        date: String,
    },
    /// Pay towards subscribed shares.
    Pay {
        #[arg(long)]
        member: u32,
        /// Rials.
        #[arg(long)]
        amount: String,
        #[arg(long)]
        date: String,
    },
    /// Transfer shares on a board resolution.
    Transfer {
        #[arg(long)]
        from: u32,
        #[arg(long)]
        to: u32,
        #[arg(long)]
        shares: u32,
        #[arg(long)]
        date: String,
        #[arg(long)]
        resolution: String,
    },
    /// Refund a former member's shares.
    Refund {
        #[arg(long)]
        member: u32,
        #[arg(long)]
        shares: u32,
        #[arg(long)]
        date: String,
    },
    /// New fully paid shares from an assembly resolution.
    Capitalise {
        #[arg(long)]
        member: u32,
        #[arg(long)]
        shares: u32,
        #[arg(long)]
        date: String,
        #[arg(long)]
        resolution: String,
    },
    /// Reverse an entry (a new entry that references it).
    Reverse {
        /// The entry id.
        #[arg(long)]
        entry: String,
        #[arg(long)]
        reason: String,
    },
}

/// `export …`
#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// The share ledger as an hledger journal (`hledger -f FILE balance` recomputes the register).
    Hledger {
        /// The file to write.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// The member register with opening balances, as the member import reads it back.
    Members {
        /// The file (.xlsx or .csv).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// The share register: every member's holding, certificate and the totals.
    Register {
        /// The file (.xlsx or .csv).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// A member's share statement.
    Statement {
        /// Membership number.
        #[arg(long)]
        member: u32,
        /// The file (.xlsx or .csv).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// The meetings: the list, or with --meeting one meeting's particulars, attendance and resolutions.
    Meetings {
        /// One meeting's number.
        #[arg(long)]
        meeting: Option<u32>,
        /// The file (.xlsx or .csv).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// A period's production: its entries, the months' totals and the products' totals.
    Production {
        /// The period: `1403-12`, `1403-Q4` or `1403`.
        #[arg(long)]
        period: String,
        /// The file (.xlsx or .csv).
        #[arg(long)]
        to: std::path::PathBuf,
    },
}

pub fn export(store: &Store, c: &ExportCommand) -> Result<Output, Failure> {
    match c {
        ExportCommand::Hledger { to } => {
            let text = hamyar_store::hledger::journal(store.conn())?;
            std::fs::write(to, &text).map_err(|e| Failure::from(hamyar_store::StoreError::Io(e)))?;
            let out = serde_json::json!({ "file": to.display().to_string(), "bytes": text.len() });
            output(&out, format!("hledger journal written to {}", to.display()))
        }
        ExportCommand::Members { to } => sheet(store, &ExportRequest::Members, to),
        ExportCommand::Register { to } => sheet(store, &ExportRequest::ShareRegister, to),
        ExportCommand::Statement { member, to } => {
            sheet(store, &ExportRequest::Statement { membership_no: *member }, to)
        }
        ExportCommand::Meetings { meeting: None, to } => sheet(store, &ExportRequest::Meetings, to),
        ExportCommand::Meetings { meeting: Some(meeting), to } => {
            sheet(store, &ExportRequest::Meeting { meeting: *meeting }, to)
        }
        ExportCommand::Production { period, to } => {
            sheet(store, &ExportRequest::Production { period: period.clone() }, to)
        }
    }
}

/// Writes one spreadsheet export (XLSX or CSV by the file's extension).
fn sheet(store: &Store, request: &ExportRequest, to: &std::path::Path) -> Result<Output, Failure> {
    let rows = hamyar_store::export::write(store, request, to, Utc::now())?;
    let out = serde_json::json!({ "file": to.display().to_string(), "rows": rows });
    output(&out, format!("{rows} rows written to {}", to.display()))
}

/// Identifiers `check` validates.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum IdentifierKind {
    NationalCode,
    LegalId,
    Sheba,
    Mobile,
    PostalCode,
}

pub fn statute(store: &mut Store, c: &StatuteCommand) -> Result<Output, Failure> {
    let today = hamyar_core::clock::tehran_date(Utc::now());
    match c {
        StatuteCommand::Show { at } => {
            let date = match at {
                Some(d) => hamyar_core::jalali::parse_date(d).map_err(rejected)?,
                None => today,
            };
            let v = statute::in_force(store, date)?.ok_or_else(|| rejected(ErrorCode::StatuteNotSet))?;
            let human = format!(
                "statute v{} (from {}): par {} rials, cap {}% per member, minimum {} members",
                v.version,
                v.effective_from,
                v.values.par_value,
                v.values.max_member_capital_pct,
                v.values.min_members
            );
            output(&v, human)
        }
        StatuteCommand::Set(a) => {
            let current = statute::view(store)?.current;
            let values = current.map_or_else(StatuteValues::default, |v| v.values);
            let mut json =
                serde_json::to_value(values).map_err(|e| Failure::from(hamyar_store::StoreError::Json(e)))?;
            for (param, text) in &a.values {
                set_param(&mut json, param, text)?;
            }
            let values: StatuteValues =
                serde_json::from_value(json).map_err(|_| rejected(ErrorCode::StatuteValueInvalid))?;
            let input = StatuteInput {
                values,
                effective_from: a.effective.clone().unwrap_or_default(),
                resolution: a.resolution.clone().unwrap_or_default(),
                rule_warnings: a.warn_only.as_deref().map(warn_codes).transpose()?,
            };
            let v = statute::set(store, &author(), Utc::now(), &input)?;
            let human = format!("statute v{} recorded, in force from {}", v.version, v.effective_from);
            output(&v, human)
        }
    }
}

pub fn member(store: &mut Store, c: &MemberCommand) -> Result<Output, Failure> {
    match c {
        MemberCommand::Add(a) => {
            let input = MemberInput {
                kind: a.kind,
                first_name: a.first_name.clone(),
                last_name: a.last_name.clone(),
                national_code: a.national_code.clone(),
                legal_id: a.legal_id.clone(),
                father_name: a.father_name.clone(),
                gender: a.gender,
                birth_date: a.birth_date.clone(),
                mobile: a.mobile.clone(),
                sheba: a.sheba.clone(),
                postal_code: a.postal_code.clone(),
                address: a.address.clone(),
                education: None,
                works_in_coop: a.works,
                specialist: a.specialist,
                joined: a.joined.clone(),
                applicant: a.applicant,
            };
            let m = members::add(store, &author(), Utc::now(), &input)?;
            let human = format!("member {} admitted: {}", m.membership_no, m.display_name);
            output(&m, human)
        }
        MemberCommand::Import { from, dry_run, map } => {
            use hamyar_store::member_import::{self, MemberSheet};
            let bytes = std::fs::read(from).map_err(|e| Failure::from(StoreError::Io(e)))?;
            let mapping = match map {
                Some(names) => Some(
                    names
                        .iter()
                        .map(|n| if n == "-" { Ok(None) } else { parse_wire(n).map(Some) })
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|_| rejected(ErrorCode::ImportColumnUnknown))?,
                ),
                None => None,
            };
            let sheet = MemberSheet { name: from.display().to_string(), bytes, mapping };
            let p = if *dry_run {
                member_import::preview(store, &author(), Utc::now(), &sheet)?
            } else {
                member_import::commit(store, &author(), Utc::now(), &sheet)?
            };
            let mut human = format!("{} good rows, {} bad", p.good, p.bad);
            for r in p.rows.iter().filter(|r| !r.errors.is_empty()) {
                let why: Vec<&str> = r.errors.iter().map(|e| e.code.as_str()).collect();
                human.push_str(&format!("\nrow {}: {}", r.row, why.join(", ")));
            }
            output(&p, human)
        }
        MemberCommand::Export { to } => {
            let rows = hamyar_store::member_import::export(store, to)?;
            output(
                &serde_json::json!({ "rows": rows, "path": to }),
                format!("{rows} members written to {}", to.display()),
            )
        }
        MemberCommand::List => {
            let rows = members::list(store)?;
            let human = rows
                .iter()
                .map(|r| {
                    format!(
                        "{:>5}  {:<30} {:>8} shares  {:>6}%  {:?}",
                        r.member.membership_no,
                        r.member.display_name,
                        r.holding.shares,
                        r.percent,
                        r.member.status
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            output(&rows, human)
        }
        MemberCommand::Show { member } => {
            let m = members::get(store.conn(), *member)?.ok_or_else(|| rejected(ErrorCode::UnknownMember))?;
            let human = format!("{}  {}  {:?} since {}", m.membership_no, m.display_name, m.status, m.joined);
            output(&m, human)
        }
        MemberCommand::Exit { member, reason, date, notice_date, resolution, heirs } => {
            let input = ExitInput {
                membership_no: *member,
                reason: Some(*reason),
                date: date.clone(),
                notice_date: notice_date.clone(),
                resolution: resolution.clone(),
                heirs: heirs.clone(),
            };
            let m = members::exit(store, &author(), Utc::now(), &input)?;
            let human = format!("member {} left ({:?}) on {:?}", m.membership_no, m.status, m.exit_date);
            output(&m, human)
        }
        MemberCommand::Activate { member, date } => {
            let m = members::activate(store, &author(), Utc::now(), *member, date)?;
            let human = format!("member {} admitted from applicant on {date}", m.membership_no);
            output(&m, human)
        }
        MemberCommand::Warn { member, date, note } => {
            members::warn(store, &author(), Utc::now(), *member, date, note)?;
            output(
                &serde_json::json!({ "membership_no": member, "warned": date }),
                format!("warning recorded for {member}"),
            )
        }
    }
}

pub fn share(store: &mut Store, c: &ShareCommand) -> Result<Output, Failure> {
    let action = c.to_action();
    let done = shares::record(store, &author(), Utc::now(), &action)?;
    let mut human = format!("{:?} recorded: entry {}", done.kind, done.entry_id);
    for w in &done.warnings {
        human.push_str(&format!("\nwarning: {}", w.english()));
    }
    output(&done, human)
}

impl ShareCommand {
    fn to_action(&self) -> ShareAction {
        match self {
            Self::Subscribe { member, shares, date } => {
                ShareAction::Subscribe { membership_no: *member, shares: *shares, date: date.clone() }
            }
            Self::Pay { member, amount, date } => {
                ShareAction::Pay { membership_no: *member, amount: amount.clone(), date: date.clone() }
            }
            Self::Transfer { from, to, shares, date, resolution } => ShareAction::Transfer {
                membership_no: *from,
                to_member: *to,
                shares: *shares,
                date: date.clone(),
                resolution: resolution.clone(),
            },
            Self::Refund { member, shares, date } => {
                ShareAction::Refund { membership_no: *member, shares: *shares, date: date.clone() }
            }
            Self::Capitalise { member, shares, date, resolution } => ShareAction::Capitalise {
                membership_no: *member,
                shares: *shares,
                date: date.clone(),
                resolution: resolution.clone(),
            },
            Self::Reverse { entry, reason } => {
                ShareAction::Reverse { entry: entry.clone(), reason: reason.clone() }
            }
        }
    }
}

/// The statement as the CLI contract gives it: totals at the top, then the entries.
#[derive(Serialize)]
struct StatementOut<'a> {
    membership_no: u32,
    name: &'a str,
    shares: i64,
    subscribed: String,
    paid: String,
    unpaid: String,
    percent: String,
    entries: &'a [shares::StatementLine],
}

pub fn statement(store: &Store, no: u32) -> Result<Output, Failure> {
    let s = shares::statement(store, no)?;
    let out = StatementOut {
        membership_no: no,
        name: &s.member.display_name,
        shares: s.holding.shares,
        subscribed: s.holding.subscribed.to_string(),
        paid: s.holding.paid.to_string(),
        unpaid: s.unpaid.to_string(),
        percent: s.percent.to_string(),
        entries: &s.entries,
    };
    let human = format!(
        "{} {}: {} shares, subscribed {} paid {} unpaid {} rials ({}%)",
        no, out.name, out.shares, out.subscribed, out.paid, out.unpaid, out.percent
    );
    output(&out, human)
}

#[derive(Serialize)]
struct RegisterRowOut {
    membership_no: u32,
    name: String,
    status: hamyar_core::member::MemberStatus,
    shares: i64,
    subscribed: String,
    paid: String,
    unpaid: String,
    percent: String,
}

pub fn register(store: &Store) -> Result<Output, Failure> {
    let reg = shares::register(store)?;
    let rows: Vec<RegisterRowOut> = reg
        .rows
        .iter()
        .map(|r| RegisterRowOut {
            membership_no: r.member.membership_no,
            name: r.member.display_name.clone(),
            status: r.member.status,
            shares: r.holding.shares,
            subscribed: r.holding.subscribed.to_string(),
            paid: r.holding.paid.to_string(),
            unpaid: r.unpaid.to_string(),
            percent: r.percent.to_string(),
        })
        .collect();
    let human = rows
        .iter()
        .map(|r| {
            format!(
                "{:>5}  {:<30} {:>8} {:>14} {:>14} {:>7}%",
                r.membership_no, r.name, r.shares, r.subscribed, r.paid, r.percent
            )
        })
        .chain(std::iter::once(format!(
            "total: {} shares, subscribed {}, paid {}, unpaid {}",
            reg.totals.shares, reg.totals.subscribed, reg.totals.paid, reg.unpaid
        )))
        .collect::<Vec<_>>()
        .join("\n");
    output(&rows, human)
}

pub fn check(kind: IdentifierKind, value: &str) -> Result<Output, Failure> {
    let normalised = match kind {
        IdentifierKind::NationalCode => NationalCode::parse(value).map(|v| v.as_str().to_owned()),
        IdentifierKind::LegalId => LegalId::parse(value).map(|v| v.as_str().to_owned()),
        IdentifierKind::Sheba => Sheba::parse(value).map(|v| v.as_str().to_owned()),
        IdentifierKind::Mobile => Mobile::parse(value).map(|v| v.as_str().to_owned()),
        IdentifierKind::PostalCode => PostalCode::parse(value).map(|v| v.as_str().to_owned()),
    }
    .map_err(rejected)?;
    let human = format!("valid: {normalised}");
    output(&serde_json::json!({ "valid": true, "value": normalised }), human)
}
