package org.fundwatch.rules.engine;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fundwatch.drg.DrgCase;
import org.fundwatch.drg.DrgGrouper;
import org.fundwatch.drg.DrgResult;
import org.fundwatch.drg.DrgTables;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Phase;
import org.fundwatch.model.Procedure;
import org.fundwatch.pack.ChronicDisease;
import org.fundwatch.pack.DrgPayment;
import org.fundwatch.pack.Institution;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackTable;
import org.fundwatch.rules.engine.fact.CareContextFact;
import org.fundwatch.rules.engine.fact.CodeCheckFact;
import org.fundwatch.rules.engine.fact.ComplicationFact;
import org.fundwatch.rules.engine.fact.DailyQuantityFact;
import org.fundwatch.rules.engine.fact.DrgFact;
import org.fundwatch.rules.engine.fact.EncounterFact;
import org.fundwatch.rules.engine.fact.FeeShareFact;
import org.fundwatch.rules.engine.fact.HistoryDiagnosisFact;
import org.fundwatch.rules.engine.fact.HistoryDrgFact;
import org.fundwatch.rules.engine.fact.PrescriptionFact;

/**
 * Enrichment for the DRG, internet-care, code-quality and statistics rules: registry context, code checks against the
 * 医保版 code systems, history diagnoses, prescriptions, fee shares, daily consumable quantities and — for a
 * discharged inpatient stay in the mid and post phases only — the CHS-DRG group with the city's payment standard
 * and the decisive CC/MCC diagnoses. Stateless apart from the lazily loaded DRG tables; thread-safe.
 *
 * <p>Readmissions are grouped too, but only earlier stays discharged at most {@value #READMISSION_DAYS} days before
 * the current admission, so a long history costs nothing.
 */
final class CareFacts {
    /** The longest gap between discharge and readmission for which an earlier stay is grouped. */
    static final int READMISSION_DAYS = 15;
    /**
     * The payment tables of the knowledge pack by region: the first four digits of the institution's admdvs (its
     * city) → the table's city. Regions without a table get no payment standard (the cost-ratio rules stay silent).
     */
    private static final Map<String, String> CITY_OF_REGION = Map.of("1101", "beijing", "4301", "changsha", "3205",
            "suzhou", "4201", "wuhan");

    private final KnowledgePack kb;
    private final List<ChronicDisease> chronicDiseases;
    /** ICD-10 prefix → the indexes (in {@link #chronicDiseases}) of the diseases it qualifies for. */
    private final Map<String, int[]> chronicByPrefix;
    /** The distinct prefix lengths of {@link #chronicByPrefix}, ascending. */
    private final int[] chronicPrefixLengths;
    private volatile DrgState drg;

    private record DrgState(DrgGrouper grouper, Set<String> complications, DrgTables tables) {}

    CareFacts(KnowledgePack kb) {
        this.kb = kb;
        this.chronicDiseases = kb.table(PackTable.CHRONIC_DISEASES);
        Map<String, int[]> byPrefix = new HashMap<>();
        java.util.TreeSet<Integer> lengths = new java.util.TreeSet<>();
        for (int i = 0; i < chronicDiseases.size(); i++) {
            for (String prefix : chronicDiseases.get(i).icd10Prefixes()) {
                int[] before = byPrefix.getOrDefault(prefix, new int[0]);
                int[] after = java.util.Arrays.copyOf(before, before.length + 1);
                after[before.length] = i;
                byPrefix.put(prefix, after);
                lengths.add(prefix.length());
            }
        }
        this.chronicByPrefix = Map.copyOf(byPrefix);
        this.chronicPrefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    void addTo(EncounterContext ctx, Encounter current, EncounterFact encounter, Optional<Institution> registered,
               long ageDays, List<Object> facts) {
        List<String> diagnoses = diagnosisCodes(current);
        String principal = current.principalDiagnosisCode().orElse(diagnoses.isEmpty() ? null : diagnoses.get(0));
        long total = encounter.getReportedTotalFen() > 0 ? encounter.getReportedTotalFen() : encounter.getLineTotalFen();

        // Same result as testing every disease's prefixes against every diagnosis, in the table's order.
        boolean[] qualifies = chronicOf(diagnoses);
        int onlineWeeks = 0;
        String chronicNames = "";
        if (qualifies != null) {
            // the distinct names in table order, joined with 、 (one or two diseases: no set, no iterator)
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < qualifies.length; i++) {
                if (qualifies[i]) {
                    ChronicDisease d = chronicDiseases.get(i);
                    if (!namedBefore(qualifies, i, d.name())) {
                        names.append(names.isEmpty() ? "" : "、").append(d.name());
                    }
                    onlineWeeks = Math.max(onlineWeeks, d.maxOnlineWeeks());
                }
            }
            chronicNames = names.toString();
        }
        long medicine = 0;
        for (FeeLine l : current.feeLines()) {
            if (l.current() && l.listType().isMedicine() && l.amount() != null) {
                medicine += l.amount().fen();
            }
        }
        long stay = encounter.isDischarged() ? encounter.getDischargeDay() - encounter.getAdmissionDay() : -1;
        LocalDateTime start = startOf(current);
        facts.add(new CareContextFact(current.id(), current.careSetting(), encounter.isInternet(), current.medType(), start,
                principal, current.procedures().size(), stay, total, medicine, registered.isPresent(),
                registered.map(Institution::type).orElse(null),
                registered.map(Institution::internetQualified).orElse(false),
                registered.map(Institution::supplementaryAgreement).orElse(false), chronicNames,
                onlineWeeks, current.doctorCode(), doctorHourCount(ctx, current, start), surgeryDay(current)));

        codeChecks(current, principal, facts);
        history(ctx, current, start, facts);
        prescriptions(current, facts);
        consumables(current, facts);
        if (encounter.isInpatient() && encounter.isDischarged()) {
            feeShares(current, total, facts);
            if (ctx.phase() == Phase.MID || ctx.phase() == Phase.POST) {
                drg(ctx, current, encounter, registered, diagnoses, principal, ageDays, total, facts);
            }
        }
    }

