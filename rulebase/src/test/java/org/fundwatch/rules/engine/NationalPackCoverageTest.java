package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.fundwatch.rules.engine.fact.RuleParams;
import org.fundwatch.rules.pack.Coverage;
import org.fundwatch.rules.source.RuleMetadata;
import org.fundwatch.rules.source.RulePackSource;
import org.junit.jupiter.api.Test;

/** The national pack's coverage of the 2025 catalogue (what {@code fundwatch rules coverage} reports) and its params. */
class NationalPackCoverageTest {

    @Test
    void coversAtLeastFiftyCatalogueClasses() {
        RulePackSource pack = RulePackSource.load(TestKb.nationalDir());
        Coverage c = Coverage.of(pack, TestKb.reference().resolve(Coverage.CATALOG));
        System.out.printf("coverage: %d implemented, %d partial, %d not yet of %d; %d pack rules%n", c.implemented(),
                c.partial(), c.notYet(), c.total(), pack.rules().size());
        assertEquals(88, c.total());
        assertTrue(c.implemented() + c.partial() >= 50, "covered " + (c.implemented() + c.partial()));
        assertTrue(c.implemented() >= 45, "implemented " + c.implemented());
        for (Coverage.Row row : c.rules()) {
            if (Coverage.PARTIAL.equals(row.status())) {
                assertNotNull(row.reason(), row.name());
            }
        }
    }

    @Test
    void metadataParamsReachTheRules() {
        RulePackSource pack = RulePackSource.load(TestKb.nationalDir());
        RuleMetadata high = pack.rule("drg-high-cost");
        assertEquals(Map.of("multiple", "3"), high.params());
        RuleParams params = new RuleParams(pack.rules());
        assertEquals(0, new BigDecimal("3").compareTo(params.decimal("drg-high-cost", "multiple", "9")));
        assertEquals(0, new BigDecimal("9").compareTo(params.decimal("drg-high-cost", "absent", "9")));
        assertEquals(5, params.integer("drug-variety", "max_drugs", 99));
        assertTrue(params.anyPrefix("antibiotic-grade", "atc_prefixes", "XJ01DHE007B001010102297", 1, ""));
        assertEquals(List.of("0021", "0022"), params.mapped("drug-item-mismatch", "pairs", "XV08ABI123", 1, ""));
        assertEquals(null, params.mapped("drug-item-mismatch", "pairs", "XA02BC", 1, ""));
    }
}
