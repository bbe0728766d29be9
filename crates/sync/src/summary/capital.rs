//! Section `capital`: the share capital on the period's last day (entries dated on or before it)
//! and the period's movements by kind of entry. A reversal counts against the kind of the entry
//! it reverses, on its own date, so a subscription reversed in the same period nets to nothing.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Span, percent};

/// The section `capital` of a period summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CapitalSection {
    /// On the period's last day.
    pub at_end: CapitalAtEnd,
    /// Entries dated within the period.
    pub changes: CapitalChanges,
}

/// The share capital on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CapitalAtEnd {
    /// Members holding at least one share.
    pub shareholders: u32,
    /// Shares issued.
    #[ts(type = "number")]
    pub shares: i64,
    /// Par value of one share (rials) under the statute in force; `null` before one is recorded.
    #[ts(type = "string | null")]
    pub par_value: Option<String>,
    /// Subscribed capital (rials).
    #[ts(type = "string")]
    pub subscribed: String,
    /// Paid-in capital (rials).
    #[ts(type = "string")]
    pub paid: String,
    /// Subscribed but not yet paid (rials).
    #[ts(type = "string")]
    pub arrears: String,
    /// Members who still owe part of their subscription.
    pub members_in_arrears: u32,
    /// The largest single holding as a percentage of all shares (two places, half away from zero).
    #[ts(type = "string")]
    pub largest_holding_pct: String,
}

/// Movements of the share capital during a period (rials and shares, net of reversals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CapitalChanges {
    /// Shares newly subscribed.
    #[ts(type = "number")]
    pub subscribed_shares: i64,
    /// Their amount (rials).
    #[ts(type = "string")]
    pub subscribed: String,
    /// Paid in cash towards subscriptions (rials).
    #[ts(type = "string")]
    pub paid: String,
    /// Shares refunded to members who left.
    #[ts(type = "number")]
    pub refunded_shares: i64,
    /// Paid capital refunded (rials).
    #[ts(type = "string")]
    pub refunded: String,
    /// Shares issued from capitalised surplus or reserves (fully paid).
    #[ts(type = "number")]
    pub capitalised_shares: i64,
    /// Their amount (rials).
    #[ts(type = "string")]
    pub capitalised: String,
    /// Shares that changed hands between members.
    #[ts(type = "number")]
    pub transferred_shares: i64,
}

pub(crate) fn build(conn: &Connection, span: &Span) -> crate::Result<CapitalSection> {
    let to = span.to.to_string();
    let total = hamyar_store::year::capital_on(conn, span.to)?;
    let (shareholders, members_in_arrears, largest): (u32, u32, i64) = conn.query_row(
        "SELECT COALESCE(SUM(shares > 0), 0), COALESCE(SUM(subscribed > paid), 0), COALESCE(MAX(shares), 0) \
           FROM (SELECT l.membership_no, SUM(l.shares) AS shares, SUM(l.subscribed) AS subscribed, \
                        SUM(l.paid) AS paid \
                   FROM share_line l JOIN share_entry e ON e.event_id = l.event_id \
                  WHERE e.date <= ?1 GROUP BY l.membership_no)",
        [&to],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let par_value = conn
        .query_row(
            "SELECT json_extract(statute_values, '$.par_value') FROM statute_version WHERE effective_from <= ?1 \
             ORDER BY effective_from DESC, version DESC LIMIT 1",
            [&to],
            |r| r.get::<_, rusqlite::types::Value>(0),
        )
        .optional()?
        .and_then(|v| match v {
            rusqlite::types::Value::Text(t) => Some(t),
            rusqlite::types::Value::Integer(i) => Some(i.to_string()),
            _ => None,
        })
        .map(|t| t.parse::<rust_decimal::Decimal>().map(|d| d.normalize().to_string()))
        .transpose()
        .map_err(|_| hamyar_core::ErrorCode::Internal)?;
    let at_end = CapitalAtEnd {
        shareholders,
        shares: total.shares,
        par_value,
        subscribed: total.subscribed.to_string(),
        paid: total.paid.to_string(),
        arrears: (i128::from(total.subscribed) - i128::from(total.paid)).to_string(),
        members_in_arrears,
        largest_holding_pct: percent(largest, total.shares),
    };
    let changes = conn.query_row(
        "SELECT \
           COALESCE(SUM(CASE WHEN k = 'subscribe' THEN l.shares END), 0), \
           COALESCE(SUM(CASE WHEN k = 'subscribe' THEN l.subscribed END), 0), \
           COALESCE(SUM(CASE WHEN k IN ('subscribe', 'pay') THEN l.paid END), 0), \
           COALESCE(-SUM(CASE WHEN k = 'refund' THEN l.shares END), 0), \
           COALESCE(-SUM(CASE WHEN k = 'refund' THEN l.paid END), 0), \
           COALESCE(SUM(CASE WHEN k = 'capitalise' THEN l.shares END), 0), \
           COALESCE(SUM(CASE WHEN k = 'capitalise' THEN l.subscribed END), 0), \
           COALESCE(SUM(CASE WHEN k = 'transfer' AND l.shares > 0 AND NOT reversal THEN l.shares \
                             WHEN k = 'transfer' AND l.shares < 0 AND reversal THEN l.shares END), 0) \
         FROM (SELECT e.event_id, COALESCE(o.kind, e.kind) AS k, e.reverses IS NOT NULL AS reversal \
                 FROM share_entry e LEFT JOIN share_entry o ON o.event_id = e.reverses \
                WHERE e.date BETWEEN ?1 AND ?2) x \
         JOIN share_line l ON l.event_id = x.event_id",
        [span.from.to_string(), to],
        |r| {
            Ok(CapitalChanges {
                subscribed_shares: r.get(0)?,
                subscribed: r.get::<_, i64>(1)?.to_string(),
                paid: r.get::<_, i64>(2)?.to_string(),
                refunded_shares: r.get(3)?,
                refunded: r.get::<_, i64>(4)?.to_string(),
                capitalised_shares: r.get(5)?,
                capitalised: r.get::<_, i64>(6)?.to_string(),
                transferred_shares: r.get(7)?,
            })
        },
    )?;
    Ok(CapitalSection { at_end, changes })
}
