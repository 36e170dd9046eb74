package org.fundwatch.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.adapter.FeeDetailAdapter;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.Institution;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.pack.KnowledgePack;

/**
 * Reads a backtest dataset — the data generator's output ({@code messages/*.jsonl}, {@code persons.jsonl}) or any
 * directory of national message files ({@code *.jsonl}, one request envelope per line) — into encounter contexts.
 *
 * <ul>
 *   <li>【3101】/【3102】 requests become contexts as they are ({@link AnalysisAdapter}), in the request's phase;</li>
 *   <li>【2204】/【2301】 fee details are grouped per encounter ({@code mdtrt_id}) and completed with the encounter
 *       information of 2201/2203/2401 messages (med_type, times, diagnoses), the person ({@code persons.jsonl}) and
 *       the institution registry of the knowledge pack; each becomes a {@link Phase#POST} context whose history is
 *       the person's earlier encounters of the dataset;</li>
 *   <li>other transactions are counted as skipped; lines that are not JSON, not a request or fail parsing are dead
 *       letters with their reason.</li>
 * </ul>
 * Every line is counted once: {@code lines = used + skipped + deadLettered}.
 */
public final class BacktestDataset {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final java.util.regex.Pattern CHRONIC_DISEASE_CODE = java.util.regex.Pattern.compile("M\\d{5}");

    /** A line that could not be used, with where and why. */
    public record DeadLetter(String where, String reason) {
    }

    /** Line counts. */
    public record Counts(long lines, long used, long skipped, long deadLettered, long contexts,
                         Map<String, Long> deadLetterReasons) {
        /** Whether every line is accounted for exactly once. */
        public boolean reconciles() {
            return lines == used + skipped + deadLettered;
        }
    }

    private final Path dir;
    private final KnowledgePack kb;
    private final MessageParser parser = new MessageParser();
    /** 2401 admissions by {@code psn_no|fixmedins_code}, in input order. */
    private final Map<String, List<EncounterInfo>> admissions = new HashMap<>();

    private long lines;
    private long used;
    private long skipped;
    private long contexts;
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<String, Long> reasons = new TreeMap<>();

    public BacktestDataset(Path dir, KnowledgePack kb) {
        this.dir = dir;
        this.kb = kb;
    }

    /** Reads the whole dataset and hands every context to {@code sink}; call once. */
    public Counts read(Consumer<EncounterContext> sink) {
        Map<String, Patient> persons = readPersons(dir.resolve("persons.jsonl"));
        Map<String, EncounterInfo> infos = new HashMap<>();
        Map<String, FeeEncounter> feeEncounters = new LinkedHashMap<>();
        for (Path file : messageFiles()) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    lines++;
                    readLine(dir.relativize(file) + ":" + number, line, sink, infos, feeEncounters);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        emitFeeEncounters(feeEncounters, infos, persons, sink);
        return new Counts(lines, used, skipped, deadLetters.size(), contexts, Map.copyOf(reasons));
    }

