package org.fundwatch.history;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.fundwatch.model.Encounter;

/**
 * The recent encounters of each insured person, as the engine knows them: settled encounters written by the stream
 * job and the encounters the gateway analysed in 3101/3102 (so that a prescription at hospital A yesterday is history
 * for hospital B today, before either is settled). Keyed by person ({@link Encounter#patientId()}, the message's
 * {@code patn_id}/{@code psn_no}) and encounter id; recording an encounter again replaces the earlier version.
 *
 * <p>Implementations are thread-safe.
 */
public interface PatientHistoryStore extends AutoCloseable {

    /**
     * Records {@code encounters} (each replaces an earlier version with the same patient and encounter id), stamped
     * with the next versions of {@link MonotonicMicros#HISTORY}.
     */
    default void record(Collection<Encounter> encounters) {
        java.util.List<VersionedEncounter> stamped = new java.util.ArrayList<>(encounters.size());
        for (Encounter e : encounters) {
            stamped.add(new VersionedEncounter(e, MonotonicMicros.HISTORY.next()));
        }
        write(stamped);
    }

    /** Records encounters already stamped with their versions (the highest version of an encounter wins). */
    void write(List<VersionedEncounter> encounters);

    /**
     * The encounters of {@code patientId} admitted (or, without an admission time, recorded) at or after
     * {@code since}, oldest first; empty when none is known.
     */
    List<Encounter> recent(String patientId, LocalDateTime since);

    /**
     * {@link #recent} if it can be answered from memory without I/O, else empty (callers then read with a deadline
     * off the request thread). Stores without a cache answer empty.
     */
    default java.util.Optional<List<Encounter>> recentIfCached(String patientId, LocalDateTime since) {
        return java.util.Optional.empty();
    }

    /** Waits until every encounter recorded so far is durable (a no-op for synchronous stores). */
    default void flush() {
    }

    @Override
    default void close() {
    }
}
