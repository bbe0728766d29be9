-- The reference registry's storage: its own key, enrolment codes, cooperatives and reports.

-- The registry's signing key: one row, generated on first open and never replaced.
CREATE TABLE registry_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seed_hex TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- One-time enrolment codes; only a hash of the code is kept.
CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    legal_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    used_at TEXT
) STRICT;

-- Each cooperative's current key.
CREATE TABLE cooperatives (
    legal_id TEXT PRIMARY KEY,
    public_key TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL
) STRICT;

-- Every enrolment ever made, so a replaced key stays on record.
CREATE TABLE enrolments (
    id INTEGER PRIMARY KEY,
    legal_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    code_hash TEXT NOT NULL REFERENCES enrolment_codes (code_hash),
    enrolled_at TEXT NOT NULL
) STRICT;

-- Received reports, their bytes kept verbatim with the key and signature they came with.
CREATE TABLE reports (
    seq INTEGER PRIMARY KEY,
    registry_id TEXT NOT NULL UNIQUE,
    report_id TEXT NOT NULL UNIQUE,
    legal_id TEXT NOT NULL,
    period TEXT NOT NULL,
    body BLOB NOT NULL,
    content_hash TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    received_at TEXT NOT NULL,
    supersedes TEXT REFERENCES reports (report_id),
    superseded_by TEXT REFERENCES reports (report_id),
    receipt TEXT NOT NULL
) STRICT;

CREATE INDEX reports_by_period ON reports (legal_id, period);

-- Reports only grow: the one change ever made is marking a report superseded, once.
CREATE TRIGGER reports_are_not_rewritten BEFORE UPDATE ON reports
WHEN OLD.superseded_by IS NOT NULL
    OR NEW.superseded_by IS NULL
    OR NEW.seq IS NOT OLD.seq
    OR NEW.registry_id IS NOT OLD.registry_id
    OR NEW.report_id IS NOT OLD.report_id
    OR NEW.legal_id IS NOT OLD.legal_id
    OR NEW.period IS NOT OLD.period
    OR NEW.body IS NOT OLD.body
    OR NEW.content_hash IS NOT OLD.content_hash
    OR NEW.public_key IS NOT OLD.public_key
    OR NEW.signature IS NOT OLD.signature
    OR NEW.received_at IS NOT OLD.received_at
    OR NEW.supersedes IS NOT OLD.supersedes
    OR NEW.receipt IS NOT OLD.receipt
BEGIN
    SELECT RAISE(ABORT, 'reports are never rewritten');
END;

CREATE TRIGGER reports_are_not_deleted BEFORE DELETE ON reports
BEGIN
    SELECT RAISE(ABORT, 'reports are never deleted');
END;
