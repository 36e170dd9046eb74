package org.fundwatch.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.fundwatch.generate.CatalogRecords.AgeRule;
import org.fundwatch.generate.CatalogRecords.CareSettingRule;
import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.CourseRule;
import org.fundwatch.generate.CatalogRecords.DrgStandard;
import org.fundwatch.generate.CatalogRecords.DuplicatePair;
import org.fundwatch.generate.CatalogRecords.FrequencyLimit;
import org.fundwatch.generate.CatalogRecords.GenderRule;
import org.fundwatch.generate.CatalogRecords.Institution;
import org.fundwatch.generate.CatalogRecords.InsuranceTypeRule;
import org.fundwatch.generate.CatalogRecords.ItemCourseLimit;
import org.fundwatch.generate.CatalogRecords.LevelRule;
import org.fundwatch.generate.CatalogRecords.MedicalDrg;
import org.fundwatch.generate.CatalogRecords.PeriodLimit;
import org.fundwatch.generate.CatalogRecords.PriceEntry;
import org.fundwatch.generate.CatalogRecords.PriceKind;
import org.fundwatch.generate.CatalogRecords.SurgeryGroupItem;

/**
 * Injects labelled cases into the planned population. Every case uses persons no other case uses;
 * a case either adds one violating line to a normal encounter (restriction classes) or clears a
 * window of a person's normal activity and plans the anomalous pattern in it, so that each labelled
 * record violates exactly what its label names. A kind whose table or setting is missing from the
 * pack is skipped and reported.
 */
final class AnomalyInjector {
    private static final int TRIES = 200;
    private final World world;
    private final EncounterBuilder builder;
    private final NormalPlanner planner;
    private final List<Person> persons;
    private final SplittableRandom r;
    private final Set<Person> usedPersons = new HashSet<>();
    private final List<AnomalyCase> cases = new ArrayList<>();
    private final Map<AnomalyKind, Integer> skipped = new EnumMap<>(AnomalyKind.class);

    AnomalyInjector(World world, EncounterBuilder builder, NormalPlanner planner, List<Person> persons,
                    SplittableRandom r) {
        this.world = world;
        this.builder = builder;
        this.planner = planner;
        this.persons = persons;
        this.r = r;
    }

    List<AnomalyCase> cases() {
        return cases;
    }

    Map<AnomalyKind, Integer> skipped() {
        return skipped;
    }

    /** Injects {@code total} cases round-robin over the kinds (doctor-volume cases capped by population). */
    void inject(int total) {
        AnomalyKind[] kinds = AnomalyKind.values();
        int volumeCases = 0;
        int volumeCap = Math.max(1, persons.size() / 5000);
        for (int i = 0; i < total; i++) {
            AnomalyKind kind = kinds[i % kinds.length];
            if (kind == AnomalyKind.DOCTOR_VOLUME && volumeCases++ >= volumeCap) {
                continue;
            }
            AnomalyCase c = new AnomalyCase(String.format("GT-%06d", cases.size() + 1), kind);
            boolean ok;
            try {
                ok = inject(c);
            } catch (NoCandidate e) {
                ok = false;
            }
            if (ok) {
                cases.add(c);
            } else {
                skipped.merge(kind, 1, Integer::sum);
            }
        }
    }

    /** Thrown inside an injection when no subject fits; the case is then skipped. */
    private static final class NoCandidate extends RuntimeException {
        NoCandidate() {
            super(null, null, false, false);
        }
    }

    private boolean inject(AnomalyCase c) {
        return switch (c.kind) {
            case DRUG_GENDER -> drugGender(c);
            case ITEM_GENDER -> itemGender(c);
            case DRUG_AGE -> drugAge(c);
            case ITEM_AGE -> itemAge(c);
            case DRUG_INSURANCE_TYPE -> insuranceType(c);
            case DRUG_CARE_SETTING -> careSetting(c);
            case DRUG_INSTITUTION_LEVEL -> institutionLevel(c);
            case DRUG_PAYMENT_COURSE -> paymentCourse(c);
            case SECONDARY_SURGERY -> secondarySurgery(c);
            case ITEM_PERIOD -> itemPeriod(c);
            case ITEM_COURSE -> itemCourse(c);
            case DUPLICATE_CHARGE -> duplicateCharge(c);
            case ITEM_FREQUENCY -> itemFrequency(c);
            case SPLIT_ADMISSION -> splitAdmission(c);
            case FREQUENT_OUTPATIENT -> frequentOutpatient(c);
            case FREQUENT_PHARMACY -> frequentPharmacy(c);
            case OVERLAPPING_PRESCRIPTION -> overlappingPrescription(c);
            case INPATIENT_OVERLAP -> inpatientOverlap(c);
            case DRG_UPCODING -> drgUpcoding(c);
            case HIGH_COST_RATIO -> costRatio(c, true);
            case LOW_COST_RATIO -> costRatio(c, false);
            case INTERNET_RESTRICTED_DRUG -> internetRestricted(c);
            case INTERNET_FIRST_VISIT -> internetFirstVisit(c);
            case DOCTOR_VOLUME -> doctorVolume(c);
            case SERVICE_AFTER_DEATH -> afterDeath(c);
        };
    }

    // ---------------------------------------------------------------- single-line restriction cases

    /** A normal encounter of an unused person matching {@code filter}, or throws NoCandidate. */
    private Encounter host(Predicate<Encounter> filter) {
        List<Encounter> all = world.encounters;
        if (all.isEmpty()) {
            throw new NoCandidate();
        }
        for (int t = 0; t < TRIES * 5; t++) {
            Encounter e = all.get(r.nextInt(all.size()));
            if (!e.removed && !usedPersons.contains(e.person) && !e.lines.isEmpty() && filter.test(e)) {
                return e;
            }
        }
        throw new NoCandidate();
    }

