package org.fundwatch.stream.lake;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Institution;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Settlement;

/** Model objects for lake tests. */
final class LakeFixtures {
    static final Institution HOSPITAL = new Institution("H11010500123", "某市第一人民医院", "110105", "11", "A");

    private LakeFixtures() {
    }

    static FeeLine line(String id, String itemCode, String quantity, String price, String amount, LocalDateTime time) {
        return new FeeLine(id, "RX-" + id, itemCode, "HIS-" + itemCode, ListType.ofItemCode(itemCode), "09", "头孢呋辛酯片",
                "0.25g×12片/盒", "盒", new BigDecimal(quantity), new BigDecimal(price), Money.ofYuan(amount), time, null,
                "D0012", "张医生", "0301", "心内科", null, true, false, false, null);
    }

    static Encounter encounter(String id, String patient, List<FeeLine> lines) {
        return new Encounter(id, patient, HOSPITAL, CareSetting.INPATIENT, "21", "310",
                LocalDateTime.of(2026, 3, 1, 8, 0), LocalDateTime.of(2026, 3, 2, 10, 0), null, null, null, null, "D0012",
                "I10.x00", "高血压", List.of(), List.of(), lines, null);
    }

    static Settlement settlement(String id, Encounter e, LocalDateTime time, String total) {
        return new Settlement(id, e.id(), e.patientId(), time, null, null, "21", Money.ofYuan(total),
                Money.ofYuan("10.00"), Money.ZERO, Money.ofYuan("3.30"), Money.ofYuan("1209.88"), Money.ofYuan("800.00"),
                Money.ofYuan("345.67"), new BigDecimal("0.85"), null, null, null, null, null, null, null, null,
                Money.ofYuan("345.67"), Money.ofYuan("877.54"), Money.ofYuan("100.00"), Money.ofYuan("777.54"), null,
                Money.ofYuan("5000.01"), List.of());
    }
}
