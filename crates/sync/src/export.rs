//! The export package (بسته خروجی): a closed period's report for a person to upload by hand to
//! «سامانه جامع و هوشمند تعاون» while no API of it is known. One folder holds
//!
//! - `report.json` — the signed report document, byte for byte;
//! - one CSV (UTF-8 with a BOM, CRLF, Persian headers) and one XLSX (right-to-left sheets,
//!   Jalali dates as text, rials as numbers while a spreadsheet's doubles hold them exactly) per
//!   module of the national system: members, workforce, assemblies, financial figures,
//!   production and sales, exports, quality;
//! - `checklist-fa.md` — what to upload where, with the report's content hash for reference.
//!
//! Every figure comes from the report's own summary, so the sheets show exactly what was signed.
//! The files are written under temporary names and renamed only once all of them are written:
//! a failure leaves no half package behind.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use hamyar_core::ErrorCode;
use hamyar_core::jalali::JalaliDate;
use hamyar_core::protocol::content_hash;
use hamyar_core::text::persian_digits;
use hamyar_store::xlsx::{EXACT_LIMIT, exact_number};
use rusqlite::Connection;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::summary::Span;
use crate::summary::capital::CapitalSection;
use crate::summary::meetings::MeetingsSection;
use crate::summary::members::MembersSection;
use crate::summary::production::ProductionSection;
use crate::summary::profile::ProfileSection;
use crate::summary::quality::QualitySection;
use crate::summary::workforce::WorkforceSection;
use crate::{Result, SyncError};

/// The signed report inside the package.
pub const REPORT_FILE: &str = "report.json";
/// The Persian checklist inside the package.
pub const CHECKLIST_FILE: &str = "checklist-fa.md";

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cell {
    /// Text as is.
    Text(String),
    /// A count.
    Count(i64),
    /// Integer rials, as a decimal string.
    Rials(String),
    /// A quantity or hours, as a decimal string.
    Quantity(String),
    /// A percentage with two places, as a decimal string.
    Percent(String),
    /// An ISO day, shown as a Jalali date.
    Date(String),
    /// Nothing.
    Empty,
}

impl Cell {
    fn count(n: impl Into<i64>) -> Self {
        Self::Count(n.into())
    }

    fn text(t: impl Into<String>) -> Self {
        Self::Text(t.into())
    }

    /// The cell as CSV text: digits as they are, dates in Jalali.
    fn csv(&self) -> String {
        match self {
            Self::Text(t) | Self::Rials(t) | Self::Quantity(t) | Self::Percent(t) => t.clone(),
            Self::Count(n) => n.to_string(),
            Self::Date(iso) => jalali(iso),
            Self::Empty => String::new(),
        }
    }
}

/// An ISO day as a Jalali `YYYY/MM/DD` (the ISO text itself if it is not a day).
fn jalali(iso: &str) -> String {
    iso.parse().map_or_else(|_| iso.to_owned(), |d| JalaliDate::from_gregorian(d).to_ascii())
}

/// One table: a sheet of the workbook, a block of the CSV.
#[derive(Debug)]
struct Table {
    name: &'static str,
    headers: &'static [&'static str],
    rows: Vec<Vec<Cell>>,
}

/// One module of the national system and its two files.
#[derive(Debug)]
struct Module {
    /// File name without extension.
    file: &'static str,
    /// The module's name in the national system.
    title: &'static str,
    /// Where it is in the national system, and what to mind.
    menu: &'static str,
    note: &'static str,
    tables: Vec<Table>,
}

/// Headers of a table of indicators: what, the figure, and the summary field it comes from.
const INDICATORS: &[&str] = &["شاخص", "مقدار", "فیلد گزارش"];

fn indicator(label: &str, value: Cell, field: &str) -> Vec<Cell> {
    vec![Cell::text(label), value, Cell::text(field)]
}

fn section<T: DeserializeOwned>(summary: &Value, name: &str) -> Result<T> {
    let value = summary.get(name).cloned().ok_or(SyncError::from(ErrorCode::Internal))?;
    Ok(serde_json::from_value(value)?)
}

