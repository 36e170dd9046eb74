package org.fundwatch.model;

/** When a check runs: before care is given, during settlement, or after settlement on records. */
public enum Phase {
    /** 事前: registration, charge entry, order execution (trig_scen 1–5). */
    PRE,
    /** 事中: settlement and pre-settlement (trig_scen 6–10). */
    MID,
    /** 事后: on settled records. */
    POST;

    /** The phase of a 3101/3102 {@code trig_scen}; blank means the transaction decides (3101 pre, 3102 mid). */
    public static Phase ofTriggerScenario(String triggerScenario, Phase fallback) {
        if (triggerScenario == null || triggerScenario.isBlank()) {
            return fallback;
        }
        int n = Integer.parseInt(triggerScenario.strip());
        if (n < 1 || n > 10) {
            throw new IllegalArgumentException("unknown trig_scen " + triggerScenario + " (expected 1–10)");
        }
        return n <= 5 ? PRE : MID;
    }
}
