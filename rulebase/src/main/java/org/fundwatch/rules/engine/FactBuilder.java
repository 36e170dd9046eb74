package org.fundwatch.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Procedure;
import org.fundwatch.pack.ItemCourse;
import org.fundwatch.pack.ItemFrequency;
import org.fundwatch.pack.ItemPeriod;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.rules.engine.fact.CodeKnowledge;
import org.fundwatch.rules.engine.fact.DiagnosisFact;
import org.fundwatch.rules.engine.fact.EncounterFact;
import org.fundwatch.rules.engine.fact.HistoryEncounterFact;
import org.fundwatch.rules.engine.fact.HistoryLineFact;
import org.fundwatch.rules.engine.fact.LineFact;
import org.fundwatch.rules.engine.fact.PatientFact;
import org.fundwatch.rules.engine.fact.ProcedureFact;
import org.fundwatch.rules.engine.fact.UsageFact;

/**
 * Enrichment: turns an {@link EncounterContext} into the facts the DRL rules match on. One hash lookup per line
 * attaches its restrictions; usage windows of codes with frequency/period/course limits are aggregated here (a
 * handful of codes per encounter) rather than with DRL accumulates over every line. Stateless; thread-safe.
 */
final class FactBuilder {
    /** The registry type of an institution whose every encounter is internet care. */
    private static final String INTERNET_HOSPITAL = "互联网医院";

    private final KnowledgePack kb;
    private final KnowledgeIndex index;
    private final CareFacts care;

    FactBuilder(KnowledgePack kb, KnowledgeIndex index) {
        this.kb = kb;
        this.index = index;
        this.care = new CareFacts(kb);
    }

