-- feedback_rule_stats: the latest answer per jr_id is the one with the greatest (received_at, answer_seq).
-- DROP + CREATE is idempotent: a rerun after a failure drops and creates again.
DROP TABLE IF EXISTS ${database}.feedback_rule_stats;
CREATE VIEW IF NOT EXISTS ${database}.feedback_rule_stats AS
SELECT
    rule_id,
    any(rule_code) AS rule_code,
    count() AS answered,
    countIf(last_decision = 'continue') AS continued,
    countIf(last_decision = 'modify') AS modified
FROM (
    SELECT jr_id, any(rule_id) AS rule_id, any(rule_code) AS rule_code,
        argMax(decision, (received_at, answer_seq)) AS last_decision
    FROM ${database}.feedback
    GROUP BY jr_id
)
GROUP BY rule_id;
