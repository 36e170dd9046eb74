package org.fundwatch.drg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code 4_ADRG_DETAIL.txt}: the per-MDC 主诊表 and the inclusion lists of every ADRG, in the
 * order the scheme lists them (which is the order the grouper tries them).
 *
 * <p>Structure of the file (one item per line; names wrapped in the PDF are joined with {@code ~~}):
 * <pre>
 * MDCB 神经系统疾病及功能障碍          ← MDC header
 * MDCB 主诊表                         ← the MDC's principal-diagnosis table follows
 * 包含以下主要诊断：
 * A01.002+G01* 伤寒性脑膜炎            ← "code name"
 * BB1 脑创伤开颅术                     ← ADRG header
 * 包含以下主要诊断： / 包含以下主要手术或操作：
 * 同时包含以下手术： … 和 …            ← two procedure lists that must both be present
 * 主要诊断或其他诊断中包含以下诊断：     ← any diagnosis (MDCP birth-weight ADRGs)
 * 包含以下诊断：                       ← any diagnosis (YC1)
 * 全部手术 / 包含全部手术               ← any OR procedure (SB1, TB1, XJ1)
 * 符合 MDCZ 主诊表，且无手术            ← ZZ1
 * 包含以下主要诊断+手术表 1+手术表 2    ← JA1/JA2/NA1 alternatives, then 主要诊断： and 手术表 n： lists
 * 头颈部创伤 …                         ← MDCZ body-region sub-tables of the 主诊表
 * </pre>
 * Any other line is a format error and fails the load with its line number, so that a changed source
 * file is noticed instead of silently mis-grouping.
 */
final class AdrgDetailParser {
    private static final Pattern MDC_LINE = Pattern.compile("^MDC([A-Z]) (.+)$");
    private static final Pattern ADRG_LINE = Pattern.compile("^([A-Z]{2}[0-9]) (.+)$");
    private static final Pattern FORMULA = Pattern.compile("^或?包含以下主要诊断(\\+手术表 ?\\d+)+$");
    private static final Pattern FORMULA_TABLE = Pattern.compile("手术表 ?(\\d+)");
    private static final Pattern TABLE_HEADER = Pattern.compile("^手术(?:表)? ?(\\d+)：$");
    private static final Pattern AGE_BELOW = Pattern.compile("出生年龄＜(\\d+) ?天");
    private static final Pattern AGE_RANGE = Pattern.compile("(\\d+) ?天≤出生年龄＜(\\d+) ?周岁");
    private static final Pattern WEIGHT_BELOW = Pattern.compile("出生体重＜(\\d+)g");
    private static final Pattern WEIGHT_RANGE = Pattern.compile("出生体重 ?(\\d+)-(\\d+)g");
    private static final Pattern WEIGHT_ABOVE = Pattern.compile("出生体重>(\\d+)g");

    /** Raw result, turned into immutable tables by {@link DrgTables}. */
    static final class Parsed {
        final Map<Character, BitSet> mdcTables = new LinkedHashMap<>();
        final Map<Integer, Integer> traumaRegionByDiagnosis = new HashMap<>();
        final List<String> traumaRegions = new ArrayList<>();
        final List<AdrgSpec> adrgs = new ArrayList<>();
    }

    /** One ADRG as read, before suffixes from 3_DRG are attached. */
    record AdrgSpec(String code, String name, List<AdrgAlternative> alternatives, int minAgeDays, int maxAgeDays,
                    int minWeight, int maxWeight) {
    }

    private final CodeIndex diagnoses;
    private final CodeIndex procedures;
    private final Parsed out = new Parsed();

    private char mdc;
    private boolean inMainTable;
    private int region = -1;
    private AdrgBuilder adrg;
    private BitSet current;
    private boolean currentIsDiagnosis;

    AdrgDetailParser(CodeIndex diagnoses, CodeIndex procedures) {
        this.diagnoses = diagnoses;
        this.procedures = procedures;
    }

