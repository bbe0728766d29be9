//! `hamyar-cli year`: close a fiscal year, compute and approve its distribution, write the payment list.

use std::path::PathBuf;

use chrono::Utc;
use hamyar_core::year::{ApproveInput, Capitalise, Choices, CloseInput, PartKind, Proposal};
use hamyar_store::{Store, year};
use serde::Serialize;

use crate::commands::{Failure, Output, author, output};

/// The percentages the board proposes or the assembly amends; omitted ones keep their defaults.
#[derive(Debug, Clone, clap::Args)]
pub struct ChoiceArgs {
    /// Legal reserve, percent of the net result.
    #[arg(long)]
    legal_reserve_pct: Option<String>,
    /// Precautionary reserve, percent.
    #[arg(long)]
    precautionary_pct: Option<String>,
    /// Bonuses, percent.
    #[arg(long)]
    bonuses_pct: Option<String>,
}

impl ChoiceArgs {
    fn choices(&self) -> Choices {
        Choices {
            legal_reserve_pct: self.legal_reserve_pct.clone().unwrap_or_default(),
            precautionary_pct: self.precautionary_pct.clone().unwrap_or_default(),
            bonuses_pct: self.bonuses_pct.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum YearCommand {
    /// The fiscal years and where each stands.
    List,
    /// Compute the distribution without recording anything: of the closed year's net result, or
    /// of the one given here.
    Propose {
        /// The fiscal year (the Jalali year it starts in).
        #[arg(long)]
        year: i32,
        /// Net result in rials (default: the closed year's).
        #[arg(long, allow_hyphen_values = true)]
        net_result: Option<String>,
        #[command(flatten)]
        choices: ChoiceArgs,
    },
    /// Close the fiscal year: its net result, opening reserves and a checkpoint of capital.
    Close {
        /// The fiscal year.
        #[arg(long)]
        year: i32,
        /// Net result in rials from the accountant (a loss with a minus sign).
        #[arg(long, allow_hyphen_values = true)]
        net_result: String,
        /// Audited legal reserve at the start of the year (default: carried from the last approved year).
        #[arg(long)]
        legal_reserve_opening: Option<String>,
        /// Audited precautionary reserve at the start of the year (default: carried).
        #[arg(long)]
        precautionary_reserve_opening: Option<String>,
        /// A note, e.g. the auditor's report.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Approve the distribution on the annual assembly's resolution.
    Approve {
        /// The fiscal year.
        #[arg(long)]
        year: i32,
        /// The annual ordinary assembly (meeting number).
        #[arg(long)]
        meeting: u32,
        /// Its resolution number.
        #[arg(long)]
        resolution: u32,
        /// none, return_on_shares or all: what becomes new shares.
        #[arg(long, default_value = "none", value_parser = crate::commands::parse_wire::<Capitalise>)]
        capitalise: Capitalise,
        #[command(flatten)]
        choices: ChoiceArgs,
    },
    /// One year: its close, its distribution and its approval.
    Show {
        /// The fiscal year.
        #[arg(long)]
        year: i32,
    },
    /// Write the approved year's payment list (with Sheba numbers) as XLSX.
    Payments {
        /// The fiscal year.
        #[arg(long)]
        year: i32,
        /// The file to write.
        #[arg(long)]
        xlsx: PathBuf,
    },
}

/// The proposal in the CLI's contract: parts, then one line per member.
#[derive(Serialize)]
struct ProposalOut<'a> {
    net_result: String,
    parts: Vec<PartOut>,
    members: Vec<MemberOut>,
    rates: &'a hamyar_core::year::Rates,
    legal_reserve_compulsory: bool,
}

#[derive(Serialize)]
struct PartOut {
    kind: PartKind,
    amount: String,
}

#[derive(Serialize)]
struct MemberOut {
    member: u32,
    return_on_shares: String,
    surplus_by_work: String,
    total: String,
}

fn proposal_out(p: &Proposal) -> ProposalOut<'_> {
    ProposalOut {
        net_result: p.net_result.to_string(),
        parts: p.parts.iter().map(|x| PartOut { kind: x.kind, amount: x.amount.to_string() }).collect(),
        members: p
            .members
            .iter()
            .map(|m| MemberOut {
                member: m.membership_no,
                return_on_shares: m.amounts.return_on_shares.to_string(),
                surplus_by_work: m.amounts.surplus_by_work.to_string(),
                total: m.amounts.total.to_string(),
            })
            .collect(),
        rates: &p.rates,
        legal_reserve_compulsory: p.legal_reserve_compulsory,
    }
}

fn proposal_text(p: &Proposal) -> String {
    let mut lines: Vec<String> = p.parts.iter().map(|x| format!("{:?}: {}", x.kind, x.amount)).collect();
    lines.extend(p.members.iter().map(|m| {
        format!(
            "member {}: {} + {} = {}",
            m.membership_no, m.amounts.return_on_shares, m.amounts.surplus_by_work, m.amounts.total
        )
    }));
    lines.join("\n")
}

pub fn run(store: &mut Store, c: &YearCommand) -> Result<Output, Failure> {
    match c {
        YearCommand::List => {
            let years = year::list(store, Utc::now())?;
            let human = years
                .iter()
                .map(|y| format!("{}  {} … {}  {:?}", y.year, y.from, y.to, y.status))
                .collect::<Vec<_>>();
            output(&years, human.join("\n"))
        }
        YearCommand::Propose { year: y, net_result, choices } => {
            let p = year::propose(store, *y, net_result.as_deref(), &choices.choices())?;
            output(&proposal_out(&p), proposal_text(&p))
        }
        YearCommand::Close {
            year: y,
            net_result,
            legal_reserve_opening,
            precautionary_reserve_opening,
            note,
        } => {
            let input = CloseInput {
                year: *y,
                net_result: net_result.clone(),
                legal_reserve_opening: legal_reserve_opening.clone().unwrap_or_default(),
                precautionary_reserve_opening: precautionary_reserve_opening.clone().unwrap_or_default(),
                note: note.clone(),
            };
            let closed = year::close(store, &author(), Utc::now(), &input)?;
            output(&closed, format!("fiscal year {} closed ({} … {})", closed.year, closed.from, closed.to))
        }
        YearCommand::Approve { year: y, meeting, resolution, capitalise, choices } => {
            let input = ApproveInput {
                year: *y,
                meeting: *meeting,
                resolution: *resolution,
                choices: choices.choices(),
                capitalise: *capitalise,
            };
            let a = year::approve(store, &author(), Utc::now(), &input)?;
            let shares: u32 = a.payouts.iter().map(|p| p.new_shares).sum();
            let human = format!(
                "fiscal year {} approved by meeting {} resolution {}: {} members, {} new shares",
                a.year,
                a.meeting,
                a.resolution,
                a.payouts.len(),
                shares
            );
            output(&a, human)
        }
        YearCommand::Show { year: y } => {
            let page = year::page(store, Utc::now(), *y)?;
            let human = format!(
                "fiscal year {} ({} … {}): {:?}{}",
                page.year.year,
                page.year.from,
                page.year.to,
                page.year.status,
                page.proposal.as_ref().map(|p| format!("\n{}", proposal_text(p))).unwrap_or_default()
            );
            output(&page, human)
        }
        YearCommand::Payments { year: y, xlsx } => {
            let rows = year::payment_list_xlsx(store, *y, xlsx)?;
            let human = format!("{rows} members written to {}", xlsx.display());
            output(&serde_json::json!({ "rows": rows, "path": xlsx }), human)
        }
    }
}