    /** A time inside the encounter for an added line (inside the stay, before settlement). */
    private long lineTime(Encounter e) {
        if (e.kind.inpatient()) {
            long span = Math.max(1, e.end - e.start - 2 * World.HOUR);
            return e.start + World.HOUR + r.nextLong(span);
        }
        return Math.min(e.end - 30, e.start + 600);
    }

    private <T> T pickRule(List<T> rules, Predicate<T> fits) {
        if (rules.isEmpty()) {
            throw new NoCandidate();
        }
        for (int t = 0; t < TRIES; t++) {
            T rule = rules.get(r.nextInt(rules.size()));
            if (fits.test(rule)) {
                return rule;
            }
        }
        throw new NoCandidate();
    }

    /** Adds a line for {@code code} to {@code host} if it violates exactly {@code restriction} there. */
    private boolean addViolatingLine(AnomalyCase c, Encounter host, String code, String name, PriceKind kind,
                                     Restriction restriction, int supplyDays) {
        long time = lineTime(host);
        LineContext ctx = builder.context(host, time);
        if (!world.index.violatesOnly(ctx, code, restriction) || partnerPresent(host, code)
                || EncounterBuilder.codesOf(host).contains(code)) {
            return false;
        }
        PriceEntry entry = builder.entry(code, name, kind);
        FeeLine line = builder.addLine(host, entry, 1, time, supplyDays, host.doctor);
        label(c, host);
        c.lines.add(line);
        c.amountFen = line.totalFen;
        return true;
    }

