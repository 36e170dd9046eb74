package org.fundwatch.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.Doctor;
import org.fundwatch.generate.CatalogRecords.DrgStandard;
import org.fundwatch.generate.CatalogRecords.Institution;
import org.fundwatch.generate.CatalogRecords.MedicalDrg;
import org.fundwatch.generate.CatalogRecords.PriceEntry;

/**
 * Plans one person's normal care over the simulated days: inpatient stays, 门诊慢特病 visits every
 * four to five weeks, internet follow-ups of an offline-diagnosed chronic disease, ordinary outpatient
 * visits and pharmacy purchases. Normal data keeps clear of every pattern the labelled cases
 * exhibit: outpatient-type visits at least {@value #OUTPATIENT_GAP_DAYS} days apart, pharmacy
 * purchases at least {@value #PHARMACY_GAP_DAYS} days apart, readmissions no sooner than
 * {@value #READMISSION_GAP_DAYS} days after discharge, no visit during or on the edge days of a stay,
 * no drug prescribed while a supply of it is still running, no doctor above
 * {@value World#NORMAL_DOCTOR_HOURLY_CAP} consultations an hour, nothing on or after the death date,
 * and inpatient totals between 0.7 and 1.3 times the DRG payment standard.
 */
final class NormalPlanner {
    static final int OUTPATIENT_GAP_DAYS = 3;
    static final int PHARMACY_GAP_DAYS = 7;
    static final int READMISSION_GAP_DAYS = 31;
    private static final double OUTPATIENT_RATE = 0.014;
    private static final double PHARMACY_RATE = 0.006;
    private static final double INPATIENT_RATE = 0.0005;
    private static final double OFFSITE_SHARE = 0.03;
    private static final long MAX_NORMAL_DRUG_FEN = 30_000;
    /**
     * Share of ordinary outpatient visits with laboratory or imaging orders. Volumes follow Chinese hospital billing:
     * each test is its own fee line (a liver panel is several), so a visit with tests has 5–10 lines and an inpatient
     * day 10–15 (bed, nursing, ward round, a daily treatment, the drug regimen, the day's tests) — the fee-detail
     * volume the stream must carry, about four lines per message.
     */
    private static final double OUTPATIENT_TEST_SHARE = 0.45;

    private final World world;
    private final EncounterBuilder builder;

    NormalPlanner(World world, EncounterBuilder builder) {
        this.world = world;
        this.builder = builder;
    }

    /** A planned visit before it is built. */
    private record Plan(int day, EncounterKind kind, int length) {
    }

    void plan(Person p, SplittableRandom r) {
        int days = world.config.days();
        int lastDay = days;
        if (p.deathDate != null) {
            lastDay = (int) Math.min(days, java.time.temporal.ChronoUnit.DAYS.between(world.config.start(), p.deathDate));
        }
        boolean elderly = p.ageYears(world.config.start()) >= 60;
        boolean[] blocked = new boolean[days + 2];
        List<Plan> plans = new ArrayList<>();
        // inpatient stays, each ending inside the window and before death
        double inRate = elderly ? INPATIENT_RATE * 2.5 : INPATIENT_RATE;
        int day = gap(r, inRate);
        while (day < lastDay) {
            int length = 3 + r.nextInt(7);
            if (day + length >= lastDay - 1) {
                break;
            }
            plans.add(new Plan(day, EncounterKind.INPATIENT, length));
            for (int d = Math.max(0, day - 1); d <= Math.min(days, day + length + 1); d++) {
                blocked[d] = true;
            }
            day += length + READMISSION_GAP_DAYS + gap(r, inRate);
        }
        List<Integer> outpatientDays = new ArrayList<>();
        if (p.chronicDisease != null) {
            for (int d = r.nextInt(28); d < lastDay; d += 28 + r.nextInt(8)) {
                if (!blocked[d] && farFrom(outpatientDays, d, OUTPATIENT_GAP_DAYS)) {
                    plans.add(new Plan(d, EncounterKind.CHRONIC, 0));
                    outpatientDays.add(d);
                }
            }
            if (!outpatientDays.isEmpty()) {
                for (int d = outpatientDays.get(0) + 10 + r.nextInt(20); d < lastDay; d += 40 + r.nextInt(30)) {
                    if (!blocked[d] && farFrom(outpatientDays, d, OUTPATIENT_GAP_DAYS)) {
                        plans.add(new Plan(d, EncounterKind.INTERNET, 0));
                        outpatientDays.add(d);
                    }
                }
            }
        }
        double outRate = elderly ? OUTPATIENT_RATE * 1.5 : OUTPATIENT_RATE;
        for (int d = gap(r, outRate); d < lastDay; d += 1 + gap(r, outRate)) {
            if (!blocked[d] && farFrom(outpatientDays, d, OUTPATIENT_GAP_DAYS)) {
                plans.add(new Plan(d, EncounterKind.OUTPATIENT, 0));
                outpatientDays.add(d);
            }
        }
        int lastPharmacy = Integer.MIN_VALUE / 2;
        for (int d = gap(r, PHARMACY_RATE); d < lastDay; d += 1 + gap(r, PHARMACY_RATE)) {
            if (!blocked[d] && d - lastPharmacy >= PHARMACY_GAP_DAYS) {
                plans.add(new Plan(d, EncounterKind.PHARMACY, 0));
                lastPharmacy = d;
            }
        }
        plans.sort((a, b) -> a.day != b.day ? Integer.compare(a.day, b.day) : a.kind.compareTo(b.kind));
        PersonState state = new PersonState();
        for (Plan plan : plans) {
            build(p, state, plan, r);
        }
    }

