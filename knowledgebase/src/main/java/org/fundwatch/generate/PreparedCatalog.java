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
 * The read-only views of a {@link GeneratorCatalog} that generation needs (restriction index, code
 * pools, institutions by region, DRG standards, diagnosis pools), derived once and shared by every
 * run on the same catalog. Immutable after construction; safe to share between threads.
 */
public final class PreparedCatalog {

    /** ICD-10 prefixes of everyday outpatient complaints; none is gender- or age-specific. */
    private static final String[] COMMON_PREFIXES = {"J06", "J02", "J20", "J30", "K29", "K30", "K59", "M54", "M79",
        "L30", "L50", "H10", "R51", "R05", "H66"};
    /** ICD-10 initials that are tied to sex, pregnancy or the perinatal period; kept out of normal diagnoses. */
    private static final String[] SPECIFIC_PREFIXES = {"O", "P", "Z3", "N4", "N5", "N6", "N7", "N8", "N9", "C5", "C6",
        "D06", "D07", "D25", "D26", "D27", "D28", "D29", "D39", "D40", "E28", "E29", "R86", "R87", "Q5"};

    final GeneratorCatalog catalog;
    final RestrictionIndex index;
    final CodePools pools;
    final List<String> regions = new ArrayList<>();
    final Map<String, List<Institution>> hospitalsByRegion = new TreeMap<>();
    final Map<String, List<Institution>> pharmaciesByRegion = new TreeMap<>();
    final List<Institution> hospitals = new ArrayList<>();
    final List<Institution> internetHospitals = new ArrayList<>();
    final Map<String, List<Doctor>> doctorsByInstitution = new HashMap<>();
    final Map<String, Integer> doctorIndex = new HashMap<>();
    final Map<String, String> cityByRegion = new HashMap<>();
    private final Map<String, DrgStandard> standards = new HashMap<>();
    final List<MedicalDrg> drgs = new ArrayList<>();
    final List<CodeName> commonDiagnoses = new ArrayList<>();
    final List<ChronicDisease> chronicDiseases = new ArrayList<>();
    final Map<String, List<CodeName>> chronicDiagnoses = new HashMap<>();

    /** Derives the views of {@code catalog}; fails with a clear message when a required table is empty. */
    public PreparedCatalog(GeneratorCatalog catalog) {
        this.catalog = catalog;
        this.index = new RestrictionIndex(catalog);
        this.pools = new CodePools(catalog.prices(), code -> !index.excludedFromNormal(code));
        TreeSet<String> regionSet = new TreeSet<>();
        for (Institution i : catalog.institutions()) {
            if (i.pharmacy()) {
                pharmaciesByRegion.computeIfAbsent(i.admdvs(), k -> new ArrayList<>()).add(i);
                continue;
            }
            if (i.internetQualified()) {
                internetHospitals.add(i);
            }
            if (i.offline()) {
                hospitalsByRegion.computeIfAbsent(i.admdvs(), k -> new ArrayList<>()).add(i);
                hospitals.add(i);
                regionSet.add(i.admdvs());
            }
        }
        regions.addAll(regionSet);
        for (String region : regions) {
            // registries without 定点药店: three SYNTHETIC pharmacies per region, marked by their P-codes
            pharmaciesByRegion.computeIfAbsent(region, k -> syntheticPharmacies(region));
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("the knowledge pack's institutions table has no hospital");
        }
        List<Doctor> doctors = catalog.doctors();
        for (int i = 0; i < doctors.size(); i++) {
            Doctor d = doctors.get(i);
            doctorIndex.putIfAbsent(d.code(), i);
            doctorsByInstitution.computeIfAbsent(d.institutionCode(), k -> new ArrayList<>()).add(d);
        }
        for (Institution h : hospitals) {
            if (!doctorsByInstitution.containsKey(h.code()) && h.offline()) {
                throw new IllegalArgumentException("hospital " + h.code() + " has no doctor in the doctors table");
            }
        }
        assignCities();
        for (DrgStandard s : catalog.drgPayments()) {
            standards.putIfAbsent(s.city() + "|" + s.drgCode() + "|" + s.institutionLevel(), s);
            standards.putIfAbsent(s.city() + "|" + s.drgCode() + "|*", s);
        }
        for (MedicalDrg d : catalog.medicalDrgs()) {
            char mdc = d.drgCode().charAt(0);
            if (mdc == 'M' || mdc == 'N' || mdc == 'O' || mdc == 'P' || mdc == 'Y' || mdc == 'Z') {
                continue;
            }
            List<CodeName> neutral = new ArrayList<>();
            for (CodeName c : d.principalDiagnoses()) {
                if (isNeutralDiagnosis(c.code()) && !catalog.complicationCodes().contains(c.code())) {
                    neutral.add(c);
                }
            }
            if (!neutral.isEmpty()) {
                drgs.add(new MedicalDrg(d.drgCode(), d.drgName(), neutral));
            }
        }
        for (CodeName c : catalog.diagnoses()) {
            for (String p : COMMON_PREFIXES) {
                if (c.code().startsWith(p) && !catalog.complicationCodes().contains(c.code())) {
                    commonDiagnoses.add(c);
                    break;
                }
            }
        }
        if (commonDiagnoses.isEmpty()) {
            throw new IllegalArgumentException("the knowledge pack has no ICD-10 catalogue (icd/icd10-nhsa-v2.0.dat)");
        }
        for (ChronicDisease d : catalog.chronicDiseases()) {
            List<CodeName> dx = new ArrayList<>();
            for (CodeName c : catalog.diagnoses()) {
                if (dx.size() >= 20) {
                    break;
                }
                for (String p : d.icd10Prefixes()) {
                    if (c.code().startsWith(p) && isNeutralDiagnosis(c.code()) && !isCommon(c.code())) {
                        dx.add(c);
                        break;
                    }
                }
            }
            if (!dx.isEmpty()) {
                chronicDiseases.add(d);
                chronicDiagnoses.put(d.mCode(), dx);
            }
        }
    }

