-- 0001: the journal (hash-chained per device, append-only), devices, and the first projection.

CREATE TABLE device (
    id          TEXT PRIMARY KEY,          -- UUIDv7
    is_local    INTEGER NOT NULL CHECK (is_local IN (0, 1)),
    created_at  TEXT NOT NULL              -- RFC 3339 UTC
) STRICT;
-- Exactly one device is this installation.
CREATE UNIQUE INDEX device_one_local ON device (is_local) WHERE is_local = 1;
CREATE TRIGGER device_no_update BEFORE UPDATE ON device
BEGIN SELECT RAISE(ABORT, 'device rows are immutable'); END;
CREATE TRIGGER device_no_delete BEFORE DELETE ON device
BEGIN SELECT RAISE(ABORT, 'device rows are immutable'); END;

CREATE TABLE journal (
    seq              INTEGER PRIMARY KEY,  -- local arrival order
    id               TEXT NOT NULL UNIQUE, -- UUIDv7
    kind             TEXT NOT NULL,
    schema_version   INTEGER NOT NULL,
    payload          TEXT NOT NULL,        -- canonical JSON
    author           TEXT NOT NULL,
    device_id        TEXT NOT NULL REFERENCES device (id),
    device_seq       INTEGER NOT NULL CHECK (device_seq >= 1),
    wall_time        TEXT NOT NULL,        -- RFC 3339 UTC
    hlc              TEXT NOT NULL,        -- hybrid logical clock, sortable text
    profile_version  INTEGER,              -- statute-profile version the event was judged under
    prev_hash        TEXT NOT NULL,        -- hash of the previous event of the same device
    hash             TEXT NOT NULL,        -- sha256(prev_hash || canonical bytes), hex
    UNIQUE (device_id, device_seq)
) STRICT;
-- The merge order of several devices' journals.
CREATE INDEX journal_merge_order ON journal (hlc, device_id);

-- Legal records only grow: a mistake is fixed by a new, correcting event.
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE refused'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE refused'); END;

-- Projection: the cooperative's profile (one row), as set by the latest profile.set event.
CREATE TABLE cooperative_profile (
    singleton                INTEGER PRIMARY KEY CHECK (singleton = 1),
    name                     TEXT NOT NULL,
    legal_id                 TEXT NOT NULL,
    registration_number      TEXT NOT NULL,
    registration_date        TEXT NOT NULL,
    kind                     TEXT NOT NULL,
    province                 TEXT NOT NULL,
    city                     TEXT NOT NULL,
    address                  TEXT NOT NULL,
    postal_code              TEXT NOT NULL,
    phone                    TEXT NOT NULL,
    fiscal_year_start_month  INTEGER NOT NULL,
    fiscal_year_start_day    INTEGER NOT NULL,
    updated_at               TEXT NOT NULL,
    event_id                 TEXT NOT NULL REFERENCES journal (id)
) STRICT;
