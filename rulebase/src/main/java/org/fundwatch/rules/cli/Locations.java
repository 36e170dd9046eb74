package org.fundwatch.rules.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.KnowledgePacks;
import org.fundwatch.rules.pack.RegistryException;
import org.fundwatch.rules.pack.RulePackRegistry;
import picocli.CommandLine;

/** Defaults and argument resolution shared by the {@code rules} subcommands. */
final class Locations {
    /** Default pack source directory, relative to the repository root. */
    static final Path DEFAULT_PACK = Path.of("rulebase", "packs", "national");
    /** Default directory of knowledge packs. */
    static final Path DEFAULT_KB_ROOT = Path.of("var", "kb");
    /** Dates without a time are midnight in China Standard Time, where the fund operates. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Locations() {
    }

    /** The knowledge pack in {@code dir}, or the newest under {@code var/kb}. */
    static KnowledgePack knowledgePack(Path dir) {
        Path resolved = dir != null ? dir : KnowledgePacks.newest(DEFAULT_KB_ROOT).orElseThrow(() ->
                new RegistryException("no knowledge pack under " + DEFAULT_KB_ROOT.toAbsolutePath()
                        + "; build one with `fundwatch kb build` or give --kb DIR"));
        return KnowledgePacks.cached(resolved);
    }

    /** The knowledge-pack directory to read the catalogue from, if any (no loading). */
    static Path knowledgePackDir(Path dir) {
        return dir != null ? dir : KnowledgePacks.newest(DEFAULT_KB_ROOT).orElse(null);
    }

    /**
     * A pack given as a source directory (holding {@code pack.yaml}) or as a version of pack {@code name} in the
     * registry.
     */
    static Path pack(String spec, RulePackRegistry registry, String name) {
        Path asPath = Path.of(spec);
        if (Files.isRegularFile(asPath.resolve("pack.yaml"))) {
            return asPath;
        }
        if (spec.contains("/") && !Files.exists(asPath)) {
            String[] parts = spec.split("/", 2);
            if (registry.contains(parts[0], parts[1])) {
                return registry.require(parts[0], parts[1]).dir();
            }
        }
        return registry.require(name, spec).dir();
    }

    /** Parses {@code 2025-07-01}, {@code 2025-07-01T08:00:00+08:00} or {@code 2025-07-01T00:00:00Z}. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay(ZONE).toInstant();
                }
                if (value.endsWith("Z")) {
                    return Instant.parse(value);
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a time; use 2025-07-01 (midnight in Beijing) or 2025-07-01T08:00:00+08:00");
            }
        }
    }
}
