-- 0009: the member register keeps what period summaries count without reading the journal:
-- whether the member was admitted as an applicant, and the day the board admitted (activated)
-- them. Filled from the journal in one pass each (no per-member scans).
ALTER TABLE member ADD COLUMN admitted_as_applicant INTEGER NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN activated_on TEXT;

UPDATE member SET admitted_as_applicant = 1 WHERE membership_no IN (
    SELECT json_extract(payload, '$.membership_no') FROM journal
     WHERE kind = 'member.admit' AND json_extract(payload, '$.status') = 'applicant');

UPDATE member SET activated_on = a.date
  FROM (SELECT json_extract(payload, '$.membership_no') AS no, json_extract(payload, '$.date') AS date,
               MAX(seq) AS last
          FROM journal WHERE kind = 'member.activate' GROUP BY 1) AS a
 WHERE a.no = member.membership_no;
