package org.fundwatch.rules.pack;

import java.util.Comparator;

/** Semantic-version ordering ({@code 1.10.0 > 1.9.0}; a pre-release sorts before its release). */
public final class SemVer {
    /** Orders semantic versions; non-numeric parts compare as text. */
    public static final Comparator<String> ORDER = SemVer::compare;

    private SemVer() {
    }

    static int compare(String a, String b) {
        String[] pa = a.split("-", 2);
        String[] pb = b.split("-", 2);
        String[] na = pa[0].split("\\.");
        String[] nb = pb[0].split("\\.");
        for (int i = 0; i < Math.max(na.length, nb.length); i++) {
            long x = i < na.length ? parse(na[i]) : 0;
            long y = i < nb.length ? parse(nb[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        if (pa.length != pb.length) {
            return pa.length == 1 ? 1 : -1;
        }
        return pa.length == 1 ? 0 : pa[1].compareTo(pb[1]);
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
