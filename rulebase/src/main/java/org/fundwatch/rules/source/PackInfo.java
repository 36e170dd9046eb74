package org.fundwatch.rules.source;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code pack.yaml}: the pack's identity and the knowledge-pack versions it works with.
 *
 * @param kbCompatible exact knowledge-pack versions or globs ({@code kb-*}, {@code kb-2025.*})
 */
public record PackInfo(String name, String version, String description, String owner, List<String> kbCompatible) {
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?");

    public PackInfo {
        kbCompatible = kbCompatible == null ? List.of() : List.copyOf(kbCompatible);
    }

    /** Whether {@code version} is a semantic version ({@code 1.0.0}, {@code 1.1.0-rc.1}). */
    public static boolean isSemver(String version) {
        return version != null && SEMVER.matcher(version).matches();
    }

    /** Whether the pack may run against knowledge pack {@code kbVersion} (a {@code *} in a pattern matches anything). */
    public boolean isCompatibleWith(String kbVersion) {
        for (String pattern : kbCompatible) {
            String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q");
            if (kbVersion.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