    Parsed parse(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                parseLine(line);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("4_ADRG_DETAIL.txt line " + (i + 1) + ": " + e.getMessage()
                        + " [" + line + "]", e);
            }
        }
        finishAdrg();
        return out;
    }

    private void parseLine(String line) {
        String first = firstToken(line);
        if (first.indexOf('.') > 0 && Character.isLetterOrDigit(first.charAt(0))) {
            addCode(first);
            return;
        }
        Matcher m = MDC_LINE.matcher(line);
        if (m.matches()) {
            finishAdrg();
            mdc = m.group(1).charAt(0);
            inMainTable = m.group(2).equals("主诊表");
            current = null;
            if (inMainTable) {
                out.mdcTables.computeIfAbsent(mdc, k -> new BitSet());
            }
            return;
        }
        m = ADRG_LINE.matcher(line);
        if (m.matches()) {
            finishAdrg();
            inMainTable = false;
            current = null;
            adrg = new AdrgBuilder(m.group(1), m.group(2).replace("~~", ""));
            if (adrg.code.charAt(0) != mdc) {
                throw new IllegalStateException("ADRG " + adrg.code + " outside its MDC " + mdc);
            }
            return;
        }
        if (inMainTable) {
            mainTableHeader(line);
        } else if (adrg != null) {
            adrgHeader(line);
        } else {
            throw new IllegalStateException("unexpected line outside any MDC table or ADRG");
        }
    }

    private void mainTableHeader(String line) {
        if (line.equals("包含以下主要诊断：")) {
            current = out.mdcTables.get(mdc);
            currentIsDiagnosis = true;
        } else if (mdc == 'Z' && line.endsWith("创伤")) {
            out.traumaRegions.add(line);
            region = out.traumaRegions.size() - 1;
        } else {
            throw new IllegalStateException("unexpected header in MDC" + mdc + " 主诊表");
        }
    }

    private void adrgHeader(String line) {
        AdrgBuilder a = adrg;
        switch (line) {
            case "包含以下主要诊断：" -> listInto(a.principalDiagnoses = new BitSet(), true);
            case "包含以下主要手术或操作：" -> listInto(a.principalProcedures = new BitSet(), false);
            case "同时包含以下手术：", "和" -> {
                BitSet s = new BitSet();
                a.allOf.add(s);
                listInto(s, false);
            }
            case "主要诊断或其他诊断中包含以下诊断：", "包含以下诊断：" -> listInto(a.anyDiagnoses = new BitSet(), true);
            case "全部手术", "包含全部手术" -> {
                a.requiresOr = true;
                current = null;
            }
            case "符合 MDCZ 主诊表，且无手术" -> {
                a.requiresNoOr = true;
                current = null;
            }
            case "主要诊断：" -> listInto(a.formulaDiagnoses = new BitSet(), true);
            default -> {
                Matcher f = FORMULA.matcher(line);
                Matcher t = TABLE_HEADER.matcher(line);
                if (f.matches()) {
                    List<Integer> tables = new ArrayList<>();
                    Matcher n = FORMULA_TABLE.matcher(line);
                    while (n.find()) {
                        tables.add(Integer.parseInt(n.group(1)));
                    }
                    a.formulas.add(tables);
                    current = null;
                } else if (t.matches()) {
                    BitSet s = new BitSet();
                    a.formulaTables.put(Integer.parseInt(t.group(1)), s);
                    listInto(s, false);
                } else {
                    throw new IllegalStateException("unknown header in ADRG " + a.code);
                }
            }
        }
    }

    private void listInto(BitSet set, boolean diagnosis) {
        current = set;
        currentIsDiagnosis = diagnosis;
    }

    private void addCode(String code) {
        if (current == null) {
            throw new IllegalStateException("code outside any list");
        }
        int id = currentIsDiagnosis ? diagnoses.intern(code) : procedures.intern(code);
        current.set(id);
        if (inMainTable && mdc == 'Z') {
            if (region < 0) {
                throw new IllegalStateException("MDCZ code before any body region");
            }
            out.traumaRegionByDiagnosis.putIfAbsent(id, region);
        }
    }

    private void finishAdrg() {
        if (adrg == null) {
            return;
        }
        out.adrgs.add(adrg.build());
        adrg = null;
    }

    private static String firstToken(String line) {
        int sp = line.indexOf(' ');
        return sp < 0 ? line : line.substring(0, sp);
    }

    private static final class AdrgBuilder {
        final String code;
        final String name;
        BitSet principalDiagnoses;
        BitSet anyDiagnoses;
        BitSet principalProcedures;
        final List<BitSet> allOf = new ArrayList<>();
        boolean requiresOr;
        boolean requiresNoOr;
        BitSet formulaDiagnoses;
        final List<List<Integer>> formulas = new ArrayList<>();
        final Map<Integer, BitSet> formulaTables = new TreeMap<>();

        AdrgBuilder(String code, String name) {
            this.code = code;
            this.name = name;
        }

        AdrgSpec build() {
            List<AdrgAlternative> alternatives = new ArrayList<>();
            if (!formulas.isEmpty()) {
                for (List<Integer> formula : formulas) {
                    List<BitSet> tables = new ArrayList<>();
                    for (int n : formula) {
                        BitSet t = formulaTables.get(n);
                        if (t == null) {
                            throw new IllegalStateException("ADRG " + code + " refers to missing 手术表 " + n);
                        }
                        tables.add(t);
                    }
                    alternatives.add(new AdrgAlternative(formulaDiagnoses, null, null, tables, false, false));
                }
            } else {
                boolean or = requiresOr;
                AdrgAlternative probe = new AdrgAlternative(principalDiagnoses, anyDiagnoses, principalProcedures,
                        allOf, requiresOr, requiresNoOr);
                // A surgical ADRG that lists no procedures (WJ1 "任何手术室手术", YC1 "手术室手术") needs one.
                if (AdrgKind.ofCode(code) == AdrgKind.SURGICAL && !probe.hasProcedureCondition()) {
                    or = true;
                }
                alternatives.add(new AdrgAlternative(principalDiagnoses, anyDiagnoses, principalProcedures,
                        List.copyOf(allOf), or, requiresNoOr));
            }
            for (AdrgAlternative a : alternatives) {
                if (!a.hasAnyCondition()) {
                    throw new IllegalStateException("ADRG " + code + " has no inclusion condition");
                }
            }
            int minAge = -1;
            int maxAge = -1;
            int minWeight = -1;
            int maxWeight = -1;
            Matcher m = AGE_RANGE.matcher(name);
            if (m.find()) {
                minAge = Integer.parseInt(m.group(1));
                maxAge = Integer.parseInt(m.group(2)) * 365 - 1;
            } else if ((m = AGE_BELOW.matcher(name)).find()) {
                maxAge = Integer.parseInt(m.group(1)) - 1;
            }
            if ((m = WEIGHT_RANGE.matcher(name)).find()) {
                minWeight = Integer.parseInt(m.group(1));
                maxWeight = Integer.parseInt(m.group(2));
            } else if ((m = WEIGHT_BELOW.matcher(name)).find()) {
                maxWeight = Integer.parseInt(m.group(1)) - 1;
            } else if ((m = WEIGHT_ABOVE.matcher(name)).find()) {
                minWeight = Integer.parseInt(m.group(1)) + 1;
            }
            return new AdrgSpec(code, name, alternatives, minAge, maxAge, minWeight, maxWeight);
        }
    }
}
