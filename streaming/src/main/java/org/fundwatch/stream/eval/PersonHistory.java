package org.fundwatch.stream.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.Patient;
import org.fundwatch.rules.pack.EncounterAssembler;
import org.fundwatch.stream.model.Envelope;

/**
 * What the job keeps per person (keyed state, serialized by {@link org.fundwatch.stream.state.PersonHistorySerializer}):
 * the person, messages waiting for the watermark, encounters being assembled (information and fee lines by
 * {@code mdtrt_id}), settled encounters of the history window, the ids of alerts already raised (so a later phase or
 * pack version re-finding the same violation stays silent), the post-event evaluations due and the one event-time
 * timer the person has registered.
 */
public final class PersonHistory {
    /** No timer registered. */
    public static final long NO_TIMER = Long.MIN_VALUE;

    public Patient patient;
    public LocalDate deathDate;
    /** Whether the person came from a 1101 record in the stream (then the state is kept while the person is known). */
    public boolean personFromStream;
    /** Messages waiting for the watermark (any order; processed sorted by {@link Envelope#compare}). */
    public ArrayList<Envelope> pending = new ArrayList<>();
    public LinkedHashMap<String, EncounterAssembler.Info> infos = new LinkedHashMap<>();
    public LinkedHashMap<String, EncounterAssembler.Fees> open = new LinkedHashMap<>();
    /** 2401 admissions not yet matched to a stay (they carry no mdtrt_id). */
    public ArrayList<EncounterAssembler.Info> admissions = new ArrayList<>();
    /** Settled encounters in settlement order, with their settlement event time. */
    public ArrayList<Settled> settled = new ArrayList<>();
    /** Alert id → event time, raised in event-time order (settlement and post-event evaluations). */
    public HashMap<String, Long> alerted = new HashMap<>();
    /** Alert id → event time, raised on arrival (3101/3102). */
    public HashMap<String, Long> alertedOnArrival = new HashMap<>();
    /** Event time → encounter ids whose post-event evaluation is due then. */
    public TreeMap<Long, ArrayList<String>> postDue = new TreeMap<>();
    /** The event-time timer registered for this person ({@link #NO_TIMER}: none). */
    public long timer = NO_TIMER;
    /** The latest event time processed (drives the clean-up timer). */
    public long lastEventTime = Long.MIN_VALUE;

    public PersonHistory() {
    }

    /** Nothing but (possibly) the registry's person: the state can be dropped. */
    public boolean isEmpty() {
        return !personFromStream && pending.isEmpty() && infos.isEmpty() && open.isEmpty() && admissions.isEmpty()
                && settled.isEmpty() && alerted.isEmpty() && alertedOnArrival.isEmpty() && postDue.isEmpty();
    }

    /** A settled encounter with its settlement id and time. Immutable once built (copies share it). */
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
