//! Year-end use cases (پایان سال مالی): close a fiscal year with its net result and a checkpoint
//! of capital, compute the distribution from the register and the work records, approve it
//! through the annual assembly's resolution (capitalising shares where the assembly decides so),
//! and write the payment list. The rules are in `hamyar_core::year`.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use hamyar_core::clock::tehran_date;
use hamyar_core::event::Event;
use hamyar_core::fiscal::FiscalYearStart;
use hamyar_core::jalali::JalaliDate;
use hamyar_core::shares::Holding;
use hamyar_core::statute::{StatuteValues, SurplusBasis};
use hamyar_core::words::rials_in_words;
use hamyar_core::year::{
    self as rules, ApproveInput, Choices, CloseInput, MemberBasis, MemberPayout, Proposal, YearApproved,
    YearClosed, YearFacts,
};
use hamyar_core::{ErrorCode, ErrorDetails, Field, FieldError};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::members::statute_or_default;
use crate::projection::enum_from_text;
use crate::{Result, Store, StoreError, Writer, shares};

/// The last closed day, if any period or year was closed.
pub fn closed_through(conn: &Connection) -> Result<Option<NaiveDate>> {
    // Cached: every dated entry of an import asks, thousands of times in one transaction.
    let through: Option<String> =
        conn.prepare_cached("SELECT MAX(through) FROM closed_period")?.query_row([], |r| r.get(0))?;
    Ok(through.and_then(|d| d.parse().ok()))
}

/// Refuses a date on or before the last closed day.
pub fn ensure_open(conn: &Connection, date: NaiveDate) -> Result<()> {
    match closed_through(conn)? {
        Some(through) if date <= through => Err(StoreError::Rule {
            code: ErrorCode::PeriodClosed,
            details: ErrorDetails {
                limit: Some(through.to_string()),
                value: Some(date.to_string()),
                ..ErrorDetails::default()
            },
        }),
        _ => Ok(()),
    }
}

fn rule(code: ErrorCode) -> StoreError {
    StoreError::Rule { code, details: ErrorDetails::default() }
}

fn fiscal_start(conn: &Connection) -> Result<FiscalYearStart> {
    Ok(crate::projection::profile::read(conn)?
        .and_then(|p| FiscalYearStart::new(p.data.fiscal_year_start_month, p.data.fiscal_year_start_day).ok())
        .unwrap_or_default())
}

/// The first and last day of the fiscal year named `year` (the Jalali year it starts in, as
/// periods are named everywhere: `1403` is 1403/01/01–1403/12/30 with the default start).
pub fn bounds(conn: &Connection, year: i32) -> Result<(NaiveDate, NaiveDate)> {
    let (_, from, to) = crate::production::period_span(conn, &year.to_string()).map_err(|_| {
        StoreError::Invalid(vec![FieldError { field: Field::Year, code: ErrorCode::DateOutOfRange }])
    })?;
    Ok((from, to))
}

/// The fiscal year's name: the Jalali year its first day falls in.
fn year_of(conn: &Connection, date: NaiveDate) -> Result<i32> {
    let (first, _) = fiscal_start(conn)?.year_containing(date).map_err(StoreError::Refused)?;
    Ok(JalaliDate::from_gregorian(first).year)
}

/// Capital on `date` (entries dated on or before it).
pub fn capital_on(conn: &Connection, date: NaiveDate) -> Result<Holding> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(l.shares), 0), COALESCE(SUM(l.subscribed), 0), COALESCE(SUM(l.paid), 0) \
           FROM share_line l JOIN share_entry e ON e.event_id = l.event_id WHERE e.date <= ?1",
        [date.to_string()],
        |r| Ok(Holding { shares: r.get(0)?, subscribed: r.get(1)?, paid: r.get(2)? }),
    )?)
}

