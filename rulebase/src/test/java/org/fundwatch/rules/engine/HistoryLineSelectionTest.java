package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.fact.HistoryLineFact;
import org.junit.jupiter.api.Test;

/**
 * History lines become facts only when they share an item code or an ATC subgroup with a current line (the keys the
 * rules join them on); the others are left out of the session.
 */
class HistoryLineSelectionTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 14, 9, 0);

    @Test
    void onlyHistoryLinesSharingACodeOrAtcSubgroupWithTheCurrentEncounterAreFacts() {
        FactBuilder builder = new FactBuilder(TestKb.kb(), KnowledgeIndex.of(TestKb.kb()));
        // Current: a metformin tablet (ATC A10). History: the same code, another A10 drug, a C09 drug, a service item.
        Encounter current = encounter("E1", NOW, line("L1", "XA10BAA001A001010100001"));
        Encounter earlier = encounter("E0", NOW.minusDays(5), line("H1", "XA10BAA001A001010100001"),
                line("H2", "XA10BBB012A001010100002"), line("H3", "XC09CAC048A001010100003"), line("H4", "001201000010000"));
        EncounterContext ctx = new EncounterContext(new Patient("P1", null, Gender.MALE, NOW.toLocalDate().minusYears(60), "310", null),
                List.of(earlier, current), "E1", Phase.PRE, "2", null, List.of());
        List<String> inserted = builder.build(ctx).all().stream().filter(f -> f instanceof HistoryLineFact)
                .map(f -> ((HistoryLineFact) f).getLineId()).sorted().toList();
        assertEquals(List.of("H1", "H2"), inserted);
    }

    private static Encounter encounter(String id, LocalDateTime time, FeeLine... lines) {
        return new Encounter(id, "P1", null, CareSetting.OUTPATIENT, "11", "310", time, null, null, null, null, null, "D1",
                null, null, List.of(), List.of(), List.of(lines), null);
    }

    private static FeeLine line(String id, String code) {
        ListType type = ListType.ofItemCode(code);
        return new FeeLine(id, "RX" + id, code, "H", type, null, null, null, null, BigDecimal.ONE, BigDecimal.TEN,
                Money.ofYuan(BigDecimal.TEN), NOW, type.isMedicine() ? NOW.plusDays(7) : null, "D1", null, null, null, null,
                true, false, false, null);
    }
}
