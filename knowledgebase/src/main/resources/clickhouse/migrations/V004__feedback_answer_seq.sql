-- 3103 answers to the same warning within one second tied in the view's argMax (received_at has second resolution),
-- so "the latest answer counts" could pick the earlier one. answer_seq orders answers within a second: the gateway
-- writes a per-process strictly increasing number based on the microsecond clock. Rows written before this column
-- existed read 0 and are ordered by received_at alone, as before.
-- ADD COLUMN cannot say IF NOT EXISTS on 18.16: this file holds this one statement only (see README.md).
ALTER TABLE ${database}.feedback ADD COLUMN answer_seq UInt64 DEFAULT 0;
