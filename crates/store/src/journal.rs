//! The journal (دفتر رویدادها): every change is one row, chained per device by
//! `hash = sha256(prev_hash || canonical bytes)`, never updated or deleted (triggers refuse it).

use chrono::{DateTime, SecondsFormat, Utc};
use hamyar_core::event::Event;
use rusqlite::{Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};

use crate::Result;

/// `prev_hash` of the first event of every device.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One journal row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// Local arrival order.
    pub seq: i64,
    /// UUIDv7.
    pub id: String,
    /// Event kind, e.g. `profile.set`.
    pub kind: String,
    /// Payload schema version.
    pub schema_version: u32,
    /// Canonical JSON payload.
    pub payload: String,
    /// Who recorded it.
    pub author: String,
    /// The device whose chain it belongs to.
    pub device_id: String,
    /// Position in that chain, from 1.
    pub device_seq: i64,
    /// Wall-clock time (RFC 3339 UTC).
    pub wall_time: String,
    /// Hybrid logical clock, sortable text.
    pub hlc: String,
    /// Statute-profile version the event was judged under (from the statute feature on).
    pub profile_version: Option<i64>,
    /// Hash of the previous event of the same device.
    pub prev_hash: String,
    /// This event's hash.
    pub hash: String,
}

impl JournalEntry {
    /// The hash this entry must carry, given its fields and `prev_hash`.
    pub fn expected_hash(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.prev_hash.as_bytes());
        h.update(self.canonical());
        hex::encode(h.finalize())
    }

    /// The bytes hashed: [`JournalEntry::canonical_value`]'s text, serialised from a tuple
    /// straight to bytes instead of through a `Value` tree for every event (a test pins the two
    /// byte for byte).
    fn canonical(&self) -> Vec<u8> {
        let fields = (
            &self.id,
            &self.kind,
            self.schema_version,
            &self.payload,
            &self.author,
            &self.device_id,
            self.device_seq,
            &self.wall_time,
            &self.hlc,
            self.profile_version,
        );
        let mut out = Vec::with_capacity(self.payload.len() + 256);
        match serde_json::to_writer(&mut out, &fields) {
            Ok(()) => out,
            // Strings and integers into a Vec do not fail; should they, the reference encoding.
            Err(_) => self.canonical_value().into_bytes(),
        }
    }

    /// A JSON array of the fields: no key order to depend on, every byte of the payload kept.
    fn canonical_value(&self) -> String {
        serde_json::json!([
            self.id,
            self.kind,
            self.schema_version,
            self.payload,
            self.author,
            self.device_id,
            self.device_seq,
            self.wall_time,
            self.hlc,
            self.profile_version,
        ])
        .to_string()
    }

    /// Reads the row back as an event.
    pub fn decode(&self) -> Result<Event> {
        Event::decode(&self.kind, self.schema_version, &self.payload)
            .map_err(|source| crate::StoreError::Undecodable { event_id: self.id.clone(), source })
    }
}

/// Hybrid logical clock: wall milliseconds, and a counter for events in the same millisecond
/// or when the wall clock went backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hlc {
    /// Milliseconds since the Unix epoch.
    pub millis: i64,
    /// Tie-breaker.
    pub counter: u32,
}

impl Hlc {
    /// The clock after `last` at wall time `now_millis`: never goes backwards.
    pub fn next(last: Option<Hlc>, now_millis: i64) -> Hlc {
        match last {
            Some(l) if l.millis >= now_millis => Hlc { millis: l.millis, counter: l.counter + 1 },
            _ => Hlc { millis: now_millis, counter: 0 },
        }
    }

    /// Fixed-width text that sorts as the clock does.
    pub fn encode(self) -> String {
        format!("{:015}-{:06}", self.millis, self.counter)
    }

    /// Reads [`Hlc::encode`]'s text.
    pub fn decode(text: &str) -> Option<Hlc> {
        let (m, c) = text.split_once('-')?;
        Some(Hlc { millis: m.parse().ok()?, counter: c.parse().ok()? })
    }
}

const COLUMNS: &str = "seq, id, kind, schema_version, payload, author, device_id, device_seq, wall_time, hlc, \
                       profile_version, prev_hash, hash";

