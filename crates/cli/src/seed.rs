//! `seed`: a realistic ledger of any size through the store's own use cases.

use std::io::Write as _;

use chrono::Utc;
use hamyar_core::ErrorCode;
use hamyar_store::Store;
use hamyar_store::seed::{self, SeedSize};

use crate::commands::{Failure, Output, author, output, rejected};

/// `seed [--preset small|medium|large] [--members N] [--years Y] [--production-per-day K] [--seed S]`
#[derive(Debug, clap::Args)]
pub struct SeedArgs {
    /// small (7 members, 2 years, 5 entries a day), medium (300, 5, 40) or large (5,000, 10, 275).
    #[arg(long)]
    preset: Option<String>,
    /// Members (overrides the preset).
    #[arg(long)]
    members: Option<u32>,
    /// Years of daily production before today (overrides the preset).
    #[arg(long)]
    years: Option<u32>,
    /// Production entries a day (overrides the preset).
    #[arg(long)]
    production_per_day: Option<u32>,
    /// The same seed gives the same ledger.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

pub fn run(store: &mut Store, a: &SeedArgs) -> Result<Output, Failure> {
    let base = match a.preset.as_deref() {
        Some(name) => SeedSize::preset(name).ok_or_else(|| rejected(ErrorCode::NotFound))?,
        None => SeedSize::preset("small").ok_or_else(|| rejected(ErrorCode::Internal))?,
    };
    let size = SeedSize {
        members: a.members.unwrap_or(base.members),
        years: a.years.unwrap_or(base.years),
        production_per_day: a.production_per_day.unwrap_or(base.production_per_day),
    };
    let mut last = 0u64;
    let report = seed::seed(store, &author(), Utc::now(), size, a.seed, |events| {
        // Progress on stderr, about every 50,000 events.
        if events / 50_000 != last / 50_000 {
            let _ = writeln!(std::io::stderr(), "seed: {events} events");
        }
        last = events;
    })?;
    let human = format!(
        "seeded {} members, {} years, {} production entries: {} events",
        size.members, size.years, report.production_entries, report.events
    );
    output(&report, human)
}