fn members_module(s: &MembersSection) -> Module {
    let rows = vec![
        indicator("اعضای فعال در پایان دوره", Cell::count(s.active), "members.active"),
        indicator(
            "متقاضیان عضویت در پایان دوره",
            Cell::count(s.by_status.applicant),
            "members.by_status.applicant",
        ),
        indicator(
            "خارج‌شده به درخواست خود (تا پایان دوره)",
            Cell::count(s.by_status.withdrawn),
            "members.by_status.withdrawn",
        ),
        indicator(
            "اخراج‌شده (تا پایان دوره)",
            Cell::count(s.by_status.expelled),
            "members.by_status.expelled",
        ),
        indicator("فوت‌شده (تا پایان دوره)", Cell::count(s.by_status.deceased), "members.by_status.deceased"),
        indicator("اعضای فعال حقیقی", Cell::count(s.active_by_kind.person), "members.active_by_kind.person"),
        indicator("اعضای فعال حقوقی", Cell::count(s.active_by_kind.legal), "members.active_by_kind.legal"),
        indicator("اعضای فعال زن", Cell::count(s.active_by_gender.female), "members.active_by_gender.female"),
        indicator("اعضای فعال مرد", Cell::count(s.active_by_gender.male), "members.active_by_gender.male"),
        indicator(
            "اعضای فعال بدون جنسیت ثبت‌شده (و حقوقی)",
            Cell::count(s.active_by_gender.unspecified),
            "members.active_by_gender.unspecified",
        ),
        indicator("اعضای فعال شاغل در تعاونی", Cell::count(s.active_working), "members.active_working"),
        indicator("عضویت‌های تازه در دوره", Cell::count(s.joined), "members.joined"),
        indicator("متقاضیان پذیرفته‌شده در دوره", Cell::count(s.admitted), "members.admitted"),
        indicator("خروج در دوره", Cell::count(s.left.total), "members.left.total"),
        indicator("خروج به درخواست عضو در دوره", Cell::count(s.left.withdrawn), "members.left.withdrawn"),
        indicator("اخراج در دوره", Cell::count(s.left.expelled), "members.left.expelled"),
        indicator("فوت در دوره", Cell::count(s.left.deceased), "members.left.deceased"),
    ];
    Module {
        file: "01-members",
        title: "اعضا",
        menu: "کارتابل مدیرعامل ← «اطلاعات اعضا»",
        note: "این پرونده شمار اعضاست، نه فهرست آنان؛ سامانه فهرست کامل اعضا را جداگانه می‌خواهد \
               (خروجی «دفتر اعضا» در همیار).",
        tables: vec![Table { name: "اعضا", headers: INDICATORS, rows }],
    }
}

fn workforce_module(s: &WorkforceSection) -> Module {
    let mut rows: Vec<Vec<Cell>> = s
        .months
        .iter()
        .map(|m| {
            vec![
                Cell::text(m.month.replace('-', "/")),
                Cell::count(m.member_workers),
                Cell::count(m.employees),
                Cell::count(m.headcount),
                Cell::count(m.women),
                Cell::count(m.insured),
                Cell::Quantity(m.hours.clone()),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::text("میانگین / جمع"),
        Cell::Empty,
        Cell::Empty,
        Cell::Quantity(s.average_headcount.clone()),
        Cell::Empty,
        Cell::Empty,
        Cell::Quantity(s.hours.clone()),
    ]);
    Module {
        file: "02-workforce",
        title: "کارکنان",
        menu: "کارتابل مدیرعامل ← «شاغلین»",
        note: "ماه‌هایی که در همیار ثبت نشده‌اند در این پرونده نیستند؛ پیش از بارگذاری آن‌ها را ثبت کنید.",
        tables: vec![Table {
            name: "کارکنان",
            headers: &[
                "ماه",
                "اعضای شاغل",
                "کارکنان غیرعضو",
                "جمع شاغلین",
                "زنان",
                "بیمه‌شده",
                "ساعت کار اعضا",
            ],
            rows,
        }],
    }
}

fn meeting_kind(kind: &str) -> &'static str {
    match kind {
        "ordinary" => "مجمع عمومی عادی",
        "extraordinary" => "مجمع عمومی فوق‌العاده",
        "board" => "جلسه هیأت مدیره",
        _ => "نامشخص",
    }
}

