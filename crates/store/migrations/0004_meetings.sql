-- 0004: general assemblies and board meetings (projections): the meeting and its stage, notices,
-- proxies, attendance, resolutions, elections and the terms of office they start. Also the
-- statute's list of meeting checks that only warn.

ALTER TABLE statute_version ADD COLUMN rule_warnings TEXT;   -- JSON array of error codes, or NULL

CREATE TABLE meeting (
    meeting         INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,          -- ordinary | extraordinary | board
    call            INTEGER NOT NULL,       -- 1 | 2 | 3
    previous        INTEGER REFERENCES meeting (meeting),
    annual          INTEGER NOT NULL,       -- the annual ordinary assembly
    elections       INTEGER NOT NULL,
    date            TEXT NOT NULL,          -- ISO day of the meeting
    hour            TEXT NOT NULL,          -- HH:MM
    place           TEXT NOT NULL,
    proxy_check     TEXT,                   -- when and where proxies are validated
    candidacy_until TEXT,                   -- ISO day, for elections
    agenda          TEXT NOT NULL,          -- JSON array of items
    stage           TEXT NOT NULL,          -- draft | convened | noticed | held | minuted | notified | closed | cancelled | failed
    convened_by     TEXT,
    requested       TEXT,
    convened_on     TEXT,
    held_on         TEXT,
    minutes         TEXT,                   -- JSON of the minutes' particulars
    notified_on     TEXT,
    closed_on       TEXT,
    outcome_note    TEXT,                   -- why cancelled, or that quorum failed
    warnings        TEXT NOT NULL DEFAULT '[]', -- JSON of the checks the statute let through as warnings
    event_id        TEXT NOT NULL REFERENCES journal (id)
) STRICT;
CREATE INDEX meeting_date ON meeting (date);

CREATE TABLE meeting_notice (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    meeting         INTEGER NOT NULL REFERENCES meeting (meeting),
    published       TEXT NOT NULL,
    channel         TEXT NOT NULL,          -- newspaper | written | posting
    reference       TEXT                    -- newspaper and issue, receipt, where posted
) STRICT;
CREATE INDEX meeting_notice_meeting ON meeting_notice (meeting);

CREATE TABLE meeting_proxy (
    meeting         INTEGER NOT NULL REFERENCES meeting (meeting),
    principal       INTEGER NOT NULL REFERENCES member (membership_no),
    holder_member   INTEGER REFERENCES member (membership_no),
    holder_name     TEXT,
    validated_by    TEXT NOT NULL,
    validated_on    TEXT NOT NULL,
    validated_at    TEXT NOT NULL,          -- where
    event_id        TEXT NOT NULL REFERENCES journal (id),
    PRIMARY KEY (meeting, principal)
) STRICT;

CREATE TABLE meeting_attendance (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    meeting         INTEGER NOT NULL REFERENCES meeting (meeting),
    membership_no   INTEGER REFERENCES member (membership_no),
    holder_name     TEXT                    -- a non-member proxy holder
) STRICT;
CREATE UNIQUE INDEX meeting_attendance_member ON meeting_attendance (meeting, membership_no)
    WHERE membership_no IS NOT NULL;
CREATE UNIQUE INDEX meeting_attendance_holder ON meeting_attendance (meeting, holder_name)
    WHERE holder_name IS NOT NULL;

CREATE TABLE meeting_resolution (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    meeting         INTEGER NOT NULL REFERENCES meeting (meeting),
    number          INTEGER NOT NULL,
    text            TEXT NOT NULL,
    yes             INTEGER NOT NULL,
    no              INTEGER NOT NULL,
    abstain         INTEGER NOT NULL,
    votes_present   INTEGER NOT NULL,
    required        INTEGER NOT NULL,
    passed          INTEGER NOT NULL,
    UNIQUE (meeting, number)
) STRICT;

CREATE TABLE election (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    meeting         INTEGER NOT NULL REFERENCES meeting (meeting),
    body            TEXT NOT NULL,          -- board | inspectors
    seats           INTEGER NOT NULL,
    alternates      INTEGER NOT NULL,
    ballots         INTEGER NOT NULL,
    result          TEXT NOT NULL           -- JSON of the ElectionResult
) STRICT;

CREATE TABLE election_candidate (
    event_id        TEXT NOT NULL REFERENCES election (event_id),
    membership_no   INTEGER NOT NULL REFERENCES member (membership_no),
    votes           INTEGER NOT NULL,
    PRIMARY KEY (event_id, membership_no)
) STRICT;

CREATE TABLE office_term (
    event_id        TEXT NOT NULL REFERENCES election (event_id),
    body            TEXT NOT NULL,          -- board | inspectors
    membership_no   INTEGER NOT NULL REFERENCES member (membership_no),
    role            TEXT NOT NULL,          -- principal | alternate
    rank            INTEGER NOT NULL,
    start           TEXT NOT NULL,
    end             TEXT NOT NULL,
    PRIMARY KEY (event_id, membership_no)
) STRICT;
CREATE INDEX office_term_body ON office_term (body, end);
