package org.fundwatch.drg;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * CHS-DRG 1.1 grouper (国家医疗保障疾病诊断相关分组 CHS-DRG 分组方案 1.1 版, NHSA 2021, with the 技术规范).
 * Pure and thread-safe: {@link #group} reads only the immutable {@link DrgTables}.
 *
 * <h2>Steps (技术规范 §分组策略; 分组方案 "先期分组 → MDC → ADRG → DRG")</h2>
 * <ol>
 *   <li><b>Validity.</b> A case needs a principal diagnosis that is in 医保版 ICD-10 v2.0 and is not a grey
 *       code (灰码, "不可作为主要诊断"); otherwise it cannot enter any MDC: DRG {@code 0000}.</li>
 *   <li><b>先期分组 MDCA.</b> Transplants, ECMO / 呼吸机 ≥96 h / 全人工心脏: the ADRGs AA1…AH1 are tried in
 *       order on the principal procedure ("包含以下主要手术或操作"); AC1 胰肾联合移植 needs one procedure from
 *       each of its two lists ("同时包含").</li>
 *   <li><b>MDCP 新生儿.</b> Principal diagnosis in the MDCP 主诊表 and age under one year (the ADRGs then
 *       split by 出生年龄 &lt;29 天 vs 29 天–1 周岁 and, for PS1–PS4, by birth weight &lt;1500 g, 1500–1999 g,
 *       2000–2499 g, &gt;2499 g, as their names in the scheme state).</li>
 *   <li><b>MDCY HIV.</b> Principal diagnosis in the MDCY 主诊表.</li>
 *   <li><b>MDCZ 多发严重创伤.</b> Principal diagnosis in the MDCZ 主诊表 and, among all diagnoses, significant
 *       traumas of at least two different body regions of that table (头颈部, 胸部, 腹部, 泌尿系统, 生殖系统,
 *       躯干脊柱, 上肢, 下肢, 骨盆).</li>
 *   <li><b>MDC by principal diagnosis.</b> The first MDC whose 主诊表 holds the principal diagnosis, MDCM
 *       only for men and MDCN / MDCO only for women (性别专属 MDC), in the order M, N, B…L, O, Q…X.</li>
 *   <li><b>ADRG within the MDC</b>, in the scheme's order: first the surgical ADRGs (second letter A–J) by the
 *       principal procedure, with the "同时包含" lists needing one procedure each; then the non-OR procedure
 *       ADRGs (K–Q); a case whose principal procedure is an operation but which no surgical ADRG of its MDC
 *       accepts is 歧义组 {@code xQY} (主要诊断与主要手术不匹配); then the medical ADRGs (R–Z) by principal
 *       diagnosis (or any diagnosis where the list says "主要诊断或其他诊断").</li>
 *   <li><b>DRG by complications.</b> A secondary diagnosis of 5_MCC is an MCC and of 6_CC a CC, unless the
 *       principal diagnosis is in the exclusion table (7_CCE, 表 7-n) named for it. The suffix follows the
 *       DRGs 3_DRG lists for the ADRG: 9 when it is not subdivided; with 1/3/5: MCC → 1, CC → 3, none → 5;
 *       where only 1/5 exist, CC joins 1 ("伴并发症或合并症" merged upward); where only 3/5 exist, MCC joins 3.</li>
 * </ol>
 * 3_DRG lists neither {@code 0000} nor the {@code xQY} groups: they are the scheme's conventional codes for
 * "cannot be grouped" and for 歧义组 and carry no weight.
 */
public final class DrgGrouper {
    /** MDC order after the pre-MDC groups (A, P, Y, Z): sex-specific first, then B…L, O, Q…X. */
    private static final char[] MDC_ORDER = "MNBCDEFGHIJKLOQRSTUVWX".toCharArray();

    private final DrgTables t;

    public DrgGrouper(DrgTables tables) {
        this.t = Objects.requireNonNull(tables, "tables");
    }

    /** Groups one case. Never throws for bad case data: the result explains why it could not be grouped. */
    public DrgResult group(DrgCase c) {
        List<String> dx = c.diagnoses();
        if (dx.isEmpty() || dx.get(0) == null || dx.get(0).isBlank()) {
            return DrgResult.ungroupable("", "主诊断缺失");
        }
        String principal = dx.get(0).strip();
        ResolvedCase r = new ResolvedCase(c, t.diagnoses, t.procedures, t.orProcedures);
        int p = r.principalDiagnosis;
        if (p < 0 || !t.knownDiagnoses.get(p)) {
            return DrgResult.ungroupable("", "主诊断 " + principal + " 不是医保版ICD-10 v2.0编码");
        }
        if (t.greyDiagnoses.get(p)) {
            return DrgResult.ungroupable("", "主诊断为灰码 " + principal);
        }

        AdrgRule pre = firstMatch(t.adrgsByMdc['A' - 'A'], r, null);
        if (pre != null) {
            return result(pre, r, "先期分组");
        }
        if (inTable('P', p) && r.ageDays >= 0 && r.ageDays < 365) {
            return withinMdc('P', r, principal);
        }
        if (inTable('Y', p)) {
            return withinMdc('Y', r, principal);
        }
        if (inTable('Z', p) && traumaRegions(r) >= 2) {
            return withinMdc('Z', r, principal);
        }
        for (char m : MDC_ORDER) {
            if (inTable(m, p) && sexAllows(m, r.gender)) {
                return withinMdc(m, r, principal);
            }
        }
        return DrgResult.ungroupable("", whyNoMdc(r, principal));
    }

    private String whyNoMdc(ResolvedCase r, String principal) {
        int p = r.principalDiagnosis;
        if (inTable('M', p) && r.gender != DrgCase.MALE) {
            return "主诊断 " + principal + " 属男性专属MDCM，与性别(" + r.gender + ")不符";
        }
        if ((inTable('N', p) || inTable('O', p)) && r.gender != DrgCase.FEMALE) {
            return "主诊断 " + principal + " 属女性专属MDC" + (inTable('N', p) ? 'N' : 'O') + "，与性别(" + r.gender
                    + ")不符";
        }
        if (inTable('P', p)) {
            return "主诊断 " + principal + " 属新生儿MDCP，年龄(" + r.ageDays + "天)不符";
        }
        if (inTable('Z', p)) {
            return "主诊断 " + principal + " 属多发严重创伤MDCZ，但严重创伤部位不足两处";
        }
        return "主诊断 " + principal + " 不在任何MDC主诊表内";
    }

    private DrgResult withinMdc(char m, ResolvedCase r, String principal) {
        String mdc = "MDC" + m;
        AdrgRule[] rules = t.adrgsByMdc[m - 'A'];
        AdrgRule hit = firstMatch(rules, r, AdrgKind.SURGICAL);
        if (hit == null) {
            hit = firstMatch(rules, r, AdrgKind.NON_OR_PROCEDURE);
        }
        if (hit == null && r.principalIsOrProcedure) {
            String qy = m + DrgResult.AMBIGUOUS_SUFFIX;
            return new DrgResult(mdc, qy, qy, "手术与主诊断不匹配(歧义组): 主诊断 " + principal + " 入" + mdc
                    + "，主手术 " + t.procedures.code(r.principalProcedure) + " 不属于" + mdc + "任何手术ADRG");
        }
        if (hit == null) {
            hit = firstMatch(rules, r, AdrgKind.MEDICAL);
        }
        if (hit == null) {
            return DrgResult.ungroupable(mdc, "主诊断 " + principal + " 入" + mdc + "，但不符合该MDC任何ADRG入组条件");
        }
        return result(hit, r, "主诊断 " + principal + " 入" + mdc);
    }

    private static AdrgRule firstMatch(AdrgRule[] rules, ResolvedCase r, AdrgKind kind) {
        if (rules == null) {
            return null;
        }
        for (AdrgRule rule : rules) {
            if ((kind == null || rule.kind == kind) && rule.matches(r)) {
                return rule;
            }
        }
        return null;
    }

    private DrgResult result(AdrgRule adrg, ResolvedCase r, String route) {
        String mdc = "MDC" + adrg.mdc;
        if (adrg.has9 && !adrg.has1 && !adrg.has3 && !adrg.has5) {
            return new DrgResult(mdc, adrg.code, adrg.code + '9', route + "；" + adrg.code + " 不细分");
        }
        int mcc = -1;
        int cc = -1;
        int principal = r.principalDiagnosis;
        int[] dx = r.diagnoses;
        for (int i = 1; i < dx.length; i++) {
            int d = dx[i];
            if (d < 0 || d == principal) {
                continue;
            }
            if (mcc < 0 && counts(t.mccTable[d], principal)) {
                mcc = d;
            } else if (cc < 0 && counts(t.ccTable[d], principal)) {
                cc = d;
            }
        }
        char suffix;
        String severity;
        if (mcc >= 0 && adrg.has1) {
            suffix = '1';
            severity = "伴MCC " + t.diagnoses.code(mcc);
        } else if ((mcc >= 0 || cc >= 0) && adrg.has3) {
            suffix = '3';
            severity = (mcc >= 0 ? "伴MCC " + t.diagnoses.code(mcc) + "(本ADRG并入CC组)" : "伴CC " + t.diagnoses.code(cc));
        } else if (cc >= 0 && adrg.has1) {
            suffix = '1';
            severity = "伴CC " + t.diagnoses.code(cc) + "(本ADRG并入MCC组)";
        } else if (adrg.has5) {
            suffix = '5';
            severity = "无CC/MCC";
        } else {
            suffix = '9';
            severity = "不细分";
        }
        return new DrgResult(mdc, adrg.code, adrg.code + suffix, route + "；" + adrg.code + "；" + severity);
    }

    /** An MCC/CC counts unless the principal diagnosis is in its exclusion table. */
    private boolean counts(int table, int principal) {
        if (table == 0) {
            return false;
        }
        if (table < 0) {
            return true;
        }
        BitSet excluded = t.exclusions[table];
        return !excluded.get(principal);
    }

    private boolean inTable(char mdc, int diagnosis) {
        BitSet table = t.mdcTables[mdc - 'A'];
        return table != null && table.get(diagnosis);
    }

    private static boolean sexAllows(char mdc, int gender) {
        return switch (mdc) {
            case 'M' -> gender == DrgCase.MALE;
            case 'N', 'O' -> gender == DrgCase.FEMALE;
            default -> true;
        };
    }

    /** Number of distinct MDCZ body regions among all diagnoses. */
    private int traumaRegions(ResolvedCase r) {
        int mask = 0;
        for (int d : r.diagnoses) {
            if (d >= 0) {
                int region = t.traumaRegion[d];
                if (region >= 0) {
                    mask |= 1 << region;
                }
            }
        }
        return Integer.bitCount(mask);
    }
}
