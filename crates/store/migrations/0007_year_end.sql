-- 0007: closed fiscal years and their approved distributions (projections of year.close and
-- year.approve). Amounts are integer rials; the payloads stay in the journal.

CREATE TABLE fiscal_year (
    year                          INTEGER PRIMARY KEY,  -- the Jalali year it starts in
    date_from                     TEXT NOT NULL,
    date_to                       TEXT NOT NULL,
    net_result                    INTEGER NOT NULL,
    legal_reserve_opening         INTEGER NOT NULL,
    precautionary_reserve_opening INTEGER NOT NULL,
    average_capital               INTEGER NOT NULL,
    shares                        INTEGER NOT NULL,     -- the capital checkpoint on date_to
    subscribed                    INTEGER NOT NULL,
    paid                          INTEGER NOT NULL,
    note                          TEXT NOT NULL,
    event_id                      TEXT NOT NULL REFERENCES journal (id),
    approved_event                TEXT REFERENCES journal (id),
    meeting                       INTEGER REFERENCES meeting (meeting),
    resolution                    INTEGER,
    approved_on                   TEXT,
    legal_reserve_closing         INTEGER,
    precautionary_reserve_closing INTEGER
) STRICT;

CREATE TABLE distribution_line (
    year             INTEGER NOT NULL REFERENCES fiscal_year (year),
    membership_no    INTEGER NOT NULL REFERENCES member (membership_no),
    return_on_shares INTEGER NOT NULL,
    surplus_by_work  INTEGER NOT NULL,
    total            INTEGER NOT NULL,
    new_shares       INTEGER NOT NULL,
    capitalised      INTEGER NOT NULL,
    payable          INTEGER NOT NULL,
    PRIMARY KEY (year, membership_no)
) STRICT;

CREATE TABLE distribution_part (
    year   INTEGER NOT NULL REFERENCES fiscal_year (year),
    kind   TEXT NOT NULL,
    amount INTEGER NOT NULL,
    PRIMARY KEY (year, kind)
) STRICT;
