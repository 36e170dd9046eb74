package org.fundwatch.stream.model;

import java.util.Objects;

/**
 * The packs in force: the rule pack (name, version and its directory in the registry) and the knowledge pack
 * (version and directory). Broadcast to the evaluating operators; an element is the switch point. A Flink POJO.
 */
public final class PackVersions {
    public String rulesName;
    public String rulesVersion;
    public String rulesDir;
    public String kbVersion;
    public String kbDir;
    /** Wall-clock millis when the poller saw this combination (for publish→active latency). */
    public long seenAt;
    /** Wall-clock millis when the poller had the engine ready (compiled or cached). */
    public long readyAt;

    public PackVersions() {
    }

    public PackVersions(String rulesName, String rulesVersion, String rulesDir, String kbVersion, String kbDir,
                        long seenAt) {
        this.rulesName = rulesName;
        this.rulesVersion = rulesVersion;
        this.rulesDir = rulesDir;
        this.kbVersion = kbVersion;
        this.kbDir = kbDir;
        this.seenAt = seenAt;
    }

    /** {@code national-1.1.0+kb-…}: the label alerts carry. */
    public String label() {
        return rulesName + "-" + rulesVersion + "+" + kbVersion;
    }

    /** The rule pack and knowledge pack directories: what identifies an engine (published versions never change). */
    public String key() {
        return rulesDir + "|" + kbDir;
    }

    /** Same packs (ignoring when they were seen). */
    public boolean samePacks(PackVersions o) {
        return o != null && Objects.equals(rulesDir, o.rulesDir) && Objects.equals(kbDir, o.kbDir);
    }

    @Override
    public String toString() {
        return label();
    }
}
