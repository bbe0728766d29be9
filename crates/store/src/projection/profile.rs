//! Projection `cooperative_profile`: the one row the latest `profile.set` wrote.

use hamyar_core::profile::{CooperativeProfile, CooperativeProfileData};
use rusqlite::{Connection, OptionalExtension};

use super::{enum_from_text, enum_text};
use crate::Result;
use crate::journal::JournalEntry;

pub(crate) fn apply_set(conn: &Connection, entry: &JournalEntry, p: &CooperativeProfileData) -> Result<()> {
    conn.execute(
        "INSERT INTO cooperative_profile (singleton, name, legal_id, registration_number, registration_date, \
         kind, province, city, address, postal_code, phone, fiscal_year_start_month, fiscal_year_start_day, \
         updated_at, event_id) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
         ON CONFLICT (singleton) DO UPDATE SET name = excluded.name, legal_id = excluded.legal_id, \
         registration_number = excluded.registration_number, registration_date = excluded.registration_date, \
         kind = excluded.kind, province = excluded.province, city = excluded.city, address = excluded.address, \
         postal_code = excluded.postal_code, phone = excluded.phone, \
         fiscal_year_start_month = excluded.fiscal_year_start_month, \
         fiscal_year_start_day = excluded.fiscal_year_start_day, updated_at = excluded.updated_at, \
         event_id = excluded.event_id",
        rusqlite::params![
            p.name,
            p.legal_id,
            p.registration_number,
            p.registration_date.to_string(),
            enum_text(&p.kind)?,
            enum_text(&p.province)?,
            p.city,
            p.address,
            p.postal_code,
            p.phone,
            p.fiscal_year_start_month,
            p.fiscal_year_start_day,
            entry.wall_time,
            entry.id,
        ],
    )?;
    Ok(())
}

/// The recorded profile, if one was ever set.
pub(crate) fn read(conn: &Connection) -> Result<Option<CooperativeProfile>> {
    let row = conn
        .query_row(
            "SELECT name, legal_id, registration_number, registration_date, kind, province, city, address, \
             postal_code, phone, fiscal_year_start_month, fiscal_year_start_day, updated_at, event_id \
             FROM cooperative_profile WHERE singleton = 1",
            [],
            |r| {
                let date: String = r.get(3)?;
                let registration_date = date.parse().map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e))
                })?;
                Ok(CooperativeProfile {
                    data: CooperativeProfileData {
                        name: r.get(0)?,
                        legal_id: r.get(1)?,
                        registration_number: r.get(2)?,
                        registration_date,
                        kind: enum_from_text(r.get(4)?)?,
                        province: enum_from_text(r.get(5)?)?,
                        city: r.get(6)?,
                        address: r.get(7)?,
                        postal_code: r.get(8)?,
                        phone: r.get(9)?,
                        fiscal_year_start_month: r.get(10)?,
                        fiscal_year_start_day: r.get(11)?,
                    },
                    updated_at: r.get(12)?,
                    event_id: r.get(13)?,
                })
            },
        )
        .optional()?;
    Ok(row)
}