    /** The facts of {@code ctx}, or an empty list when the context has no current encounter. */
    Facts build(EncounterContext ctx) {
        Encounter current = currentOf(ctx);
        if (current == null) {
            return null;
        }
        List<Object> facts = new ArrayList<>(current.feeLines().size() + 32);
        LocalDate reference = referenceDate(current);
        long refDay = reference == null ? -1 : reference.toEpochDay();
        var p = ctx.patient();
        long ageDays = p.birthDate() == null || reference == null ? -1 : p.ageInDays(reference);
        String insuranceType = current.insuranceType() != null ? current.insuranceType() : p.insuranceType();
        facts.add(new PatientFact(p.id(), p.gender().code(), ageDays, insuranceType,
                p.deathDate() == null ? Long.MAX_VALUE : p.deathDate().toEpochDay()));

        String institutionCode = current.institution() == null ? null : current.institution().code();
        var registered = kb.institution(institutionCode);
        org.fundwatch.pack.Institution inRegistry = registered.orElse(null);
        int level = inRegistry != null ? inRegistry.level()
                : levelOfMessage(current.institution() == null ? null : current.institution().level());
        boolean internet = current.careSetting() == CareSetting.INTERNET
                || (inRegistry != null && INTERNET_HOSPITAL.equals(inRegistry.type()));
        List<String> diagnosisCodes = new ArrayList<>(current.diagnoses().size() + 1);
        for (Diagnosis d : current.diagnoses()) {
            if (d.code() != null) {
                diagnosisCodes.add(d.code());
                facts.add(diagnosisFact(d.code(), d.name()));
            }
        }
        if (current.mainDiagnosisCode() != null && !diagnosisCodes.contains(current.mainDiagnosisCode())) {
            diagnosisCodes.add(current.mainDiagnosisCode());
            facts.add(diagnosisFact(current.mainDiagnosisCode(), current.mainDiagnosisName()));
        }
        for (Procedure pr : current.procedures()) {
            facts.add(new ProcedureFact(pr.code(), pr.name(), IcdDemographics.procedureSex(pr.code())));
        }
        long lineTotal = 0;
        List<FeeLine> feeLines = current.feeLines();
        int n = feeLines.size();
        LineFact[] lines = new LineFact[n];
        CodeKnowledge[] knowledge = new CodeKnowledge[n];
        boolean usage = false;
        int touched = 0;
        for (int i = 0; i < n; i++) {
            // All lookups first: independent loads into a large table, which the CPU overlaps. The same loop reads one
            // field of each value object the next loop needs (time, amounts), so that their cache misses overlap here
            // too instead of stalling the dependent work below one by one. (Tried, not kept: three passes, one level
            // of the lines' object graph each: 0.97 and 0.92 of this loop's speed, paired; docs/rule-pack.md.)
            FeeLine l = feeLines.get(i);
            knowledge[i] = index.of(l.itemCode());
            touched += touch(l);
        }
        if (touched == TOUCH_SENTINEL) {
            Thread.onSpinWait(); // a use of the reads that changes nothing, so the JIT keeps them (no shared write)
        }
        LocalDate lastDate = null; // lines come in runs of one date: its epoch day is computed once per run
        long lastDay = -1;
        for (int i = 0; i < n; i++) {
            FeeLine l = feeLines.get(i);
            CodeKnowledge k = knowledge[i];
            long day = -1;
            if (l.time() != null) {
                LocalDate date = l.time().toLocalDate();
                if (!date.equals(lastDate)) {
                    lastDate = date;
                    lastDay = date.toEpochDay();
                }
                day = lastDay;
            }
            LineFact line = lineFact(i, l, k, day);
            lines[i] = line;
            usage |= k.hasUsageLimit();
            facts.add(line);
            lineTotal += line.getAmountFen();
        }
        long reported = current.totals() == null || current.totals().total() == null || current.totals().total().isZero()
                ? -1 : current.totals().total().fen();
        long admissionDay = current.admissionTime() == null ? refDay : current.admissionTime().toLocalDate().toEpochDay();
        long dischargeDay = current.dischargeTime() == null ? -1 : current.dischargeTime().toLocalDate().toEpochDay();
        EncounterFact encounter = new EncounterFact(current.id(), institutionCode, level, current.careSetting(),
                current.medType(), insuranceType, internet, admissionDay, dischargeDay, current.doctorCode(),
                diagnosisCodes, reported, lineTotal);
        facts.add(encounter);

        // History lines are facts only where a rule can join them to a current line: the same item code (repeat
        // prescriptions, usage windows) or the same ATC subgroup (second-line evidence). A patient's earlier visits
        // bring dozens of lines that share neither; inserting them made a 3101 with two earlier 20-line visits ~3×
        // as expensive to evaluate as one without history, for no possible match.
        JoinKeys joinKeys = new JoinKeys(lines);
        List<HistoryLineFact> historyLines = new ArrayList<>();
        List<CodeKnowledge> historyKnowledge = new ArrayList<>(); // parallel to historyLines
        for (Encounter h : ctx.encounters()) {
            if (h == current) {
                continue;
            }
            long hAdmission = h.admissionTime() == null ? -1 : h.admissionTime().toLocalDate().toEpochDay();
            long hDischarge = h.dischargeTime() == null ? -1 : h.dischargeTime().toLocalDate().toEpochDay();
            String hInstitution = h.institution() == null ? null : h.institution().code();
            facts.add(new HistoryEncounterFact(h.id(), hInstitution, h.careSetting(), hAdmission, hDischarge,
                    hAdmission < 0 || admissionDay < 0 ? -1 : admissionDay - hAdmission));
            for (FeeLine l : h.feeLines()) {
                if (!joinKeys.shares(l.itemCode())) {
                    continue;
                }
                long start = l.time() == null ? -1 : l.time().toLocalDate().toEpochDay();
                long day = l.time() == null ? hAdmission : start;
                long to = coveredTo(l, start);
                HistoryLineFact hl = new HistoryLineFact(h.id(), hInstitution, l.lineId(), l.itemCode(), day,
                        to < 0 ? -1 : start, to);
                historyLines.add(hl);
                historyKnowledge.add(index.of(l.itemCode()));
                facts.add(hl);
            }
        }
        if (usage) {
            addUsage(lines, knowledge, historyLines, historyKnowledge, facts);
        }
        care.addTo(ctx, current, encounter, registered, ageDays, facts);
        return new Facts(facts, encounter, reference);
    }

    /** Any value: the sum of the reads in {@link #touch} is compared with it so that they are not dropped as unused. */
    private static final int TOUCH_SENTINEL = 0x5EED;

    /**
     * One field of each value object of {@code l} that enrichment reads (a read, no computation). Measured: +6 % (mid)
     * and +7 % (pre) evaluations per CPU-second on the rule bench's 512 encounters, median ratio of 14 alternating 3-s
     * pairs in one JVM; docs/rule-pack.md, session 16.
     */
    private static int touch(FeeLine l) {
        int t = 0;
        LocalDateTime time = l.time();
        if (time != null) {
            t += time.toLocalDate().getDayOfMonth();
        }
        t += scaleOf(l.quantity()) + scaleOf(l.unitPrice()) + scaleOf(l.daysSupply());
        if (l.amount() != null) {
            t += (int) l.amount().fen();
        }
        String prescription = l.prescriptionNo();
        if (prescription != null) {
            t += prescription.length();
        }
        return t;
    }