    private boolean partnerPresent(Encounter e, String code) {
        Set<String> codes = EncounterBuilder.codesOf(e);
        for (String p : world.index.duplicatePartners(code)) {
            if (codes.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private void label(AnomalyCase c, Encounter e) {
        usedPersons.add(e.person);
        if (!c.encounters.contains(e)) {
            c.encounters.add(e);
        }
        if (c.psnNo == null && c.kind != AnomalyKind.DOCTOR_VOLUME) {
            c.psnNo = e.person.psnNo;
        }
        if (c.institutionCode == null) {
            c.institutionCode = e.institution.code();
        }
        if (c.doctorCode == null && e.doctor != null) {
            c.doctorCode = e.doctor.code();
        }
    }

    private boolean lineCase(AnomalyCase c, Predicate<Encounter> hostFilter, LineCandidate candidate) {
        for (int t = 0; t < 40; t++) {
            Encounter host = host(hostFilter);
            if (candidate.tryOn(host)) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface LineCandidate {
        boolean tryOn(Encounter host);
    }

    private static boolean clinical(Encounter e) {
        return e.kind != EncounterKind.PHARMACY && e.kind != EncounterKind.INTERNET;
    }

    private boolean drugGender(AnomalyCase c) {
        return lineCase(c, AnomalyInjector::clinical, host -> {
            GenderRule rule = pickRule(world.catalog.drugGender(), g -> !g.gender().equals(host.person.gender));
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.DRUG, Restriction.DRUG_GENDER, 7)) {
                return false;
            }
            c.evidence.put("restricted_gender", rule.gender());
            c.evidence.put("patient_gender", host.person.gender);
            c.description = String.format("%s限%s性使用，开给%s性患者", rule.name(), genderName(rule.gender()),
                    genderName(host.person.gender));
            return true;
        });
    }

    private boolean itemGender(AnomalyCase c) {
        return lineCase(c, AnomalyInjector::clinical, host -> {
            GenderRule rule = pickRule(world.catalog.itemGender(), g -> !g.gender().equals(host.person.gender));
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.ITEM, Restriction.ITEM_GENDER, 0)) {
                return false;
            }
            c.evidence.put("restricted_gender", rule.gender());
            c.evidence.put("patient_gender", host.person.gender);
            c.description = String.format("%s限%s性，收取于%s性患者", rule.name(), genderName(rule.gender()),
                    genderName(host.person.gender));
            return true;
        });
    }

    private static String genderName(String g) {
        return "1".equals(g) ? "男" : "女";
    }

    private boolean drugAge(AnomalyCase c) {
        return lineCase(c, e -> clinical(e) && e.person.ageYears(builder.dateOf(e.start)) >= 18, host -> {
            AgeRule rule = pickRule(world.catalog.drugAge(), a -> !a.allows(host.person.ageDays(builder.dateOf(host.start))));
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.DRUG, Restriction.DRUG_AGE, 5)) {
                return false;
            }
            ageEvidence(c, rule, host);
            c.description = String.format("%s限%s使用，患者%d岁", rule.name(), rule.target(),
                    host.person.ageYears(builder.dateOf(host.start)));
            return true;
        });
    }

    private void ageEvidence(AnomalyCase c, AgeRule rule, Encounter host) {
        c.evidence.put("target", rule.target());
        c.evidence.put("min_age_days", Long.toString(rule.minAgeDays()));
        c.evidence.put("max_age_days", Long.toString(rule.maxAgeDays()));
        c.evidence.put("patient_age_days", Long.toString(host.person.ageDays(builder.dateOf(c.lines.get(0).time))));
    }

    private boolean itemAge(AnomalyCase c) {
        return lineCase(c, AnomalyInjector::clinical, host -> {
            AgeRule rule = pickRule(world.catalog.itemAge(), a -> !a.allows(host.person.ageDays(builder.dateOf(host.start))));
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.ITEM, Restriction.ITEM_AGE, 0)) {
                return false;
            }
            if (rule.target() != null && rule.target().contains("新生儿")) {
                c.ruleClass = "医疗服务项目限新生儿使用";
                c.gzCode = "GZ10000102005000";
            } else if (rule.target() != null && !rule.target().contains("儿童") && !rule.target().contains("婴幼儿")) {
                c.ruleClass = "医疗服务项目限年龄";
                c.gzCode = null;
            }
            ageEvidence(c, rule, host);
            c.description = String.format("%s限%s，患者%d岁", rule.name(), rule.target(),
                    host.person.ageYears(builder.dateOf(host.start)));
            return true;
        });
    }

    private boolean insuranceType(AnomalyCase c) {
        return lineCase(c, AnomalyInjector::clinical, host -> {
            InsuranceTypeRule rule = pickRule(world.catalog.drugInsuranceType(), x -> true);
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.DRUG, Restriction.DRUG_INSURANCE_TYPE, 5)) {
                return false;
            }
            if (rule.insuranceType().contains("生育")) {
                c.ruleClass = "药品限生育保险";
                c.gzCode = "GZ10000101002000";
            }
            c.evidence.put("restricted_insurance_type", rule.insuranceType());
            c.evidence.put("patient_insutype", host.person.insuranceType);
            c.description = String.format("%s限%s保险，按%s结算", rule.name(), rule.insuranceType(),
                    "310".equals(host.person.insuranceType) ? "职工医保" : "居民医保");
            return true;
        });
    }

    private boolean careSetting(AnomalyCase c) {
        return lineCase(c, e -> e.kind == EncounterKind.OUTPATIENT || e.kind == EncounterKind.CHRONIC, host -> {
            CareSettingRule rule = pickRule(world.catalog.drugCareSetting(), x -> x.careSetting().contains("住院"));
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.DRUG, Restriction.DRUG_CARE_SETTING, 3)) {
                return false;
            }
            c.evidence.put("care_setting", rule.careSetting());
            c.evidence.put("med_type", host.kind.medType());
            c.description = rule.name() + "限住院使用，门诊开具";
            return true;
        });
    }

    private boolean institutionLevel(AnomalyCase c) {
        return lineCase(c, e -> clinical(e) && !e.institution.pharmacy() && e.institution.level() == 1, host -> {
            LevelRule rule = pickRule(world.catalog.drugInstitutionLevel(), l -> l.minLevel() > host.institution.level());
            if (!addViolatingLine(c, host, rule.code(), rule.name(), PriceKind.DRUG, Restriction.DRUG_INSTITUTION_LEVEL, 5)) {
                return false;
            }
            c.evidence.put("min_level", Integer.toString(rule.minLevel()));
            c.evidence.put("institution_level", Integer.toString(host.institution.level()));
            c.description = String.format("%s限%d级及以上医疗机构，%s为%d级", rule.name(), rule.minLevel(),
                    host.institution.name(), host.institution.level());
            return true;
        });
    }

    private boolean internetRestricted(AnomalyCase c) {
        return lineCase(c, e -> e.kind == EncounterKind.INTERNET, host -> {
            CodeName drug = pickRule(world.catalog.internetRestrictedDrugs(), x -> true);
            if (!addViolatingLine(c, host, drug.code(), drug.name(), PriceKind.DRUG, Restriction.INTERNET_RESTRICTED_DRUG, 7)) {
                return false;
            }
            c.description = "互联网复诊开具麻醉/精神药品" + drug.name();
            return true;
        });
    }

    // ---------------------------------------------------------------- windows of a person's activity

    /** An unused, living adult for a pattern case, or throws NoCandidate. */
    private Person subject(Predicate<Person> filter) {
        for (int t = 0; t < TRIES; t++) {
            Person p = persons.get(r.nextInt(persons.size()));
            if (!usedPersons.contains(p) && p.deathDate == null && p.ageYears(world.config.start()) >= 18
                    && filter.test(p)) {
                return p;
            }
        }
        throw new NoCandidate();
    }

    /** Removes the person's encounters touching days {@code [from, to]} (in simulation days). */
    private void clear(Person p, int from, int to) {
        for (Encounter e : new ArrayList<>(p.encounters)) {
            long startDay = e.start / World.DAY;
            long endDay = e.end / World.DAY;
            if (endDay >= from && startDay <= to) {
                world.remove(e);
            }
        }
    }

    /** The person's drug supplies from their remaining encounters. */
    private static PersonState stateOf(Person p) {
        PersonState s = new PersonState();
        for (Encounter e : p.encounters) {
            for (FeeLine l : e.lines) {
                if (l.supplyDays > 0) {
                    s.supply(l.code, l.time + l.supplyDays * World.DAY);
                }
            }
        }
        return s;
    }

    private int windowStart(int length) {
        int room = world.config.days() - length - 1;
        if (room < 1) {
            throw new NoCandidate();
        }
        return r.nextInt(room);
    }

    /** A new stay for an unused adult, its window cleared; throws NoCandidate when none can be made. */
    private Encounter newStay(AnomalyCase c, int length, int minLevel, long targetPercent) {
        for (int t = 0; t < 20; t++) {
            Person p = subject(x -> true);
            int day = windowStart(length + 1);
            Institution inst = planner.hospital(p, r, minLevel);
            MedicalDrg drg = planner.drgFor(inst, r);
            if (drg == null) {
                continue;
            }
            clear(p, day - NormalPlanner.READMISSION_GAP_DAYS - 1, day + length + NormalPlanner.READMISSION_GAP_DAYS + 1);
            long standard = world.standard(inst, drg.drgCode()).standardFen();
            Encounter e = planner.stay(p, stateOf(p), inst, drg, day, length, standard * targetPercent / 100, r);
            if (e != null) {
                label(c, e);
                return e;
            }
        }
        throw new NoCandidate();
    }

    private long dayStartOf(Encounter e, int dayOffset) {
        return (e.start / World.DAY + dayOffset) * World.DAY;
    }

    private boolean paymentCourse(AnomalyCase c) {
        CourseRule rule = pickRule(world.catalog.drugPaymentCourse(), x -> x.maxDays() >= 1 && x.maxDays() <= 30
                && x.maxDays() + 5 < world.config.days());
        int billedDays = rule.maxDays() + 2;
        Encounter stay = newStay(c, billedDays + 1, 3, 100);
        long t0 = stay.start + 2 * World.HOUR;
        if (!world.index.violations(builder.context(stay, t0), rule.code()).isEmpty() || partnerPresent(stay, rule.code())) {
            world.remove(stay);
            usedPersons.remove(stay.person);
            throw new NoCandidate();
        }
        PriceEntry entry = builder.entry(rule.code(), rule.name(), PriceKind.DRUG);
        for (int d = 0; d < billedDays; d++) {
            long t = Math.max(t0, dayStartOf(stay, d) + 10 * World.HOUR);
            FeeLine line = builder.addLine(stay, entry, 1, t, 1, stay.doctor);
            if (d >= rule.maxDays()) {
                c.lines.add(line);
                c.amountFen += line.totalFen;
            }
        }
        c.evidence.put("max_days", Integer.toString(rule.maxDays()));
        c.evidence.put("billed_days", Integer.toString(billedDays));
        c.evidence.put("drug_code", rule.code());
        c.description = String.format("%s限支付%d天，连续计费%d天", rule.name(), rule.maxDays(), billedDays);
        return true;
    }

    private boolean secondarySurgery(AnomalyCase c) {
        Map<String, List<SurgeryGroupItem>> groups = new LinkedHashMap<>();
        for (SurgeryGroupItem s : world.catalog.secondarySurgery()) {
            groups.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s);
        }
        List<List<SurgeryGroupItem>> usable = new ArrayList<>();
        for (List<SurgeryGroupItem> g : groups.values()) {
            if (g.size() >= 2) {
                usable.add(g);
            }
        }
        if (usable.isEmpty()) {
            throw new NoCandidate();
        }
        Encounter stay = newStay(c, 5, 2, 100);
        long t = dayStartOf(stay, 1) + 9 * World.HOUR;
        LineContext ctx = builder.context(stay, t);
        for (int tries = 0; tries < TRIES; tries++) {
            List<SurgeryGroupItem> g = usable.get(r.nextInt(usable.size()));
            SurgeryGroupItem a = g.get(r.nextInt(g.size()));
            SurgeryGroupItem b = g.get(r.nextInt(g.size()));
            if (a.code().equals(b.code()) || !world.index.violations(ctx, a.code()).isEmpty()
                    || !world.index.violations(ctx, b.code()).isEmpty()
                    || world.index.duplicatePartners(a.code()).contains(b.code())
                    || partnerPresent(stay, a.code()) || partnerPresent(stay, b.code())) {
                continue;
            }
            FeeLine first = builder.addLine(stay, builder.entry(a.code(), a.name(), PriceKind.ITEM), 1, t, 0, stay.doctor);
            FeeLine second = builder.addLine(stay, builder.entry(b.code(), b.name(), PriceKind.ITEM), 1, t + 1800, 0,
                    stay.doctor);
            c.lines.add(second);
            c.amountFen = second.totalFen / 2;
            c.evidence.put("surgery_group", a.group());
            c.evidence.put("first_line", first.serial);
            c.evidence.put("first_code", a.code());
            c.evidence.put("list_price_fen", Long.toString(second.priceFen));
            c.description = String.format("同一切口%s与%s（%s），第二项手术未按规定折价，按全价收费", a.name(), b.name(), a.group());
            return true;
        }
        world.remove(stay);
        throw new NoCandidate();
    }

    /** Bills {@code code} at the given day offsets of a new stay; returns the lines. */
    private List<FeeLine> billOnDays(Encounter stay, String code, String name, int[] dayOffsets) {
        PriceEntry entry = builder.entry(code, name, PriceKind.ITEM);
        List<FeeLine> lines = new ArrayList<>();
        for (int d : dayOffsets) {
            long t = Math.max(stay.start + 3600, dayStartOf(stay, d) + 11 * World.HOUR);
            lines.add(builder.addLine(stay, entry, 1, t, 0, stay.doctor));
        }
        return lines;
    }

    private boolean itemPeriod(AnomalyCase c) {
        PeriodLimit rule = pickRule(world.catalog.itemPeriod(), p -> p.maxCount() >= 1 && p.maxCount() <= 3
                && p.periodDays() >= 2);
        int uses = rule.maxCount() + 1;
        int length = Math.min(rule.periodDays() - 1, 2 * uses);
        if (length < uses - 1 || length < 1) {
            throw new NoCandidate();
        }
        Encounter stay = newStay(c, Math.max(length, 2), 2, 100);
        if (!world.index.violations(builder.context(stay, stay.start), rule.code()).isEmpty()
                || partnerPresent(stay, rule.code()) || EncounterBuilder.codesOf(stay).contains(rule.code())) {
            world.remove(stay);
            throw new NoCandidate();
        }
        int[] days = new int[uses];
        for (int i = 0; i < uses; i++) {
            days[i] = i * Math.max(1, length / uses);
        }
        c.lines.addAll(billOnDays(stay, rule.code(), rule.name(), days));
        c.amountFen = c.lines.get(c.lines.size() - 1).totalFen;
        c.evidence.put("max_count", Integer.toString(rule.maxCount()));
        c.evidence.put("period_days", Integer.toString(rule.periodDays()));
        c.evidence.put("billed_count", Integer.toString(uses));
        c.description = String.format("%s每%d天限%d次，%d天内收费%d次", rule.name(), rule.periodDays(), rule.maxCount(),
                days[uses - 1] + 1, uses);
        return true;
    }

    private boolean itemCourse(AnomalyCase c) {
        ItemCourseLimit rule = pickRule(world.catalog.itemCourse(), p -> p.minIntervalDays() >= 2);
        int gap = Math.max(1, rule.minIntervalDays() / 3);
        Encounter stay = newStay(c, gap + 2, 2, 100);
        if (!world.index.violations(builder.context(stay, stay.start), rule.code()).isEmpty()
                || partnerPresent(stay, rule.code()) || EncounterBuilder.codesOf(stay).contains(rule.code())) {
            world.remove(stay);
            throw new NoCandidate();
        }
        c.lines.addAll(billOnDays(stay, rule.code(), rule.name(), new int[] {0, gap}));
        c.amountFen = c.lines.get(1).totalFen;
        c.evidence.put("min_interval_days", Integer.toString(rule.minIntervalDays()));
        c.evidence.put("actual_interval_days", Integer.toString(gap));
        c.description = String.format("%s间隔不短于%d天，实际间隔%d天", rule.name(), rule.minIntervalDays(), gap);
        return true;
    }

    private boolean duplicateCharge(AnomalyCase c) {
        return lineCase(c, e -> e.kind == EncounterKind.INPATIENT || e.kind == EncounterKind.OUTPATIENT, host -> {
            DuplicatePair pair = pickRule(world.catalog.duplicateCharges(), p -> p.mainCode() != null
                    && !p.mainCode().isBlank() && p.subCode() != null && !p.subCode().isBlank()
                    && !p.mainCode().equals(p.subCode()));
            long t = lineTime(host);
            LineContext ctx = builder.context(host, t);
            Set<String> codes = EncounterBuilder.codesOf(host);
            if (!world.index.violations(ctx, pair.mainCode()).isEmpty() || !world.index.violations(ctx, pair.subCode()).isEmpty()
                    || codes.contains(pair.mainCode()) || codes.contains(pair.subCode())
                    || partnerPresent(host, pair.mainCode()) || partnerPresent(host, pair.subCode())
                    || world.index.surgery(pair.mainCode()) != null || world.index.surgery(pair.subCode()) != null) {
                return false;
            }
            FeeLine main = builder.addLine(host, builder.entry(pair.mainCode(), pair.mainName(), PriceKind.ITEM), 1, t, 0,
                    host.doctor);
            FeeLine sub = builder.addLine(host, builder.entry(pair.subCode(), pair.subName(), PriceKind.ITEM), 1, t + 600, 0,
                    host.doctor);
            label(c, host);
            c.lines.add(main);
            c.lines.add(sub);
            c.amountFen = sub.totalFen;
            c.evidence.put("pair_no", Integer.toString(pair.pairNo()));
            c.evidence.put("frequency", pair.frequency());
            c.description = String.format("%s与%s在%s内重复收费（第%d组）", pair.mainName(), pair.subName(),
                    pair.frequency(), pair.pairNo());
            return true;
        });
    }

    private boolean itemFrequency(AnomalyCase c) {
        return lineCase(c, e -> e.kind == EncounterKind.INPATIENT || e.kind == EncounterKind.OUTPATIENT, host -> {
            FrequencyLimit rule = pickRule(world.catalog.itemFrequency(), f -> f.maxCount() >= 1 && f.maxCount() <= 6);
            long t = lineTime(host);
            // keep all lines inside one clock hour and one day
            long hourStart = t - t % World.HOUR;
            if (hourStart + 50 * 60 > host.end && !host.kind.inpatient()) {
                hourStart = host.start;
            }
            LineContext ctx = builder.context(host, hourStart);
            if (!world.index.violations(ctx, rule.code()).isEmpty() || partnerPresent(host, rule.code())
                    || EncounterBuilder.codesOf(host).contains(rule.code()) || world.index.surgery(rule.code()) != null) {
                return false;
            }
            PriceEntry entry = builder.entry(rule.code(), rule.name(), PriceKind.ITEM);
            int count = rule.maxCount() + 1 + r.nextInt(2);
            long base = Math.max(host.start, hourStart);
            if (base % World.HOUR + count * 60L >= World.HOUR) {
                base += World.HOUR - base % World.HOUR; // the lines would cross into the next clock hour: start it
            }
            if (host.kind.inpatient() && base + count * 60L >= host.end) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                FeeLine l = builder.addLine(host, entry, 1, base + i * 60L, 0, host.doctor);
                c.lines.add(l);
                if (i >= rule.maxCount()) {
                    c.amountFen += l.totalFen;
                }
            }
            if (!host.kind.inpatient()) {
                host.end = Math.max(host.end, base + count * 60L + 60);
            }
            label(c, host);
            c.evidence.put("max_count", Integer.toString(rule.maxCount()));
            c.evidence.put("per_unit", rule.perUnit());
            c.evidence.put("billed_count", Integer.toString(count));
            c.description = String.format("%s每%s限%d次，收费%d次", rule.name(), rule.perUnit(), rule.maxCount(), count);
            return true;
        });
    }

    // ---------------------------------------------------------------- pattern cases

    private boolean splitAdmission(AnomalyCase c) {
        int first = 3 + r.nextInt(5);
        int gap = 1 + r.nextInt(14);
        int second = 3 + r.nextInt(5);
        Encounter a = newStay(c, first, 2, 100);
        int readmitDay = (int) (a.end / World.DAY) + gap;
        if (readmitDay + second + 1 >= world.config.days()) {
            throw new NoCandidate();
        }
        MedicalDrg drg = null;
        for (MedicalDrg d : world.drgs) {
            if (d.drgCode().equals(a.drgCode)) {
                drg = d;
            }
        }
        Person p = a.person;
        // Clear the readmission's window of other encounters, but never the first stay itself (with a one-day gap it
        // ends on readmitDay - 1).
        clear(p, Math.max(readmitDay - 1, (int) (a.end / World.DAY) + 1),
                readmitDay + second + NormalPlanner.READMISSION_GAP_DAYS + 1);
        long standard = world.standard(a.institution, drg.drgCode()).standardFen();
        Encounter b = planner.stay(p, stateOf(p), a.institution, drg, readmitDay, second, standard * 90 / 100, r);
        if (b == null) {
            throw new NoCandidate();
        }
        b.mainDiagnosis = a.mainDiagnosis;
        label(c, b);
        c.amountFen = b.totalFen();
        long gapDays = b.start / World.DAY - a.end / World.DAY;
        c.evidence.put("first_discharge", builder.dateOf(a.end).toString());
        c.evidence.put("readmission", builder.dateOf(b.start).toString());
        c.evidence.put("gap_days", Long.toString(gapDays));
        c.description = String.format("同一医院同一诊断%s出院后%d天再次入院", a.mainDiagnosis.name(), gapDays);
        return true;
    }

    private boolean frequentOutpatient(AnomalyCase c) {
        // 10–13 visits within 14 days: over the national pack's 频繁门诊 setting (10 outpatient visits in 30 days)
        int visits = 10 + r.nextInt(4);
        int window = 14;
        Person p = subject(x -> true);
        int day = windowStart(window + 1);
        clear(p, day - NormalPlanner.READMISSION_GAP_DAYS - 1, day + window + NormalPlanner.READMISSION_GAP_DAYS + 1);
        PersonState state = stateOf(p);
        for (int i = 0; i < visits; i++) {
            int d = day + (i * window) / visits;
            Institution inst = planner.hospital(p, r, 1);
            Encounter e = planner.outpatientAt(p, state, inst, d * World.DAY + (8 + (i % 2) * 5) * World.HOUR
                    + r.nextInt(3000), r);
            if (e != null) {
                label(c, e);
                c.amountFen += e.totalFen();
            }
        }
        if (c.encounters.size() < 8) {
            throw new NoCandidate();
        }
        c.evidence.put("visits", Integer.toString(c.encounters.size()));
        c.evidence.put("window_days", Integer.toString(window));
        c.description = String.format("%d天内门诊就诊%d次", window, c.encounters.size());
        return true;
    }

    private boolean frequentPharmacy(AnomalyCase c) {
        int purchases = 8 + r.nextInt(3);
        int window = 7;
        Person p = subject(x -> world.pharmaciesByRegion.containsKey(x.insuredAdmdvs));
        int day = windowStart(window + 1);
        clear(p, day - NormalPlanner.READMISSION_GAP_DAYS - 1, day + window + NormalPlanner.READMISSION_GAP_DAYS + 1);
        PersonState state = stateOf(p);
        for (int i = 0; i < purchases; i++) {
            int d = day + (i * window) / purchases;
            Encounter e = planner.pharmacyAt(p, state, d * World.DAY + (9 + (i % 2) * 6) * World.HOUR + r.nextInt(3000), r);
            if (e != null) {
                label(c, e);
                c.amountFen += e.totalFen();
            }
        }
        if (c.encounters.size() < 8) {
            throw new NoCandidate();
        }
        c.evidence.put("purchases", Integer.toString(c.encounters.size()));
        c.evidence.put("window_days", Integer.toString(window));
        c.description = String.format("%d天内定点药店购药%d次", window, c.encounters.size());
        return true;
    }

    private boolean overlappingPrescription(AnomalyCase c) {
        Person p = subject(x -> world.hospitalsByRegion.getOrDefault(x.insuredAdmdvs, List.of()).size() >= 2);
        int gap = 5 + r.nextInt(10);
        int supply = 30;
        int day = windowStart(gap + 2);
        clear(p, day - 40, day + gap + supply + 5);
        List<Institution> hospitals = world.hospitalsByRegion.get(p.insuredAdmdvs);
        Institution h1 = World.pick(hospitals, r);
        Institution h2 = h1;
        for (int t = 0; t < 20 && h2 == h1; t++) {
            h2 = World.pick(hospitals, r);
        }
        if (h1 == h2) {
            throw new NoCandidate();
        }
        PersonState state = stateOf(p);
        Encounter a = planner.start(EncounterKind.OUTPATIENT, p, h1, day * World.DAY + 9 * World.HOUR, r);
        if (a == null) {
            throw new NoCandidate();
        }
        a.mainDiagnosis = World.pick(world.commonDiagnoses, r);
        Set<String> codes = new HashSet<>();
        builder.addNormalItem(a, codes, world.pools.outpatientConsults, a.start + 300, r);
        FeeLine drugA = builder.addNormalDrug(a, codes, state, a.start + 900, supply, 3, 30_000, r);
        planner.finish(a, r);
        label(c, a);
        if (drugA == null) {
            throw new NoCandidate();
        }
        Encounter b = planner.start(EncounterKind.OUTPATIENT, p, h2, (day + gap) * World.DAY + 10 * World.HOUR, r);
        if (b == null) {
            throw new NoCandidate();
        }
        b.mainDiagnosis = a.mainDiagnosis;
        Set<String> codesB = new HashSet<>();
        builder.addNormalItem(b, codesB, world.pools.outpatientConsults, b.start + 300, r);
        PriceEntry entry = builder.entry(drugA.code, drugA.name, PriceKind.DRUG);
        FeeLine drugB = builder.addLine(b, entry, 3, b.start + 900, supply, b.doctor);
        planner.finish(b, r);
        label(c, b);
        c.lines.add(drugA);
        c.lines.add(drugB);
        c.amountFen = drugB.totalFen;
        c.evidence.put("drug_code", drugA.code);
        c.evidence.put("first_supply_end", builder.dateOf(drugA.time + supply * World.DAY).toString());
        c.evidence.put("overlap_days", Integer.toString(supply - gap));
        c.description = String.format("%s在%s开具%d天量后第%d天又在%s重复开具", drugA.name, h1.name(), supply, gap, h2.name());
        return true;
    }

    private boolean inpatientOverlap(AnomalyCase c) {
        Encounter stay = newStay(c, 6 + r.nextInt(3), 2, 100);
        Person p = stay.person;
        int day = (int) (stay.start / World.DAY) + 2 + r.nextInt(3);
        boolean online = r.nextBoolean() && !world.internetHospitals.isEmpty();
        Encounter visit;
        if (online) {
            Institution inst = World.pick(world.internetHospitals, r);
            visit = planner.start(EncounterKind.INTERNET, p, inst, day * World.DAY + 19 * World.HOUR, r);
            if (visit == null) {
                throw new NoCandidate();
            }
            visit.followUp = true;
            visit.mainDiagnosis = stay.mainDiagnosis;
            Set<String> codes = new HashSet<>();
            builder.addNormalItem(visit, codes, world.pools.internetConsults, visit.start + 300, r);
            planner.finish(visit, r);
        } else {
            Institution other = planner.hospital(p, r, 1);
            for (int t = 0; t < 10 && other == stay.institution; t++) {
                other = planner.hospital(p, r, 1);
            }
            visit = planner.outpatientAt(p, stateOf(p), other, day * World.DAY + 14 * World.HOUR, r);
            if (visit == null) {
                throw new NoCandidate();
            }
        }
        label(c, visit);
        c.lines.addAll(visit.lines);
        c.amountFen = visit.totalFen();
        c.evidence.put("admission", builder.dateOf(stay.start).toString());
        c.evidence.put("discharge", builder.dateOf(stay.end).toString());
        c.evidence.put("visit_date", builder.dateOf(visit.start).toString());
        c.description = String.format("住院期间（%s至%s）于%s发生%s费用", builder.dateOf(stay.start),
                builder.dateOf(stay.end), visit.institution.name(), online ? "互联网复诊" : "门诊");
        return true;
    }

    private boolean drgUpcoding(AnomalyCase c) {
        if (world.catalog.mccCodes().isEmpty()) {
            throw new NoCandidate();
        }
        Encounter stay = newStay(c, 4 + r.nextInt(4), 2, 100);
        for (int t = 0; t < TRIES; t++) {
            CodeName mcc = World.pick(world.catalog.mccCodes(), r);
            if (world.catalog.isExcluded(mcc.code(), stay.mainDiagnosis.code()) || !World.isNeutralDiagnosis(mcc.code())) {
                continue;
            }
            stay.secondaryDiagnoses.clear();
            stay.secondaryDiagnoses.add(mcc);
            String adrg = stay.drgCode.substring(0, 3);
            DrgStandard upper = world.standard(stay.institution, adrg + "1");
            c.amountFen = upper != null && upper.standardFen() > stay.drgStandardFen
                    ? upper.standardFen() - stay.drgStandardFen : stay.totalFen();
            c.evidence.put("mcc_code", mcc.code());
            c.evidence.put("mcc_name", mcc.name());
            c.evidence.put("drg_without_mcc", stay.drgCode);
            c.evidence.put("drg_with_mcc", adrg + "1");
            c.evidence.put("principal_diagnosis", stay.mainDiagnosis.code());
            c.description = String.format("主诊断%s，填报严重并发症%s（%s）但无相应诊疗费用，意图入组%s1",
                    stay.mainDiagnosis.name(), mcc.name(), mcc.code(), adrg);
            return true;
        }
        throw new NoCandidate();
    }

    private boolean costRatio(AnomalyCase c, boolean high) {
        if (high) {
            int percent = 300 + r.nextInt(150);
            Encounter stay = newStay(c, 6 + r.nextInt(6), 2, percent);
            long total = stay.totalFen();
            if (total < stay.drgStandardFen * 3) {
                world.remove(stay);
                throw new NoCandidate();
            }
            ratioEvidence(c, stay);
            c.amountFen = total - stay.drgStandardFen;
            c.description = String.format("%s费用%.2f倍于支付标准", stay.drgCode, ratio(stay));
            return true;
        }
        for (int t = 0; t < 10; t++) {
            Encounter stay = newStay(c, 1, 2, 10);
            if (stay.totalFen() * 10 <= stay.drgStandardFen * 3) {
                ratioEvidence(c, stay);
                c.amountFen = stay.drgStandardFen - stay.totalFen();
                c.description = String.format("%s费用仅为支付标准的%.2f倍", stay.drgCode, ratio(stay));
                return true;
            }
            world.remove(stay);
            usedPersons.remove(stay.person);
            c.encounters.clear();
            c.psnNo = null;
            c.institutionCode = null;
            c.doctorCode = null;
        }
        throw new NoCandidate();
    }

    private static double ratio(Encounter stay) {
        return Money.toYuan(stay.totalFen()).doubleValue() / Money.toYuan(stay.drgStandardFen).doubleValue();
    }

    private void ratioEvidence(AnomalyCase c, Encounter stay) {
        c.evidence.put("drg_code", stay.drgCode);
        c.evidence.put("standard_yuan", Money.format(stay.drgStandardFen));
        c.evidence.put("total_yuan", Money.format(stay.totalFen()));
        c.evidence.put("city", world.cityByRegion.get(stay.institution.admdvs()));
    }

    private boolean internetFirstVisit(AnomalyCase c) {
        if (world.internetHospitals.isEmpty() || world.chronicDiseases.isEmpty()) {
            throw new NoCandidate();
        }
        Person p = subject(x -> x.chronicDisease == null);
        CatalogRecords.ChronicDisease disease = World.pick(world.chronicDiseases, r);
        CodeName dx = World.pick(world.chronicDiagnoses.get(disease.mCode()), r);
        String category = dx.code().substring(0, 3);
        for (Encounter e : p.encounters) {
            if (e.mainDiagnosis != null && e.mainDiagnosis.code().startsWith(category)) {
                throw new NoCandidate();
            }
        }
        int day = windowStart(2);
        clear(p, day - NormalPlanner.OUTPATIENT_GAP_DAYS, day + NormalPlanner.OUTPATIENT_GAP_DAYS);
        Institution inst = World.pick(world.internetHospitals, r);
        Encounter e = planner.start(EncounterKind.INTERNET, p, inst, day * World.DAY + 20 * World.HOUR, r);
        if (e == null) {
            throw new NoCandidate();
        }
        e.followUp = true;
        e.mainDiagnosis = dx;
        Set<String> codes = new HashSet<>();
        builder.addNormalItem(e, codes, world.pools.internetConsults, e.start + 300, r);
        builder.addNormalDrug(e, codes, stateOf(p), e.start + 600, 14, 1, 30_000, r);
        planner.finish(e, r);
        label(c, e);
        c.lines.addAll(e.lines);
        c.amountFen = e.totalFen();
        c.evidence.put("diagnosis", dx.code());
        c.description = String.format("无线下就诊记录，%s以复诊名义互联网首诊（%s）", p.name, dx.name());
        return true;
    }

    private boolean doctorVolume(AnomalyCase c) {
        int consults = 61 + r.nextInt(15);
        Institution inst = planner.hospital(subject(x -> true), r, 1);
        CatalogRecords.Doctor doctor = world.anyDoctor(inst, r);
        int day = windowStart(2);
        long hour = day * World.DAY + (9 + r.nextInt(6)) * World.HOUR;
        List<Person> patients = new ArrayList<>();
        for (int t = 0; t < consults * 20 && patients.size() < consults; t++) {
            Person p = persons.get(r.nextInt(persons.size()));
            if (usedPersons.contains(p) || patients.contains(p) || (p.deathDate != null
                    && !p.deathDate.isAfter(builder.dateOf(hour).plusDays(1)))) {
                continue;
            }
            patients.add(p);
        }
        if (patients.size() < 61) {
            throw new NoCandidate();
        }
        for (int i = 0; i < patients.size(); i++) {
            Person p = patients.get(i);
            clear(p, day - NormalPlanner.READMISSION_GAP_DAYS - 1, day + NormalPlanner.READMISSION_GAP_DAYS + 1);
            Encounter e = world.newEncounter(EncounterKind.OUTPATIENT, p, inst, doctor, hour + (i * 3540L) / patients.size());
            world.addLoad(doctor, e.start);
            planner.fillOutpatient(e, stateOf(p), r);
            e.end = Math.min(e.end, hour + 3599);
            label(c, e);
            c.amountFen += e.totalFen();
        }
        // normal consultations the same doctor gave in that hour belong to the evidence too
        for (Encounter e : world.encounters) {
            if (e.doctor == doctor && !e.removed && e.start / World.HOUR == hour / World.HOUR && !c.encounters.contains(e)
                    && e.kind != EncounterKind.PHARMACY && !e.kind.inpatient()) {
                c.encounters.add(e);
                usedPersons.add(e.person);
            }
        }
        c.psnNo = null;
        c.doctorCode = doctor.code();
        c.institutionCode = inst.code();
        c.evidence.put("hour_start", builder.dateOf(hour) + " " + String.format("%02d:00", (hour % World.DAY) / World.HOUR));
        c.evidence.put("consultations", Integer.toString(c.encounters.size()));
        c.description = String.format("医师%s在1小时内接诊%d人次", doctor.name(), c.encounters.size());
        return true;
    }

    private boolean afterDeath(AnomalyCase c) {
        Person p = subject(x -> x.ageYears(world.config.start()) >= 60);
        if (world.config.days() < 6) {
            throw new NoCandidate();
        }
        int deathDay = 2 + r.nextInt(world.config.days() - 5);
        int serviceDay = deathDay + 1 + r.nextInt(Math.min(20, world.config.days() - deathDay - 1));
        LocalDate death = world.config.start().plusDays(deathDay);
        for (Encounter e : new ArrayList<>(p.encounters)) {
            if (e.end / World.DAY >= deathDay - 1) {
                world.remove(e);
            }
        }
        clear(p, serviceDay - 40, serviceDay + 40);
        p.deathDate = death;
        Encounter e;
        if (r.nextBoolean()) {
            e = planner.pharmacyAt(p, new PersonState(), serviceDay * World.DAY + 10 * World.HOUR, r);
        } else {
            e = planner.outpatientAt(p, new PersonState(), planner.hospital(p, r, 1), serviceDay * World.DAY + 9 * World.HOUR, r);
        }
        if (e == null) {
            e = planner.outpatientAt(p, new PersonState(), planner.hospital(p, r, 1), serviceDay * World.DAY + 9 * World.HOUR, r);
        }
        if (e == null) {
            throw new NoCandidate();
        }
        label(c, e);
        c.lines.addAll(e.lines);
        c.amountFen = e.totalFen();
        c.evidence.put("death_date", death.toString());
        c.evidence.put("service_date", builder.dateOf(e.start).toString());
        c.description = String.format("参保人%s于%s死亡，%s仍发生医疗费用", p.name, death, builder.dateOf(e.start));
        return true;
    }
}
