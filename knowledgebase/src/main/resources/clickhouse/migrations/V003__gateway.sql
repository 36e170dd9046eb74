-- Gateway schema (3101/3102 warnings, 3103 feedback) and the patient history the gateway reads.
-- ClickHouse 18.16-compatible, every statement idempotent (see README.md in this folder).

-- Recent encounters per insured person, read by the gateway for 3101/3102 (point reads by psn_no) and written by the
-- gateway (encounters it analysed, source 'gateway') and the stream job (settled encounters, source 'stream').
-- encounter is the internal org.fundwatch.model.Encounter as JSON (org.fundwatch.history.EncounterJson).
-- The latest version of (psn_no, mdtrt_id) wins; adm_time is part of the encounter's identity, so all its versions
-- share a partition and collapse there.
CREATE TABLE IF NOT EXISTS ${database}.patient_history (
    psn_no String,
    mdtrt_id String,
    fixmedins_code String,
    adm_time DateTime('Asia/Shanghai'),
    source String,
    encounter String,
    recorded_at DateTime('Asia/Shanghai'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(adm_time)
ORDER BY (psn_no, mdtrt_id)
SETTINGS index_granularity = 1024;

-- Every warning the gateway returned in a 3101/3102 response (output.result[]), append-only: a warning shown twice
-- has two rows. jr_id is the finding's deterministic id; 3103 feedback is accepted only for a jr_id issued to the
-- same institution. rule_id is the pack rule id, rule_code the official code (GZ…/ZB…) returned as rule_id when set.
CREATE TABLE IF NOT EXISTS ${database}.gateway_warnings (
    jr_id String,
    fixmedins_code String,
    infno String,
    msgid String,
    task_id String,
    rule_id String,
    rule_code String,
    rule_name String,
    severity String,
    psn_no String,
    mdtrt_id String,
    rx_ids Array(String),
    vola_amt Decimal(18, 2),
    rules_version String,
    kb_version String,
    issued_at DateTime('Asia/Shanghai')
) ENGINE = MergeTree
PARTITION BY toYYYYMM(issued_at)
ORDER BY (jr_id, issued_at);

-- 3103 feedback: one row per handled warning as the doctor decided it (dspo_way 1 = continue with the order,
-- 2 = go back and modify). Append-only; a later answer for the same jr_id supersedes an earlier one in the view below.
CREATE TABLE IF NOT EXISTS ${database}.feedback (
    jr_id String,
    warn_type String,
    decision Enum8('continue' = 1, 'modify' = 2),
    reason String,
    fixmedins_code String,
    rule_id String,
    rule_code String,
    psn_no String,
    mdtrt_id String,
    doctor String,
    msgid String,
    received_at DateTime('Asia/Shanghai')
) ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (rule_id, jr_id, received_at);

-- Per-rule doctor feedback: warnings answered, continued (overridden) and modified, the latest answer per jr_id.
-- A high continued share marks a rule that doctors often judge wrong (precision input for rule owners and triage).
CREATE VIEW IF NOT EXISTS ${database}.feedback_rule_stats AS
SELECT
    rule_id,
    any(rule_code) AS rule_code,
    count() AS answered,
    countIf(last_decision = 'continue') AS continued,
    countIf(last_decision = 'modify') AS modified
FROM (
    SELECT jr_id, any(rule_id) AS rule_id, any(rule_code) AS rule_code, argMax(decision, received_at) AS last_decision
    FROM ${database}.feedback
    GROUP BY jr_id
)
GROUP BY rule_id;
