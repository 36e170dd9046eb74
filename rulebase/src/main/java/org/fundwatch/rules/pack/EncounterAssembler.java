package org.fundwatch.rules.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fundwatch.message.adapter.FeeDetailAdapter;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.Institution;
import org.fundwatch.model.Patient;
import org.fundwatch.pack.KnowledgePack;

/**
 * Assembles encounters incrementally from national messages, one message at a time: the encounter information of
 * 【2201】/【2203】/【2401】/【2402】 ({@link Info}) and the fee lines of 【2204】/【2301】 ({@link Fees}) become one
 * {@link Encounter}. Used by the backtest ({@link BacktestDataset}, whole dataset in memory) and by the streaming job
 * (per person in keyed state, where the pieces are serialized: hence the plain mutable fields and no-argument
 * constructors).
 */
public final class EncounterAssembler {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 门诊慢特病 codes (M + 5 digits, no dot) that med_type 14 visits carry in dise_codg instead of an ICD-10 code. */
    /** A 门诊慢特病 code ({@code M} and five digits, e.g. M05800), not an ICD-10 code. */
    static boolean isChronicDiseaseCode(String code) {
        if (code.length() != 6 || code.charAt(0) != 'M') {
            return false;
        }
        for (int i = 1; i < 6; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private EncounterAssembler() {
    }

    /** The person of a {@code persons.jsonl} record or a 【1101】 output ({@code baseinfo}, {@code insuinfo[]}). */
    public static Patient patientOf(JsonNode person) {
        JsonNode base = person.path("baseinfo");
        String id = base.path("psn_no").asText();
        String birth = base.path("brdy").asText("");
        return new Patient(id, base.path("psn_name").asText(null), Gender.ofCode(base.path("gend").asText()),
                birth.isEmpty() ? null : LocalDate.parse(birth.substring(0, 10)),
                person.path("insuinfo").path(0).path("insutype").asText(null),
                person.path("insuinfo").path(0).path("insuplc_admdvs").asText(null), deathDateOf(person));
    }

    /**
     * Whether an {@code exp_content} extension marks internet care ({@code internet_flag} 1). The national interface
     * has no field for it; HIS and the generator use the extension slot (docs/generator.md). exp_content arrives either
     * as an object or as a JSON string.
     */
    public static boolean internetFlag(JsonNode extension) {
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

    /**
     * The admission (a 2401 {@link Info}, which carries no mdtrt_id: the platform assigns it in the response) that
     * opened the stay {@code fees} at its institution: the latest one not after the first fee; null when none.
     */
    public static Info admissionOf(List<Info> admissions, Fees fees) {
        LocalDateTime firstFee = fees.firstTime();
        Info best = null;
        for (Info a : admissions) {
            if (a.begin != null && !a.begin.isAfter(firstFee) && Objects.equals(a.institutionCode, fees.institutionCode)
                    && (best == null || a.begin.isAfter(best.begin))) {
                best = a;
            }
        }
        return best;
    }

    /** The date of death of a person record ({@code baseinfo.die_date}), or null. */
    public static LocalDate deathDateOf(JsonNode person) {
        String die = person.path("baseinfo").path("die_date").asText("");
        return die.length() < 10 ? null : LocalDate.parse(die.substring(0, 10));
    }

    /** A person known only by id (no person record seen). */
    public static Patient unknownPatient(String personNo) {
        return new Patient(personNo, null, Gender.UNKNOWN, null, null, null);
    }

    /** The institution {@code code} from the knowledge pack's registry (only the code when not registered). */
    public static Institution institution(KnowledgePack kb, String code) {
        if (code == null) {
            return null;
        }
        return kb.institution(code).map(i -> new Institution(i.institutionCode(), i.name(), i.admdvs(),
                String.valueOf(i.level()), i.type())).orElse(new Institution(code, null, null, null, null));
    }

    /**
     * The {@code mdtrtinfo}/{@code adminfo} node of a 2201/2203/2401/2402 message's {@code input}: the encounter id is
     * its {@code mdtrt_id}.
     */
    public static JsonNode encounterInfoNode(JsonNode input) {
        if (input.has("mdtrtinfo")) {
            return input.get("mdtrtinfo");
        }
        return input.has("adminfo") ? input.get("adminfo") : input.path("dscginfo");
    }

    /** Encounter information of 2201/2203/2401/2402 messages. */
    public static final class Info {
        public String medType;
        public LocalDateTime begin;
        public LocalDateTime end;
        public String mainDiagnosisCode;
        public String mainDiagnosisName;
        public boolean internet;
        public String personNo;
        public String institutionCode;
        public LinkedHashMap<String, Diagnosis> diagnoses = new LinkedHashMap<>();

        public Info() {
        }

        /** Merges a message's info node and its {@code diseinfo[]}; {@code institutionCode} from the envelope. */
        public void merge(JsonNode info, JsonNode diseases, String institution) {
            personNo = text(info, "psn_no", personNo);
            institutionCode = institution != null && !institution.isBlank() ? institution : institutionCode;
            merge(info, diseases);
        }

        /**
         * Merges a bound 2203 (as {@link #merge(JsonNode, JsonNode, String)} merges its tree: the stream job binds
         * 2203 in one streaming pass and has no tree of it). Bound text is trimmed, blank read as absent.
         */
        public void merge(org.fundwatch.message.admission.OutpatientVisitInput visit, String institution) {
            var info = visit.visit();
            personNo = info.personNo() != null ? info.personNo() : personNo;
            institutionCode = institution != null && !institution.isBlank() ? institution : institutionCode;
            medType = info.medType() != null ? info.medType() : medType;
            internet |= internetFlag(info.extension());
            if (info.beginTime() != null) {
                begin = info.beginTime();
            }
            String disease = info.diseaseCategoryCode();
            if (disease != null && !isChronicDiseaseCode(disease)) {
                mainDiagnosisCode = disease;
                mainDiagnosisName = info.diseaseCategoryName() != null ? info.diseaseCategoryName() : mainDiagnosisName;
            }
            for (org.fundwatch.message.admission.DiseaseInfo d : visit.diagnoses()) {
                if (d.code() != null) {
                    int order = d.order() != null ? d.order() : diagnoses.size() + 1;
                    diagnoses.putIfAbsent(d.code(), new Diagnosis(d.code(), d.name(), Boolean.TRUE.equals(d.principal()),
                            order, false, null));
                }
            }
        }

        /** Merges a message's info node and its {@code diseinfo[]}. */
        public void merge(JsonNode info, JsonNode diseases) {
            medType = text(info, "med_type", medType);
            internet |= internetFlag(info.path("exp_content"));
            String begn = text(info, "begntime", null);
            if (begn != null && begn.length() >= 19) {
                begin = LocalDateTime.parse(begn.substring(0, 19), TIME);
            }
            String endt = text(info, "endtime", null);
            if (endt != null && endt.length() >= 19) {
                end = LocalDateTime.parse(endt.substring(0, 19), TIME);
            }
            String disease = text(info, "dise_codg", null);
            // For 门诊慢特病 (med_type 14) dise_codg carries the chronic-disease code, not an ICD-10 code; the visit's
            // ICD diagnoses come in diseinfo. Only ICD codes become the main diagnosis.
            if (disease != null && !isChronicDiseaseCode(disease)) {
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

        /** This info completed with what {@code admission} (the stay's 2401) says and this one does not. */
        public Info withAdmission(Info admission) {
            Info merged = new Info();
            merged.medType = medType != null ? medType : admission.medType;
            merged.begin = begin != null ? begin : admission.begin;
            merged.end = end;
            merged.internet = internet || admission.internet;
            merged.personNo = personNo != null ? personNo : admission.personNo;
            merged.institutionCode = institutionCode != null ? institutionCode : admission.institutionCode;
            boolean own = mainDiagnosisCode != null;
            merged.mainDiagnosisCode = own ? mainDiagnosisCode : admission.mainDiagnosisCode;
            merged.mainDiagnosisName = own ? mainDiagnosisName : admission.mainDiagnosisName;
            merged.diagnoses.putAll(admission.diagnoses);
            merged.diagnoses.putAll(diagnoses);
            return merged;
        }

        private static String text(JsonNode n, String field, String fallback) {
            String v = n.path(field).asText("");
            return v.isBlank() ? fallback : v;
        }
    }

    /** Fee details of one encounter, collected across messages. */
    public static final class Fees {
        public String id;
        public String personNo;
        public String institutionCode;
        public boolean inpatient;
        public ArrayList<FeeLine> lines = new ArrayList<>();
        public String medType;
        public String doctorCode;
        public boolean internet;
        /** For an encounter without fee lines: its registration time. */
        public LocalDateTime registered;

        public Fees() {
        }

        public Fees(String id, String personNo, String institutionCode, boolean inpatient) {
            this.id = id;
            this.personNo = personNo;
            this.institutionCode = institutionCode;
            this.inpatient = inpatient;
        }

        /** Adds one fee detail. */
        public void add(FeeDetail d) {
            lines.add(FeeDetailAdapter.toFeeLine(d));
            internet |= internetFlag(d.extension());
            if (medType == null) {
                medType = d.medType();
            }
            if (doctorCode == null) {
                doctorCode = d.doctorCode();
            }
        }

        /** The earliest fee time ({@link LocalDateTime#MIN} without lines). */
        public LocalDateTime firstTime() {
            LocalDateTime first = null; // a loop: the stream job asks this of every open stay at every event
            for (int i = 0, n = lines.size(); i < n; i++) {
                LocalDateTime t = lines.get(i).time();
                if (t != null && (first == null || t.isBefore(first))) {
                    first = t;
                }
            }
            return first != null ? first : registered != null ? registered : LocalDateTime.MIN;
        }

        /** The encounter: info (may be null) completes what the fee lines say. */
        public Encounter toEncounter(Info info, Institution institution) {
            String type = info != null && info.medType != null ? info.medType : medType != null ? medType
                    : inpatient ? "21" : "11";
            LocalDateTime begin = info != null && info.begin != null ? info.begin : firstTime();
            // A stay is discharged only when its 2402 says so: until then it is open (null), however late its last
            // fee line — rules such as 住院期间门诊 must see it as ongoing. A visit ends with its last line.
            LocalDateTime end = info != null && info.end != null ? info.end
                    : inpatient ? null
                    : lines.stream().map(FeeLine::time).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(begin);
            List<Diagnosis> diagnoses = info == null ? List.of() : List.copyOf(info.diagnoses.values());
            CareSetting setting = internet || (info != null && info.internet) ? CareSetting.INTERNET
                    : CareSetting.ofMedType(type);
            return new Encounter(id, personNo, institution, setting, type, null, begin, end, null,
                    null, null, null, doctorCode, info == null ? null : info.mainDiagnosisCode,
                    info == null ? null : info.mainDiagnosisName, diagnoses, List.of(), lines, null);
        }
    }

    /** A map type for callers that keep infos by encounter id. */
    public static Map<String, Info> newInfoMap() {
        return new LinkedHashMap<>();
    }
}
