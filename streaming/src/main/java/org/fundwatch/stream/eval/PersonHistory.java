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
import org.fundwatch.stream.state.StateCodec;

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
    /** Messages applied to this state so far: a settlement's post-event evaluation is skipped when none came since. */
    public long revision;

    public PersonHistory() {
    }

    /** Nothing but (possibly) the registry's person: the state can be dropped. */
    public boolean isEmpty() {
        return !personFromStream && pending.isEmpty() && infos.isEmpty() && open.isEmpty() && admissions.isEmpty()
                && settled.isEmpty() && alerted.isEmpty() && alertedOnArrival.isEmpty() && postDue.isEmpty();
    }

    /**
     * A settled encounter with its settlement id and time. Immutable once built (copies share it).
     *
     * <p>The encounter is held only in its packed form ({@link #packed}, the state codec's form, made once at
     * settlement) and decoded when an evaluation of the person needs it. Two reasons: every checkpoint writes those
     * bytes as they are instead of encoding every held encounter again (the heap backend snapshots all state at each
     * checkpoint; re-encoding 100,000 persons' histories took a core away from evaluation — settlement alerts p99 188
     * ms with checkpoints every 10 s against 80 ms without), and the history window's encounters are one array each
     * instead of a dozen objects per fee line (strings, decimals, times): keeping the decoded form as well made the
     * live heap grow with every settled line, and ZGC, which marks the whole live heap in every cycle, took a quarter
     * of the CPU on encounters of ~30 lines (bench stream: 44,662 → 63,440 fee lines/s without it).
     */
    public static final class Settled {
        public final String encounterId;
        public final byte[] packed;
        public final String settlementId;
        public final long settledAt;
        /**
         * The person's {@link PersonHistory#revision} when the settlement evaluation ran without a rule failure (else
         * {@link #NOT_EVALUATED}), and the packs it ran with ({@code PackVersions#key}).
         */
        public final long evaluatedRevision;
        public final String evaluatedPacks;

        /** Not evaluated cleanly at settlement: the post-event evaluation always runs. */
        public static final long NOT_EVALUATED = -1;

        /** A new settlement: the encounter and its packed form ({@code StateCodec.pack}). */
        public Settled(Encounter encounter, byte[] packed, String settlementId, long settledAt, long evaluatedRevision,
                       String evaluatedPacks) {
            this(encounter.id(), packed, settlementId, settledAt, evaluatedRevision, evaluatedPacks);
        }

        /** A settlement, e.g. read back from a checkpoint. */
        public Settled(String encounterId, byte[] packed, String settlementId, long settledAt, long evaluatedRevision,
                       String evaluatedPacks) {
            this.encounterId = encounterId;
            this.packed = packed;
            this.settlementId = settlementId;
            this.settledAt = settledAt;
            this.evaluatedRevision = evaluatedRevision;
            this.evaluatedPacks = evaluatedPacks;
        }

        /** The encounter, decoded from {@link #packed} on each call. */
        public Encounter encounter() {
            return StateCodec.unpack(packed);
        }
    }
}