fn from_row(r: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    Ok(JournalEntry {
        seq: r.get(0)?,
        id: r.get(1)?,
        kind: r.get(2)?,
        schema_version: r.get(3)?,
        payload: r.get(4)?,
        author: r.get(5)?,
        device_id: r.get(6)?,
        device_seq: r.get(7)?,
        wall_time: r.get(8)?,
        hlc: r.get(9)?,
        profile_version: r.get(10)?,
        prev_hash: r.get(11)?,
        hash: r.get(12)?,
    })
}

/// The newest event of a device's chain (see [`append`] for the unary plus).
const CHAIN_HEAD: &str =
    "SELECT device_seq, hash FROM journal WHERE device_id = +?1 ORDER BY device_seq DESC LIMIT 1";

/// Appends `event` to `device_id`'s chain. Projections are the caller's ([`crate::Writer::append`]).
pub(crate) fn append(
    conn: &Connection,
    device_id: &str,
    author: &str,
    now: DateTime<Utc>,
    event: &Event,
    profile_version: Option<u32>,
) -> Result<JournalEntry> {
    // Cached statements: an import appends thousands of events in one transaction, and
    // compiling these three statements again for each cost more than running them.
    // `+?1`, not `?1`: while planning `device_id = ?1`, SQLite marks the parameter as one whose
    // value may change the plan, and rusqlite clears a cached statement's bindings when it is
    // returned to the cache, which then recompiles it at its next step — 16 % of a seed's time
    // went to compiling this statement again for every event. The unary plus leaves the value
    // and the index lookup as they were and the parameter unmarked.
    let last: Option<(i64, String)> =
        conn.prepare_cached(CHAIN_HEAD)?.query_row([device_id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
    let (device_seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let last_hlc: Option<String> =
        conn.prepare_cached("SELECT MAX(hlc) FROM journal")?.query_row([], |r| r.get(0))?;
    let hlc = Hlc::next(last_hlc.as_deref().and_then(Hlc::decode), now.timestamp_millis());
    let mut entry = JournalEntry {
        seq: 0,
        id: uuid::Uuid::now_v7().to_string(),
        kind: event.kind().to_owned(),
        schema_version: event.schema_version(),
        payload: event.payload_json()?,
        author: author.to_owned(),
        device_id: device_id.to_owned(),
        device_seq,
        wall_time: now.to_rfc3339_opts(SecondsFormat::Millis, true),
        hlc: hlc.encode(),
        profile_version: profile_version.map(i64::from),
        prev_hash,
        hash: String::new(),
    };
    entry.hash = entry.expected_hash();
    conn.prepare_cached(
        "INSERT INTO journal (id, kind, schema_version, payload, author, device_id, device_seq, wall_time, hlc, \
         profile_version, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(rusqlite::params![
        entry.id,
        entry.kind,
        entry.schema_version,
        entry.payload,
        entry.author,
        entry.device_id,
        entry.device_seq,
        entry.wall_time,
        entry.hlc,
        entry.profile_version,
        entry.prev_hash,
        entry.hash,
    ])?;
    entry.seq = conn.last_insert_rowid();
    Ok(entry)
}

/// Every device that has a chain in this journal.
pub fn devices(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT device_id FROM journal ORDER BY device_id")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One device's chain, in chain order.
pub fn chain(conn: &Connection, device_id: &str) -> Result<Vec<JournalEntry>> {
    let mut out = Vec::new();
    for_each_in_chain(conn, device_id, |e| {
        out.push(e);
        Ok(())
    })?;
    Ok(out)
}

/// Every event in merge order: (hybrid clock, device id) — the order projections are built in.
pub fn in_merge_order(conn: &Connection) -> Result<Vec<JournalEntry>> {
    let mut out = Vec::new();
    for_each_in_merge_order(conn, |e| {
        out.push(e);
        Ok(())
    })?;
    Ok(out)
}

/// [`chain`] one row at a time: a million-event chain is never held in memory.
pub(crate) fn for_each_in_chain(
    conn: &Connection,
    device_id: &str,
    f: impl FnMut(JournalEntry) -> Result<()>,
) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM main.journal WHERE device_id = ?1 ORDER BY device_seq");
    for_each(conn, &sql, [device_id], f)
}

/// [`in_merge_order`] one row at a time.
pub(crate) fn for_each_in_merge_order(
    conn: &Connection,
    f: impl FnMut(JournalEntry) -> Result<()>,
) -> Result<()> {
    let sql = format!("SELECT {COLUMNS} FROM main.journal ORDER BY hlc, device_id, device_seq");
    for_each(conn, &sql, [], f)
}

fn for_each<P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    mut f: impl FnMut(JournalEntry) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        f(from_row(row)?)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_never_runs_backwards() {
        let a = Hlc::next(None, 1_000);
        let b = Hlc::next(Some(a), 1_000);
        let c = Hlc::next(Some(b), 900);
        let d = Hlc::next(Some(c), 2_000);
        assert!(a < b && b < c && c < d);
        assert!(a.encode() < b.encode() && b.encode() < c.encode() && c.encode() < d.encode());
        assert_eq!(Hlc::decode(&c.encode()), Some(c));
        assert_eq!(Hlc::decode("garbage"), None);
    }

    #[test]
    fn the_cached_chain_head_query_is_compiled_once_for_many_appends() {
        let mut store = crate::Store::open_in_memory().expect("store");
        let now: DateTime<Utc> = "2026-11-28T08:00:00Z".parse().expect("time");
        for i in 0..4 {
            let input = hamyar_core::production::ProductInput {
                name: format!("کالا {i}"),
                unit: "عدد".into(),
                ..Default::default()
            };
            crate::production::add_product(&mut store, "t", now, &input).expect("added");
        }
        let stmt = store.conn().prepare_cached(CHAIN_HEAD).expect("cached");
        assert!(stmt.get_status(rusqlite::StatementStatus::Run) >= 4);
        assert_eq!(stmt.get_status(rusqlite::StatementStatus::RePrepare), 0);
    }

    #[test]
    fn any_changed_field_changes_the_hash() {
        let e = JournalEntry {
            seq: 1,
            id: "id".into(),
            kind: "profile.set".into(),
            schema_version: 1,
            payload: "{}".into(),
            author: "a".into(),
            device_id: "d".into(),
            device_seq: 1,
            wall_time: "t".into(),
            hlc: "h".into(),
            profile_version: None,
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
        };
        let base = e.expected_hash();
        let variants = [
            JournalEntry { payload: "{ }".into(), ..e.clone() },
            JournalEntry { author: "b".into(), ..e.clone() },
            JournalEntry { device_seq: 2, ..e.clone() },
            JournalEntry { profile_version: Some(1), ..e.clone() },
            JournalEntry { prev_hash: "1".repeat(64), ..e.clone() },
        ];
        for v in variants {
            assert_ne!(v.expected_hash(), base);
        }
        // seq is local arrival order, not part of the record.
        assert_eq!(JournalEntry { seq: 9, ..e }.expected_hash(), base);
    }

    /// The bytes every recorded hash was computed over: the `json!` array the first version
    /// printed. The tuple encoding must give the same text, byte for byte, for any field.
    #[test]
    fn the_canonical_bytes_are_the_json_array_they_always_were() {
        let tricky = "\"quoted\" \\ back\u{1}slash\n\t «تهران» 😀 \u{7f} </script>";
        let base = JournalEntry {
            seq: 1,
            id: "0193a5b4-7c1d-7e2f-9a3b-4c5d6e7f8091".into(),
            kind: "production.recorded".into(),
            schema_version: 3,
            payload: r#"{"date":"2026-11-28","quantity":"12.5","workers":[{"membership_no":7}]}"#.into(),
            author: "مدیر".into(),
            device_id: "0193a5b4-0000-7000-8000-000000000001".into(),
            device_seq: 1_018_758,
            wall_time: "2026-11-28T08:00:00.000Z".into(),
            hlc: "001764316800000-000042".into(),
            profile_version: None,
            prev_hash: GENESIS_HASH.into(),
            hash: String::new(),
        };
        let cases = [
            base.clone(),
            JournalEntry { profile_version: Some(12), ..base.clone() },
            JournalEntry { profile_version: Some(-1), device_seq: -5, ..base.clone() },
            JournalEntry { payload: tricky.into(), author: tricky.into(), ..base.clone() },
            JournalEntry { id: String::new(), kind: String::new(), payload: String::new(), ..base },
        ];
        for e in cases {
            let printed = e.canonical_value();
            assert!(printed.starts_with('[') && printed.contains(&e.hlc), "{printed}");
            assert_eq!(String::from_utf8(e.canonical()).expect("utf-8"), printed);
            let mut h = Sha256::new();
            h.update(e.prev_hash.as_bytes());
            h.update(printed.as_bytes());
            assert_eq!(e.expected_hash(), hex::encode(h.finalize()));
        }
    }
}
