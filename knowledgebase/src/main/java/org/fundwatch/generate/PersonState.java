package org.fundwatch.generate;

import java.util.HashMap;
import java.util.Map;

import org.fundwatch.generate.CatalogRecords.Institution;

/** What the planner remembers about one person while planning: drug supplies and the usual hospital. */
final class PersonState {
    private final Map<String, Long> supplyEnd = new HashMap<>();
    Institution homeHospital;
    long firstChronicVisit = -1;

    boolean supplied(String drug, long time) {
        Long end = supplyEnd.get(drug);
        return end != null && end > time;
    }

    void supply(String drug, long until) {
        supplyEnd.merge(drug, until, Math::max);
    }
}