    private static boolean farFrom(List<Integer> days, int d, int gap) {
        for (int x : days) {
            if (Math.abs(x - d) < gap) {
                return false;
            }
        }
        return true;
    }

    private static int gap(SplittableRandom r, double rate) {
        double g = -Math.log(1.0 - r.nextDouble()) / rate;
        return (int) Math.min(Integer.MAX_VALUE / 4, g);
    }

    private void build(Person p, PersonState state, Plan plan, SplittableRandom r) {
        switch (plan.kind) {
            case OUTPATIENT -> outpatient(p, state, plan.day, r);
            case CHRONIC -> chronic(p, state, plan.day, r);
            case INTERNET -> internet(p, state, plan.day, r);
            case PHARMACY -> pharmacy(p, state, plan.day, r);
            case INPATIENT -> inpatient(p, state, plan.day, plan.length, r);
        }
    }

    /** A hospital for a person: mostly in the home region, occasionally elsewhere (异地就医). */
    Institution hospital(Person p, SplittableRandom r, int minLevel) {
        String region = p.insuredAdmdvs;
        if (world.regions.size() > 1 && r.nextDouble() < OFFSITE_SHARE) {
            region = World.pick(world.regions, r);
        }
        List<Institution> list = world.hospitalsByRegion.get(region);
        if (list == null) {
            list = world.hospitals;
        }
        for (int t = 0; t < 8; t++) {
            Institution i = World.pick(list, r);
            if (i.level() >= minLevel) {
                return i;
            }
        }
        for (Institution i : list) {
            if (i.level() >= minLevel) {
                return i;
            }
        }
        return World.pick(list, r);
    }

    /** Starts an encounter at a doctor with spare capacity, shifting up to three hours; null if none. */
    Encounter start(EncounterKind kind, Person p, Institution inst, long time, SplittableRandom r) {
        for (int shift = 0; shift < 4; shift++) {
            long t = time + shift * World.HOUR;
            Doctor d = world.availableDoctor(inst, t, r);
            if (d != null) {
                world.addLoad(d, t);
                return world.newEncounter(kind, p, inst, d, t);
            }
        }
        return null;
    }

    long daytime(int day, SplittableRandom r, int fromHour, int hours) {
        return day * World.DAY + fromHour * World.HOUR + r.nextInt(hours * 3600);
    }

    Encounter outpatient(Person p, PersonState state, int day, SplittableRandom r) {
        return outpatientAt(p, state, hospital(p, r, 1), daytime(day, r, 8, 9), r);
    }

    /** An ordinary outpatient visit with consultation, maybe a test, and short-course drugs. */
    Encounter outpatientAt(Person p, PersonState state, Institution inst, long time, SplittableRandom r) {
        Encounter e = start(EncounterKind.OUTPATIENT, p, inst, time, r);
        if (e == null) {
            return null;
        }
        fillOutpatient(e, state, r);
        return e;
    }

