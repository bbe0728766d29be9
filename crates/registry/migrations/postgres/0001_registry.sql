-- The reference registry's storage on PostgreSQL: the same tables as on SQLite
-- (migrations/sqlite/0001_registry.sql), the same columns and the same rule that a stored
-- report only ever gains its superseded_by, once. Times are kept as the protocol's strings
-- (RFC 3339, UTC, whole seconds), exactly as they appear in the receipts.

-- The registry's signing key: one row, generated on first open and never replaced.
CREATE TABLE registry_key (
    id integer PRIMARY KEY CHECK (id = 1),
    seed_hex text NOT NULL,
    public_key text NOT NULL,
    created_at text NOT NULL
);

-- One-time enrolment codes; only a hash of the code is kept.
CREATE TABLE enrolment_codes (
    code_hash text PRIMARY KEY,
    legal_id text NOT NULL,
    issued_at text NOT NULL,
    used_at text
);

-- Each cooperative's current key.
CREATE TABLE cooperatives (
    legal_id text PRIMARY KEY,
    public_key text NOT NULL UNIQUE,
    enrolled_at text NOT NULL
);

-- Every enrolment ever made, so a replaced key stays on record.
CREATE TABLE enrolments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_id text NOT NULL,
    public_key text NOT NULL,
    code_hash text NOT NULL REFERENCES enrolment_codes (code_hash),
    enrolled_at text NOT NULL
);

-- Received reports, their bytes kept verbatim with the key and signature they came with.
CREATE TABLE reports (
    seq bigint PRIMARY KEY,
    registry_id text NOT NULL UNIQUE,
    report_id text NOT NULL UNIQUE,
    legal_id text NOT NULL,
    period text NOT NULL,
    body bytea NOT NULL,
    content_hash text NOT NULL,
    public_key text NOT NULL,
    signature text NOT NULL,
    received_at text NOT NULL,
    supersedes text REFERENCES reports (report_id),
    superseded_by text REFERENCES reports (report_id),
    receipt text NOT NULL
);

CREATE INDEX reports_by_period ON reports (legal_id, period);

-- Reports only grow: the one change ever made is marking a report superseded, once.
CREATE FUNCTION reports_only_grow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'reports are never deleted';
    END IF;
    IF OLD.superseded_by IS NOT NULL
        OR NEW.superseded_by IS NULL
        OR (NEW.seq, NEW.registry_id, NEW.report_id, NEW.legal_id, NEW.period, NEW.body,
            NEW.content_hash, NEW.public_key, NEW.signature, NEW.received_at, NEW.supersedes,
            NEW.receipt)
           IS DISTINCT FROM
           (OLD.seq, OLD.registry_id, OLD.report_id, OLD.legal_id, OLD.period, OLD.body,
            OLD.content_hash, OLD.public_key, OLD.signature, OLD.received_at, OLD.supersedes,
            OLD.receipt)
    THEN
        RAISE EXCEPTION 'reports are never rewritten';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER reports_are_not_rewritten BEFORE UPDATE ON reports
FOR EACH ROW EXECUTE FUNCTION reports_only_grow();

CREATE TRIGGER reports_are_not_deleted BEFORE DELETE ON reports
FOR EACH ROW EXECUTE FUNCTION reports_only_grow();

CREATE TRIGGER reports_are_not_truncated BEFORE TRUNCATE ON reports
FOR EACH STATEMENT EXECUTE FUNCTION reports_only_grow();
