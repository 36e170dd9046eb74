package org.fundwatch.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes {@code ground-truth.jsonl}: one labelled case per line. */
final class GroundTruthWriter {
    private GroundTruthWriter() {
    }

    static void write(List<AnomalyCase> cases, OutputStream target) throws IOException {
        try (OutputStream os = target;
             JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(null);
            for (AnomalyCase c : cases) {
                g.writeStartObject();
                g.writeStringField("case_id", c.caseId);
                g.writeStringField("kind", c.kind.label());
                g.writeStringField("rule_class", c.ruleClass);
                g.writeStringField("gz_code", c.gzCode);
                g.writeStringField("psn_no", c.psnNo);
                g.writeArrayFieldStart("mdtrt_ids");
                for (Encounter e : c.encounters) {
                    g.writeString(e.id);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("setl_ids");
                for (Encounter e : c.encounters) {
                    g.writeString(e.settlementId);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("line_ids");
                for (FeeLine l : c.lines) {
                    g.writeString(l.serial);
                }
                g.writeEndArray();
                g.writeStringField("doctor_code", c.doctorCode);
                g.writeStringField("fixmedins_code", c.institutionCode);
                g.writeFieldName("amount_yuan");
                g.writeNumber(Money.format(c.amountFen));
                g.writeStringField("description", c.description);
                g.writeObjectFieldStart("evidence");
                for (Map.Entry<String, String> e : c.evidence.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }
}
