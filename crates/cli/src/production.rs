//! CLI commands over products, production, workforce, quality, sales and closed periods.

use chrono::Utc;
use hamyar_core::clock::tehran_date;
use hamyar_core::production::{
    ProductInput, ProductionInput, QualityInput, SaleInput, WorkerInput, WorkforceInput,
};
use hamyar_core::{ErrorCode, Field, FieldError};
use hamyar_store::{Store, StoreError, import, production};

use crate::commands::{Failure, Output, author, output};

/// `product …`
#[derive(Debug, clap::Subcommand)]
pub enum ProductCommand {
    /// Add a product to the catalogue.
    Add {
        /// Name.
        #[arg(long)]
        name: String,
        /// Unit: piece, pair, set, carton, kilogram, ton, meter, square_meter, litre (or Persian: عدد، جفت …).
        #[arg(long)]
        unit: String,
        /// Category.
        #[arg(long, default_value = "")]
        category: String,
        /// Standard or internal code.
        #[arg(long, default_value = "")]
        code: String,
    },
    /// The catalogue (retired products last).
    List,
    /// Retire a product: kept with its history, no longer offered for new entries.
    Retire {
        /// The product's id.
        #[arg(long)]
        product: u32,
    },
}

/// `production …`
#[derive(Debug, clap::Subcommand)]
pub enum ProductionCommand {
    /// Record a day's output of one product.
    Add {
        /// ISO or Jalali date.
        #[arg(long)]
        date: String,
        /// The product's id.
        #[arg(long)]
        product: u32,
        /// Quantity in the product's unit (decimals where the unit allows).
        #[arg(long)]
        quantity: String,
        /// Rials per unit.
        #[arg(long)]
        unit_value: String,
        /// The unit, when stated; must be the product's.
        #[arg(long)]
        unit: Option<String>,
        /// Workshop or line.
        #[arg(long, default_value = "")]
        workshop: String,
        /// Shift.
        #[arg(long, default_value = "")]
        shift: String,
        /// Member who did the work (repeat with --hours for several).
        #[arg(long)]
        member: Vec<u32>,
        /// Hours of each --member, in the same order.
        #[arg(long)]
        hours: Vec<String>,
    },
    /// Reverse an entry (the correction of a mistake).
    Reverse {
        /// The entry's id.
        #[arg(long)]
        entry: String,
        /// Why.
        #[arg(long)]
        reason: String,
        /// The entry is in a closed period: record the reversal as a post-close adjustment.
        #[arg(long)]
        post_close: bool,
    },
    /// Entries made between two days (default: today), oldest first.
    List {
        /// First day (ISO or Jalali).
        #[arg(long)]
        from: Option<String>,
        /// Last day (ISO or Jalali).
        #[arg(long)]
        to: Option<String>,
        /// Newest entries kept at most.
        #[arg(long, default_value_t = 1000)]
        limit: u32,
    },
    /// What was made in a Jalali period: 1403-12 (month), 1403-Q4 (quarter) or 1403 (fiscal year).
    Summary {
        /// The period.
        #[arg(long)]
        period: String,
    },
    /// Import entries from a CSV or XLSX sheet: all rows or none.
    Import {
        /// The sheet.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Only judge the rows and list the bad ones; record nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// `workforce …`
#[derive(Debug, clap::Subcommand)]
pub enum WorkforceCommand {
    /// Record a month's workforce (replaces the month's earlier record).
    Set {
        /// Jalali month, 1403-12.
        #[arg(long)]
        month: String,
        /// Members who work in the cooperative.
        #[arg(long, default_value_t = 0)]
        members: u32,
        /// Employees who are not members.
        #[arg(long, default_value_t = 0)]
        employees: u32,
        /// Women among all who work.
        #[arg(long, default_value_t = 0)]
        women: u32,
        /// Insured among all who work.
        #[arg(long, default_value_t = 0)]
        insured: u32,
        /// Member whose hours follow (repeat).
        #[arg(long)]
        member: Vec<u32>,
        /// Hours of each --member in the month.
        #[arg(long)]
        hours: Vec<String>,
    },
    /// A month's workforce.
    Show {
        /// Jalali month, 1403-12.
        #[arg(long)]
        month: String,
    },
    /// Hours each member worked in a period (the surplus-by-work basis).
    Hours {
        /// 1403-12, 1403-Q4 or 1403.
        #[arg(long)]
        period: String,
    },
}

/// `quality …`
#[derive(Debug, clap::Subcommand)]
pub enum QualityCommand {
    /// Record a lab test of a batch.
    Add {
        #[arg(long)]
        date: String,
        #[arg(long)]
        product: u32,
        #[arg(long)]
        batch: String,
        /// What was tested.
        #[arg(long)]
        test: String,
        #[arg(long, default_value = "")]
        standard: String,
        /// Measured value with its unit.
        #[arg(long, default_value = "")]
        measured: String,
        /// The batch passed (omit for a failure).
        #[arg(long)]
        passed: bool,
        #[arg(long)]
        tester: String,
    },
    /// Pass rates per product in a period.
    Rates {
        #[arg(long)]
        period: String,
    },
}

/// `sales …`
#[derive(Debug, clap::Subcommand)]
pub enum SalesCommand {
    /// Record a sale (an export with --destination and --currency).
    Add {
        #[arg(long)]
        date: String,
        #[arg(long)]
        product: u32,
        #[arg(long)]
        quantity: String,
        /// Value in rials.
        #[arg(long)]
        value: String,
        #[arg(long, default_value = "")]
        destination: String,
        /// ISO 4217 code.
        #[arg(long, default_value = "")]
        currency: String,
        #[arg(long, default_value = "")]
        foreign_amount: String,
        /// The goods replace imports.
        #[arg(long)]
        import_substitution: bool,
    },
    /// Sales in a period, by product, with exports.
    Summary {
        #[arg(long)]
        period: String,
    },
}

/// `period …`
#[derive(Debug, clap::Subcommand)]
pub enum PeriodCommand {
    /// Close the books through a day: nothing new may be dated on or before it.
    Close {
        /// Last closed day (ISO or Jalali).
        #[arg(long)]
        through: String,
        /// Why.
        #[arg(long)]
        note: String,
    },
}

fn workers(members: &[u32], hours: &[String]) -> Result<Vec<WorkerInput>, Failure> {
    if members.len() != hours.len() {
        return Err(
            StoreError::Invalid(vec![FieldError { field: Field::Hours, code: ErrorCode::Required }]).into()
        );
    }
    Ok(members.iter().zip(hours).map(|(m, h)| WorkerInput { membership_no: *m, hours: h.clone() }).collect())
}

fn persian_unit(unit: hamyar_core::production::Unit) -> &'static str {
    unit.persian()
}

pub fn product(store: &mut Store, c: &ProductCommand) -> Result<Output, Failure> {
    match c {
        ProductCommand::Add { name, unit, category, code } => {
            let input = ProductInput {
                name: name.clone(),
                unit: unit.clone(),
                category: category.clone(),
                code: code.clone(),
            };
            let p = production::add_product(store, &author(), Utc::now(), &input)?;
            let human = format!("product {} «{}» ({})", p.product, p.name, persian_unit(p.unit));
            output(&serde_json::json!({ "id": p.product, "product": p }), human)
        }
        ProductCommand::List => {
            let list = production::products(store.conn())?;
            let human = list
                .iter()
                .map(|p| {
                    let retired = if p.retired.is_some() { " (retired)" } else { "" };
                    format!("{:>4}  {}  {}{retired}", p.product, p.name, persian_unit(p.unit))
                })
                .collect::<Vec<_>>()
                .join("\n");
            output(&list, human)
        }
        ProductCommand::Retire { product } => {
            let p = production::retire_product(store, &author(), Utc::now(), *product)?;
            output(&p, format!("product {} retired", p.product))
        }
    }
}

pub fn production(store: &mut Store, c: &ProductionCommand) -> Result<Output, Failure> {
    let today = tehran_date(Utc::now());
    match c {
        ProductionCommand::Add {
            date,
            product,
            quantity,
            unit_value,
            unit,
            workshop,
            shift,
            member,
            hours,
        } => {
            let input = ProductionInput {
                date: date.clone(),
                product: *product,
                quantity: quantity.clone(),
                unit_value: unit_value.clone(),
                unit: unit.clone(),
                workshop: workshop.clone(),
                shift: shift.clone(),
                workers: workers(member, hours)?,
            };
            let e = production::record_production(store, &author(), Utc::now(), &input)?;
            let human = format!("entry {}: {} × {} = {} rials", e.id, e.quantity, e.product_name, e.value);
            output(&e, human)
        }
        ProductionCommand::Reverse { entry, reason, post_close } => {
            let e = production::reverse_production(store, &author(), Utc::now(), entry, reason, *post_close)?;
            output(&e, format!("entry {} reversed by {}", entry, e.id))
        }
        ProductionCommand::List { from, to, limit } => {
            let day = |d: &Option<String>| match d {
                Some(t) => hamyar_core::jalali::parse_date(t).map_err(crate::commands::rejected),
                None => Ok(today),
            };
            let list = production::entries(store.conn(), day(from)?, day(to)?, *limit)?;
            let human = list
                .iter()
                .map(|e| format!("{}  {}  {}  {}  {}", e.date, e.product_name, e.quantity, e.value, e.id))
                .collect::<Vec<_>>()
                .join("\n");
            output(&list, human)
        }
        ProductionCommand::Summary { period } => {
            let s = production::summary(store.conn(), period)?;
            let mut human = format!("{} ({} … {})", s.period, s.from, s.to);
            for p in &s.products {
                human.push_str(&format!(
                    "\n{:>4}  {}  {} {}  {} rials",
                    p.product,
                    p.name,
                    p.quantity,
                    persian_unit(p.unit),
                    p.value
                ));
            }
            human.push_str(&format!("\ntotal {} rials", s.total_value));
            output(&s, human)
        }
        ProductionCommand::Import { from, dry_run } => {
            let bytes = std::fs::read(from).map_err(|e| Failure::from(StoreError::Io(e)))?;
            let name = from.display().to_string();
            if *dry_run {
                let p = import::preview(store, Utc::now(), &name, &bytes)?;
                let mut human = format!("{} good rows, {} bad", p.good, p.bad);
                for r in p.rows.iter().filter(|r| !r.errors.is_empty()) {
                    let why: Vec<&str> = r.errors.iter().map(|e| e.code.as_str()).collect();
                    human.push_str(&format!("\nrow {}: {}", r.row, why.join(", ")));
                }
                output(&p, human)
            } else {
                let r = import::commit(store, &author(), Utc::now(), &name, &bytes)?;
                output(&r, format!("{} entries imported, {} rials", r.recorded, r.total_value))
            }
        }
    }
}

pub fn workforce(store: &mut Store, c: &WorkforceCommand) -> Result<Output, Failure> {
    match c {
        WorkforceCommand::Set { month, members, employees, women, insured, member, hours } => {
            let input = WorkforceInput {
                month: month.clone(),
                member_workers: *members,
                employees: *employees,
                women: *women,
                insured: *insured,
                hours: workers(member, hours)?,
            };
            let w = production::set_workforce(store, &author(), Utc::now(), &input)?;
            output(&w, format!("{}: {} working ({} members)", w.month, w.headcount, w.member_workers))
        }
        WorkforceCommand::Show { month } => {
            let w = production::workforce_month(store.conn(), month)?
                .ok_or_else(|| crate::commands::rejected(ErrorCode::NotFound))?;
            let human = format!(
                "{}: {} working ({} members, {} women, {} insured)",
                w.month, w.headcount, w.member_workers, w.women, w.insured
            );
            output(&w, human)
        }
        WorkforceCommand::Hours { period } => {
            let (_, from, to) = production::period_span(store.conn(), period)?;
            let hours = production::work_hours(store.conn(), from, to)?;
            let human = hours
                .iter()
                .map(|h| format!("{:>5}  {}", h.membership_no, h.hours))
                .collect::<Vec<_>>()
                .join("\n");
            output(&hours, human)
        }
    }
}

pub fn quality(store: &mut Store, c: &QualityCommand) -> Result<Output, Failure> {
    match c {
        QualityCommand::Add { date, product, batch, test, standard, measured, passed, tester } => {
            let input = QualityInput {
                date: date.clone(),
                product: *product,
                batch: batch.clone(),
                test: test.clone(),
                standard: standard.clone(),
                measured: measured.clone(),
                passed: *passed,
                tester: tester.clone(),
            };
            let q = production::add_quality(store, &author(), Utc::now(), &input)?;
            output(
                &q,
                format!("test {} recorded ({})", q.id, if q.test.passed { "passed" } else { "failed" }),
            )
        }
        QualityCommand::Rates { period } => {
            let (_, from, to) = production::period_span(store.conn(), period)?;
            let rates = production::pass_rates(store.conn(), from, to)?;
            let human = rates
                .iter()
                .map(|r| {
                    format!(
                        "{:>4}  {}  {}/{}  {}%",
                        r.product,
                        if r.product == 0 { "all" } else { &r.name },
                        r.passed,
                        r.tests,
                        r.percent
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            output(&rates, human)
        }
    }
}

pub fn sales(store: &mut Store, c: &SalesCommand) -> Result<Output, Failure> {
    match c {
        SalesCommand::Add {
            date,
            product,
            quantity,
            value,
            destination,
            currency,
            foreign_amount,
            import_substitution,
        } => {
            let input = SaleInput {
                date: date.clone(),
                product: *product,
                quantity: quantity.clone(),
                value: value.clone(),
                destination: destination.clone(),
                currency: currency.clone(),
                foreign_amount: foreign_amount.clone(),
                import_substitution: *import_substitution,
            };
            let id = production::add_sale(store, &author(), Utc::now(), &input)?;
            output(&serde_json::json!({ "id": id }), format!("sale {id} recorded"))
        }
        SalesCommand::Summary { period } => {
            let s = production::sales_summary(store.conn(), period)?;
            let human =
                format!("{}: sold {} rials, exported {} rials", s.period, s.total_value, s.export_value);
            output(&s, human)
        }
    }
}

pub fn period(store: &mut Store, c: &PeriodCommand) -> Result<Output, Failure> {
    match c {
        PeriodCommand::Close { through, note } => {
            let d = production::close_period(store, &author(), Utc::now(), through, note)?;
            output(&serde_json::json!({ "closed_through": d }), format!("books closed through {d}"))
        }
    }
}