    void fillOutpatient(Encounter e, PersonState state, SplittableRandom r) {
        e.mainDiagnosis = World.pick(world.commonDiagnoses, r);
        Set<String> codes = new java.util.HashSet<>();
        long t = e.start + 300;
        builder.addNormalItem(e, codes, world.pools.outpatientConsults, t, r);
        if (r.nextDouble() < OUTPATIENT_TEST_SHARE) {
            // laboratory and imaging orders are billed item by item: a panel of several lines
            int tests = 2 + r.nextInt(5);
            for (int i = 0; i < tests; i++) {
                builder.addNormalItem(e, codes, world.pools.tests, t + 900 + 20L * i, r);
            }
        }
        if (r.nextDouble() < 0.25) {
            builder.addNormalItem(e, codes, world.pools.treatments, t + 1200, r);
        }
        int drugs = r.nextDouble() < 0.85 ? 1 + r.nextInt(4) : 0;
        for (int i = 0; i < drugs; i++) {
            builder.addNormalDrug(e, codes, state, t + 1800, 3 + r.nextInt(5), 1 + r.nextInt(2), MAX_NORMAL_DRUG_FEN, r);
        }
        finish(e, r);
    }

    private void chronic(Person p, PersonState state, int day, SplittableRandom r) {
        if (state.homeHospital == null) {
            state.homeHospital = homeHospital(p, r);
        }
        Encounter e = start(EncounterKind.CHRONIC, p, state.homeHospital, daytime(day, r, 8, 9), r);
        if (e == null) {
            return;
        }
        e.mainDiagnosis = p.chronicDiagnosis;
        e.chronicCode = p.chronicDisease.mCode();
        Set<String> codes = new java.util.HashSet<>();
        long t = e.start + 300;
        builder.addNormalItem(e, codes, world.pools.outpatientConsults, t, r);
        if (r.nextDouble() < 0.3) {
            builder.addNormalItem(e, codes, world.pools.tests, t + 900, r);
        }
        int drugs = 1 + r.nextInt(2);
        for (int i = 0; i < drugs; i++) {
            builder.addNormalDrug(e, codes, state, t + 1800, 28, 2 + r.nextInt(2), MAX_NORMAL_DRUG_FEN, r);
        }
        if (state.firstChronicVisit < 0) {
            state.firstChronicVisit = e.start;
        }
        finish(e, r);
    }

    private Institution homeHospital(Person p, SplittableRandom r) {
        List<Institution> list = world.hospitalsByRegion.getOrDefault(p.insuredAdmdvs, world.hospitals);
        List<Institution> preferred = new ArrayList<>();
        for (Institution i : list) {
            if (i.internetQualified()) {
                preferred.add(i);
            }
        }
        return preferred.isEmpty() ? World.pick(list, r) : World.pick(preferred, r);
    }

    private void internet(Person p, PersonState state, int day, SplittableRandom r) {
        if (state.firstChronicVisit < 0 || state.homeHospital == null) {
            return;
        }
        Institution inst = state.homeHospital.internetQualified() ? state.homeHospital : null;
        if (inst == null) {
            return;
        }
        Encounter e = start(EncounterKind.INTERNET, p, inst, daytime(day, r, 8, 13), r);
        if (e == null) {
            return;
        }
        e.followUp = true;
        e.mainDiagnosis = p.chronicDiagnosis;
        Set<String> codes = new java.util.HashSet<>();
        long t = e.start + 300;
        builder.addNormalItem(e, codes, world.pools.internetConsults, t, r);
        int drugs = 1 + r.nextInt(2);
        for (int i = 0; i < drugs; i++) {
            builder.addNormalDrug(e, codes, state, t + 600, 28, 2, MAX_NORMAL_DRUG_FEN, r);
        }
        finish(e, r);
    }

    private void pharmacy(Person p, PersonState state, int day, SplittableRandom r) {
        pharmacyAt(p, state, daytime(day, r, 9, 12), r);
    }

    /** A pharmacy purchase in the person's region, or null when the region has no pharmacy. */
    Encounter pharmacyAt(Person p, PersonState state, long time, SplittableRandom r) {
        List<Institution> list = world.pharmaciesByRegion.get(p.insuredAdmdvs);
        if (list == null || list.isEmpty()) {
            return null;
        }
        Institution inst = World.pick(list, r);
        Encounter e = world.newEncounter(EncounterKind.PHARMACY, p, inst, world.anyDoctor(inst, r), time);
        Set<String> codes = new java.util.HashSet<>();
        int drugs = 1 + r.nextInt(3);
        for (int i = 0; i < drugs; i++) {
            builder.addNormalDrug(e, codes, state, e.start + 120, 7 + r.nextInt(24), 1 + r.nextInt(2),
                    MAX_NORMAL_DRUG_FEN, r);
        }
        if (e.lines.isEmpty()) {
            world.remove(e);
            return null;
        }
        finish(e, r);
        return e;
    }