fn yes_no(b: bool) -> Cell {
    Cell::text(if b { "بله" } else { "خیر" })
}

fn meetings_module(s: &MeetingsSection) -> Module {
    let held = s
        .held
        .iter()
        .map(|m| {
            vec![
                Cell::count(m.meeting),
                Cell::Date(m.date.clone()),
                Cell::text(meeting_kind(&m.kind)),
                Cell::count(m.call),
                yes_no(m.annual),
                Cell::text(if m.quorum_met { "حاصل شد" } else { "حاصل نشد" }),
                Cell::count(m.resolutions),
                Cell::count(m.resolutions_passed),
                Cell::count(m.resolutions_failed),
                Cell::count(m.elections),
            ]
        })
        .collect();
    let offices = s
        .offices
        .iter()
        .map(|o| {
            vec![
                Cell::text(if o.body == "board" { "هیأت مدیره" } else { "بازرسان" }),
                Cell::text(if o.role == "principal" { "اصلی" } else { "علی‌البدل" }),
                Cell::count(o.seats),
                Cell::Date(o.term_start.clone()),
                Cell::Date(o.term_end.clone()),
            ]
        })
        .collect();
    let t = &s.totals;
    let totals = vec![
        indicator("مجامع عمومی برگزارشده", Cell::count(t.assemblies), "meetings.totals.assemblies"),
        indicator("جلسات هیأت مدیره", Cell::count(t.board_meetings), "meetings.totals.board_meetings"),
        indicator("جلسات بدون حد نصاب", Cell::count(t.quorum_failed), "meetings.totals.quorum_failed"),
        indicator("جلسات لغوشده", Cell::count(s.cancelled), "meetings.cancelled"),
        indicator("مصوبات", Cell::count(t.resolutions), "meetings.totals.resolutions"),
        indicator("مصوبات تصویب‌شده", Cell::count(t.resolutions_passed), "meetings.totals.resolutions_passed"),
        indicator("انتخابات", Cell::count(t.elections), "meetings.totals.elections"),
    ];
    Module {
        file: "03-meetings",
        title: "مجامع",
        menu: "کارتابل مدیرعامل ← «مجامع»",
        note: "صورت‌جلسه و آگهی دعوت آخرین مجمع عمومی عادی را هم بارگذاری کنید (از صفحه‌ی همان جلسه در همیار چاپ کنید).",
        tables: vec![
            Table {
                name: "جلسات",
                headers: &[
                    "شماره جلسه",
                    "تاریخ",
                    "نوع جلسه",
                    "نوبت",
                    "مجمع سالانه",
                    "حد نصاب",
                    "مصوبات",
                    "تصویب‌شده",
                    "تصویب‌نشده",
                    "انتخابات",
                ],
                rows: held,
            },
            Table {
                name: "ارکان در پایان دوره",
                headers: &["رکن", "سمت", "تعداد", "آغاز دوره", "پایان دوره"],
                rows: offices,
            },
            Table { name: "خلاصه جلسات", headers: INDICATORS, rows: totals },
        ],
    }
}

