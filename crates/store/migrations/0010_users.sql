-- 0010: local accounts on a shared laptop, the idle-lock setting, and the inspector's notes.
-- `app_user` and `access_settings` are the device's own state, NOT ledger records: a password hash
-- is never in the journal, a sync summary or a report. No row in `app_user` = single-user mode.
-- `inspector_note` is a projection of `inspector.note` (verify rebuilds it).

CREATE TABLE app_user (
    username      TEXT PRIMARY KEY,          -- what is typed at login; the journal's author
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('board', 'clerk', 'inspector')),
    password_hash TEXT NOT NULL,             -- argon2id PHC string
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,             -- RFC 3339 UTC
    created_by    TEXT                       -- username of the board member who added it; NULL for the first
) STRICT;

-- One row: minutes of no keyboard or mouse activity before the app locks (0 = never).
CREATE TABLE access_settings (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    idle_lock_minutes INTEGER NOT NULL DEFAULT 10 CHECK (idle_lock_minutes BETWEEN 0 AND 240)
) STRICT;
INSERT INTO access_settings (id, idle_lock_minutes) VALUES (1, 10);

CREATE TABLE inspector_note (
    event_id  TEXT PRIMARY KEY REFERENCES journal (id),
    date      TEXT NOT NULL,                 -- ISO day
    subject   TEXT NOT NULL CHECK (subject IN ('general', 'member', 'meeting')),
    member    INTEGER,                       -- membership number, when about a member
    meeting   INTEGER,                       -- meeting number, when about a meeting
    text      TEXT NOT NULL,
    author    TEXT NOT NULL
) STRICT;
CREATE INDEX inspector_note_by_date ON inspector_note (date);
CREATE INDEX inspector_note_by_member ON inspector_note (member) WHERE member IS NOT NULL;
CREATE INDEX inspector_note_by_meeting ON inspector_note (meeting) WHERE meeting IS NOT NULL;