    /** The dead letters so far, in input order. */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    private void readLine(String where, String line, Consumer<EncounterContext> sink, Map<String, EncounterInfo> infos,
                          Map<String, FeeEncounter> fees) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (IOException e) {
            dead(where, "not JSON");
            return;
        }
        String infno = root == null ? "" : root.path("infno").asText("");
        switch (infno) {
            case "3101", "3102" -> {
                ParseResult parsed = parser.parse(line);
                if (!parsed.isOk()) {
                    dead(where, infno + " rejected: " + firstError(parsed));
                    return;
                }
                AnalysisInput input = parsed.input(AnalysisInput.class);
                List<EncounterContext> cs = AnalysisAdapter.toContexts(parsed.transaction().orElseThrow(), input.data());
                used++;
                cs.forEach(c -> {
                    contexts++;
                    sink.accept(c);
                });
            }
            case "2204", "2301" -> {
                ParseResult parsed = parser.parse(line);
                if (!parsed.isOk()) {
                    dead(where, infno + " rejected: " + firstError(parsed));
                    return;
                }
                String institution = root.path("fixmedins_code").asText(null);
                for (FeeDetail d : parsed.input(FeeDetailInput.class).lines()) {
                    fees.computeIfAbsent(d.encounterId(), id -> new FeeEncounter(id, d.personNo(), institution,
                            Transaction.INPATIENT_FEE_DETAILS.code().equals(infno))).add(d);
                }
                used++;
            }
            case "2201", "2203", "2401", "2402" -> {
                JsonNode input = root.path("input");
                JsonNode info = input.has("mdtrtinfo") ? input.get("mdtrtinfo")
                        : input.has("dscginfo") ? input.get("dscginfo") : input.path("adminfo");
                String encounterId = info.path("mdtrt_id").asText("");
                if (encounterId.isEmpty() && "2401".equals(infno)) {
                    // 2401 admission registration carries no mdtrt_id: the platform assigns it in the response.
                    // It is matched to the stay's fee details by person, institution and admission time.
                    String person = info.path("psn_no").asText("");
                    if (person.isEmpty()) {
                        dead(where, "2401 without psn_no");
                        return;
                    }
                    EncounterInfo admission = new EncounterInfo();
                    admission.merge(info, input.path("diseinfo"));
                    admissions.computeIfAbsent(person + "|" + root.path("fixmedins_code").asText(""),
                            k -> new ArrayList<>()).add(admission);
                    used++;
                    return;
                }
                if (encounterId.isEmpty()) {
                    dead(where, infno + " without mdtrt_id");
                    return;
                }
                EncounterInfo known = infos.computeIfAbsent(encounterId, k -> new EncounterInfo());
                known.merge(info, input.path("diseinfo"));
                known.personNo = info.path("psn_no").asText(known.personNo);
                known.institutionCode = root.path("fixmedins_code").asText(known.institutionCode);
                used++;
            }
            case "" -> dead(where, "no infno (not a national request envelope)");
            default -> skipped++;
        }
    }

    private void emitFeeEncounters(Map<String, FeeEncounter> fees, Map<String, EncounterInfo> infos,
                                   Map<String, Patient> persons, Consumer<EncounterContext> sink) {
        Map<String, List<Encounter>> byPerson = new HashMap<>();
        List<FeeEncounter> ordered = new ArrayList<>(fees.values());
        // A registered and settled visit without fee details (e.g. a consultation billed elsewhere) is still a visit:
        // frequency and overlap rules count it.
        infos.forEach((id, info) -> {
            if (!fees.containsKey(id) && info.personNo != null && !info.personNo.isEmpty() && info.begin != null
                    && info.medType != null) {
                ordered.add(new FeeEncounter(id, info.personNo, info.institutionCode, false, info.begin));
            }
        });
        ordered.sort(Comparator.comparing(FeeEncounter::firstTime));
        for (FeeEncounter f : ordered) {
            Patient patient = persons.get(f.personNo);
            if (patient == null) {
                patient = new Patient(f.personNo, null, Gender.UNKNOWN, null, null, null);
            }
            EncounterInfo info = infos.get(f.id);
            if (f.inpatient && (info == null || info.begin == null)) {
                info = withAdmission(info, f);
            }
            Encounter encounter = f.toEncounter(info, institution(f.institutionCode));
            List<Encounter> history = byPerson.computeIfAbsent(f.personNo, k -> new ArrayList<>());
            List<Encounter> all = new ArrayList<>(history);
            all.add(encounter);
            history.add(encounter);
            contexts++;
            sink.accept(new EncounterContext(patient, all, encounter.id(), Phase.POST, null, null, List.of()));
        }
    }

    /** {@code info} completed with the person's latest 2401 admission at the institution before the first fee. */
    private EncounterInfo withAdmission(EncounterInfo info, FeeEncounter f) {
        List<EncounterInfo> candidates = admissions.getOrDefault(f.personNo + "|" + f.institutionCode, List.of());
        LocalDateTime firstFee = f.firstTime();
        EncounterInfo best = null;
        for (EncounterInfo a : candidates) {
            if (a.begin != null && !a.begin.isAfter(firstFee) && (best == null || a.begin.isAfter(best.begin))) {
                best = a;
            }
        }
        if (best == null) {
            return info;
        }
        EncounterInfo merged = new EncounterInfo();
        merged.medType = best.medType;
        merged.begin = best.begin;
        merged.mainDiagnosisCode = best.mainDiagnosisCode;
        merged.mainDiagnosisName = best.mainDiagnosisName;
        merged.diagnoses.putAll(best.diagnoses);
        if (info != null) {
            merged.medType = info.medType != null ? info.medType : merged.medType;
            merged.end = info.end;
            merged.internet = info.internet;
            if (info.mainDiagnosisCode != null) {
                merged.mainDiagnosisCode = info.mainDiagnosisCode;
                merged.mainDiagnosisName = info.mainDiagnosisName;
            }
            merged.diagnoses.putAll(info.diagnoses);
        }
        return merged;
    }

    private Institution institution(String code) {
        if (code == null) {
            return null;
        }
        return kb.institution(code).map(i -> new Institution(i.institutionCode(), i.name(), i.admdvs(),
                String.valueOf(i.level()), i.type())).orElse(new Institution(code, null, null, null, null));
    }

    private void dead(String where, String reason) {
        deadLetters.add(new DeadLetter(where, reason));
        String key = reason.length() > 80 ? reason.substring(0, 80) : reason;
        reasons.merge(key.replaceAll("\\d{6,}", "…"), 1L, Long::sum);
    }

    private static String firstError(ParseResult parsed) {
        return parsed.errors().isEmpty() ? parsed.summary() : parsed.errors().get(0).toString();
    }

    private List<Path> messageFiles() {
        Path messages = dir.resolve("messages");
        Path root = Files.isDirectory(messages) ? messages : dir;
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .filter(f -> !List.of("persons.jsonl", "ground-truth.jsonl").contains(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list message files (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, Patient> readPersons(Path file) {
        Map<String, Patient> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode p = JSON.readTree(line);
                JsonNode base = p.path("baseinfo");
                String id = base.path("psn_no").asText();
                String birth = base.path("brdy").asText("");
                String death = base.path("die_date").asText("");
                out.put(id, new Patient(id, base.path("psn_name").asText(null), Gender.ofCode(base.path("gend").asText()),
                        birth.isEmpty() ? null : LocalDate.parse(birth.substring(0, 10)),
                        p.path("insuinfo").path(0).path("insutype").asText(null),
                        p.path("insuinfo").path(0).path("insuplc_admdvs").asText(null),
                        death.length() < 10 ? null : LocalDate.parse(death.substring(0, 10))));
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(file + ": unreadable person record (" + e.getMessage() + ")",
                    e));
        }
        return out;
    }

    /**
     * Whether an {@code exp_content} extension marks internet care ({@code internet_flag} 1). The national interface
     * has no field for it; HIS and the generator use the extension slot (docs/generator.md). exp_content arrives
     * either as an object or as a JSON string.
     */
    static boolean internetFlag(JsonNode extension) {
        JsonNode ext = extension;
        if (ext != null && ext.isTextual() && ext.asText().startsWith("{")) {
            try {
                ext = JSON.readTree(ext.asText());
            } catch (IOException e) {
                return false;
            }
        }
        return ext != null && "1".equals(ext.path("internet_flag").asText());
    }

    /** Encounter information of 2201/2203/2401 messages. */
    private static final class EncounterInfo {
        String medType;
        LocalDateTime begin;
        LocalDateTime end;
        String personNo;
        String institutionCode;
        String mainDiagnosisCode;
        String mainDiagnosisName;
        boolean internet;
        final Map<String, Diagnosis> diagnoses = new LinkedHashMap<>();

        void merge(JsonNode info, JsonNode diseases) {
            medType = text(info, "med_type", medType);
            internet |= internetFlag(info.path("exp_content"));
            String begn = text(info, "begntime", null);
            if (begn != null && begn.length() >= 19) {
                begin = LocalDateTime.parse(begn.substring(0, 19), TIME);
            }
            String endTime = text(info, "endtime", null);
            if (endTime != null && endTime.length() >= 19) {
                end = LocalDateTime.parse(endTime.substring(0, 19), TIME);
            }
            String disease = text(info, "dise_codg", null);
            // For 门诊慢特病 (med_type 14) dise_codg carries the chronic-disease code (M + 5 digits, no dot), not an
            // ICD-10 code; the visit's ICD diagnoses come in diseinfo. Only ICD codes become the main diagnosis.
            if (disease != null && !CHRONIC_DISEASE_CODE.matcher(disease).matches()) {
                mainDiagnosisCode = disease;
                mainDiagnosisName = text(info, "dise_name", mainDiagnosisName);
            }
            for (JsonNode d : diseases) {
                String code = text(d, "diag_code", null);
                if (code != null) {
                    int order = d.path("diag_srt_no").asInt(diagnoses.size() + 1);
                    diagnoses.putIfAbsent(code, new Diagnosis(code, text(d, "diag_name", null),
                            "1".equals(d.path("maindiag_flag").asText()), order, false, null));
                }
            }
        }

        private static String text(JsonNode n, String field, String fallback) {
            String v = n.path(field).asText("");
            return v.isBlank() ? fallback : v;
        }
    }

    /** Fee details of one encounter, collected across messages. */
    private static final class FeeEncounter {
        final String id;
        final String personNo;
        final String institutionCode;
        final boolean inpatient;
        final List<FeeLine> lines = new ArrayList<>();
        String medType;
        String doctorCode;
        boolean internet;

        /** When the encounter has no fee lines: its registration time. */
        final LocalDateTime registered;

        FeeEncounter(String id, String personNo, String institutionCode, boolean inpatient) {
            this(id, personNo, institutionCode, inpatient, null);
        }

        FeeEncounter(String id, String personNo, String institutionCode, boolean inpatient, LocalDateTime registered) {
            this.id = id;
            this.personNo = personNo;
            this.institutionCode = institutionCode;
            this.inpatient = inpatient;
            this.registered = registered;
        }

        void add(FeeDetail d) {
            lines.add(FeeDetailAdapter.toFeeLine(d));
            internet |= internetFlag(d.extension());
            if (medType == null) {
                medType = d.medType();
            }
            if (doctorCode == null) {
                doctorCode = d.doctorCode();
            }
        }

        LocalDateTime firstTime() {
            return lines.stream().map(FeeLine::time).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                    .orElse(registered != null ? registered : LocalDateTime.MIN);
        }

        Encounter toEncounter(EncounterInfo info, Institution institution) {
            String type = info != null && info.medType != null ? info.medType : medType != null ? medType
                    : inpatient ? "21" : "11";
            LocalDateTime begin = info != null && info.begin != null ? info.begin : firstTime();
            LocalDateTime end = info != null && info.end != null ? info.end
                    : lines.stream().map(FeeLine::time).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(begin);
            List<Diagnosis> diagnoses = info == null ? List.of() : List.copyOf(info.diagnoses.values());
            CareSetting setting = internet || (info != null && info.internet) ? CareSetting.INTERNET
                    : CareSetting.ofMedType(type);
            return new Encounter(id, personNo, institution, setting, type, null, begin, end, null, null,
                    null, null, doctorCode, info == null ? null : info.mainDiagnosisCode,
                    info == null ? null : info.mainDiagnosisName, diagnoses, List.of(), lines, null);
        }
    }
}
