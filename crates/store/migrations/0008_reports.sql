-- 0008: period reports to the national registry and the outbox that sends them.
-- `report` is a projection of `report.close` (verify rebuilds it); the outbox, its attempts and
-- the registry settings are the sync worker's own state, not ledger records.

CREATE TABLE report (
    report_id    TEXT PRIMARY KEY,
    period       TEXT NOT NULL,
    date_from    TEXT NOT NULL,
    date_to      TEXT NOT NULL,
    supersedes   TEXT REFERENCES report (report_id),
    summary_hash TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    document     TEXT NOT NULL,
    event_id     TEXT NOT NULL REFERENCES journal (id)
) STRICT;

CREATE INDEX report_by_period ON report (period);

-- One row per closed report, written in the same transaction as its `report.close` event.
CREATE TABLE outbox (
    report_id     TEXT PRIMARY KEY,          -- the report (no foreign key: verify rebuilds report)
    seq           INTEGER NOT NULL UNIQUE,   -- send order
    state         TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'parked')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt  TEXT NOT NULL,             -- RFC 3339 UTC: not before this
    last_error    TEXT,                      -- the last failure, for the screen
    receipt       TEXT,                      -- the registry's receipt (JSON), once sent
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- Every attempt to send, kept for the report's history on the sync screen.
CREATE TABLE outbox_attempt (
    report_id  TEXT NOT NULL,
    at         TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('sent', 'already', 'parked', 'retry', 'resent')),
    status     INTEGER,                      -- HTTP status, when there was one
    detail     TEXT NOT NULL
) STRICT;

CREATE INDEX outbox_attempt_by_report ON outbox_attempt (report_id, at);

-- The registry this cooperative is enrolled with (one row), and how to reach it.
CREATE TABLE registry_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    url           TEXT NOT NULL,
    legal_id      TEXT NOT NULL,
    public_key    TEXT NOT NULL,             -- ours; the secret half is in the data folder
    registry_key  TEXT NOT NULL,             -- theirs: receipts are checked against it
    enrolled_at   TEXT NOT NULL,
    pinned_cert   TEXT,                      -- optional PEM: then the only certificate trusted
    proxy         TEXT,                      -- optional proxy URL (else HTTPS_PROXY and friends)
    timeout_ms    INTEGER NOT NULL DEFAULT 15000
) STRICT;

