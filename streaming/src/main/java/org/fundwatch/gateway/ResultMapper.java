package org.fundwatch.gateway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundwatch.message.analysis.ViolationDetail;
import org.fundwatch.message.analysis.ViolationResult;
import org.fundwatch.message.analysis.ViolationResultBuilder;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackSource;

/**
 * Findings → 3101/3102 {@code output.result[]} entries (field reference §1.7/§1.8), with
 * {@link ViolationResultBuilder}:
 * <ul>
 *   <li>{@code jr_id} = the finding's deterministic id (the same violation re-submitted gets the same id);</li>
 *   <li>{@code rule_id} = the official code (GZ…/ZB…) when the rule has one, else the pack's rule id;</li>
 *   <li>{@code vola_cont} = {@code 【severity】rule name：evidence key value；…} (≤ 500 characters);</li>
 *   <li>{@code sev_deg}: no public dictionary exists (§3.2), so a local one: {@value #DEFINITE} 明确违规,
 *       {@value #HIGHLY_SUSPECT} 高度可疑, {@value #SUSPECT} 可疑 (the text is in {@code vola_cont});</li>
 *   <li>{@code vola_bhvr_type}: likewise local, the tier-1 class of the 2025 catalogue: 1 政策类, 2 管理类, 3 医疗类;</li>
 *   <li>details: the first line of the finding is the offending item (违规项) carrying the amount, further lines are
 *       involved items (涉及项, amount 0).</li>
 * </ul>
 * Evidence values that identify another institution's data (its code, encounter, order ids, prescription numbers,
 * doctors — the {@code foreign} set) are replaced by {@value #OTHER_INSTITUTION}: an institution learns that the patient
 * has an overlapping prescription elsewhere, never where or under which ids.
 */
public final class ResultMapper {
    /** sev_deg of 明确违规. */
    public static final String DEFINITE = "1";
    /** sev_deg of 高度可疑. */
    public static final String HIGHLY_SUSPECT = "2";
    /** sev_deg of 可疑. */
    public static final String SUSPECT = "3";
    /** The replacement of another institution's identifiers. */
    public static final String OTHER_INSTITUTION = "其他定点机构";

    private ResultMapper() {
    }

    /** The results for {@code findings} of one request. */
    public static List<ViolationResult> map(List<Finding> findings, RulePackSource pack, String taskId, Set<String> foreign) {
        List<ViolationResult> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            RuleMetadata meta = pack.rules().stream().filter(r -> r.id().equals(f.ruleId())).findFirst().orElse(null);
            ViolationResultBuilder b = ViolationResult.builder()
                    .resultId(f.id())
                    .ruleId(f.officialCode() != null ? f.officialCode() : f.ruleId())
                    .ruleName(f.ruleName())
                    .content(content(f, foreign))
                    .patientId(f.subject().patientId())
                    .encounterId(f.subject().encounterId())
                    .amount(f.amountAtRisk().toYuan())
                    .severity(severityCode(f.severity()))
                    .basis(truncate(f.basis(), 500))
                    .behaviourType(meta == null ? null : behaviourCode(meta.tier1()))
                    .taskId(taskId);
            List<String> lines = f.subject().lineIds();
            for (int i = 0; i < lines.size(); i++) {
                b.detail(lines.get(i), i == 0 ? ViolationDetail.OFFENDING : ViolationDetail.INVOLVED,
                        i == 0 ? f.amountAtRisk().toYuan() : BigDecimal.ZERO);
            }
            out.add(b.build());
        }
        return out;
    }

    static String content(Finding f, Set<String> foreign) {
        StringBuilder s = new StringBuilder(128);
        if (f.severity() != null) {
            s.append('【').append(f.severity()).append('】');
        }
        s.append(f.ruleName());
        String sep = "：";
        for (Map.Entry<String, String> e : f.evidence().entrySet()) {
            String value = e.getValue() != null && foreign.contains(e.getValue()) ? OTHER_INSTITUTION : e.getValue();
            s.append(sep).append(e.getKey()).append(' ').append(value);
            sep = "；";
        }
        return truncate(s.toString(), 500);
    }

    static String severityCode(String severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity) {
            case "明确违规" -> DEFINITE;
            case "高度可疑" -> HIGHLY_SUSPECT;
            case "可疑" -> SUSPECT;
            default -> null;
        };
    }

    static String behaviourCode(String tier1) {
        if (tier1 == null) {
            return null;
        }
        return switch (tier1) {
            case "政策类" -> "1";
            case "管理类" -> "2";
            case "医疗类" -> "3";
            default -> null;
        };
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
