package org.fundwatch.generate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.fundwatch.generate.CatalogRecords.Doctor;
import org.fundwatch.generate.CatalogRecords.PriceEntry;
import org.fundwatch.generate.CatalogRecords.PriceKind;

/**
 * Adds fee lines to encounters. Normal lines pass every restriction check in their context and
 * never complete a duplicate-charge pair; labelled cases add lines through {@link #addLine} directly.
 */
final class EncounterBuilder {
    private static final int MAX_TRIES = 24;

    private final World world;
    /** Per-code and per-doctor text, derived once (see {@link CodeText}, {@link DoctorText}). */
    private final java.util.Map<String, CodeText> codeTexts = new java.util.HashMap<>();
    private final java.util.Map<String, DoctorText> doctorTexts = new java.util.HashMap<>();

    private final long startEpochDay;

    EncounterBuilder(World world) {
        this.world = world;
        this.startEpochDay = world.config.start().toEpochDay();
    }

    LocalDate dateOf(long time) {
        return world.config.start().plusDays(time / World.DAY);
    }

    LineContext context(Encounter e, long time) {
        Person p = e.person;
        long ageDays = startEpochDay + Math.floorDiv(time, World.DAY) - p.birthEpochDay;
        return new LineContext(p.gender, ageDays, p.insuranceType, e.kind.inpatient(),
                e.institution.pharmacy() ? 0 : e.institution.level(), e.kind == EncounterKind.INTERNET);
    }

    /** Adds a line for {@code entry} unconditionally. */
    FeeLine addLine(Encounter e, PriceEntry entry, int count, long time, int supplyDays, Doctor doctor) {
        return addLine(e, entry, entry.priceFen(), count, time, supplyDays, doctor);
    }

    FeeLine addLine(Encounter e, PriceEntry entry, long priceFen, int count, long time, int supplyDays, Doctor doctor) {
        CodeText text = codeTexts.get(entry.code());
        if (text == null) {
            text = new CodeText(entry);
            codeTexts.put(entry.code(), text);
        }
        DoctorText doctorText = DoctorText.NONE;
        if (doctor != null) {
            doctorText = doctorTexts.get(doctor.code());
            if (doctorText == null) {
                doctorText = new DoctorText(doctor);
                doctorTexts.put(doctor.code(), doctorText);
            }
        }
        FeeLine line = new FeeLine(e.nextLineSerial(), entry.code(), entry.name(), entry.kind(), text,
                entry.unit(), priceFen, count, time, supplyDays, doctor, doctorText);
        e.lines.add(line);
        return line;
    }

    /** The price entry of {@code code}; codes missing from the price list get a stable synthetic price. */
    PriceEntry entry(String code, String name, PriceKind kind) {
        PriceEntry p = world.pools.price(code);
        if (p != null) {
            return p;
        }
        long fen = 500 + Math.floorMod(code.hashCode(), 19_500);
        String unit = kind == PriceKind.DRUG ? "盒" : "次";
        return new PriceEntry(code, kind, name, unit, fen, -1);
    }

    /** Adds one normal service item from {@code pool}, or nothing when no admissible item is found. */
    FeeLine addNormalItem(Encounter e, Set<String> codes, List<PriceEntry> pool, long time, SplittableRandom r) {
        if (pool.isEmpty()) {
            return null;
        }
        LineContext ctx = context(e, time);
        for (int t = 0; t < MAX_TRIES; t++) {
            PriceEntry p = pool.get(r.nextInt(pool.size()));
            if (admissible(ctx, codes, p.code())) {
                codes.add(p.code());
                return addLine(e, p, 1, time, 0, e.doctor);
            }
        }
        return null;
    }

    /**
     * Adds one normal drug line: admissible in context, cheaper than {@code maxPriceFen}, and not a
     * drug the person still has a supply of (so no overlapping prescriptions arise by chance).
     */
    FeeLine addNormalDrug(Encounter e, Set<String> codes, PersonState state, long time, int supplyDays, int count,
                          long maxPriceFen, SplittableRandom r) {
        List<PriceEntry> pool = world.pools.drugs;
        if (pool.isEmpty()) {
            return null;
        }
        LineContext ctx = context(e, time);
        for (int t = 0; t < MAX_TRIES; t++) {
            PriceEntry p = pool.get(r.nextInt(pool.size()));
            if (p.priceFen() > maxPriceFen || codes.contains(p.code()) || !admissible(ctx, codes, p.code())
                    || state.supplied(p.code(), time)) {
                continue;
            }
            codes.add(p.code());
            if (supplyDays > 0) {
                state.supply(p.code(), time + supplyDays * World.DAY);
            }
            return addLine(e, p, count, time, supplyDays, e.doctor);
        }
        return null;
    }

    private boolean admissible(LineContext ctx, Set<String> codes, String code) {
        return world.index.normalAdmissible(ctx, codes, code);
    }

    static Set<String> codesOf(Encounter e) {
        Set<String> s = new HashSet<>();
        for (FeeLine l : e.lines) {
            s.add(l.code);
        }
        return s;
    }
}