    // ---- context ----

    /** Whether a qualifying disease before index {@code end} has the name {@code name}. */
    private boolean namedBefore(boolean[] qualifies, int end, String name) {
        for (int i = 0; i < end; i++) {
            if (qualifies[i] && chronicDiseases.get(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Which chronic diseases (by index) one of {@code diagnoses} qualifies for; null when none. */
    private boolean[] chronicOf(List<String> diagnoses) {
        boolean[] qualifies = null;
        for (String code : diagnoses) {
            for (int length : chronicPrefixLengths) {
                if (length > code.length()) {
                    break;
                }
                int[] diseases = chronicByPrefix.get(code.substring(0, length));
                if (diseases != null) {
                    if (qualifies == null) {
                        qualifies = new boolean[chronicDiseases.size()];
                    }
                    for (int d : diseases) {
                        qualifies[d] = true;
                    }
                }
            }
        }
        return qualifies;
    }

    private static long surgeryDay(Encounter e) {
        long latest = -1;
        for (Procedure p : e.procedures()) {
            if (p.date() != null) {
                latest = Math.max(latest, p.date().toEpochDay());
            }
        }
        return latest;
    }

    private static List<String> diagnosisCodes(Encounter e) {
        if (e.diagnoses().isEmpty() && e.mainDiagnosisCode() == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        e.principalDiagnosisCode().ifPresent(codes::add);
        for (Diagnosis d : e.diagnoses()) {
            if (d.code() != null && !codes.contains(d.code())) {
                codes.add(d.code());
            }
        }
        return codes;
    }

    private static LocalDateTime startOf(Encounter e) {
        if (e.admissionTime() != null) {
            return e.admissionTime();
        }
        LocalDateTime first = null;
        for (FeeLine l : e.feeLines()) {
            if (l.time() != null && (first == null || l.time().isBefore(first))) {
                first = l.time();
            }
        }
        return first;
    }

    /** Encounters of the request with the same doctor that started in the same clock hour (this one included). */
    private static int doctorHourCount(EncounterContext ctx, Encounter current, LocalDateTime start) {
        if (current.doctorCode() == null || start == null) {
            return 0;
        }
        LocalDateTime hour = start.truncatedTo(ChronoUnit.HOURS);
        int n = 0;
        for (Encounter e : ctx.encounters()) {
            LocalDateTime t = e == current ? start : startOf(e);
            if (current.doctorCode().equals(e.doctorCode()) && t != null && t.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
                n++;
            }
        }
        return n;
    }

    private void codeChecks(Encounter current, String principal, List<Object> facts) {
        // a few diagnoses and procedures: duplicates found by scanning what came before
        List<Diagnosis> diagnoses = current.diagnoses();
        for (int i = 0, n = diagnoses.size(); i < n; i++) {
            Diagnosis d = diagnoses.get(i);
            if (usable(d.code()) && !diagnosisBefore(diagnoses, i, d.code())) {
                diagnosisCheck(d.code(), d.name(), principal, facts);
            }
        }
        String main = current.mainDiagnosisCode();
        if (usable(main) && !diagnosisBefore(diagnoses, diagnoses.size(), main)) {
            diagnosisCheck(main, current.mainDiagnosisName(), principal, facts);
        }
        List<Procedure> procedures = current.procedures();
        for (int i = 0, n = procedures.size(); i < n; i++) {
            Procedure p = procedures.get(i);
            if (!usable(p.code()) || procedureBefore(procedures, i, p.code())) {
                continue;
            }
            facts.add(new CodeCheckFact("procedure", p.code(), p.name(), kb.icd9().contains(p.code()),
                    kb.icd9().isGrey(p.code()), p.principal()));
        }
    }

    private void diagnosisCheck(String code, String name, String principal, List<Object> facts) {
        facts.add(new CodeCheckFact("diagnosis", code, name, kb.icd10().contains(code), kb.icd10().isGrey(code),
                code.equals(principal)));
    }

    private static boolean usable(String code) {
        return code != null && !code.isBlank();
    }

    private static boolean diagnosisBefore(List<Diagnosis> diagnoses, int end, String code) {
        for (int i = 0; i < end; i++) {
            if (code.equals(diagnoses.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    private static boolean procedureBefore(List<Procedure> procedures, int end, String code) {
        for (int i = 0; i < end; i++) {
            if (code.equals(procedures.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    private void history(EncounterContext ctx, Encounter current, LocalDateTime start, List<Object> facts) {
        for (Encounter h : ctx.encounters()) {
            if (h == current) {
                continue;
            }
            List<String> codes = diagnosisCodes(h);
            if (codes.isEmpty()) {
                continue;
            }
            LocalDateTime hStart = startOf(h);
            long daysBefore = start == null || hStart == null ? -1
                    : start.toLocalDate().toEpochDay() - hStart.toLocalDate().toEpochDay();
            boolean internet = isInternet(h);
            for (String code : codes) {
                facts.add(new HistoryDiagnosisFact(h.id(), code, daysBefore, internet));
            }
        }
    }

    private boolean isInternet(Encounter e) {
        return e.careSetting() == CareSetting.INTERNET || (e.institution() != null && kb.institution(e.institution().code())
                .map(i -> "互联网医院".equals(i.type())).orElse(false));
    }

    // ---- prescriptions and quantities ----

    private static void prescriptions(Encounter current, List<Object> facts) {
        // A handful of prescriptions of a few lines each: grouped with index arrays in one scan per prescription, in
        // order of first appearance (cheaper than maps or lists per prescription).
        List<FeeLine> lines = current.feeLines();
        int n = lines.size();
        String[] rx = null; // the prescription of each medicine line with one, else null
        for (int i = 0; i < n; i++) {
            FeeLine l = lines.get(i);
            if (l.current() && l.listType().isMedicine() && l.prescriptionNo() != null && !l.prescriptionNo().isBlank()) {
                if (rx == null) {
                    rx = new String[n];
                }
                rx[i] = l.prescriptionNo();
            }
        }
        if (rx == null) {
            return;
        }
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            if (rx[i] == null) {
                continue;
            }
            String no = rx[i];
            int size = 0;
            int pieceLines = 0;
            for (int j = i; j < n; j++) {
                if (rx[j] != null && (rx[j] == no || rx[j].equals(no))) {
                    members[size++] = j;
                    rx[j] = null; // taken
                    if (isPiece(lines.get(j))) {
                        pieceLines++;
                    }
                }
            }
            String[] drugIds = new String[size - pieceLines];
            String[] pieceIds = new String[pieceLines];
            int drugAt = 0;
            int pieceAt = 0;
            int drugs = 0;
            int pieces = 0;
            long drugFen = 0;
            long pieceFen = 0;
            String doctor = null;
            for (int m = 0; m < size; m++) {
                FeeLine l = lines.get(members[m]);
                long fen = l.amount() == null ? 0 : l.amount().fen();
                doctor = doctor == null ? l.doctorCode() : doctor;
                boolean piece = isPiece(l);
                boolean firstOfCode = true; // distinct codes among the same kind of line
                for (int e = 0; e < m && firstOfCode; e++) {
                    FeeLine earlier = lines.get(members[e]);
                    firstOfCode = isPiece(earlier) != piece || !sameText(earlier.itemCode(), l.itemCode());
                }
                if (piece) {
                    pieceIds[pieceAt++] = l.lineId();
                    pieces += firstOfCode ? 1 : 0;
                    pieceFen += fen;
                } else {
                    drugIds[drugAt++] = l.lineId();
                    drugs += firstOfCode ? 1 : 0;
                    drugFen += fen;
                }
            }
            facts.add(new PrescriptionFact(no, drugs, drugIds, drugFen, pieces, pieceIds, pieceFen,
                    doctor));
        }
    }

    /**
     * Whether two codes are equal, comparing the strings' hashes first: the knowledge lookup has computed and cached
     * them, and different codes then differ without reading their characters (a cache miss each on a cold request).
     */
    private static boolean sameText(String a, String b) {
        return a == b || (a != null && b != null && a.hashCode() == b.hashCode() && a.equals(b));
    }

    private static boolean isPiece(FeeLine l) {
        return l.listType() == ListType.TCM_PIECE || l.listType() == ListType.TCM_GRANULE;
    }

    private record CodeDay(String code, long day) {}

    private static void consumables(Encounter current, List<Object> facts) {
        Map<CodeDay, List<FeeLine>> byCodeDay = null;
        for (FeeLine l : current.feeLines()) {
            if (l.current() && l.listType() == ListType.CONSUMABLE && l.time() != null && l.quantity() != null) {
                if (byCodeDay == null) {
                    byCodeDay = new LinkedHashMap<>();
                }
                byCodeDay.computeIfAbsent(new CodeDay(l.itemCode(), l.time().toLocalDate().toEpochDay()),
                        k -> new ArrayList<>()).add(l);
            }
        }
        if (byCodeDay == null) {
            return;
        }
        byCodeDay.values().forEach(lines -> {
            BigDecimal quantity = BigDecimal.ZERO;
            long fen = 0;
            List<String> ids = new ArrayList<>();
            for (FeeLine l : lines) {
                quantity = quantity.add(l.quantity());
                fen += l.amount() == null ? 0 : l.amount().fen();
                ids.add(l.lineId());
            }
            FeeLine first = lines.get(0);
            facts.add(new DailyQuantityFact(first.itemCode(), first.name(), first.time().toLocalDate().toEpochDay(),
                    quantity, ids, fen, first.doctorCode()));
        });
    }

    // ---- fee shares ----

    /**
     * Fee categories: national {@code med_chrgitm_type} when sent (03 检查, 04 化验, 05 治疗, 08 卫生材料, 09 西药,
     * 10 中药饮片, 11 中成药), else the list type (medicines, consumables). CT and MRI by the national service code
     * (15 digits, {@code 00} + 全国医疗服务价格项目规范 code: 2102 CT, 2103 磁共振).
     */
    static String category(FeeLine l) {
        String c = l.chargeCategory();
        if (c != null && !c.isBlank()) {
            return switch (c.strip()) {
                case "09", "10", "11" -> "drug";
                case "03", "04" -> "exam";
                case "08" -> "consumable";
                case "05" -> "treatment";
                default -> "other";
            };
        }
        if (l.listType().isMedicine()) {
            return "drug";
        }
        if (l.listType() == ListType.CONSUMABLE) {
            return "consumable";
        }
        return "other";
    }

    private static void feeShares(Encounter current, long total, List<Object> facts) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (String k : List.of("drug", "exam", "consumable", "treatment", "ct", "mri")) {
            sums.put(k, 0L);
        }
        for (FeeLine l : current.feeLines()) {
            long fen = l.amount() == null ? 0 : l.amount().fen();
            sums.merge(category(l), fen, Long::sum);
            if (l.listType() == ListType.SERVICE_ITEM && l.itemCode().startsWith("002102")) {
                sums.merge("ct", fen, Long::sum);
            } else if (l.listType() == ListType.SERVICE_ITEM && l.itemCode().startsWith("002103")) {
                sums.merge("mri", fen, Long::sum);
            }
        }
        Map<String, String> names = Map.of("drug", "药品费", "exam", "检验检查费", "consumable", "耗材费", "treatment",
                "治疗费", "ct", "CT检查费", "mri", "核磁检查费");
        for (String k : List.of("drug", "exam", "consumable", "treatment", "ct", "mri")) {
            facts.add(new FeeShareFact(k, names.get(k), sums.get(k), total));
        }
    }

    // ---- DRG ----

    private DrgState drgState() {
        DrgState s = drg;
        if (s == null) {
            synchronized (this) {
                s = drg;
                if (s == null) {
                    Path icd = kb.dir().resolve("icd");
                    if (!Files.isDirectory(kb.drgTablesDir()) || !Files.isDirectory(icd)) {
                        throw new IllegalStateException(kb + " has no CHS-DRG tables or ICD code systems; rebuild it");
                    }
                    DrgTables tables = DrgTables.load(kb.drgTablesDir(), icd);
                    s = new DrgState(new DrgGrouper(tables), Set.copyOf(tables.complicationDiagnoses()), tables);
                    drg = s;
                }
            }
        }
        return s;
    }

    private void drg(EncounterContext ctx, Encounter current, EncounterFact encounter, Optional<Institution> registered,
                     List<String> diagnoses, String principal, long ageDays, long total, List<Object> facts) {
        if (principal == null) {
            return;
        }
        DrgState state = drgState();
        List<String> ordered = new ArrayList<>();
        ordered.add(principal);
        diagnoses.stream().filter(d -> !d.equals(principal)).forEach(ordered::add);
        List<String> procedures = procedures(current);
        int gender = "1".equals(ctx.patient().gender().code()) ? 1 : "2".equals(ctx.patient().gender().code()) ? 2 : 0;
        Integer days = ageDays < 0 ? null : (int) Math.min(Integer.MAX_VALUE, ageDays);
        DrgResult result = state.grouper().group(DrgCase.of(current.id(), gender, days == null ? null : days / 365, days,
                null, ordered, procedures));
        String city = cityOf(current, registered);
        int level = encounter.getInstitutionLevel();
        long standard = standardFen(city, result, level);
        facts.add(new DrgFact(current.id(), result.mdc(), result.adrg(), result.drg(), result.isGrouped() ? state.tables()
                .drgName(result.drg()) : null, result.isGrouped(), result.isAmbiguous(), result.reason(), city, standard, total));
        if (result.isGrouped()) {
            for (int i = 1; i < ordered.size(); i++) {
                String code = ordered.get(i);
                if (!state.complications().contains(code)) {
                    continue;
                }
                List<String> without = new ArrayList<>(ordered);
                without.remove(i);
                DrgResult lower = state.grouper().group(DrgCase.of(current.id(), gender, days == null ? null : days / 365,
                        days, null, without, procedures));
                if (lower.isGrouped() && !lower.drg().equals(result.drg())) {
                    facts.add(new ComplicationFact(code, nameOf(current, code), result.drg(), lower.drg(), standard,
                            standardFen(city, lower, level), total));
                }
            }
        }
        readmissions(ctx, current, encounter, state, gender, days, facts);
    }

    private void readmissions(EncounterContext ctx, Encounter current, EncounterFact encounter, DrgState state, int gender,
                              Integer days, List<Object> facts) {
        for (Encounter h : ctx.encounters()) {
            if (h == current || h.careSetting() != CareSetting.INPATIENT || h.dischargeTime() == null) {
                continue;
            }
            long gap = encounter.getAdmissionDay() - h.dischargeTime().toLocalDate().toEpochDay();
            List<String> dx = diagnosisCodes(h);
            if (gap < 0 || gap > READMISSION_DAYS || dx.isEmpty()) {
                continue;
            }
            DrgResult r = state.grouper().group(DrgCase.of(h.id(), gender, days == null ? null : days / 365, days, null, dx,
                    procedures(h)));
            if (r.isGrouped()) {
                facts.add(new HistoryDrgFact(h.id(), h.institution() == null ? null : h.institution().code(), r.adrg(),
                        r.drg(), gap));
            }
        }
    }

    private static List<String> procedures(Encounter e) {
        List<String> out = new ArrayList<>();
        e.procedures().stream().filter(Procedure::principal).map(Procedure::code).forEach(out::add);
        e.procedures().stream().filter(p -> !p.principal()).map(Procedure::code).forEach(out::add);
        return out;
    }

    private static String nameOf(Encounter e, String code) {
        return e.diagnoses().stream().filter(d -> code.equals(d.code())).map(Diagnosis::name).filter(n -> n != null)
                .findFirst().orElse(null);
    }

    private static String cityOf(Encounter current, Optional<Institution> registered) {
        String admdvs = registered.map(Institution::admdvs)
                .orElse(current.institution() == null ? null : current.institution().admdvs());
        return admdvs == null || admdvs.length() < 4 ? null : CITY_OF_REGION.get(admdvs.substring(0, 4));
    }

    private long standardFen(String city, DrgResult r, int level) {
        if (city == null || !r.isGrouped()) {
            return -1;
        }
        return kb.drgPayment(city, r.drg(), level).map(DrgPayment::standardYuan)
                .map(y -> y.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValue()).orElse(-1L);
    }
}