    void finish(Encounter e, SplittableRandom r) {
        long last = e.start;
        for (FeeLine l : e.lines) {
            last = Math.max(last, l.time);
        }
        e.end = last + 60 + r.nextInt(600);
        e.preCheck = e.kind != EncounterKind.PHARMACY && r.nextDouble() < world.config.preCheckRate();
    }

    /** A medical DRG with a payment standard at {@code inst}, or null. */
    MedicalDrg drgFor(Institution inst, SplittableRandom r) {
        if (world.drgs.isEmpty()) {
            return null;
        }
        for (int t = 0; t < 16; t++) {
            MedicalDrg d = World.pick(world.drgs, r);
            if (world.standard(inst, d.drgCode()) != null) {
                return d;
            }
        }
        return null;
    }

    Encounter inpatient(Person p, PersonState state, int day, int length, SplittableRandom r) {
        Institution inst = hospital(p, r, 2);
        MedicalDrg drg = drgFor(inst, r);
        if (drg == null) {
            return null;
        }
        long standard = world.standard(inst, drg.drgCode()).standardFen();
        Encounter e = stay(p, state, inst, drg, day, length, standard * (75 + r.nextInt(51)) / 100, r);
        if (e != null) {
            long total = e.totalFen();
            if (total * 10 < standard * 5 || total * 10 > standard * 16) {
                // outside the normal band: drop rather than emit an unlabelled cost-ratio outlier
                world.remove(e);
                return null;
            }
            e.secondaryDiagnoses.clear();
            if (r.nextDouble() < 0.3) {
                CodeName secondary = World.pick(world.commonDiagnoses, r);
                if (!secondary.code().equals(e.mainDiagnosis.code())) {
                    e.secondaryDiagnoses.add(secondary);
                }
            }
        }
        return e;
    }

    /** An inpatient stay of {@code length} nights under {@code drg} with charges near {@code targetFen}. */
    Encounter stay(Person p, PersonState state, Institution inst, MedicalDrg drg, int day, int length, long targetFen,
                   SplittableRandom r) {
        DrgStandard standard = world.standard(inst, drg.drgCode());
        Encounter e = start(EncounterKind.INPATIENT, p, inst, daytime(day, r, 8, 8), r);
        if (e == null || standard == null) {
            if (e != null) {
                world.remove(e);
            }
            return null;
        }
        e.mainDiagnosis = World.pick(drg.principalDiagnoses(), r);
        e.drgCode = drg.drgCode();
        e.drgStandardFen = standard.standardFen();
        e.end = (day + length) * World.DAY + 9 * World.HOUR + r.nextInt(3 * 3600);
        fillStay(e, state, length, targetFen, r);
        e.preCheck = r.nextDouble() < world.config.preCheckRate();
        return e;
    }

