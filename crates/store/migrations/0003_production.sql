-- 0003: products, production entries with the members who did the work, workforce by month,
-- lab tests, sales and exports, and closed periods (projections). Quantities are stored in
-- thousandths of the product's unit (integers, so SUM is exact); money in integer rials;
-- hours in hundredths. `month` is the Jalali month as 140312, for grouping by month.

CREATE TABLE product (
    product         INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    unit            TEXT NOT NULL,
    category        TEXT,
    code            TEXT,
    retired         TEXT,                   -- ISO date, once retired
    updated_at      TEXT NOT NULL,
    event_id        TEXT NOT NULL REFERENCES journal (id)
) STRICT;
CREATE UNIQUE INDEX product_name ON product (name);

CREATE TABLE production_entry (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    date            TEXT NOT NULL,          -- the day the goods were made (for a reversal: the original's)
    month           INTEGER NOT NULL,
    product         INTEGER NOT NULL REFERENCES product (product),
    quantity_milli  INTEGER NOT NULL,       -- negative on a reversal row
    unit_value      INTEGER NOT NULL,
    value           INTEGER NOT NULL,       -- negative on a reversal row
    workshop        TEXT,
    shift           TEXT,
    recorded_on     TEXT NOT NULL,          -- the day it was entered or reversed
    reverses        TEXT REFERENCES production_entry (event_id),
    reason          TEXT,
    reversed_by     TEXT REFERENCES production_entry (event_id)
) STRICT;
CREATE INDEX production_entry_date ON production_entry (date, product);
CREATE INDEX production_entry_month ON production_entry (month, product);

CREATE TABLE production_worker (
    event_id        TEXT NOT NULL REFERENCES production_entry (event_id),
    membership_no   INTEGER NOT NULL REFERENCES member (membership_no),
    hours_centi     INTEGER NOT NULL,       -- negative on a reversal row
    PRIMARY KEY (event_id, membership_no)
) STRICT;
CREATE INDEX production_worker_member ON production_worker (membership_no);

CREATE TABLE workforce_month (
    month           INTEGER PRIMARY KEY,
    member_workers  INTEGER NOT NULL,
    employees       INTEGER NOT NULL,
    women           INTEGER NOT NULL,
    insured         INTEGER NOT NULL,
    event_id        TEXT NOT NULL REFERENCES journal (id)
) STRICT;

CREATE TABLE workforce_hours (
    month           INTEGER NOT NULL REFERENCES workforce_month (month),
    membership_no   INTEGER NOT NULL REFERENCES member (membership_no),
    hours_centi     INTEGER NOT NULL,
    PRIMARY KEY (month, membership_no)
) STRICT;

CREATE TABLE quality_test (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    date            TEXT NOT NULL,
    product         INTEGER NOT NULL REFERENCES product (product),
    batch           TEXT NOT NULL,
    test            TEXT NOT NULL,
    standard        TEXT,
    measured        TEXT,
    passed          INTEGER NOT NULL,       -- 0 | 1
    tester          TEXT NOT NULL
) STRICT;
CREATE INDEX quality_test_date ON quality_test (date, product);

CREATE TABLE sale (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    date            TEXT NOT NULL,
    month           INTEGER NOT NULL,
    product         INTEGER NOT NULL REFERENCES product (product),
    quantity_milli  INTEGER NOT NULL,
    value           INTEGER NOT NULL,
    destination     TEXT,                   -- NULL for a domestic sale
    currency        TEXT,
    foreign_amount  TEXT,
    import_substitution INTEGER NOT NULL    -- 0 | 1
) STRICT;
CREATE INDEX sale_date ON sale (date, product);

CREATE TABLE closed_period (
    event_id        TEXT PRIMARY KEY REFERENCES journal (id),
    through         TEXT NOT NULL,
    note            TEXT NOT NULL
) STRICT;