/// Average paid capital at the ends of this fiscal year and the two before it, counting only the
/// year ends on or after the ledger's first share entry (a younger ledger averages fewer years).
fn average_capital(conn: &Connection, year: i32) -> Result<i64> {
    let first: Option<String> = conn.query_row("SELECT MIN(date) FROM share_entry", [], |r| r.get(0))?;
    let Some(first) = first.and_then(|d| d.parse::<NaiveDate>().ok()) else { return Ok(0) };
    let mut sum = 0_i128;
    let mut years = 0_i128;
    for y in [year, year - 1, year - 2] {
        let (_, last) = bounds(conn, y)?;
        if last >= first {
            sum += i128::from(capital_on(conn, last)?.paid);
            years += 1;
        }
    }
    Ok(if years == 0 { 0 } else { i64::try_from(sum / years).unwrap_or(i64::MAX) })
}

/// Each member's paid capital × days held within `[from, to]`, and their work by `basis`.
fn member_basis(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    basis: SurplusBasis,
) -> Result<Vec<MemberBasis>> {
    use std::collections::BTreeMap;
    let mut out: BTreeMap<u32, MemberBasis> = BTreeMap::new();
    let days = |d: NaiveDate| i128::from((to - d).num_days() + 1);
    fn at(out: &mut BTreeMap<u32, MemberBasis>, no: u32) -> &mut MemberBasis {
        out.entry(no).or_insert(MemberBasis { membership_no: no, capital_days: 0, work: 0 })
    }
    {
        let mut stmt = conn.prepare_cached(
            "SELECT l.membership_no, SUM(l.paid) FROM share_line l JOIN share_entry e ON e.event_id = l.event_id \
              WHERE e.date < ?1 GROUP BY l.membership_no",
        )?;
        let rows = stmt.query_map([from.to_string()], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (no, paid) = row?;
            at(&mut out, no).capital_days += i128::from(paid) * days(from);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT l.membership_no, e.date, l.paid FROM share_line l JOIN share_entry e ON e.event_id = l.event_id \
              WHERE e.date BETWEEN ?1 AND ?2 AND l.paid <> 0",
        )?;
        let rows = stmt.query_map([from.to_string(), to.to_string()], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
        })?;
        for row in rows {
            let (no, date, paid) = row?;
            let date: NaiveDate = date.parse().map_err(|_| StoreError::Refused(ErrorCode::Internal))?;
            at(&mut out, no).capital_days += i128::from(paid) * days(date);
        }
    }
    match basis {
        SurplusBasis::Hours => {
            for w in crate::production::work_hours(conn, from, to)? {
                let centi = (w.hours * rust_decimal::Decimal::ONE_HUNDRED).trunc();
                at(&mut out, w.membership_no).work += i128::try_from(centi).unwrap_or(0);
            }
        }
        SurplusBasis::Production => {
            // Each standing entry's value split among its workers by their hours, rounded down.
            let mut stmt = conn.prepare_cached(
                "SELECT w.membership_no, SUM(e.value * w.hours_centi / t.total) \
                   FROM production_worker w JOIN production_entry e ON e.event_id = w.event_id \
                   JOIN (SELECT event_id, SUM(hours_centi) AS total FROM production_worker GROUP BY event_id) t \
                     ON t.event_id = w.event_id \
                  WHERE e.date BETWEEN ?1 AND ?2 AND e.reverses IS NULL AND e.reversed_by IS NULL AND t.total > 0 \
                  GROUP BY w.membership_no",
            )?;
            let rows = stmt.query_map([from.to_string(), to.to_string()], |r| {
                Ok((r.get::<_, u32>(0)?, r.get::<_, i64>(1)?))
            })?;
            for row in rows {
                let (no, value) = row?;
                at(&mut out, no).work += i128::from(value);
            }
        }
    }
    Ok(out.into_values().filter(|m| m.capital_days != 0 || m.work != 0).collect())
}

/// Where a fiscal year stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum YearStatus {
    /// Not over yet.
    Open,
    /// Over, not closed.
    Ended,
    /// Closed; its distribution awaits the annual assembly.
    Closed,
    /// Its distribution was approved.
    Approved,
}