    /** Daily bed, nursing, consultation, drugs and tests, then drugs/treatments up to {@code target}. */
    void fillStay(Encounter e, PersonState state, int length, long target, SplittableRandom r) {
        Set<String> codes = new java.util.HashSet<>();
        PriceEntry bed = firstAdmissible(e, codes, world.pools.beds, r);
        PriceEntry nurse = firstAdmissible(e, codes, world.pools.nursing, r);
        PriceEntry consult = firstAdmissible(e, codes, world.pools.inpatientConsults, r);
        long admDay = e.start / World.DAY;
        long total = 0;
        // a regimen of 2–4 drugs billed every day of the stay, admissible from admission to discharge
        List<PriceEntry> regimen = new ArrayList<>();
        int wanted = 2 + r.nextInt(3);
        long dailyBudget = Math.max(500, target / Math.max(1, length) / 3);
        LineContext atAdmission = builder.context(e, e.start);
        LineContext atDischarge = builder.context(e, e.end);
        List<PriceEntry> drugs = world.pools.drugs;
        for (int tries = 0; tries < 60 && regimen.size() < wanted && !drugs.isEmpty(); tries++) {
            PriceEntry p = World.pick(drugs, r);
            if (p.priceFen() <= dailyBudget && !codes.contains(p.code()) && !state.supplied(p.code(), e.start)
                    && world.index.normalAllowed(atAdmission, p.code()) && world.index.normalAllowed(atDischarge, p.code())) {
                regimen.add(p);
                codes.add(p.code());
            }
        }
        // a treatment given every day of the stay (infusion, nebulisation …): cheap, without a frequency limit
        PriceEntry daily = null;
        for (int tries = 0; tries < 16 && daily == null && !world.pools.treatments.isEmpty(); tries++) {
            PriceEntry p = World.pick(world.pools.treatments, r);
            if (p.priceFen() <= dailyBudget / 2 && !codes.contains(p.code()) && !hasPartner(codes, p.code())
                    && world.index.frequency(p.code()) == null && world.index.normalAllowed(atAdmission, p.code())
                    && world.index.normalAllowed(atDischarge, p.code())) {
                daily = p;
                codes.add(p.code());
            }
        }
        for (int d = 0; d <= length; d++) {
            long dayStart = (admDay + d) * World.DAY;
            long t = Math.max(e.start + 600, dayStart + 9 * World.HOUR);
            if (d == length) {
                t = Math.min(t, e.end - 1800);
            }
            if (d < length) {
                if (bed != null) {
                    total += builder.addLine(e, bed, 1, t, 0, e.doctor).totalFen;
                }
                if (nurse != null) {
                    total += builder.addLine(e, nurse, 1, t + 60, 0, e.doctor).totalFen;
                }
                if (daily != null && total + daily.priceFen() <= target * 8 / 10) {
                    total += builder.addLine(e, daily, 1, t + 180, 0, e.doctor).totalFen;
                }
            }
            if (consult != null) {
                total += builder.addLine(e, consult, 1, t + 120, 0, e.doctor).totalFen;
            }
            if (d < length) {
                for (int i = 0; i < regimen.size(); i++) {
                    total += builder.addLine(e, regimen.get(i), 1, t + 2400 + i * 60, 0, e.doctor).totalFen;
                }
            }
            // admission work-up: a panel of tests; later days: follow-up tests on about half of them
            int tests = d == 0 ? 3 + r.nextInt(4) : r.nextDouble() < 0.5 ? 1 + r.nextInt(3) : 0;
            for (int i = 0; i < tests && total < target * 8 / 10; i++) {
                FeeLine l = builder.addNormalItem(e, codes, world.pools.tests, t + 1800 + 20L * i, r);
                total += l == null ? 0 : l.totalFen;
            }
            if (total < target * 8 / 10 && d < length) {
                FeeLine l = builder.addNormalDrug(e, codes, state, t + 3600, 0, 1 + r.nextInt(3), MAX_NORMAL_DRUG_FEN, r);
                total += l == null ? 0 : l.totalFen;
            }
        }
        for (int k = 0; k < 400 && total < target * 95 / 100; k++) {
            long remaining = target - total;
            long t = e.start + World.HOUR + r.nextInt((int) Math.max(1, e.end - e.start - 2 * World.HOUR));
            List<PriceEntry> pool = r.nextBoolean() ? world.pools.drugs : world.pools.treatments;
            LineContext ctx = builder.context(e, t);
            for (int tries = 0; tries < 16 && !pool.isEmpty(); tries++) {
                PriceEntry p = World.pick(pool, r);
                if (p.priceFen() > remaining || codes.contains(p.code()) || !world.index.normalAllowed(ctx, p.code())
                        || hasPartner(codes, p.code()) || world.index.frequency(p.code()) != null) {
                    continue;
                }
                int count = (int) Math.max(1, Math.min(remaining / p.priceFen(), 30));
                codes.add(p.code());
                total += builder.addLine(e, p, count, t, 0, e.doctor).totalFen;
                break;
            }
        }
    }

    private PriceEntry firstAdmissible(Encounter e, Set<String> codes, List<PriceEntry> pool, SplittableRandom r) {
        if (pool.isEmpty()) {
            return null;
        }
        LineContext ctx = builder.context(e, e.start);
        for (int t = 0; t < 16; t++) {
            PriceEntry p = World.pick(pool, r);
            if (world.index.normalAllowed(ctx, p.code()) && !hasPartner(codes, p.code())) {
                codes.add(p.code());
                return p;
            }
        }
        return null;
    }

    private boolean hasPartner(Set<String> codes, String code) {
        for (String partner : world.index.duplicatePartners(code)) {
            if (codes.contains(partner)) {
                return true;
            }
        }
        return false;
    }
}
