package org.fundwatch.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.NationalRequest;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.Institution;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.Doctor;
import org.fundwatch.pack.KnowledgePack;
import org.fundwatch.pack.PackTable;
import org.fundwatch.pack.Price;

/**
 * Realistic 3101 envelopes for the gateway benchmark: one institution and its doctors from the knowledge pack's
 * registry, a pool of patients (so the history cache sees repeat visits, as in a ward), and per request an outpatient
 * encounter with {@code orders} orders drawn from the pack's priced drug, service-item and consumable codes (the codes
 * the restriction rules look up). Seeded: the same arguments give the same requests.
 */
final class BenchRequests {
    private final List<Price> drugs = new ArrayList<>();
    private final List<Price> items = new ArrayList<>();
    private final org.fundwatch.pack.Institution institution;
    private final List<Doctor> doctors;
    private final int orders;
    private final int patients;
    private final Random random;
    private static final LocalDateTime START = LocalDateTime.of(2025, 6, 14, 8, 0);
    private long sequence;

    BenchRequests(KnowledgePack kb, int orders, int patients, long seed) {
        this(kb, orders, patients, seed, 0);
    }

    /** Requests numbered from {@code afterSequence + 1} (another generator's requests keep their own ids). */
    BenchRequests(KnowledgePack kb, int orders, int patients, long seed, long afterSequence) {
        for (Price p : kb.table(PackTable.PRICES)) {
            ListType type = ListType.ofItemCode(p.code());
            if (type == ListType.DRUG) {
                drugs.add(p);
            } else if (type == ListType.SERVICE_ITEM || type == ListType.CONSUMABLE) {
                items.add(p);
            }
        }
        this.institution = kb.table(PackTable.INSTITUTIONS).get(0);
        this.doctors = kb.table(PackTable.DOCTORS).stream().filter(d -> d.institutionCode().equals(institution.institutionCode())).toList();
        if (drugs.isEmpty() || items.isEmpty() || doctors.isEmpty()) {
            throw new IllegalStateException("knowledge pack " + kb.version() + " has no priced drugs/items or doctors for the benchmark");
        }
        this.orders = orders;
        this.patients = patients;
        this.random = new Random(seed);
        this.sequence = afterSequence;
    }

    /** The institution code the requests are submitted under. */
    String institutionCode() {
        return institution.institutionCode();
    }

    /** The next 3101 envelope as UTF-8 JSON. */
    synchronized byte[] next() {
        long n = ++sequence;
        int patientNo = random.nextInt(patients);
        LocalDateTime time = START.plusSeconds(n);
        Encounter encounter = encounter(patientNo, "MDT" + patientNo + "-" + n, "RX" + n + "-", time);
        String patientId = encounter.patientId();
        Gender gender = patientNo % 2 == 0 ? Gender.MALE : Gender.FEMALE;
        LocalDate birth = LocalDate.of(1940 + patientNo % 60, 1 + patientNo % 12, 1 + patientNo % 28);
        String encounterId = encounter.id();
        Patient patient = new Patient(patientId, "患者" + patientNo, gender, birth, "310", institution.admdvs());
        EncounterContext ctx = new EncounterContext(patient, List.of(encounter), encounterId, Phase.PRE, "2", "T" + n, List.of());
        NationalRequest<AnalysisInput> request = NationalRequest.of(Transaction.PRE_ANALYSIS,
                institution.institutionCode() + String.format("%018d", n), institution.institutionCode(), institution.admdvs(), time,
                new AnalysisInput(AnalysisAdapter.toData("HIS", List.of(ctx))));
        try {
            return NationalJson.mapper().writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The history every patient has when the benchmark starts: {@code perPatient} earlier outpatient encounters of the
     * same shape, 1–60 days before the first request (some drugs' days of supply still running, as in real history).
     */
    synchronized List<Encounter> history(int perPatient) {
        List<Encounter> out = new ArrayList<>(patients * perPatient);
        for (int patientNo = 0; patientNo < patients; patientNo++) {
            for (int k = 0; k < perPatient; k++) {
                LocalDateTime time = START.minusDays(1 + random.nextInt(60)).plusMinutes(random.nextInt(600));
                out.add(encounter(patientNo, "HIS" + patientNo + "-" + k, "HRX" + patientNo + "-" + k + "-", time));
            }
        }
        return out;
    }

    private Encounter encounter(int patientNo, String encounterId, String linePrefix, LocalDateTime time) {
        String patientId = String.format("4301%016d", patientNo);
        Doctor doctor = doctors.get(random.nextInt(doctors.size()));
        List<FeeLine> lines = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            Price p = i % 2 == 0 ? drugs.get(random.nextInt(drugs.size())) : items.get(random.nextInt(items.size()));
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(3));
            BigDecimal price = p.priceYuan().setScale(2, java.math.RoundingMode.HALF_UP);
            ListType type = ListType.ofItemCode(p.code());
            lines.add(new FeeLine(linePrefix + i, "P" + linePrefix, p.code(), "H" + i, type, null, p.name(), null, p.unit(),
                    quantity, price, Money.ofYuan(price.multiply(quantity)), time, type.isMedicine() ? time.plusDays(7) : null,
                    doctor.doctorCode(), doctor.name(), doctor.deptCode(), doctor.deptName(), null, true, false, false, null));
        }
        Institution inst = new Institution(institution.institutionCode(), institution.name(), institution.admdvs(),
                String.valueOf(institution.level()), institution.type());
        return new Encounter(encounterId, patientId, inst, CareSetting.OUTPATIENT, "11", "310", time, null,
                doctor.deptCode(), doctor.deptName(), null, null, doctor.doctorCode(), "I10.x00", "高血压",
                List.of(new Diagnosis("I10.x00", "高血压", true, 1, false, time)), List.of(), lines, null);
    }
}