/// A fiscal year as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FiscalYear {
    /// Its name (the Jalali year it starts in).
    pub year: i32,
    /// First day.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// Last day.
    #[ts(type = "string")]
    pub to: NaiveDate,
    /// Where it stands.
    pub status: YearStatus,
}

/// The closed year's record, when closed.
fn closed(conn: &Connection, year: i32) -> Result<Option<(YearClosed, Option<YearApproved>)>> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT j.payload, a.payload FROM fiscal_year f JOIN journal j ON j.id = f.event_id \
               LEFT JOIN journal a ON a.id = f.approved_event WHERE f.year = ?1",
            [year],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((closed, approved)) = row else { return Ok(None) };
    let closed: YearClosed = serde_json::from_str(&closed)?;
    let approved = approved.map(|a| serde_json::from_str::<YearApproved>(&a)).transpose()?;
    Ok(Some((closed, approved)))
}

/// The fiscal years: every closed one, and the current and last one.
pub fn list(store: &Store, now: DateTime<Utc>) -> Result<Vec<FiscalYear>> {
    let conn = store.conn();
    let today = tehran_date(now);
    let current = year_of(conn, today)?;
    let mut years: Vec<i32> = {
        let mut stmt = conn.prepare("SELECT year FROM fiscal_year")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    years.extend([current, current - 1]);
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|year| {
            let (from, to) = bounds(conn, year)?;
            let status = match closed(conn, year)? {
                Some((_, Some(_))) => YearStatus::Approved,
                Some((_, None)) => YearStatus::Closed,
                None if to < today => YearStatus::Ended,
                None => YearStatus::Open,
            };
            Ok(FiscalYear { year, from, to, status })
        })
        .collect()
}

/// A member as the year-end documents name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Payee {
    /// The member.
    pub membership_no: u32,
    /// Full name.
    pub name: String,
    /// National code or legal ID.
    pub identifier: String,
    /// Sheba, when recorded.
    pub sheba: Option<String>,
    /// Status now.
    pub status: hamyar_core::member::MemberStatus,
}

/// A member's amounts in Persian words (the slip writes them out, as is customary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AmountWords {
    /// The member.
    pub membership_no: u32,
    /// The total, e.g. «یک میلیون و دویست هزار ریال».
    pub total: String,
    /// What is paid in cash, once approved (the total before).
    pub payable: String,
}

/// A passed resolution of an annual assembly held after the year, that may approve the distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ApprovalOption {
    /// The assembly.
    pub meeting: u32,
    /// Its day.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The resolution.
    pub resolution: u32,
    /// Its text.
    pub text: String,
}

/// Everything the year-end screen shows for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct YearPage {
    /// The year.
    pub year: FiscalYear,
    /// Its close, once closed.
    pub closed: Option<YearClosed>,
    /// Its approval, once approved.
    pub approved: Option<YearApproved>,
    /// The distribution: the approved one, or else the proposal with the default percentages
    /// (absent before the close, or when it cannot be computed — see `proposal_error`).
    pub proposal: Option<Proposal>,
    /// Why the proposal cannot be computed.
    pub proposal_error: Option<hamyar_core::IpcError>,
    /// Meetings dated inside the year still planned (they block the close).
    pub open_meetings: Vec<u32>,
    /// Resolutions that may approve the distribution.
    pub approval_options: Vec<ApprovalOption>,
    /// The members the distribution names.
    pub payees: Vec<Payee>,
    /// Each member's amounts in Persian words, for the slips.
    pub words: Vec<AmountWords>,
    /// The legal reserve the close would start from when left empty.
    #[ts(type = "string")]
    #[serde(with = "hamyar_core::shares::rials")]
    pub carried_legal_reserve: i64,
    /// The precautionary reserve the close would start from when left empty.
    #[ts(type = "string")]
    #[serde(with = "hamyar_core::shares::rials")]
    pub carried_precautionary_reserve: i64,
}

