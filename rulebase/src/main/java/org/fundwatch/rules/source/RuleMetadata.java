package org.fundwatch.rules.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundwatch.model.Phase;

/**
 * The metadata of one DRL rule ({@code rules/<file>.rules.yaml}); {@link #id()} equals the DRL rule name.
 *
 * @param code     official code (GZ…/ZB…) of the 1.0 framework / 2025 catalogue, or null for classes without one
 * @param severity 明确违规, 高度可疑 or 可疑
 * @param tables   the knowledge tables the rule reads
 * @param file     the metadata file, relative to the pack directory
 * @param line     the line of the entry in {@link #file()}
 * @param params   the rule's parameters ({@code params:} in the metadata, e.g. thresholds a region may change in a
 *                 new pack version), as text; empty when none. DRL reads them through the {@code RuleParams} fact.
 */
public record RuleMetadata(String id, String code, String name, String tier1, String tier2, Set<Phase> phases,
                           Scenes scenes, String severity, String basis, List<String> tables, LocalDate effectiveFrom,
                           LocalDate effectiveTo, String owner, String file, int line,
                           Map<String, String> params) {
    /** The accepted severities, most severe first. */
    public static final List<String> SEVERITIES = List.of("明确违规", "高度可疑", "可疑");

    public RuleMetadata {
        phases = Set.copyOf(phases);
        tables = tables == null ? List.of() : List.copyOf(tables);
        scenes = scenes == null ? Scenes.ALL : scenes;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** The metadata without parameters (packs written before {@code params:} existed). */
    public RuleMetadata(String id, String code, String name, String tier1, String tier2, Set<Phase> phases,
                        Scenes scenes, String severity, String basis, List<String> tables, LocalDate effectiveFrom,
                        LocalDate effectiveTo, String owner, String file, int line) {
        this(id, code, name, tier1, tier2, phases, scenes, severity, basis, tables, effectiveFrom, effectiveTo, owner,
                file, line, Map.of());
    }

    /** Whether the rule is in force on {@code date} (null: no date known, treated as in force). */
    public boolean inForceOn(LocalDate date) {
        return date == null || ((effectiveFrom == null || !date.isBefore(effectiveFrom))
                && (effectiveTo == null || !date.isAfter(effectiveTo)));
    }
}
