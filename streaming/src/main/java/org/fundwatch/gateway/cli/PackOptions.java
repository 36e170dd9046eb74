package org.fundwatch.gateway.cli;

import java.nio.file.Path;
import org.fundwatch.gateway.ActiveEngine;
import org.fundwatch.rules.pack.RulePackRegistry;
import picocli.CommandLine.Option;

/** Where the gateway and the audit find their rule pack and knowledge pack (a picocli mixin). */
public final class PackOptions {
    @Option(names = "--registry", paramLabel = "DIR", defaultValue = "var/rules-registry",
            description = "Rule-pack registry; the active published version is used (default ${DEFAULT-VALUE}).")
    Path registry = RulePackRegistry.DEFAULT;

    @Option(names = "--pack-name", paramLabel = "NAME", defaultValue = "national",
            description = "Pack name in the registry (default ${DEFAULT-VALUE}).")
    String packName = "national";

    @Option(names = "--pack", paramLabel = "DIR", defaultValue = "rulebase/packs/national",
            description = "Pack sources compiled when nothing is published (default ${DEFAULT-VALUE}).")
    Path pack = Path.of("rulebase", "packs", "national");

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge pack directory (default: newest under --kb-root).")
    Path kb;

    @Option(names = "--kb-root", paramLabel = "DIR", defaultValue = "var/kb",
            description = "Directory of knowledge packs (default ${DEFAULT-VALUE}).")
    Path kbRoot = Path.of("var", "kb");

    @Option(names = "--no-build-kb", description = "Fail instead of building a knowledge pack when --kb-root has none.")
    boolean noBuildKb;

    /** The locations for {@link ActiveEngine#load}. */
    public ActiveEngine.Locations locations() {
        return new ActiveEngine.Locations(registry, packName, pack, kbRoot, kb, !noBuildKb);
    }
}