fn open_meetings(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT meeting FROM meeting WHERE date BETWEEN ?1 AND ?2 \
            AND stage IN ('draft', 'convened', 'noticed') ORDER BY meeting",
    )?;
    let rows = stmt.query_map([from.to_string(), to.to_string()], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn approval_options(conn: &Connection, to: NaiveDate) -> Result<Vec<ApprovalOption>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.meeting, m.date, r.number, r.text FROM meeting m \
           JOIN meeting_resolution r ON r.meeting = m.meeting \
          WHERE m.kind = 'ordinary' AND m.annual = 1 AND m.date > ?1 AND r.passed = 1 \
            AND m.stage IN ('held', 'minuted', 'notified', 'closed') \
          ORDER BY m.date DESC, r.number",
    )?;
    let rows = stmt.query_map([to.to_string()], |r| {
        let date: String = r.get(1)?;
        Ok((r.get(0)?, date, r.get(2)?, r.get(3)?))
    })?;
    rows.map(|row| {
        let (meeting, date, resolution, text): (u32, String, u32, String) = row?;
        let date = date.parse().map_err(|_| StoreError::Refused(ErrorCode::Internal))?;
        Ok(ApprovalOption { meeting, date, resolution, text })
    })
    .collect()
}

fn payees(conn: &Connection, numbers: &[u32]) -> Result<Vec<Payee>> {
    let mut stmt = conn.prepare_cached(
        "SELECT first_name || ' ' || last_name, COALESCE(national_code, legal_id, ''), \
                json_extract(particulars, '$.sheba'), status FROM member WHERE membership_no = ?1",
    )?;
    numbers
        .iter()
        .filter_map(|&no| {
            stmt.query_row([no], |r| {
                Ok(Payee {
                    membership_no: no,
                    name: r.get(0)?,
                    identifier: r.get(1)?,
                    sheba: r.get(2)?,
                    status: enum_from_text(r.get(3)?)?,
                })
            })
            .optional()
            .transpose()
        })
        .map(|r| r.map_err(StoreError::from))
        .collect()
}

