package org.fundwatch.drg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CHS-DRG 1.1 grouping tables, loaded once from the verbatim national files and indexed for the
 * grouper: every code is an int id, every code list a {@link BitSet}, every per-code attribute an int
 * array. Immutable after {@link #load}; share one instance between threads.
 *
 * <p>Files read from {@code drgDir} (layout of the knowledge pack's {@code chs-drg-1.1/}):
 * {@code 1_MDC.txt}, {@code 2_ADRG.txt}, {@code 3_DRG.txt}, {@code 4_ADRG_DETAIL.txt}, {@code 5_MCC.txt},
 * {@code 6_CC.txt}, {@code 7_CCE.txt}; from {@code icdDir} ({@code icd/}): {@code icd10-nhsa-v2.0.dat},
 * {@code icd10-nhsa-v2.0-grey.dat}, {@code icd9cm3-nhsa-v2.0.dat}, {@code icd9cm3-nhsa-v2.0-grey.dat}.
 */
public final class DrgTables {
    final CodeIndex diagnoses = new CodeIndex(true);
    final CodeIndex procedures = new CodeIndex(false);
    private final Map<Character, String> mdcNames = new LinkedHashMap<>();
    private final Map<String, String> adrgNames = new LinkedHashMap<>();
    private final Map<String, String> drgNames = new LinkedHashMap<>();
    /** Principal-diagnosis table (主诊表) per MDC letter ({@code index = letter - 'A'}); null for MDCA. */
    final BitSet[] mdcTables = new BitSet[26];
    /** ADRGs per MDC letter in the scheme's order. */
    final AdrgRule[][] adrgsByMdc = new AdrgRule[26][];
    final Map<String, AdrgRule> adrgsByCode = new HashMap<>();
    /** Diagnosis id → MDCZ body region (0-based), or -1. */
    int[] traumaRegion;
    List<String> traumaRegions;
    /**
     * Diagnosis id → exclusion table number when the code is an MCC / a CC, {@code -1} when it is one
     * without exclusion table ("无"), else 0.
     */
    int[] mccTable;
    int[] ccTable;
    /** Exclusion table number → principal diagnoses that cancel the MCC/CC. */
    BitSet[] exclusions;
    final BitSet knownDiagnoses = new BitSet();
    final BitSet greyDiagnoses = new BitSet();
    final BitSet knownProcedures = new BitSet();
    final BitSet greyProcedures = new BitSet();
    /**
     * Operating-room procedures (有效手术): the union of the procedure lists of all surgical ADRGs (second letter
     * A–J), less the MDCR treatment ADRGs named "…治疗" (放疗, 化疗, 介入/射频, 靶向免疫), which are procedures but
     * not operations. The national grouper uses the 医保版 ICD-9-CM-3 手术/操作 flag for this; the verbatim
     * files do not carry that flag, and the ADRG lists are the scheme's own definition of what an operation
     * groups to, so they are the closest faithful source. Decides 全部手术 ADRGs, ZZ1 and the 歧义组.
     */
    final BitSet orProcedures = new BitSet();

    private DrgTables() {
    }

    /**
     * Loads and indexes the tables.
     *
     * @throws UncheckedIOException  when a file is missing or unreadable
     * @throws IllegalStateException when a file does not have the national layout
     */
    public static DrgTables load(Path drgDir, Path icdDir) {
        DrgTables t = new DrgTables();
        t.loadIcd(icdDir);
        t.loadScheme(drgDir);
        return t;
    }

    private void loadIcd(Path icdDir) {
        for (String line : lines(icdDir.resolve("icd10-nhsa-v2.0.dat"))) {
            knownDiagnoses.set(diagnoses.intern(firstToken(line)));
        }
        for (String line : lines(icdDir.resolve("icd10-nhsa-v2.0-grey.dat"))) {
            greyDiagnoses.set(diagnoses.intern(firstToken(line)));
        }
        for (String line : lines(icdDir.resolve("icd9cm3-nhsa-v2.0.dat"))) {
            knownProcedures.set(procedures.intern(firstToken(line)));
        }
        for (String line : lines(icdDir.resolve("icd9cm3-nhsa-v2.0-grey.dat"))) {
            greyProcedures.set(procedures.intern(firstToken(line)));
        }
    }

    private void loadScheme(Path dir) {
        for (String line : lines(dir.resolve("1_MDC.txt"))) {
            String code = firstToken(line);
            if (!code.startsWith("MDC") || code.length() != 4) {
                throw new IllegalStateException("1_MDC.txt: unexpected line [" + line + "]");
            }
            mdcNames.put(code.charAt(3), rest(line));
        }
        for (String line : lines(dir.resolve("2_ADRG.txt"))) {
            adrgNames.put(firstToken(line), rest(line));
        }
        Map<String, StringBuilder> suffixes = new HashMap<>();
        for (String line : lines(dir.resolve("3_DRG.txt"))) {
            String drg = firstToken(line);
            if (drg.length() != 4) {
                throw new IllegalStateException("3_DRG.txt: unexpected DRG code [" + line + "]");
            }
            drgNames.put(drg, rest(line));
            suffixes.computeIfAbsent(drg.substring(0, 3), k -> new StringBuilder()).append(drg.charAt(3));
        }

        AdrgDetailParser.Parsed parsed = new AdrgDetailParser(diagnoses, procedures)
                .parse(lines(dir.resolve("4_ADRG_DETAIL.txt")));
        parsed.mdcTables.forEach((letter, table) -> mdcTables[letter - 'A'] = table);
        Map<Character, List<AdrgRule>> byMdc = new LinkedHashMap<>();
        int index = 0;
        for (AdrgDetailParser.AdrgSpec spec : parsed.adrgs) {
            StringBuilder sfx = suffixes.get(spec.code());
            if (sfx == null) {
                throw new IllegalStateException("ADRG " + spec.code() + " of 4_ADRG_DETAIL has no DRG in 3_DRG");
            }
            String name = adrgNames.getOrDefault(spec.code(), spec.name());
            AdrgRule rule = new AdrgRule(index++, spec.code(), name, spec.alternatives(), spec.minAgeDays(),
                    spec.maxAgeDays(), spec.minWeight(), spec.maxWeight(), sfx.toString());
            adrgsByCode.put(rule.code, rule);
            byMdc.computeIfAbsent(rule.mdc, k -> new ArrayList<>()).add(rule);
            if (rule.kind == AdrgKind.SURGICAL && !(name.contains("治疗") && !name.contains("术"))) {
                for (AdrgAlternative a : rule.alternatives) {
                    if (a.principalProcedures() != null) {
                        orProcedures.or(a.principalProcedures());
                    }
                    a.allOfProcedures().forEach(orProcedures::or);
                }
            }
        }
        byMdc.forEach((letter, rules) -> adrgsByMdc[letter - 'A'] = rules.toArray(new AdrgRule[0]));
        for (String adrg : suffixes.keySet()) {
            if (!adrgsByCode.containsKey(adrg)) {
                throw new IllegalStateException("ADRG " + adrg + " of 3_DRG has no rule in 4_ADRG_DETAIL");
            }
        }

        Map<Integer, BitSet> cce = ComplicationTablesParser.parseExclusions(read(dir.resolve("7_CCE.txt")), diagnoses);
        Map<Integer, Integer> mcc = ComplicationTablesParser.parseList(read(dir.resolve("5_MCC.txt")), diagnoses,
                "5_MCC.txt");
        Map<Integer, Integer> cc = ComplicationTablesParser.parseList(read(dir.resolve("6_CC.txt")), diagnoses,
                "6_CC.txt");
        int maxTable = cce.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        exclusions = new BitSet[maxTable + 1];
        cce.forEach((n, set) -> exclusions[n] = set);

        int n = diagnoses.size();
        mccTable = new int[n];
        ccTable = new int[n];
        mcc.forEach((id, table) -> mccTable[id] = checkedTable(table, "5_MCC.txt"));
        cc.forEach((id, table) -> ccTable[id] = checkedTable(table, "6_CC.txt"));
        traumaRegion = new int[n];
        Arrays.fill(traumaRegion, -1);
        parsed.traumaRegionByDiagnosis.forEach((id, region) -> traumaRegion[id] = region);
        traumaRegions = List.copyOf(parsed.traumaRegions);
    }

    private int checkedTable(int table, String file) {
        if (table == ComplicationTablesParser.NO_EXCLUSION) {
            return table;
        }
        if (table >= exclusions.length || exclusions[table] == null) {
            throw new IllegalStateException(file + " refers to 表 7-" + table + ", absent from 7_CCE.txt");
        }
        return table;
    }

    /** Name of an MDC, e.g. {@code mdcName("MDCB")} → 神经系统疾病及功能障碍; null when unknown. */
    public String mdcName(String mdc) {
        return mdc.length() == 4 ? mdcNames.get(mdc.charAt(3)) : null;
    }

    /** Name of an ADRG of 2_ADRG; null when unknown. */
    public String adrgName(String adrg) {
        return adrgNames.get(adrg);
    }

    /** Name of a DRG of 3_DRG; null when unknown. */
    public String drgName(String drg) {
        return drgNames.get(drg);
    }

    /** All DRG codes of 3_DRG in file order. */
    public List<String> drgCodes() {
        return List.copyOf(drgNames.keySet());
    }

    /** All ADRG codes with inclusion rules, in the scheme's order. */
    public List<String> adrgCodes() {
        List<String> out = new ArrayList<>();
        for (AdrgRule[] rules : adrgsByMdc) {
            if (rules != null) {
                for (AdrgRule r : rules) {
                    out.add(r.code);
                }
            }
        }
        return out;
    }

    /** The 主诊表 of an MDC ({@code 'B'} for MDCB) as codes; empty for MDCA, which has none. */
    public List<String> mdcPrincipalDiagnoses(char mdcLetter) {
        BitSet t = mdcTables[mdcLetter - 'A'];
        return t == null ? List.of() : diagnosisCodes(t);
    }

    /** Every procedure code any inclusion list of {@code adrg} names (empty for medical ADRGs). */
    public List<String> adrgProcedures(String adrg) {
        AdrgRule rule = adrgsByCode.get(adrg);
        if (rule == null) {
            return List.of();
        }
        BitSet all = new BitSet();
        for (AdrgAlternative a : rule.alternatives) {
            if (a.principalProcedures() != null) {
                all.or(a.principalProcedures());
            }
            a.allOfProcedures().forEach(all::or);
        }
        List<String> out = new ArrayList<>();
        all.stream().forEach(id -> out.add(procedures.code(id)));
        return out;
    }

    /** Diagnoses of 5_MCC and 6_CC (candidates for secondary diagnoses). */
    public List<String> complicationDiagnoses() {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < mccTable.length; id++) {
            if (mccTable[id] != 0 || ccTable[id] != 0) {
                out.add(diagnoses.code(id));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether {@code code} is a grey (灰码) diagnosis of 医保版 ICD-10 v2.0. */
    public boolean isGreyDiagnosis(String code) {
        int id = diagnoses.id(code);
        return id >= 0 && greyDiagnoses.get(id);
    }

    /** Number of DRGs of 3_DRG. */
    public int drgCount() {
        return drgNames.size();
    }

    private List<String> diagnosisCodes(BitSet set) {
        List<String> out = new ArrayList<>(set.cardinality());
        set.stream().forEach(id -> out.add(diagnoses.code(id)));
        return out;
    }

    private static List<String> lines(Path file) {
        List<String> out = new ArrayList<>();
        for (String line : read(file).split("\r?\n")) {
            String s = line.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstToken(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? line : line.substring(0, sp);
    }

    private static String rest(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? "" : line.substring(sp + 1).strip();
    }
}
