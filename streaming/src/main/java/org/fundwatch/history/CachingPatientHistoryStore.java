package org.fundwatch.history;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.fundwatch.model.Encounter;

/**
 * A read-through, write-through cache in front of another {@link PatientHistoryStore}: the encounters of the most
 * recently used patients (at most {@code maxPatients}), each list kept for {@code ttl}. Writes go to the delegate and
 * update a cached list in place, so the gateway sees its own writes at once even while the delegate batches them.
 * Writes by other processes (the stream job, other gateway instances) become visible when the entry expires — the TTL
 * bounds that staleness.
 *
 * <p>A cached list covers a window: it is reused for a read whose {@code since} is not earlier than the one it was
 * loaded with.
 */
public final class CachingPatientHistoryStore implements PatientHistoryStore {
    private final PatientHistoryStore delegate;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    private record Entry(List<Encounter> encounters, LocalDateTime since, long loadedAt) {
    }

    public CachingPatientHistoryStore(PatientHistoryStore delegate, int maxPatients, Duration ttl) {
        this(delegate, maxPatients, ttl, System::nanoTime);
    }

    CachingPatientHistoryStore(PatientHistoryStore delegate, int maxPatients, Duration ttl, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.clock = nanoClock;
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxPatients;
            }
        };
    }

    @Override
    public void record(Collection<Encounter> encounters) {
        delegate.record(encounters);
        synchronized (entries) {
            for (Encounter e : encounters) {
                Entry cached = entries.get(e.patientId());
                if (cached != null) {
                    List<Encounter> updated = new ArrayList<>(cached.encounters().size() + 1);
                    for (Encounter old : cached.encounters()) {
                        if (!old.id().equals(e.id())) {
                            updated.add(old);
                        }
                    }
                    updated.add(e);
                    entries.put(e.patientId(), new Entry(List.copyOf(updated), cached.since(), cached.loadedAt()));
                }
            }
        }
    }

    @Override
    public java.util.Optional<List<Encounter>> recentIfCached(String patientId, LocalDateTime since) {
        long now = clock.getAsLong();
        synchronized (entries) {
            Entry cached = entries.get(patientId);
            if (cached != null && now - cached.loadedAt() < ttlNanos && !since.isBefore(cached.since())) {
                return java.util.Optional.of(within(cached.encounters(), since));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public List<Encounter> recent(String patientId, LocalDateTime since) {
        java.util.Optional<List<Encounter>> hit = recentIfCached(patientId, since);
        if (hit.isPresent()) {
            return hit.get();
        }
        long now = clock.getAsLong();
        List<Encounter> loaded = List.copyOf(delegate.recent(patientId, since));
        synchronized (entries) {
            entries.put(patientId, new Entry(loaded, since, now));
        }
        return loaded;
    }

    /** Cached patients (diagnostics). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static List<Encounter> within(List<Encounter> encounters, LocalDateTime since) {
        List<Encounter> out = new ArrayList<>(encounters.size());
        for (Encounter e : encounters) {
            LocalDateTime t = ClickHousePatientHistoryStore.timeOf(e, since);
            if (!t.isBefore(since)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