/// The reserves a year starts from when the board leaves them empty: the last approved year's
/// closing balances, else the last closed year's opening ones, else zero.
fn carried_reserves(conn: &Connection, year: i32) -> Result<(i64, i64)> {
    let row: Option<(i64, i64, Option<i64>, Option<i64>)> = conn
        .query_row(
            "SELECT legal_reserve_opening, precautionary_reserve_opening, legal_reserve_closing, \
                    precautionary_reserve_closing FROM fiscal_year WHERE year < ?1 ORDER BY year DESC LIMIT 1",
            [year],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(match row {
        Some((lo, po, lc, pc)) => (lc.unwrap_or(lo), pc.unwrap_or(po)),
        None => (0, 0),
    })
}

fn facts(conn: &Connection, c: &YearClosed, basis: SurplusBasis) -> Result<YearFacts> {
    Ok(YearFacts {
        net_result: c.net_result,
        legal_reserve_opening: c.legal_reserve_opening,
        average_capital: c.average_capital,
        members: member_basis(conn, c.from, c.to, basis)?,
    })
}

fn statute_at(conn: &Connection, date: NaiveDate) -> Result<StatuteValues> {
    Ok(statute_or_default(conn, date)?.0)
}

/// The year-end screen's page for `year`.
pub fn page(store: &Store, now: DateTime<Utc>, year: i32) -> Result<YearPage> {
    let conn = store.conn();
    let (from, to) = bounds(conn, year)?;
    let today = tehran_date(now);
    let record = closed(conn, year)?;
    let status = match &record {
        Some((_, Some(_))) => YearStatus::Approved,
        Some(_) => YearStatus::Closed,
        None if to < today => YearStatus::Ended,
        None => YearStatus::Open,
    };
    let (mut proposal, mut proposal_error) = (None, None);
    match &record {
        Some((_, Some(a))) => proposal = Some(a.proposal.clone()),
        Some((c, None)) => {
            let statute = statute_at(conn, c.to)?;
            let f = facts(conn, c, statute.surplus_basis)?;
            match rules::propose(&f, &statute, &Choices::default()) {
                Ok(p) => proposal = Some(p),
                Err(r) => proposal_error = Some(StoreError::from(r).to_ipc()),
            }
        }
        None => {}
    }
    let mut numbers: Vec<u32> =
        proposal.iter().flat_map(|p| p.members.iter().map(|m| m.membership_no)).collect();
    numbers.dedup();
    let (carried_legal_reserve, carried_precautionary_reserve) = carried_reserves(conn, year)?;
    let words = match &record {
        Some((_, Some(a))) => a
            .payouts
            .iter()
            .map(|p| AmountWords {
                membership_no: p.membership_no,
                total: rials_in_words(p.amounts.total),
                payable: rials_in_words(p.payable),
            })
            .collect(),
        _ => proposal
            .iter()
            .flat_map(|p| p.members.iter())
            .map(|m| AmountWords {
                membership_no: m.membership_no,
                total: rials_in_words(m.amounts.total),
                payable: rials_in_words(m.amounts.total),
            })
            .collect(),
    };
    let (closed, approved) = match record {
        Some((c, a)) => (Some(c), a),
        None => (None, None),
    };
    Ok(YearPage {
        year: FiscalYear { year, from, to, status },
        closed,
        approved,
        proposal,
        proposal_error,
        open_meetings: open_meetings(conn, from, to)?,
        approval_options: approval_options(conn, to)?,
        payees: payees(conn, &numbers)?,
        words,
        carried_legal_reserve,
        carried_precautionary_reserve,
    })
}

/// Computes a distribution without recording anything: of the closed year's figures, or of a
/// net result given here (before the close, to see what the board would propose).
pub fn propose(store: &Store, year: i32, net_result: Option<&str>, choices: &Choices) -> Result<Proposal> {
    let conn = store.conn();
    let (from, to) = bounds(conn, year)?;
    let statute = statute_at(conn, to)?;
    let mut base = match closed(conn, year)? {
        Some((c, _)) => c,
        None => {
            let (legal, precautionary) = carried_reserves(conn, year)?;
            YearClosed {
                year,
                from,
                to,
                net_result: 0,
                legal_reserve_opening: legal,
                precautionary_reserve_opening: precautionary,
                average_capital: average_capital(conn, year)?,
                capital: capital_on(conn, to)?,
                note: String::new(),
            }
        }
    };
    if let Some(text) = net_result {
        let input = CloseInput { year, net_result: text.to_owned(), ..CloseInput::default() };
        base.net_result = rules::close_figures(&input).map_err(StoreError::Invalid)?.net_result;
    } else if base.note.is_empty() && base.net_result == 0 && closed(conn, year)?.is_none() {
        return Err(StoreError::Invalid(vec![FieldError {
            field: Field::NetResult,
            code: ErrorCode::Required,
        }]));
    }
    let f = facts(conn, &base, statute.surplus_basis)?;
    rules::propose(&f, &statute, choices).map_err(StoreError::from)
}

/// Closes a fiscal year: records its net result, opening reserves and a checkpoint of capital,
/// and closes its days to new entries.
pub fn close(store: &mut Store, author: &str, now: DateTime<Utc>, input: &CloseInput) -> Result<FiscalYear> {
    let figures = rules::close_figures(input).map_err(StoreError::Invalid)?;
    store.write(author, now, |w| {
        let conn = w.conn();
        let (from, to) = bounds(conn, input.year)?;
        if to >= tehran_date(w.now()) {
            return Err(StoreError::Rule {
                code: ErrorCode::YearNotEnded,
                details: ErrorDetails { limit: Some(to.to_string()), ..ErrorDetails::default() },
            });
        }
        if closed(conn, input.year)?.is_some() {
            return Err(rule(ErrorCode::YearAlreadyClosed));
        }
        let later: Option<i32> =
            conn.query_row("SELECT MAX(year) FROM fiscal_year WHERE year > ?1", [input.year], |r| r.get(0))?;
        if let Some(later) = later {
            return Err(StoreError::Rule {
                code: ErrorCode::YearOutOfOrder,
                details: ErrorDetails { value: Some(later.to_string()), ..ErrorDetails::default() },
            });
        }
        let open = open_meetings(conn, from, to)?;
        if !open.is_empty() {
            return Err(StoreError::Rule {
                code: ErrorCode::YearOpenDrafts,
                details: ErrorDetails {
                    value: Some(open.iter().map(u32::to_string).collect::<Vec<_>>().join(",")),
                    ..ErrorDetails::default()
                },
            });
        }
        let (legal, precautionary) = carried_reserves(conn, input.year)?;
        let event = YearClosed {
            year: input.year,
            from,
            to,
            net_result: figures.net_result,
            legal_reserve_opening: figures.legal_reserve_opening.unwrap_or(legal),
            precautionary_reserve_opening: figures.precautionary_reserve_opening.unwrap_or(precautionary),
            average_capital: average_capital(conn, input.year)?,
            capital: capital_on(conn, to)?,
            note: hamyar_core::text::normalize_text(&input.note),
        };
        w.append(&Event::YearClosed(event))?;
        Ok(FiscalYear { year: input.year, from, to, status: YearStatus::Closed })
    })
}

/// The approval's resolution reference in the share ledger.
fn resolution_ref(meeting: u32, date: NaiveDate, resolution: u32) -> String {
    let d = JalaliDate::from_gregorian(date).to_ascii();
    // Stored with Latin digits, like every reference; screens and prints show Persian ones.
    format!("مجمع عمومی عادی سالانه {d} (جلسه {meeting})، مصوبه {resolution}")
}

/// Approves the year's distribution on the annual assembly's resolution: records each member's
/// amounts, the new shares where the assembly capitalised them, and the reserves' new balances.
pub fn approve(
    store: &mut Store,
    author: &str,
    now: DateTime<Utc>,
    input: &ApproveInput,
) -> Result<YearApproved> {
    store.write(author, now, |w| approve_in(w, input))
}

/// [`approve`] inside an open transaction.
pub fn approve_in(w: &mut Writer<'_>, input: &ApproveInput) -> Result<YearApproved> {
    let conn = w.conn();
    let Some((c, approved)) = closed(conn, input.year)? else {
        return Err(rule(ErrorCode::YearNotClosed));
    };
    if approved.is_some() {
        return Err(rule(ErrorCode::YearAlreadyApproved));
    }
    let meeting: Option<(String, bool, String, String)> = conn
        .query_row("SELECT kind, annual, date, stage FROM meeting WHERE meeting = ?1", [input.meeting], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((kind, annual, date, stage)) = meeting else {
        return Err(StoreError::Invalid(vec![FieldError {
            field: Field::Meeting,
            code: ErrorCode::UnknownMeeting,
        }]));
    };
    let date: NaiveDate = date.parse().map_err(|_| StoreError::Refused(ErrorCode::Internal))?;
    let held = matches!(stage.as_str(), "held" | "minuted" | "notified" | "closed");
    if kind != "ordinary" || !annual || date <= c.to || !held {
        return Err(StoreError::Invalid(vec![FieldError {
            field: Field::Meeting,
            code: ErrorCode::ApprovalMeetingInvalid,
        }]));
    }
    let passed: Option<bool> = conn
        .query_row(
            "SELECT passed FROM meeting_resolution WHERE meeting = ?1 AND number = ?2",
            [input.meeting, input.resolution],
            |r| r.get(0),
        )
        .optional()?;
    if passed != Some(true) {
        return Err(StoreError::Invalid(vec![FieldError {
            field: Field::Resolution,
            code: ErrorCode::ApprovalResolutionInvalid,
        }]));
    }
    let statute = statute_at(conn, c.to)?;
    let f = facts(conn, &c, statute.surplus_basis)?;
    let proposal = rules::propose(&f, &statute, &input.choices).map_err(StoreError::from)?;
    let par = statute_at(conn, date)?.par_value;
    let active: std::collections::BTreeSet<u32> = {
        let mut stmt = conn.prepare("SELECT membership_no FROM member WHERE status = 'active'")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    let payouts: Vec<MemberPayout> =
        rules::payouts(&proposal, input.capitalise, par, |no| active.contains(&no));
    let reference = resolution_ref(input.meeting, date, input.resolution);
    let grants: Vec<(u32, u32)> =
        payouts.iter().filter(|p| p.new_shares > 0).map(|p| (p.membership_no, p.new_shares)).collect();
    if !grants.is_empty() {
        shares::record_capitalisation_in(w, date, &reference, &grants)?;
    }
    let event = YearApproved {
        year: input.year,
        meeting: input.meeting,
        resolution: input.resolution,
        date,
        legal_reserve_closing: c.legal_reserve_opening
            + proposal.part(rules::PartKind::LegalReserve)
            + proposal.part(rules::PartKind::Rounding),
        precautionary_reserve_closing: c.precautionary_reserve_opening
            + proposal.part(rules::PartKind::PrecautionaryReserve),
        proposal,
        capitalise: input.capitalise,
        payouts,
    };
    w.append(&Event::YearApproved(event.clone()))?;
    Ok(event)
}

/// A problem the checkpoints of closed years show: capital on a closed year's last day is not
/// what the close recorded, or an approved distribution does not add up.
pub(crate) fn checkpoint_problems(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut problems = Vec::new();
    let years: Vec<i32> = {
        let mut stmt = conn.prepare("SELECT year FROM fiscal_year ORDER BY year")?;
        stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    for year in years {
        let Some((c, approved)) = closed(conn, year)? else { continue };
        let event: String =
            conn.query_row("SELECT event_id FROM fiscal_year WHERE year = ?1", [year], |r| r.get(0))?;
        let now = capital_on(conn, c.to)?;
        if now != c.capital {
            problems.push((
                event.clone(),
                format!(
                    "capital on the last day of fiscal year {year} is {now:?}, but its close recorded {:?}",
                    c.capital
                ),
            ));
        }
        if let Some(a) = approved {
            let parts: i64 = a.proposal.parts.iter().map(|p| p.amount).sum();
            let paid: i64 = a.payouts.iter().map(|p| p.capitalised + p.payable).sum();
            let members = a.proposal.part(rules::PartKind::ReturnOnShares)
                + a.proposal.part(rules::PartKind::SurplusByWork);
            if parts != c.net_result || paid != members {
                problems.push((
                    event,
                    format!("the distribution of fiscal year {year} does not add up to its net result"),
                ));
            }
        }
    }
    Ok(problems)
}

/// Writes the payment list of an approved year as XLSX (right to left, Jalali dates, rials with
/// separators, Sheba numbers) to `path`.
pub fn payment_list_xlsx(store: &Store, year: i32, path: &Path) -> Result<usize> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
    let conn = store.conn();
    let Some((_, Some(a))) = closed(conn, year)? else {
        return Err(rule(ErrorCode::YearNotClosed));
    };
    let numbers: Vec<u32> = a.payouts.iter().map(|p| p.membership_no).collect();
    let names = payees(conn, &numbers)?;
    let profile = crate::projection::profile::read(conn)?;
    let xlsx = |e: rust_xlsxwriter::XlsxError| StoreError::Io(std::io::Error::other(e.to_string()));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(format!("پرداخت {year}")).map_err(xlsx)?;
    sheet.set_right_to_left(true);
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin).set_align(FormatAlign::Center);
    let money = Format::new().set_num_format("#,##0").set_border(FormatBorder::Thin);
    let text = Format::new().set_border(FormatBorder::Thin);
    let title = profile.map(|p| p.data.name).unwrap_or_default();
    sheet.write_string(0, 0, &title).map_err(xlsx)?;
    let subtitle = format!(
        "فهرست پرداخت سود سهام و مازاد برگشتی سال مالی {} — مصوب مجمع {} (مصوبه {})",
        hamyar_core::text::persian_digits(&year.to_string()),
        hamyar_core::text::persian_digits(&JalaliDate::from_gregorian(a.date).to_ascii()),
        hamyar_core::text::persian_digits(&a.resolution.to_string()),
    );
    sheet.write_string(1, 0, &subtitle).map_err(xlsx)?;
    let headers = [
        "ردیف",
        "شماره عضویت",
        "نام و نام خانوادگی",
        "کد ملی / شناسه",
        "شماره شبا",
        "سود سهام (ریال)",
        "مازاد برگشتی (ریال)",
        "جمع (ریال)",
        "افزایش سرمایه (ریال)",
        "قابل پرداخت (ریال)",
    ];
    for (col, h) in (0_u16..).zip(headers) {
        sheet.write_string_with_format(3, col, h, &bold).map_err(xlsx)?;
    }
    let mut row = 4_u32;
    let mut totals = [0_i64; 5];
    for (i, p) in a.payouts.iter().enumerate() {
        let who = names.iter().find(|n| n.membership_no == p.membership_no);
        sheet
            .write_number_with_format(row, 0, f64::from(u32::try_from(i + 1).unwrap_or(u32::MAX)), &text)
            .map_err(xlsx)?;
        sheet.write_number_with_format(row, 1, f64::from(p.membership_no), &text).map_err(xlsx)?;
        sheet.write_string_with_format(row, 2, who.map_or("", |n| n.name.as_str()), &text).map_err(xlsx)?;
        sheet
            .write_string_with_format(row, 3, who.map_or("", |n| n.identifier.as_str()), &text)
            .map_err(xlsx)?;
        let sheba = who.and_then(|n| n.sheba.clone()).unwrap_or_default();
        sheet.write_string_with_format(row, 4, &sheba, &text).map_err(xlsx)?;
        let amounts = [
            p.amounts.return_on_shares,
            p.amounts.surplus_by_work,
            p.amounts.total,
            p.capitalised,
            p.payable,
        ];
        for (k, (col, v)) in (5_u16..).zip(amounts).enumerate() {
            totals[k] += v;
            write_rials(sheet, row, col, v, &money).map_err(xlsx)?;
        }
        row += 1;
    }
    sheet.write_string_with_format(row, 2, "جمع", &bold).map_err(xlsx)?;
    for (col, v) in (5_u16..).zip(totals) {
        write_rials(sheet, row, col, v, &money).map_err(xlsx)?;
    }
    sheet.set_column_width(2, 24).map_err(xlsx)?;
    sheet.set_column_width(3, 14).map_err(xlsx)?;
    sheet.set_column_width(4, 30).map_err(xlsx)?;
    for col in 5..=9 {
        sheet.set_column_width(col, 18).map_err(xlsx)?;
    }
    book.save(path).map_err(xlsx)?;
    Ok(a.payouts.len())
}

/// A cell of rials: a number Excel can sum while it is exact in a spreadsheet's doubles (below
/// 2^53 — every cooperative's amounts), else the digits as text, never a rounded figure.
fn write_rials(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    rials: i64,
    format: &rust_xlsxwriter::Format,
) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    if let Some(value) = crate::xlsx::exact_number(i128::from(rials)) {
        sheet.write_number_with_format(row, col, value, format)?;
    } else {
        sheet.write_string_with_format(row, col, rials.to_string(), format)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::tests::now;

    #[test]
    fn fiscal_years_are_named_by_the_jalali_year_they_end_in() {
        let store = Store::open_in_memory().expect("store");
        let (from, to) = bounds(store.conn(), 1403).expect("bounds");
        assert_eq!(JalaliDate::from_gregorian(from).to_ascii(), "1403/01/01");
        assert_eq!(JalaliDate::from_gregorian(to).to_ascii(), "1403/12/30", "1403 is leap");
        assert_eq!(year_of(store.conn(), to).expect("year"), 1403);
        let years = list(&store, now()).expect("list");
        assert!(years.iter().all(|y| y.status != YearStatus::Closed));
    }
}