    private static int scaleOf(BigDecimal value) {
        return value == null ? 0 : value.scale();
    }

    private static Encounter currentOf(EncounterContext ctx) {
        for (Encounter e : ctx.encounters()) {
            if (e.id().equals(ctx.currentEncounterId())) {
                return e;
            }
        }
        return null;
    }

    /** The facts of one context plus what the engine needs for scene filtering. */
    record Facts(List<Object> all, EncounterFact encounter, LocalDate date) {}

    private static LocalDate referenceDate(Encounter e) {
        if (e.admissionTime() != null) {
            return e.admissionTime().toLocalDate();
        }
        for (FeeLine l : e.feeLines()) {
            if (l.time() != null) {
                return l.time().toLocalDate();
            }
        }
        return null;
    }

    private DiagnosisFact diagnosisFact(String code, String name) {
        long[] age = IcdDemographics.diagnosisAge(code);
        return new DiagnosisFact(code, name, IcdDemographics.diagnosisSex(code), age == null ? -1 : age[0],
                age == null ? -1 : age[1], age == null ? null : IcdDemographics.ageText(age));
    }

    /** The fact of line {@code i}, {@code l} with knowledge {@code k}; {@code day}: epoch day of its time, else -1. */
    private static LineFact lineFact(int i, FeeLine l, CodeKnowledge k, long day) {
        long unitMicros = l.unitPrice() == null ? -1 : KnowledgeIndex.micros(l.unitPrice());
        long expected = expectedFen(l.unitPrice(), l.quantity(), unitMicros);
        long to = coveredTo(l, day);
        return new LineFact(i, l.lineId(), l.itemCode(), l.name(), l.listType(), l.prescriptionNo(), l.current(), l.time(),
                day, l.quantity(), unitMicros, l.amount() == null ? 0 : l.amount().fen(), expected, l.doctorCode(),
                to < 0 ? -1 : day, to, k);
    }

    /**
     * quantity × unit price rounded half up to the fen, -1 when either is missing. For the usual whole quantity and a
     * unit price of at most six decimals (exactly {@code unitMicros}) in long arithmetic; otherwise with BigDecimal.
     */
    static long expectedFen(BigDecimal unitPrice, BigDecimal quantity, long unitMicros) {
        if (unitPrice == null || quantity == null) {
            return -1;
        }
        if (quantity.scale() == 0 && unitPrice.scale() <= 6 && quantity.precision() <= 18) {
            long q = quantity.longValue();
            long micros = unitMicros * q;
            long high = Math.multiplyHigh(unitMicros, q);
            if ((high == 0 && micros >= 0) || (high == -1 && micros < 0)) { // the product fits in a long
                return (micros + (micros >= 0 ? 5_000 : -5_000)) / 10_000; // half up, away from zero
            }
        }
        return unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValue();
    }

    /**
     * The end (exclusive epoch day) of the days a medicine line covers, which start on its {@code day}: the order's
     * stop, else start + days supply; -1 when unknown (then the start is unknown too).
     */
    private static long coveredTo(FeeLine l, long day) {
        if (l.time() == null) {
            return -1;
        }
        if (l.stopTime() != null && l.stopTime().isAfter(l.time())) {
            return l.stopTime().toLocalDate().toEpochDay();
        }
        if (l.daysSupply() != null && l.daysSupply().signum() > 0) {
            return day + l.daysSupply().setScale(0, RoundingMode.CEILING).longValue();
        }
        return -1;
    }

    /** hosp_lv 01–04 三级, 05–07 二级, 08–10 一级; anything else unknown (0). */
    static int levelOfMessage(String hospLevel) {
        if (hospLevel == null || hospLevel.isBlank()) {
            return 0;
        }
        return switch (hospLevel.strip()) {
            case "01", "02", "03", "04", "3" -> 3;
            case "05", "06", "07", "2" -> 2;
            case "08", "09", "10", "1" -> 1;
            default -> 0;
        };
    }

    // ---- usage windows ----

