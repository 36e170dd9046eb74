-- Fundwatch core schema. Runs on ClickHouse 18.16 (Debian) and current releases: no LowCardinality
-- (experimental in 18.16), no DateTime64, no TTL/CODEC, no ADD COLUMN IF NOT EXISTS.
-- ${database} is replaced by the configured database (FUNDWATCH_CLICKHOUSE_DATABASE, default fundwatch).
-- Every DateTime column is in Asia/Shanghai, the zone of the national messages.
-- ReplacingMergeTree(version) collapses replays of the same key (read with FINAL); it collapses only within a
-- partition, so every such table partitions by a time that is part of the row's identity.
-- Column names follow the national interface where the value comes from a message (psn_no, mdtrt_id, setl_id,
-- fixmedins_code, admdvs, med_type, feedetl_sn, med_list_codg, cnt, pric, det_item_fee_sumamt, ...).

CREATE DATABASE IF NOT EXISTS ${database};

-- One row per alert (a finding made durable). alert_id is deterministic (hash of rule, subject and evidence
-- keys), so a replay re-inserts the same id; the highest version wins.
CREATE TABLE IF NOT EXISTS ${database}.alerts (
    alert_id String,
    rule_id String,
    rule_name String,
    rule_class String,
    rule_version String,
    kb_version String,
    rules_version String,
    phase Enum8('pre' = 1, 'mid' = 2, 'post' = 3),
    severity String,
    psn_no String,
    mdtrt_id String,
    setl_id String,
    fixmedins_code String,
    admdvs String,
    doctor_code String,
    amount_at_risk Decimal(18, 2),
    basis String,
    evidence String,
    detected_at DateTime('Asia/Shanghai'),
    event_time DateTime('Asia/Shanghai'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(event_time)
ORDER BY alert_id;

-- The lines an alert is about (3101 judge_result_detail_dtos): vola_item_type 1 = offending item, 2 = involved.
CREATE TABLE IF NOT EXISTS ${database}.alert_details (
    alert_id String,
    line_no UInt32,
    vola_item_type String,
    mdtrt_id String,
    rx_id String,
    feedetl_sn String,
    med_list_codg String,
    hilist_name String,
    cnt Decimal(18, 4),
    pric Decimal(18, 6),
    det_item_fee_sumamt Decimal(18, 2),
    vola_amt Decimal(18, 2),
    event_time DateTime('Asia/Shanghai'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(event_time)
ORDER BY (alert_id, line_no);

-- Input that could not be parsed or validated, with where it came from and why it was rejected.
CREATE TABLE IF NOT EXISTS ${database}.dead_letters (
    source String,
    position String,
    reason String,
    payload String,
    received_at DateTime('Asia/Shanghai')
) ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (source, received_at);

-- Settled fee lines (2204/2301 feedetail after settlement), for dashboards and batch statistics.
-- list_type is the catalogue type (hilist_type dictionary: drug, item, consumable ...).
CREATE TABLE IF NOT EXISTS ${database}.fee_lines (
    feedetl_sn String,
    psn_no String,
    mdtrt_id String,
    setl_id String,
    fixmedins_code String,
    admdvs String,
    med_type String,
    med_list_codg String,
    medins_list_codg String,
    hilist_name String,
    list_type String,
    med_chrgitm_type String,
    chrgitm_lv String,
    cnt Decimal(18, 4),
    pric Decimal(18, 6),
    det_item_fee_sumamt Decimal(18, 2),
    bilg_dept_codg String,
    bilg_dr_codg String,
    fee_ocur_time DateTime('Asia/Shanghai'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(fee_ocur_time)
ORDER BY (fixmedins_code, mdtrt_id, feedetl_sn);

-- Settlements (2207 outpatient / 2304 inpatient setlinfo). drg_code is the DRG the platform settled with,
-- empty when not settled by DRG.
CREATE TABLE IF NOT EXISTS ${database}.settlements (
    setl_id String,
    psn_no String,
    mdtrt_id String,
    fixmedins_code String,
    admdvs String,
    insuplc_admdvs String,
    insutype String,
    psn_type String,
    med_type String,
    setl_time DateTime('Asia/Shanghai'),
    medfee_sumamt Decimal(18, 2),
    fulamt_ownpay_amt Decimal(18, 2),
    overlmt_selfpay Decimal(18, 2),
    preselfpay_amt Decimal(18, 2),
    inscp_scp_amt Decimal(18, 2),
    hifp_pay Decimal(18, 2),
    fund_pay_sumamt Decimal(18, 2),
    psn_part_amt Decimal(18, 2),
    acct_pay Decimal(18, 2),
    psn_cash_pay Decimal(18, 2),
    dscg_main_dise_codg String,
    drg_code String,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(setl_time)
ORDER BY (fixmedins_code, setl_id);

-- CHS-DRG grouping results per inpatient case (one row per mdtrt_id; a regrouping inserts a higher version).
-- reason is the grouper's explanation (path through MDC/ADRG rules, CC/MCC used, or why it is ungroupable).
CREATE TABLE IF NOT EXISTS ${database}.drg_groups (
    mdtrt_id String,
    setl_id String,
    psn_no String,
    fixmedins_code String,
    admdvs String,
    dscg_time DateTime('Asia/Shanghai'),
    mdc String,
    adrg String,
    drg String,
    reason String,
    grouper_version String,
    kb_version String,
    grouped_at DateTime('Asia/Shanghai'),
    version UInt64
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(dscg_time)
ORDER BY mdtrt_id;

-- The triage audit trail, append-only: one row per step (初审, 复审, 申诉, 调查核实, 违规处理) and decision.
CREATE TABLE IF NOT EXISTS ${database}.triage (
    alert_id String,
    step String,
    actor String,
    decision String,
    note String,
    recovered_amount Decimal(18, 2),
    at DateTime('Asia/Shanghai')
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (alert_id, at);
