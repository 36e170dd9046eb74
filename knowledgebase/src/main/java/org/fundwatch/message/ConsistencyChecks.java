package org.fundwatch.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fundwatch.codes.CodeCatalog;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.analysis.AnalysisData;
import org.fundwatch.message.analysis.AnalysisEncounter;
import org.fundwatch.message.analysis.AnalysisOrder;
import org.fundwatch.message.analysis.AnalysisPatient;
import org.fundwatch.message.analysis.FeedbackInput;
import org.fundwatch.message.fee.FeeDetail;

/**
 * Checks that span several fields of one object. A value that does not parse is skipped here
 * (the field check has already reported it).
 *
 * <ul>
 *   <li>3101/3102 data: {@code trig_scen} or a non-empty {@code rule_ids} (error);</li>
 *   <li>orders and fee lines: {@code cnt × pric} equals the line total within 0.01 (warning: the
 *       line is still analysed, and an inflated total is itself a finding for the rules); the
 *       catalogue code matches the list type ({@code hilist_type} 101 → drug, 201 → service item,
 *       301 → consumable; fee lines: by the code's leading character) (warning);</li>
 *   <li>encounters: discharge not before admission (error: the times decide day counts);</li>
 *   <li>patients: {@code curr_mdtrt_id} names one of the encounters (warning);</li>
 *   <li>3103: a reason when the doctor continues with the order (warning).</li>
 * </ul>
 */
final class ConsistencyChecks {
    /** Largest tolerated difference between {@code cnt × pric} and the line total. */
    static final BigDecimal AMOUNT_TOLERANCE = new BigDecimal("0.01");

    private ConsistencyChecks() {
    }

    static void check(Class<?> type, JsonNode node, JsonPath path, Map<CodeFormat, CodeCatalog> catalogs,
            MessageValidator.Findings out) {
        if (type == AnalysisData.class) {
            JsonNode ruleIds = node.get("rule_ids");
            boolean noRuleIds = ruleIds == null || ruleIds.isNull() || ruleIds.isEmpty()
                    || ruleIds.isTextual() && ruleIds.asText().isBlank();
            if (text(node, "trig_scen").isEmpty() && noRuleIds) {
                out.error(path.field("trig_scen"), "missing trig_scen (required when rule_ids is empty)");
            }
        } else if (type == AnalysisOrder.class) {
            amounts(node, path, "cnt", "pric", "sumamt", out);
            text(node, "hilist_code").ifPresent(code -> {
                CodeFormat format = switch (text(node, "hilist_type").orElse("")) {
                    case "101" -> CodeFormat.DRUG;
                    case "201" -> CodeFormat.SERVICE_ITEM;
                    case "301" -> CodeFormat.CONSUMABLE;
                    default -> null; // 102 TCM pieces, 103 in-house preparations…: no confirmed national format
                };
                if (format != null) {
                    MessageValidator.checkFormat(format, code, path.field("hilist_code"), catalogs, out);
                }
            });
        } else if (type == FeeDetail.class) {
            amounts(node, path, "cnt", "pric", "det_item_fee_sumamt", out);
            text(node, "med_list_codg").ifPresent(code -> {
                CodeFormat format = switch (code.charAt(0)) {
                    case 'X', 'Z' -> CodeFormat.DRUG;
                    case 'C' -> CodeFormat.CONSUMABLE;
                    case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> CodeFormat.SERVICE_ITEM;
                    default -> null;
                };
                if (format != null) {
                    MessageValidator.checkFormat(format, code, path.field("med_list_codg"), catalogs, out);
                }
            });
        } else if (type == AnalysisEncounter.class) {
            Optional<LocalDateTime> admission = value(node, "adm_date", NationalValues::parseDateTime);
            Optional<LocalDateTime> discharge = value(node, "dscg_date", NationalValues::parseDateTime);
            if (admission.isPresent() && discharge.isPresent() && discharge.get().isBefore(admission.get())) {
                out.error(path.field("dscg_date"), "discharge " + NationalValues.DATE_TIME.format(discharge.get())
                        + " is before admission " + NationalValues.DATE_TIME.format(admission.get()));
            }
        } else if (type == AnalysisPatient.class) {
            Optional<String> current = text(node, "curr_mdtrt_id");
            JsonNode encounters = node.has("fsi_encounter_dtos") ? node.get("fsi_encounter_dtos") : node.get("encounter_dtos");
            if (current.isPresent() && encounters != null && encounters.isArray()) {
                boolean found = false;
                for (JsonNode e : encounters) {
                    found |= current.equals(text(e, "mdtrt_id"));
                }
                if (!found) {
                    out.warning(path.field("curr_mdtrt_id"), "current encounter \"" + current.get() + "\" is not among the encounters");
                }
            }
        } else if (type == FeedbackInput.Warning.class) {
            if (text(node, "dspo_way").filter(FeedbackInput.Warning.CONTINUE::equals).isPresent()
                    && text(node, "dspo_way_rea").isEmpty()) {
                out.warning(path.field("dspo_way_rea"), "missing reason (required when dspo_way = 1, continue with the order)");
            }
        }
    }

    private static void amounts(JsonNode node, JsonPath path, String qty, String price, String total, MessageValidator.Findings out) {
        Optional<BigDecimal> q = value(node, qty, NationalValues::parseDecimal);
        Optional<BigDecimal> p = value(node, price, NationalValues::parseDecimal);
        Optional<BigDecimal> t = value(node, total, NationalValues::parseDecimal);
        if (q.isEmpty() || p.isEmpty() || t.isEmpty()) {
            return;
        }
        BigDecimal expected = q.get().multiply(p.get());
        BigDecimal difference = expected.subtract(t.get()).abs();
        if (difference.compareTo(AMOUNT_TOLERANCE) > 0) {
            out.warning(path.field(total), total + " " + t.get().toPlainString() + " ≠ " + qty + " × " + price + " = "
                    + q.get().toPlainString() + " × " + p.get().toPlainString() + " = " + expected.stripTrailingZeros().toPlainString()
                    + " (difference " + difference.stripTrailingZeros().toPlainString() + " exceeds 0.01)");
        }
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return Optional.empty();
        }
        String t = v.asText().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    private static <T> Optional<T> value(JsonNode node, String name, Function<String, Optional<T>> parser) {
        return text(node, name).flatMap(parser);
    }
}
