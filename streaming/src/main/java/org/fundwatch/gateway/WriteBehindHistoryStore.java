package org.fundwatch.gateway;

import java.time.LocalDateTime;
import java.util.List;
import com.fasterxml.jackson.databind.util.RawValue;
import org.fundwatch.history.ClickHousePatientHistoryStore;
import org.fundwatch.history.PatientHistoryStore;
import org.fundwatch.history.VersionedEncounter;
import org.fundwatch.model.Encounter;

/**
 * Records encounters through a {@link BackgroundBatcher} so that a 3101 never waits for the history insert; reads go
 * to the delegate. Put a {@link org.fundwatch.history.ReplicatedPatientHistoryStore} in front so the gateway sees its
 * own writes before they are flushed.
 */
public final class WriteBehindHistoryStore implements PatientHistoryStore {
    private final ClickHousePatientHistoryStore delegate;
    private final BackgroundBatcher<VersionedEncounter, RawValue> batcher;

    public WriteBehindHistoryStore(ClickHousePatientHistoryStore delegate, int capacity, long flushMillis) {
        this.delegate = delegate;
        this.batcher = new BackgroundBatcher<>("patient-history", capacity, 1000, flushMillis, delegate::prepare,
                delegate::insertPrepared);
    }

    @Override
    public void write(List<VersionedEncounter> encounters) {
        batcher.add(encounters);
    }

    @Override
    public List<Encounter> recent(String patientId, LocalDateTime since) {
        return delegate.recent(patientId, since);
    }

    /** Waits until queued encounters are written. */
    @Override
    public void flush() {
        batcher.flush();
    }

    @Override
    public void close() {
        batcher.close();
        delegate.close();
    }
}
