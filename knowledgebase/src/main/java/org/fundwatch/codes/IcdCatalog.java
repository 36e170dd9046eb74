package org.fundwatch.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A 医保版 ICD catalog (ICD-10 diagnoses or ICD-9-CM-3 procedures) read from the verbatim
 * {@code code name} files of the knowledge pack, with its grey list (灰码: codes not valid as a
 * principal diagnosis / for grouping).
 *
 * <p>File format: UTF-8 (a BOM is tolerated), one entry per line, the code, one space, the name
 * (which may itself contain spaces). Grey files hold one code per line. Blank lines are skipped;
 * a duplicate code or a code-less line is an error, reported with the file and line number.
 * Loading the 33,306-line ICD-10 file takes a few tens of milliseconds; load once and share (the
 * catalog is immutable and thread-safe).
 */
public final class IcdCatalog implements CodeCatalog {
    /** System name for 医保版 ICD-10 v2.0. */
    public static final String ICD10 = "医保版ICD-10 v2.0";
    /** System name for 医保版 ICD-9-CM-3 v2.0. */
    public static final String ICD9CM3 = "医保版ICD-9-CM-3 v2.0";

    private final String system;
    private final Map<String, String> names;
    private final Set<String> grey;

    private IcdCatalog(String system, Map<String, String> names, Set<String> grey) {
        this.system = system;
        this.names = names;
        this.grey = grey;
    }

    /**
     * Loads a catalog.
     *
     * @param codes  the {@code code name} file, e.g. {@code icd/icd10-nhsa-v2.0.dat}
     * @param grey   the grey-code file, or {@code null} when there is none
     * @param system the system name reported by {@link #system()}, e.g. {@link #ICD10}
     * @throws UncheckedIOException     when a file cannot be read
     * @throws IllegalArgumentException when a line is malformed or a code repeats
     */
    public static IcdCatalog load(Path codes, Path grey, String system) {
        Map<String, String> names = new HashMap<>(65_536);
        readLines(codes, (lineNo, line) -> {
            int space = line.indexOf(' ');
            String code = space < 0 ? line : line.substring(0, space);
            String name = space < 0 ? "" : line.substring(space + 1).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(codes + ":" + lineNo + ": expected 'code name', got '" + line + "'");
            }
            if (names.putIfAbsent(code, name) != null) {
                throw new IllegalArgumentException(codes + ":" + lineNo + ": duplicate code " + code);
            }
        });
        Set<String> greyCodes = new HashSet<>();
        if (grey != null) {
            readLines(grey, (lineNo, line) -> greyCodes.add(line.split(" ", 2)[0]));
        }
        return new IcdCatalog(system, Map.copyOf(names), Set.copyOf(greyCodes));
    }

    private interface LineHandler {
        void accept(int lineNo, String line);
    }

    private static void readLines(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                line = line.strip();
                if (!line.isEmpty()) {
                    handler.accept(lineNo, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ICD file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public Optional<String> name(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(names.get(code.trim()));
    }

    @Override
    public boolean isGrey(String code) {
        return code != null && grey.contains(code.trim());
    }

    @Override
    public int size() {
        return names.size();
    }

    /** Number of grey codes. */
    public int greySize() {
        return grey.size();
    }

    /** All codes of the catalog (unmodifiable). */
    public Set<String> codes() {
        return names.keySet();
    }

    @Override
    public String toString() {
        return system + " (" + names.size() + " codes, " + grey.size() + " grey)";
    }
}
