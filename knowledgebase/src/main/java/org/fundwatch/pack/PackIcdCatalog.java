package org.fundwatch.pack;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fundwatch.codes.CodeCatalog;

/**
 * A hash-map code catalog over the pack's verbatim {@code code name} lists and grey lists (one code per line).
 * Kept package-private so the pack can switch to {@code org.fundwatch.codes.IcdCatalog} without API change.
 */
final class PackIcdCatalog implements CodeCatalog {
    private final String system;
    private final Map<String, String> names;
    private final Set<String> grey;

    private PackIcdCatalog(String system, Map<String, String> names, Set<String> grey) {
        this.system = system;
        this.names = Map.copyOf(names);
        this.grey = Set.copyOf(grey);
    }

    static PackIcdCatalog load(Path codes, Path greyList, String system) {
        Map<String, String> names = new HashMap<>(40_000);
        Set<String> grey = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(codes, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                line = stripBom(line).strip();
                if (line.isEmpty()) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space <= 0) {
                    throw new PackException(codes + " line " + n + ": expected 'code name', got '" + line + "'");
                }
                names.putIfAbsent(line.substring(0, space), line.substring(space + 1).strip());
            }
            for (String g : Files.readAllLines(greyList, StandardCharsets.UTF_8)) {
                String code = stripBom(g).strip();
                if (!code.isEmpty()) {
                    grey.add(code);
                }
            }
        } catch (IOException e) {
            throw new PackException(codes + ": cannot read code list (" + e.getMessage() + ")", e);
        }
        return new PackIcdCatalog(system, names, grey);
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code));
    }

    @Override
    public boolean isGrey(String code) {
        return code != null && grey.contains(code);
    }

    @Override
    public int size() {
        return names.size();
    }
}
