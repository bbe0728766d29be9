-- 0006: seats in office that fell vacant, and the alternates called to them.

ALTER TABLE office_term ADD COLUMN vacated TEXT;        -- ISO day the seat fell vacant
ALTER TABLE office_term ADD COLUMN vacancy_reason TEXT;
ALTER TABLE office_term ADD COLUMN filled_by INTEGER;   -- the alternate called to the seat
ALTER TABLE office_term ADD COLUMN called TEXT;         -- for an alternate: the day called to a seat