    /**
     * The keys on which a history line can join a current line: the current lines' item codes, ATC subgroups and
     * second-line ATC subgroups. Built lazily as a hash set only when many history lines are tested; a few are
     * compared with the current lines directly (most requests carry a short history).
     */
    private static final class JoinKeys {
        private static final int SCAN_LIMIT = 8;
        private final LineFact[] lines;
        private java.util.Set<String> keys;
        private int tested;

        JoinKeys(LineFact[] lines) {
            this.lines = lines;
        }

        /** Whether a history line of {@code itemCode} shares the code or its ATC subgroup with a current line. */
        boolean shares(String itemCode) {
            if (itemCode == null) {
                return false;
            }
            String atc = LineFact.atcSubgroup(itemCode);
            if (++tested <= SCAN_LIMIT) {
                return isKey(itemCode) || (atc != null && isKey(atc));
            }
            if (keys == null) {
                keys = new java.util.HashSet<>(lines.length * 3);
                for (LineFact line : lines) {
                    addIfPresent(keys, line.getItemCode());
                    addIfPresent(keys, line.getAtcSubgroup());
                    addIfPresent(keys, line.getSecondLineAtc());
                }
            }
            return keys.contains(itemCode) || (atc != null && keys.contains(atc));
        }

        private boolean isKey(String key) {
            for (LineFact l : lines) {
                if (key.equals(l.getItemCode()) || key.equals(l.getAtcSubgroup()) || key.equals(l.getSecondLineAtc())) {
                    return true;
                }
            }
            return false;
        }

        private static void addIfPresent(java.util.Set<String> keys, String key) {
            if (key != null) {
                keys.add(key);
            }
        }
    }

    /**
     * One pass per code with a usage limit that has a current dated line, in the order the codes first appear (the
     * facts' order does not change the findings; a stable order keeps runs reproducible).
     */
    private static void addUsage(LineFact[] lines, CodeKnowledge[] knowledge, List<HistoryLineFact> history,
                                 List<CodeKnowledge> historyKnowledge, List<Object> facts) {
        // The index holds one CodeKnowledge per code, so lines with a usage limit have the same code exactly when
        // they share the CodeKnowledge instance: compared by identity (CodeKnowledge has no equals), without
        // reading the code strings.
        for (int i = 0; i < lines.length; i++) {
            LineFact first = lines[i];
            CodeKnowledge k = knowledge[i];
            if (!k.hasUsageLimit() || !isUsageStart(first) || startedBefore(lines, knowledge, i, k)) {
                continue;
            }
            String code = first.getItemCode();
            List<LineFact> sameCode = sameCode(lines, knowledge, k);
            List<Long> historyDays = List.of();
            List<long[]> historyCoverage = List.of();
            for (int j = 0, n = history.size(); j < n; j++) {
                HistoryLineFact h = history.get(j);
                if (historyKnowledge.get(j) == k && h.getDay() >= 0) {
                    if (historyDays.isEmpty()) {
                        historyDays = new ArrayList<>(4);
                        historyCoverage = new ArrayList<>(4);
                    }
                    historyDays.add(h.getDay());
                    historyCoverage.add(new long[] {h.getCoveredFrom(), h.getCoveredTo(), h.getDay()});
                }
            }
            if (k.frequency() != null) {
                frequency(k.frequency(), sameCode, facts);
            }
            if (k.period() != null) {
                period(k.period(), sameCode, historyDays, facts);
            }
            if (k.course() != null) {
                course(k.course(), sameCode, historyDays, facts);
            }
            if (k.paymentCourseDays() > 0) {
                drugCourse(code, k.paymentCourseDays(), sameCode, historyCoverage, facts);
            }
        }
    }

    /** Whether a usage pass can start at {@code line}: a current line with a date. */
    private static boolean isUsageStart(LineFact line) {
        return line.isCurrent() && line.getDay() >= 0;
    }

