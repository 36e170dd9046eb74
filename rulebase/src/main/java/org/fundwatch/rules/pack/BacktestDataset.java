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
    /** 2401 admissions (no mdtrt_id) by psn_no. */
    private final Map<String, List<EncounterAssembler.Info>> admissions = new HashMap<>();

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
        Map<String, EncounterAssembler.Info> infos = new HashMap<>();
        Map<String, EncounterAssembler.Fees> feeEncounters = new LinkedHashMap<>();
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

    private void readLine(String where, String line, Consumer<EncounterContext> sink, Map<String, EncounterAssembler.Info> infos,
                          Map<String, EncounterAssembler.Fees> fees) {
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
                    fees.computeIfAbsent(d.encounterId(), id -> new EncounterAssembler.Fees(id, d.personNo(), institution,
                            Transaction.INPATIENT_FEE_DETAILS.code().equals(infno))).add(d);
                }
                used++;
            }
            case "2201", "2203", "2401", "2402" -> {
                JsonNode input = root.path("input");
                JsonNode info = EncounterAssembler.encounterInfoNode(input);
                String encounterId = info.path("mdtrt_id").asText("");
                String institution = root.path("fixmedins_code").asText(null);
                if (encounterId.isEmpty() && "2401".equals(infno)) {
                    // 2401 carries no mdtrt_id (the platform assigns it in the response): matched to the stay's fee
                    // details by person, institution and admission time (EncounterAssembler.admissionOf).
                    EncounterAssembler.Info admission = new EncounterAssembler.Info();
                    admission.merge(info, input.path("diseinfo"), institution);
                    if (admission.personNo == null) {
                        dead(where, "2401 without psn_no");
                        return;
                    }
                    admissions.computeIfAbsent(admission.personNo, k -> new ArrayList<>()).add(admission);
                    used++;
                    return;
                }
                if (encounterId.isEmpty()) {
                    dead(where, infno + " without mdtrt_id");
                    return;
                }
                infos.computeIfAbsent(encounterId, k -> new EncounterAssembler.Info())
                        .merge(info, input.path("diseinfo"), institution);
                used++;
            }
            case "" -> dead(where, "no infno (not a national request envelope)");
            default -> skipped++;
        }
    }

    private void emitFeeEncounters(Map<String, EncounterAssembler.Fees> fees, Map<String, EncounterAssembler.Info> infos,
                                   Map<String, Patient> persons, Consumer<EncounterContext> sink) {
        Map<String, List<Encounter>> byPerson = new HashMap<>();
        List<EncounterAssembler.Fees> ordered = new ArrayList<>(fees.values());
        // A registered visit without fee details (e.g. a consultation billed elsewhere) is still a visit: frequency
        // and overlap rules count it.
        infos.forEach((id, info) -> {
            if (!fees.containsKey(id) && info.personNo != null && info.begin != null && info.medType != null) {
                EncounterAssembler.Fees visit = new EncounterAssembler.Fees(id, info.personNo, info.institutionCode,
                        false);
                visit.registered = info.begin;
                ordered.add(visit);
            }
        });
        ordered.sort(Comparator.comparing(EncounterAssembler.Fees::firstTime));
        for (EncounterAssembler.Fees f : ordered) {
            Patient patient = persons.get(f.personNo);
            if (patient == null) {
                patient = EncounterAssembler.unknownPatient(f.personNo);
            }
            EncounterAssembler.Info info = infos.get(f.id);
            if (f.inpatient && (info == null || info.begin == null)) {
                EncounterAssembler.Info admission =
                        EncounterAssembler.admissionOf(admissions.getOrDefault(f.personNo, List.of()), f);
                if (admission != null) {
                    info = info == null ? admission : info.withAdmission(admission);
                }
            }
            Encounter encounter = f.toEncounter(info, EncounterAssembler.institution(kb, f.institutionCode));
            List<Encounter> history = byPerson.computeIfAbsent(f.personNo, k -> new ArrayList<>());
            List<Encounter> all = new ArrayList<>(history);
            all.add(encounter);
            history.add(encounter);
            contexts++;
            sink.accept(new EncounterContext(patient, all, encounter.id(), Phase.POST, null, null, List.of()));
        }
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
                Patient patient = EncounterAssembler.patientOf(JSON.readTree(line));
                out.put(patient.id(), patient);
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(file + ": unreadable person record (" + e.getMessage() + ")",
                    e));
        }
        return out;
    }
}
