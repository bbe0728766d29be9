-- 0005: production per day and product, kept by the same events as production_entry, so period
-- summaries and monthly series sum a few hundred rows instead of every entry. Filled from the
-- entries already recorded.

CREATE TABLE production_daily (
    date            TEXT NOT NULL,
    product         INTEGER NOT NULL,
    month           INTEGER NOT NULL,       -- Jalali month, 140312
    quantity_milli  INTEGER NOT NULL,
    value           INTEGER NOT NULL,
    entries         INTEGER NOT NULL,       -- entries recorded that day (reversals not counted)
    PRIMARY KEY (date, product)
) STRICT, WITHOUT ROWID;

INSERT INTO production_daily (date, product, month, quantity_milli, value, entries)
SELECT date, product, month, SUM(quantity_milli), SUM(value), SUM(reverses IS NULL)
  FROM production_entry GROUP BY date, product;
