package org.fundwatch.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One injected case as written to {@code ground-truth.jsonl}. {@code ruleClass}/{@code gzCode} default
 * to the kind's but may be refined (e.g. 药品限生育保险 for a 生育-only drug). {@code evidence} holds the
 * facts that make the case a violation (restricted gender, limits, dates…), in insertion order.
 */
public final class AnomalyCase {
    final String caseId;
    final AnomalyKind kind;
    String ruleClass;
    String gzCode;
    String psnNo;
    final List<Encounter> encounters = new ArrayList<>();
    final List<FeeLine> lines = new ArrayList<>();
    String doctorCode;
    String institutionCode;
    long amountFen;
    String description;
    final Map<String, String> evidence = new LinkedHashMap<>();

    AnomalyCase(String caseId, AnomalyKind kind) {
        this.caseId = caseId;
        this.kind = kind;
        this.ruleClass = kind.ruleClass();
        this.gzCode = kind.gzCode();
    }

    public String caseId() {
        return caseId;
    }

    public AnomalyKind kind() {
        return kind;
    }
}
