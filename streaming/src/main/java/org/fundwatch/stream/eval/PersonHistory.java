package org.fundwatch.stream.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.Patient;
import org.fundwatch.rules.pack.EncounterAssembler;

/**
 * What the job keeps per person (keyed state, serialized by {@link JacksonStateSerializer}): the person, encounters
 * being assembled (information and fee lines by {@code mdtrt_id}), settled encounters of the history window, the ids
 * of alerts already raised (so a later phase or pack version re-finding the same violation stays silent), and the
 * post-event evaluations due.
 */
public final class PersonHistory {
    public Patient patient;
    public LocalDate deathDate;
    public LinkedHashMap<String, EncounterAssembler.Info> infos = new LinkedHashMap<>();
    public LinkedHashMap<String, EncounterAssembler.Fees> open = new LinkedHashMap<>();
    /** 2401 admissions not yet matched to a stay (they carry no mdtrt_id). */
    public ArrayList<EncounterAssembler.Info> admissions = new ArrayList<>();
    /** Settled encounters in settlement order, with their settlement event time. */
    public ArrayList<Settled> settled = new ArrayList<>();
    /** Alert id → event time (for pruning). */
    public HashMap<String, Long> alerted = new HashMap<>();
    /** Event time → encounter ids whose post-event evaluation is due then. */
    public TreeMap<Long, ArrayList<String>> postDue = new TreeMap<>();

    public PersonHistory() {
    }

    /** A settled encounter with its settlement id and time. */
    public static final class Settled {
        public Encounter encounter;
        public String settlementId;
        public long settledAt;

        public Settled() {
        }

        public Settled(Encounter encounter, String settlementId, long settledAt) {
            this.encounter = encounter;
            this.settlementId = settlementId;
            this.settledAt = settledAt;
        }
    }
}