    /** Whether a line before {@code end} with knowledge {@code k} started its code's pass already. */
    private static boolean startedBefore(LineFact[] lines, CodeKnowledge[] knowledge, int end, CodeKnowledge k) {
        for (int j = 0; j < end; j++) {
            if (knowledge[j] == k && isUsageStart(lines[j])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The dated lines with knowledge {@code k} (the same code), in line order; no list is allocated in the common case
     * of a code on one line only.
     */
    private static List<LineFact> sameCode(LineFact[] lines, CodeKnowledge[] knowledge, CodeKnowledge k) {
        LineFact only = null;
        List<LineFact> all = null;
        for (int j = 0; j < lines.length; j++) {
            if (knowledge[j] == k && lines[j].getDay() >= 0) {
                if (only == null) {
                    only = lines[j];
                } else {
                    if (all == null) {
                        all = new ArrayList<>(4);
                        all.add(only);
                    }
                    all.add(lines[j]);
                }
            }
        }
        return all == null ? List.of(only) : all;
    }

    private static void frequency(ItemFrequency f, List<LineFact> sameCode, List<Object> facts) {
        boolean hourly = "小时".equals(f.perUnit());
        if (sameCode.size() == 1) { // one window: no grouping
            emit(facts, "item-frequency", f.itemCode(), f.itemName(), window(sameCode.get(0).getTime(), hourly),
                    count(sameCode), f.maxCount(), sameCode);
            return;
        }
        Map<String, List<LineFact>> windows = new TreeMap<>();
        for (LineFact l : sameCode) {
            windows.computeIfAbsent(window(l.getTime(), hourly), w -> new ArrayList<>()).add(l);
        }
        windows.forEach((window, ls) -> emit(facts, "item-frequency", f.itemCode(), f.itemName(), window, count(ls),
                f.maxCount(), ls));
    }

    /** The frequency window of a line at {@code t}: its day, or its clock hour, as the finding names it. */
    private static String window(LocalDateTime t, boolean hourly) {
        return hourly ? t.toLocalDate() + " " + t.getHour() + "时（每小时）" : t.toLocalDate() + "（每日）";
    }

    private static void period(ItemPeriod p, List<LineFact> sameCode, List<Long> historyDays, List<Object> facts) {
        long last = -1;
        for (int i = 0, n = sameCode.size(); i < n; i++) {
            LineFact l = sameCode.get(i);
            if (l.isCurrent()) {
                last = Math.max(last, l.getDay());
            }
        }
        long from = last - p.periodDays() + 1;
        List<LineFact> inWindow = sameCode;
        for (int i = 0, n = sameCode.size(); i < n; i++) {
            long day = sameCode.get(i).getDay();
            if (day < from || day > last) { // some line is outside the window: keep only those inside
                inWindow = new ArrayList<>(n);
                for (LineFact l : sameCode) {
                    if (l.getDay() >= from && l.getDay() <= last) {
                        inWindow.add(l);
                    }
                }
                break;
            }
        }
        long count = count(inWindow);
        for (int i = 0, n = historyDays.size(); i < n; i++) {
            long d = historyDays.get(i);
            if (d >= from && d <= last) {
                count++;
            }
        }
        emit(facts, "item-period", p.itemCode(), p.itemName(), p.periodDays() + "天内", count, p.maxCount(), inWindow);
    }

    private static void course(ItemCourse c, List<LineFact> sameCode, List<Long> historyDays, List<Object> facts) {
        TreeSet<Long> days = new TreeSet<>(historyDays);
        sameCode.forEach(l -> days.add(l.getDay()));
        if (c.maxTotalDays() != null) {
            emit(facts, "item-course-days", c.itemCode(), c.itemName(), "累计使用天数", days.size(), c.maxTotalDays(),
                    sameCode);
        }
        if (c.minIntervalDays() != null && days.size() > 1) {
            long shortest = Long.MAX_VALUE;
            Long previous = null;
            for (long d : days) {
                if (previous != null) {
                    shortest = Math.min(shortest, d - previous);
                }
                previous = d;
            }
            emit(facts, "item-course-interval", c.itemCode(), c.itemName(), "两次使用最短间隔（天）", shortest,
                    c.minIntervalDays(), sameCode);
        }
    }

    private static void drugCourse(String code, int maxDays, List<LineFact> sameCode, List<long[]> history,
                                   List<Object> facts) {
        long days = coveredDays(sameCode, history);
        if (days < 0) { // beyond ~27 years of coverage: the day-by-day count with its cap
            TreeSet<Long> covered = new TreeSet<>();
            for (LineFact l : sameCode) {
                addDays(covered, l.getCoveredFrom(), l.getCoveredTo(), l.getDay());
            }
            for (long[] h : history) {
                addDays(covered, h[0], h[1], h[2]);
            }
            days = covered.size();
        }
        String name = sameCode.get(0).getName();
        emit(facts, "drug-course", code, name, "累计用药天数", days, maxDays, sameCode);
    }

    /**
     * The number of distinct days covered by the lines and history entries — each covers [from, to) when known, else
     * its own day — as the union of sorted intervals; -1 when it reaches {@link #MAX_COVERED_DAYS} (then the caller
     * counts day by day, which caps the count the way it always has).
     */
    private static long coveredDays(List<LineFact> sameCode, List<long[]> history) {
        int n = sameCode.size() + history.size();
        if (n == 1 && history.isEmpty()) { // one line: its own interval
            LineFact l = sameCode.get(0);
            boolean known = l.getCoveredFrom() >= 0 && l.getCoveredTo() > l.getCoveredFrom();
            long days = known ? l.getCoveredTo() - l.getCoveredFrom() : 1;
            return days >= MAX_COVERED_DAYS ? -1 : days;
        }
        long[] from = new long[n];
        long[] to = new long[n];
        int i = 0;
        for (int k = 0, lines = sameCode.size(); k < lines; k++) {
            LineFact l = sameCode.get(k);
            boolean known = l.getCoveredFrom() >= 0 && l.getCoveredTo() > l.getCoveredFrom();
            from[i] = known ? l.getCoveredFrom() : l.getDay();
            to[i++] = known ? l.getCoveredTo() : l.getDay() + 1;
        }
        for (int k = 0, entries = history.size(); k < entries; k++) {
            long[] h = history.get(k);
            boolean known = h[0] >= 0 && h[1] > h[0];
            from[i] = known ? h[0] : h[2];
            to[i++] = known ? h[1] : h[2] + 1;
        }
        // insertion sort by start: a handful of intervals per code
        for (int a = 1; a < n; a++) {
            long f = from[a];
            long t = to[a];
            int b = a - 1;
            while (b >= 0 && from[b] > f) {
                from[b + 1] = from[b];
                to[b + 1] = to[b];
                b--;
            }
            from[b + 1] = f;
            to[b + 1] = t;
        }
        long total = 0;
        long end = Long.MIN_VALUE;
        for (int a = 0; a < n; a++) {
            long start = Math.max(from[a], end);
            if (to[a] > start) {
                total += to[a] - start;
            }
            end = Math.max(end, to[a]);
        }
        return total >= MAX_COVERED_DAYS ? -1 : total;
    }

    private static final int MAX_COVERED_DAYS = 10_000;

    private static void addDays(TreeSet<Long> covered, long from, long to, long day) {
        if (from >= 0 && to > from) {
            for (long d = from; d < to && covered.size() < MAX_COVERED_DAYS; d++) {
                covered.add(d);
            }
        } else {
            covered.add(day);
        }
    }

    /**
     * The lines' total quantity (a line without one counts 1), rounded up. Whole quantities, the usual case, are added
     * as longs; any other quantity takes the exact BigDecimal sum.
     */
    static long count(List<LineFact> ls) {
        int n = ls.size();
        if (n > 1_000) { // 1,000 whole quantities below 10^15 sum to below 2^63
            return exactCount(ls);
        }
        long whole = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal q = ls.get(i).getQuantity();
            if (q == null) {
                whole++;
            } else if (q.scale() == 0 && q.precision() <= 15) {
                whole += q.longValue();
            } else {
                return exactCount(ls);
            }
        }
        return whole;
    }

    private static long exactCount(List<LineFact> ls) {
        BigDecimal total = BigDecimal.ZERO;
        for (LineFact l : ls) {
            total = total.add(l.getQuantity() == null ? BigDecimal.ONE : l.getQuantity());
        }
        return total.setScale(0, RoundingMode.CEILING).longValue();
    }

    private static void emit(List<Object> facts, String kind, String code, String name, String window, long measured,
                             long limit, List<LineFact> ls) {
        if (ls.size() == 1) {
            LineFact l = ls.get(0);
            if (l.isCurrent()) {
                facts.add(new UsageFact(kind, code, name, window, measured, limit, List.of(l.getLineId()),
                        l.getAmountFen(), l.getDoctorCode()));
            }
            return;
        }
        List<String> ids = new ArrayList<>(ls.size());
        long amount = 0;
        String doctor = null;
        for (int i = 0, n = ls.size(); i < n; i++) {
            LineFact l = ls.get(i);
            if (l.isCurrent()) {
                ids.add(l.getLineId());
                amount += l.getAmountFen();
                doctor = doctor == null ? l.getDoctorCode() : doctor;
            }
        }
        if (!ids.isEmpty()) {
            facts.add(new UsageFact(kind, code, name, window, measured, limit, ids, amount, doctor));
        }
    }
}
