package org.fundwatch.rules.pack;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A version in the registry as read from its directory: its artifact and full status history (build entry first,
 * then {@code status/*.json} in order).
 */
public record PackVersion(String name, String version, Path dir, Artifact artifact, List<StatusEntry> history) {
    public PackVersion {
        history = List.copyOf(history);
    }

    /** The latest status: draft, tested, published or retired. */
    public String status() {
        return history.get(history.size() - 1).status();
    }

    /** When the version came into force, if published. */
    public Optional<Instant> effectiveFrom() {
        return history.stream().filter(e -> e.status().equals(StatusEntry.PUBLISHED)).map(StatusEntry::effective)
                .findFirst();
    }

    /** When the version stopped being in force, if retired. */
    public Optional<Instant> retiredAt() {
        return history.stream().filter(e -> e.status().equals(StatusEntry.RETIRED)).map(StatusEntry::effective)
                .findFirst();
    }

    /** Published, effective at or before {@code t} and not retired at or before {@code t}. */
    public boolean eligibleAt(Instant t) {
        return effectiveFrom().map(from -> !from.isAfter(t)).orElse(false)
                && retiredAt().map(to -> to.isAfter(t)).orElse(true);
    }

    /** {@code name/version}. */
    public String label() {
        return name + "/" + version;
    }
}