fn capital_module(s: &CapitalSection) -> Module {
    let (e, c) = (&s.at_end, &s.changes);
    let par = e.par_value.clone().map_or(Cell::Empty, Cell::Rials);
    let rows = vec![
        indicator("اعضای سهامدار در پایان دوره", Cell::count(e.shareholders), "capital.at_end.shareholders"),
        indicator("تعداد سهام", Cell::Count(e.shares), "capital.at_end.shares"),
        indicator("ارزش اسمی هر سهم (ریال)", par, "capital.at_end.par_value"),
        indicator("سرمایه تعهدشده (ریال)", Cell::Rials(e.subscribed.clone()), "capital.at_end.subscribed"),
        indicator("سرمایه پرداخت‌شده (ریال)", Cell::Rials(e.paid.clone()), "capital.at_end.paid"),
        indicator("تعهد پرداخت‌نشده (ریال)", Cell::Rials(e.arrears.clone()), "capital.at_end.arrears"),
        indicator(
            "اعضای دارای تعهد پرداخت‌نشده",
            Cell::count(e.members_in_arrears),
            "capital.at_end.members_in_arrears",
        ),
        indicator(
            "بیشترین سهم یک عضو از کل سهام (درصد)",
            Cell::Percent(e.largest_holding_pct.clone()),
            "capital.at_end.largest_holding_pct",
        ),
        indicator(
            "سهام تعهدشده در دوره",
            Cell::Count(c.subscribed_shares),
            "capital.changes.subscribed_shares",
        ),
        indicator(
            "مبلغ تعهدشده در دوره (ریال)",
            Cell::Rials(c.subscribed.clone()),
            "capital.changes.subscribed",
        ),
        indicator("مبلغ پرداخت‌شده در دوره (ریال)", Cell::Rials(c.paid.clone()), "capital.changes.paid"),
        indicator("سهام مستردشده در دوره", Cell::Count(c.refunded_shares), "capital.changes.refunded_shares"),
        indicator(
            "مبلغ مستردشده در دوره (ریال)",
            Cell::Rials(c.refunded.clone()),
            "capital.changes.refunded",
        ),
        indicator(
            "سهام افزایش سرمایه از محل مازاد/اندوخته",
            Cell::Count(c.capitalised_shares),
            "capital.changes.capitalised_shares",
        ),
        indicator(
            "مبلغ افزایش سرمایه از محل مازاد/اندوخته (ریال)",
            Cell::Rials(c.capitalised.clone()),
            "capital.changes.capitalised",
        ),
        indicator(
            "سهام منتقل‌شده میان اعضا",
            Cell::Count(c.transferred_shares),
            "capital.changes.transferred_shares",
        ),
    ];
    Module {
        file: "04-financial",
        title: "اطلاعات مالی",
        menu: "کارتابل مدیرعامل ← «اطلاعات مالی» (سرمایه)",
        note: "صورت‌های مالی و گزارش حسابرس/بازرس را جداگانه بارگذاری کنید؛ همیار آن‌ها را نمی‌سازد.",
        tables: vec![Table { name: "سرمایه", headers: INDICATORS, rows }],
    }
}

fn unit_fa(u: hamyar_core::production::Unit) -> Cell {
    Cell::text(u.persian())
}

fn production_module(s: &ProductionSection) -> Module {
    let mut made: Vec<Vec<Cell>> = s
        .made
        .iter()
        .map(|p| {
            vec![
                Cell::count(p.product),
                Cell::text(p.name.clone()),
                unit_fa(p.unit),
                Cell::Quantity(p.quantity.clone()),
                Cell::Rials(p.value.clone()),
            ]
        })
        .collect();
    made.push(vec![
        Cell::Empty,
        Cell::text("جمع"),
        Cell::Empty,
        Cell::Empty,
        Cell::Rials(s.made_value.clone()),
    ]);
    let mut sold: Vec<Vec<Cell>> = s
        .sold
        .iter()
        .map(|p| {
            vec![
                Cell::count(p.product),
                Cell::text(p.name.clone()),
                unit_fa(p.unit),
                Cell::Quantity(p.quantity.clone()),
                Cell::Rials(p.value.clone()),
                Cell::Quantity(p.export_quantity.clone()),
                Cell::Rials(p.export_value.clone()),
                Cell::Rials(p.import_substitution_value.clone()),
            ]
        })
        .collect();
    sold.push(vec![
        Cell::Empty,
        Cell::text("جمع"),
        Cell::Empty,
        Cell::Empty,
        Cell::Rials(s.sold_value.clone()),
        Cell::Empty,
        Cell::Rials(s.export_value.clone()),
        Cell::Rials(s.import_substitution_value.clone()),
    ]);
    Module {
        file: "05-production-sales",
        title: "تولید و فروش",
        menu: "کارتابل مدیرعامل ← «تولید و فروش»",
        note: "مقدارها به واحد هر کالاست و ارزش‌ها به ریال.",
        tables: vec![
            Table {
                name: "تولید",
                headers: &["کد کالا", "نام کالا", "واحد", "مقدار تولید", "ارزش تولید (ریال)"],
                rows: made,
            },
            Table {
                name: "فروش",
                headers: &[
                    "کد کالا",
                    "نام کالا",
                    "واحد",
                    "مقدار فروش",
                    "ارزش فروش (ریال)",
                    "مقدار صادرات",
                    "ارزش صادرات (ریال)",
                    "ارزش کالای جایگزین واردات (ریال)",
                ],
                rows: sold,
            },
        ],
    }
}

