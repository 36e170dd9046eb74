package org.fundwatch.rules.source;

import java.util.List;

/**
 * Where a rule applies besides its phases: national trigger scenarios ({@code trig_scen} 1–10), medical
 * categories ({@code med_type} prefixes; empty = every category) and internet care.
 *
 * @param internet {@code any}, {@code only} (internet-hospital encounters only) or {@code exclude}
 */
public record Scenes(List<String> triggerScenarios, List<String> medTypes, String internet) {
    public Scenes {
        triggerScenarios = triggerScenarios == null ? List.of() : List.copyOf(triggerScenarios);
        medTypes = medTypes == null ? List.of() : List.copyOf(medTypes);
        internet = internet == null ? "any" : internet;
        if (!List.of("any", "only", "exclude").contains(internet)) {
            throw new IllegalArgumentException("internet must be any, only or exclude, got '" + internet + "'");
        }
    }

    /** Every scenario, every category, internet or not. */
    public static final Scenes ALL = new Scenes(List.of(), List.of(), "any");

    /**
     * Whether an encounter in this scene is covered: {@code triggerScenario} null (post-event checks) passes the
     * scenario test; an empty scenario list means every scenario.
     */
    public boolean covers(String triggerScenario, String medType, boolean internetCare) {
        if (triggerScenario != null && !triggerScenarios.isEmpty() && !triggerScenarios.contains(triggerScenario)) {
            return false;
        }
        if (!medTypes.isEmpty() && (medType == null || medTypes.stream().noneMatch(medType::startsWith))) {
            return false;
        }
        return switch (internet) {
            case "only" -> internetCare;
            case "exclude" -> !internetCare;
            default -> true;
        };
    }
}
