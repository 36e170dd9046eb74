package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fundwatch.model.Phase;
import org.fundwatch.rules.engine.fact.DrgFact;
import org.fundwatch.rules.engine.fact.HistoryLineFact;
import org.fundwatch.rules.engine.fact.LineFact;
import org.fundwatch.rules.engine.fact.UsageFact;
import org.junit.jupiter.api.Test;

/** Only facts of classes the phase's Drools network reads are inserted into its sessions. */
class NetworkTypesTest {
    @Test
    void factsNoNetworkRuleReadsAreLeftOut() {
        RuleEngine direct = TestKb.national().withDirectRules(true);
        // every national rule is direct (the accumulates too): no phase has a network that reads anything
        for (Phase phase : Phase.values()) {
            assertFalse(direct.networkReads(phase, LineFact.class), phase::name);
        }
        assertFalse(direct.networkReads(Phase.PRE, HistoryLineFact.class));
        // usage windows and DRG groups are read only by plain rules, evaluated outside Drools
        assertFalse(direct.networkReads(Phase.PRE, UsageFact.class));
        assertFalse(direct.networkReads(Phase.MID, DrgFact.class));
        assertFalse(direct.networkReads(Phase.PRE, String.class));

        RuleEngine drools = TestKb.national().withDirectRules(false);
        assertTrue(drools.networkReads(Phase.PRE, UsageFact.class));
        assertTrue(drools.networkReads(Phase.PRE, HistoryLineFact.class));
        assertTrue(drools.networkReads(Phase.MID, DrgFact.class));
    }
}
