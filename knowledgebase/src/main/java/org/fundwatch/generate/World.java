package org.fundwatch.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundwatch.generate.CatalogRecords.ChronicDisease;
import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.Doctor;
import org.fundwatch.generate.CatalogRecords.DrgStandard;
import org.fundwatch.generate.CatalogRecords.Institution;
import org.fundwatch.generate.CatalogRecords.MedicalDrg;
import org.fundwatch.generate.CatalogRecords.PriceEntry;

/**
 * The state of one generation run: the shared {@link PreparedCatalog} views, the seeded random source,
 * doctor workload and the encounters planned so far. Package-private; only the generator uses it.
 */
final class World {
    static final long DAY = 86_400;
    static final long HOUR = 3_600;
    /** Consultations one doctor can give in an hour in normal data (5 minutes each). */
    static final int NORMAL_DOCTOR_HOURLY_CAP = 12;


    final GeneratorConfig config;
    final PreparedCatalog prepared;
    final GeneratorCatalog catalog;
    final RestrictionIndex index;
    final CodePools pools;
    final SplittableRandom rng;
    final List<String> regions;
    final Map<String, List<Institution>> hospitalsByRegion;
    final Map<String, List<Institution>> pharmaciesByRegion;
    final List<Institution> hospitals;
    final List<Institution> internetHospitals;
    final Map<String, List<Doctor>> doctorsByInstitution;
    private final Map<String, Integer> doctorIndex;
    private final int[] doctorLoad;
    private final int hours;
    final Map<String, String> cityByRegion;
    final List<MedicalDrg> drgs;
    final List<CodeName> commonDiagnoses;
    final List<ChronicDisease> chronicDiseases;
    final Map<String, List<CodeName>> chronicDiagnoses;
    final List<Encounter> encounters = new ArrayList<>();
    private long nextEncounter = 1;

    World(GeneratorConfig config, PreparedCatalog prepared) {
        this.config = config;
        this.prepared = prepared;
        this.catalog = prepared.catalog;
        this.index = prepared.index;
        this.pools = prepared.pools;
        this.rng = new SplittableRandom(config.seed());
        this.regions = prepared.regions;
        this.hospitalsByRegion = prepared.hospitalsByRegion;
        this.pharmaciesByRegion = prepared.pharmaciesByRegion;
        this.hospitals = prepared.hospitals;
        this.internetHospitals = prepared.internetHospitals;
        this.doctorsByInstitution = prepared.doctorsByInstitution;
        this.doctorIndex = prepared.doctorIndex;
        this.cityByRegion = prepared.cityByRegion;
        this.drgs = prepared.drgs;
        this.commonDiagnoses = prepared.commonDiagnoses;
        this.chronicDiseases = prepared.chronicDiseases;
        this.chronicDiagnoses = prepared.chronicDiagnoses;
        this.hours = config.days() * 24 + 24 * 40;
        this.doctorLoad = new int[Math.max(1, catalog.doctors().size()) * hours];
    }

    static boolean isNeutralDiagnosis(String code) {
        return PreparedCatalog.isNeutralDiagnosis(code);
    }

    DrgStandard standard(Institution institution, String drg) {
        return prepared.standard(institution, drg);
    }

    Encounter newEncounter(EncounterKind kind, Person person, Institution institution, Doctor doctor, long start) {
        Encounter e = new Encounter(nextEncounter++, kind, person, institution, doctor, start);
        encounters.add(e);
        person.encounters.add(e);
        return e;
    }

    /**
     * Removes a planned encounter (labelled cases clear a window of a person's normal activity). The
     * encounter is only flagged in the global list, which keeps removal O(1) for large runs.
     */
    void remove(Encounter e) {
        e.removed = true;
        e.person.encounters.remove(e);
        if (e.doctor != null) {
            removeLoad(e.doctor, e.start);
        }
    }

    int hourIndex(long time) {
        return (int) Math.min(hours - 1, Math.max(0, time / HOUR));
    }

    int load(Doctor d, long time) {
        Integer i = doctorIndex.get(d.code());
        return i == null ? 0 : doctorLoad[i * hours + hourIndex(time)];
    }

    void addLoad(Doctor d, long time) {
        Integer i = doctorIndex.get(d.code());
        if (i != null) {
            doctorLoad[i * hours + hourIndex(time)]++;
        }
    }

    void removeLoad(Doctor d, long time) {
        Integer i = doctorIndex.get(d.code());
        if (i != null) {
            doctorLoad[i * hours + hourIndex(time)]--;
        }
    }

    /** A doctor of {@code institution} with spare capacity in the hour of {@code time}, or null. */
    Doctor availableDoctor(Institution institution, long time, SplittableRandom r) {
        List<Doctor> ds = doctorsByInstitution.get(institution.code());
        if (ds == null || ds.isEmpty()) {
            return null;
        }
        int startAt = r.nextInt(ds.size());
        for (int k = 0; k < ds.size(); k++) {
            Doctor d = ds.get((startAt + k) % ds.size());
            if (load(d, time) < NORMAL_DOCTOR_HOURLY_CAP) {
                return d;
            }
        }
        return null;
    }

    /** Any doctor of {@code institution} (pharmacies may have none: null). */
    Doctor anyDoctor(Institution institution, SplittableRandom r) {
        List<Doctor> ds = doctorsByInstitution.get(institution.code());
        return ds == null || ds.isEmpty() ? null : ds.get(r.nextInt(ds.size()));
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

}
