-- 0002: the statute profile's versions, the member register, and the share ledger (projections).

CREATE TABLE statute_version (
    version         INTEGER PRIMARY KEY,
    effective_from  TEXT NOT NULL,          -- ISO date
    resolution      TEXT,
    statute_values  TEXT NOT NULL,          -- JSON of StatuteValues
    event_id        TEXT NOT NULL REFERENCES journal (id)
) STRICT;
CREATE INDEX statute_version_effective ON statute_version (effective_from);

CREATE TABLE member (
    membership_no   INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,          -- person | legal
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    national_code   TEXT,
    legal_id        TEXT,
    particulars     TEXT NOT NULL,          -- JSON of MemberData (the whole record)
    status          TEXT NOT NULL,          -- applicant | active | withdrawn | expelled | deceased
    joined          TEXT NOT NULL,
    exit_date       TEXT,
    exit_reason     TEXT,
    updated_at      TEXT NOT NULL,
    event_id        TEXT NOT NULL REFERENCES journal (id)
) STRICT;
-- Duplicates by national code / legal ID are refused by the rules; the index makes it certain.
CREATE UNIQUE INDEX member_national_code ON member (national_code) WHERE national_code IS NOT NULL;
CREATE UNIQUE INDEX member_legal_id ON member (legal_id) WHERE legal_id IS NOT NULL;
CREATE INDEX member_status ON member (status);

CREATE TABLE member_warning (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    membership_no   INTEGER NOT NULL REFERENCES member (membership_no),
    date            TEXT NOT NULL,
    note            TEXT NOT NULL
) STRICT;
CREATE INDEX member_warning_member ON member_warning (membership_no, date);

-- One row per share-ledger entry; its per-member changes are share_line rows.
CREATE TABLE share_entry (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    kind            TEXT NOT NULL,          -- subscribe | pay | transfer | refund | capitalise | reverse
    date            TEXT NOT NULL,
    resolution      TEXT,
    par_value       TEXT,
    due_date        TEXT,
    reverses        TEXT REFERENCES share_entry (event_id),
    reason          TEXT,
    reversed_by     TEXT REFERENCES share_entry (event_id)
) STRICT;
CREATE INDEX share_entry_date ON share_entry (date);

CREATE TABLE share_line (
    event_id        TEXT NOT NULL REFERENCES share_entry (event_id),
    line_no         INTEGER NOT NULL,
    membership_no   INTEGER NOT NULL REFERENCES member (membership_no),
    shares          INTEGER NOT NULL,
    subscribed      INTEGER NOT NULL,       -- rials
    paid            INTEGER NOT NULL,       -- rials
    counterparty    INTEGER,
    PRIMARY KEY (event_id, line_no)
) STRICT;
CREATE INDEX share_line_member ON share_line (membership_no);

-- Share certificates (ورقه سهم): one uncancelled certificate per holder, temporary until the
-- holding is fully paid; any change of shares (or becoming fully paid) cancels it and issues the
-- next serial. Derived from the share ledger, so verify rebuilds it like every projection.
CREATE TABLE share_certificate (
    serial           INTEGER PRIMARY KEY,
    membership_no    INTEGER NOT NULL REFERENCES member (membership_no),
    shares           INTEGER NOT NULL CHECK (shares > 0),
    subscribed       INTEGER NOT NULL,
    paid             INTEGER NOT NULL,
    kind             TEXT NOT NULL,         -- temporary | final
    issued_on        TEXT NOT NULL,
    issued_by        TEXT NOT NULL REFERENCES share_entry (event_id),
    cancelled_on     TEXT,
    cancelled_by     TEXT REFERENCES share_entry (event_id)
) STRICT;
CREATE UNIQUE INDEX share_certificate_current ON share_certificate (membership_no) WHERE cancelled_on IS NULL;