    private static List<Institution> syntheticPharmacies(String region) {
        List<Institution> list = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            list.add(new Institution(String.format("P%s%05d", region, 90000 + n), "示例大药房（" + region + "第" + n + "店）",
                    region, 0, "定点药店", true, false));
        }
        return list;
    }

    private void assignCities() {
        TreeSet<String> cities = new TreeSet<>();
        for (DrgStandard s : catalog.drgPayments()) {
            cities.add(s.city());
        }
        if (cities.isEmpty()) {
            return;
        }
        List<String> unmatched = new ArrayList<>();
        for (String region : regions) {
            String city = matchCity(region, cities);
            if (city != null) {
                cityByRegion.put(region, city);
            } else {
                unmatched.add(region);
            }
        }
        // regions whose own city has no published table borrow one, round-robin in sorted order
        List<String> cityList = new ArrayList<>(cities);
        for (int i = 0; i < unmatched.size(); i++) {
            cityByRegion.put(unmatched.get(i), cityList.get(i % cityList.size()));
        }
    }

    private static String matchCity(String admdvs, Iterable<String> cities) {
        String[][] known = {{"3205", "苏州", "suzhou"}, {"4201", "武汉", "wuhan"}, {"11", "北京", "beijing"},
            {"4301", "长沙", "changsha"}};
        for (String[] k : known) {
            if (admdvs.startsWith(k[0])) {
                for (String c : cities) {
                    String lc = c.toLowerCase(java.util.Locale.ROOT);
                    if (lc.contains(k[1]) || lc.contains(k[2])) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    public static boolean isNeutralDiagnosis(String code) {
        for (String p : SPECIFIC_PREFIXES) {
            if (code.startsWith(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCommon(String code) {
        for (String p : COMMON_PREFIXES) {
            if (code.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The payment standard of {@code drg} for an institution, or null when the city has none. */
    DrgStandard standard(Institution institution, String drg) {
        String city = cityByRegion.get(institution.admdvs());
        if (city == null) {
            return null;
        }
        DrgStandard s = standards.get(city + "|" + drg + "|" + institution.level());
        if (s == null) {
            s = standards.get(city + "|" + drg + "|0");
        }
        return s != null ? s : standards.get(city + "|" + drg + "|*");
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

}
