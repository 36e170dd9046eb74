package org.fundwatch.stream.sink.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.Subject;

/** Test findings. */
final class Warnings {
    private Warnings() {
    }

    /** Finding number {@code seq} of {@code institution}; its id is deterministic over both. */
    static Finding finding(String institution, int seq) {
        Subject subject = new Subject("P" + seq, "MDTRT-" + institution + "-" + seq, List.of("L" + seq, "L" + (seq + 1)),
                "D001", institution);
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("seq", Integer.toString(seq));
        evidence.put("med_list_codg", "XG03AAA0001");
        evidence.put("gend", "1");
        return new Finding(Finding.idOf("GENDER-DRUG", subject, evidence), "GENDER-DRUG", "药品区分性别使用",
                "GZ10000301004000", "national", "1.1.0", "kb-1.0.0", Phase.POST, "明确违规", subject, evidence,
                Money.ofYuan("12.50"), "《医疗保障基金使用监督管理条例》");
    }

    static WarningPayload warning(String institution, int seq) {
        return WarningPayload.of(finding(institution, seq));
    }
}