fn exports_module(s: &ProductionSection) -> Module {
    let rows = s
        .exports
        .iter()
        .map(|e| {
            vec![
                Cell::count(e.product),
                Cell::text(e.name.clone()),
                unit_fa(e.unit),
                Cell::text(e.destination.clone()),
                Cell::text(e.currency.clone()),
                Cell::Quantity(e.quantity.clone()),
                Cell::Rials(e.value.clone()),
                e.foreign_amount.clone().map_or(Cell::Empty, Cell::Quantity),
            ]
        })
        .collect();
    Module {
        file: "06-exports",
        title: "صادرات",
        menu: "کارتابل مدیرعامل ← «صادرات»",
        note: "اگر در این دوره صادراتی نبوده، پرونده فقط سرستون‌ها را دارد؛ در سامانه «بدون صادرات» را ثبت کنید.",
        tables: vec![Table {
            name: "صادرات",
            headers: &["کد کالا", "نام کالا", "واحد", "کشور مقصد", "ارز", "مقدار", "ارزش (ریال)", "مبلغ ارزی"],
            rows,
        }],
    }
}

fn quality_module(s: &QualitySection) -> Module {
    let mut rows: Vec<Vec<Cell>> = s
        .products
        .iter()
        .map(|q| {
            vec![
                Cell::count(q.product),
                Cell::text(q.name.clone()),
                Cell::count(q.tests),
                Cell::count(q.passed),
                Cell::Percent(q.pass_rate.clone()),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Empty,
        Cell::text("همه کالاها"),
        Cell::count(s.tests),
        Cell::count(s.passed),
        Cell::Percent(s.pass_rate.clone()),
    ]);
    Module {
        file: "07-quality",
        title: "کیفیت",
        menu: "کارتابل مدیرعامل ← «کیفیت و استاندارد»",
        note: "گواهی‌ها و پروانه‌های استاندارد را جداگانه (بخش «مجوزها») بارگذاری کنید.",
        tables: vec![Table {
            name: "کیفیت",
            headers: &["کد کالا", "نام کالا", "تعداد آزمون", "قبول", "درصد قبولی"],
            rows,
        }],
    }
}

fn modules(summary: &Value) -> Result<Vec<Module>> {
    let production: ProductionSection = section(summary, "production")?;
    Ok(vec![
        members_module(&section(summary, "members")?),
        workforce_module(&section(summary, "workforce")?),
        meetings_module(&section(summary, "meetings")?),
        capital_module(&section(summary, "capital")?),
        production_module(&production),
        exports_module(&production),
        quality_module(&section(summary, "quality")?),
    ])
}

fn io(e: impl std::fmt::Display) -> SyncError {
    SyncError::from(std::io::Error::other(e.to_string()))
}

/// The module as CSV: UTF-8 with a BOM (so Excel reads the Persian), CRLF line ends. A module of
/// several tables gives each its title row and a blank line between them.
fn csv_bytes(module: &Module) -> Result<Vec<u8>> {
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    {
        let mut w =
            csv::WriterBuilder::new().flexible(true).terminator(csv::Terminator::CRLF).from_writer(&mut out);
        let titled = module.tables.len() > 1;
        for (i, table) in module.tables.iter().enumerate() {
            if i > 0 {
                w.write_record([""]).map_err(io)?;
            }
            if titled {
                w.write_record([table.name]).map_err(io)?;
            }
            w.write_record(table.headers).map_err(io)?;
            for row in &table.rows {
                w.write_record(row.iter().map(Cell::csv)).map_err(io)?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// The decimal as a spreadsheet number, when a double holds it without loss of its digits.
fn as_number(text: &str) -> Option<f64> {
    let d: Decimal = text.parse().ok()?;
    if d.mantissa().abs() >= EXACT_LIMIT {
        return None;
    }
    // The nearest double to a decimal of at most 15 significant digits reads back as it.
    text.parse::<f64>().ok()
}

/// The module as an XLSX workbook: one right-to-left sheet per table.
fn xlsx_bytes(module: &Module) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_border(FormatBorder::Thin).set_align(FormatAlign::Center);
    let plain = Format::new().set_border(FormatBorder::Thin);
    let money = Format::new().set_num_format("#,##0").set_border(FormatBorder::Thin);
    let percent = Format::new().set_num_format("0.00").set_border(FormatBorder::Thin);
    for table in &module.tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name).map_err(io)?;
        sheet.set_right_to_left(true);
        for (col, h) in (0_u16..).zip(table.headers) {
            sheet.write_string_with_format(0, col, *h, &header).map_err(io)?;
            let width = if col == 0 && table.headers == INDICATORS { 44 } else { 18 };
            sheet.set_column_width(col, width).map_err(io)?;
        }
        for (r, row) in (1_u32..).zip(&table.rows) {
            for (c, cell) in (0_u16..).zip(row) {
                let written = match cell {
                    Cell::Count(n) => match exact_number(i128::from(*n)) {
                        Some(v) => sheet.write_number_with_format(r, c, v, &plain),
                        None => sheet.write_string_with_format(r, c, cell.csv(), &plain),
                    },
                    Cell::Rials(t) => match as_number(t) {
                        Some(v) => sheet.write_number_with_format(r, c, v, &money),
                        None => sheet.write_string_with_format(r, c, t, &plain),
                    },
                    Cell::Percent(t) => match as_number(t) {
                        Some(v) => sheet.write_number_with_format(r, c, v, &percent),
                        None => sheet.write_string_with_format(r, c, t, &plain),
                    },
                    Cell::Quantity(t) => match as_number(t) {
                        Some(v) => sheet.write_number_with_format(r, c, v, &plain),
                        None => sheet.write_string_with_format(r, c, t, &plain),
                    },
                    Cell::Empty => sheet.write_blank(r, c, &plain),
                    other => sheet.write_string_with_format(r, c, other.csv(), &plain),
                };
                written.map_err(io)?;
            }
        }
    }
    book.save_to_buffer().map_err(io)
}

fn jalali_fa(date: chrono::NaiveDate) -> String {
    persian_digits(&JalaliDate::from_gregorian(date).to_ascii())
}

fn checklist(span: &Span, profile: &ProfileSection, document: &[u8], modules: &[Module]) -> String {
    let hash = content_hash(document);
    let report_id = serde_json::from_slice::<Value>(document)
        .ok()
        .and_then(|v| v.get("report_id").and_then(Value::as_str).map(str::to_owned));
    let mut out = String::new();
    let _ = writeln!(out, "# فهرست بارگذاری در «سامانه جامع و هوشمند تعاون»\n");
    if let Some(c) = &profile.cooperative {
        let _ = writeln!(out, "- تعاونی: {}", c.name);
        let _ = writeln!(out, "- شناسه ملی: {}", persian_digits(&c.legal_id));
    }
    let kind = match span.kind {
        crate::summary::SpanKind::Quarter => "فصل",
        crate::summary::SpanKind::Year => "سال مالی",
    };
    let _ = writeln!(
        out,
        "- دوره: {kind} {} (از {} تا {})",
        persian_digits(&span.label),
        jalali_fa(span.from),
        jalali_fa(span.to)
    );
    if let Some(id) = report_id {
        let _ = writeln!(out, "- شناسه گزارش: `{id}`");
    }
    let _ = writeln!(out, "- اثر محتوای گزارش امضاشده (`{REPORT_FILE}`): `{hash}`\n");
    let _ = writeln!(
        out,
        "همیار این بسته را از گزارش امضاشده‌ی همین دوره ساخته است و همه‌ی ارقام پرونده‌ها همان ارقام \
         `{REPORT_FILE}` است. هر بخش یک پرونده‌ی XLSX (برای بارگذاری یا رونویسی در فرم سامانه) و \
         همان داده به صورت CSV دارد. نام منوها بر پایه‌ی فهرست بخش‌های سامانه است و ممکن است در \
         نسخه‌ی کنونی آن فرق کند؛ اگر منویی به این نام نبود، بخش هم‌معنای آن را به کار ببرید.\n"
    );
    let _ = writeln!(out, "## پیش از شروع\n");
    let _ = writeln!(
        out,
        "- [ ] با حساب مدیرعامل وارد سامانه (taavoni.mcls.gov.ir) شوید و کارتابل مدیرعامل را باز کنید.\n"
    );
    for (i, m) in modules.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", persian_digits(&(i + 1).to_string()), m.title);
        let _ = writeln!(
            out,
            "- [ ] {}: پرونده‌ی `{}.xlsx` (یا `{}.csv`) — منو: {}. {} در توضیح بارگذاری، اثر محتوای \
             گزارش (`{hash}`) را بنویسید.\n",
            m.title, m.file, m.file, m.menu, m.note
        );
    }
    let _ = writeln!(out, "## پایان\n");
    let _ = writeln!(
        out,
        "- [ ] `{REPORT_FILE}` را بدون هیچ تغییری در بایگانی تعاونی نگه دارید: اثر محتوای آن \
         (`{hash}`) نشان می‌دهد همین گزارش بارگذاری شده است."
    );
    out
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes the export package of `span` into `dir`: `report.json` (the `document` bytes
/// verbatim — the signed report), a CSV and an XLSX per module of the national system, and
/// `checklist-fa.md`. `dir` is created when missing; a folder that exists and is not empty is
/// refused with `export_folder_not_empty` and nothing is written. Every figure comes from
/// `summary` (the report's own), so `conn` is not read. Returns the written paths, report first
/// and checklist last.
pub fn write_package(
    _conn: &Connection,
    span: &Span,
    summary: &Value,
    document: &[u8],
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    // Everything is rendered in memory first: a failure here touches no file.
    let profile: ProfileSection = section(summary, "profile")?;
    let modules = modules(summary)?;
    let mut files: Vec<(String, Vec<u8>)> = vec![(REPORT_FILE.to_owned(), document.to_vec())];
    for m in &modules {
        files.push((format!("{}.csv", m.file), csv_bytes(m)?));
        files.push((format!("{}.xlsx", m.file), xlsx_bytes(m)?));
    }
    files.push((CHECKLIST_FILE.to_owned(), checklist(span, &profile, document, &modules).into_bytes()));

    let created = if dir.exists() {
        if std::fs::read_dir(dir)?.next().is_some() {
            return Err(ErrorCode::ExportFolderNotEmpty.into());
        }
        false
    } else {
        std::fs::create_dir_all(dir)?;
        true
    };
    let undo = |paths: &[PathBuf]| {
        for p in paths {
            let _ = std::fs::remove_file(p);
        }
        if created {
            let _ = std::fs::remove_dir(dir);
        }
    };
    // Phase 1: every file under a temporary name, synced.
    let mut temps = Vec::with_capacity(files.len());
    for (name, bytes) in &files {
        let tmp = dir.join(format!(".{name}.partial"));
        temps.push(tmp.clone());
        if let Err(e) = write_synced(&tmp, bytes) {
            undo(&temps);
            return Err(e.into());
        }
    }
    // Phase 2: the final names.
    let mut done = Vec::with_capacity(files.len());
    for ((name, _), tmp) in files.iter().zip(&temps) {
        let path = dir.join(name);
        if let Err(e) = std::fs::rename(tmp, &path) {
            undo(&done);
            undo(&temps);
            return Err(e.into());
        }
        done.push(path);
    }
    // The renames themselves are durable once the folder is synced (where a folder can be).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_become_numbers_only_while_a_double_holds_them() {
        assert_eq!(as_number("9007199254740991").map(|v| v.to_string()), Some("9007199254740991".into()));
        assert_eq!(as_number("9007199254740992"), None);
        assert_eq!(as_number("12.5").map(|v| v.to_string()), Some("12.5".into()));
        assert_eq!(as_number("83.33").map(|v| v.to_string()), Some("83.33".into()));
        assert_eq!(as_number("x"), None);
    }

    #[test]
    fn dates_are_jalali_in_the_sheets() {
        assert_eq!(Cell::Date("2025-06-15".into()).csv(), "1404/03/25");
    }
}
