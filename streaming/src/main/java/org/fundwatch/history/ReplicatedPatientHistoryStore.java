package org.fundwatch.history;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.clickhouse.JsonRowStream;
import org.fundwatch.model.Encounter;
import org.fundwatch.stream.state.StateCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory replica of {@code patient_history} for the gateway: every patient's encounters of the last
 * {@code window}, loaded once at {@link #start()} and then kept current by polling the rows recorded since (the stream
 * job's settled encounters, other gateway instances' analyses); this process's own writes are applied at once and go
 * on to {@code writer} (the write-behind insert into the same table). A 3101/3102 therefore reads history from memory,
 * with no ClickHouse round trip on the request path.
 *
 * <p>Why a replica and not a read-through cache: under the gateway's own insert load a ClickHouse point read took
 * more than the 100 ms deadline for 80 % of requests at 250 req/s ({@code fundwatch bench gateway}), and a cache still
 * has to ask ClickHouse about every patient it has not seen — most patients of a day. The replica knows that a patient
 * it does not hold has no history, as long as it is <em>complete</em>.
 *
 * <p>Bounds: at most {@code maxPatients} patients are held. Past that the replica stops taking newcomers and is no
 * longer complete: a patient it does not hold is then read from {@code reader} (ClickHouse; the caller's deadline
 * applies), as without a replica. Encounters older than the window (measured back from the newest admission seen) are
 * dropped as the replica polls. The window is anchored on the data, not the wall clock, so replays of past months
 * (demo, backtests) see their history.
 *
 * <p>Polling selects the rows stamped since the previous poll started, less a 5 s overlap (a gateway stamps the version
 * when it records the row, which becomes visible after its write-behind flush; the stream job stamps at the insert);
 * rows already held at that version are skipped before their encounter JSON is fetched. {@code version} is not in the table's sort key, so each poll scans that column: fine to
 * millions of rows; a deployment far beyond that should feed the replica from a changelog topic instead.
 */
public final class ReplicatedPatientHistoryStore implements PatientHistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedPatientHistoryStore.class);
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /**
     * How long after its version (the writer's wall clock when it stamped the row) a row may become visible in
     * ClickHouse: a gateway's 1 s write-behind plus the insert, and clock skew between hosts (NTP). The stream job's
     * sink stamps its rows when it inserts them ({@code ClickHouseSink.VERSION_AT_INSERT}), not when it buffers them
     * until a checkpoint. Each poll reads the rows stamped since its predecessor started, less this much.
     */
    static final long OVERLAP_MICROS = Duration.ofSeconds(5).toNanos() / 1000;
    /** Rows fetched per query of a poll's second step. */
    private static final int FETCH_BATCH = 1_000;
    private static final long PRUNE_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final ClickHouseStore store;
    private final PatientHistoryStore writer;
    private final PatientHistoryStore reader;
    private final Duration window;
    private final int maxPatients;
    private final long pollMillis;
    private final String ownSource;
    private final Map<String, PatientEncounters> patients = new ConcurrentHashMap<>();
    /** Versions above this are read by the next poll (wall-clock µs). */
    private volatile long pollFrom;
    private volatile LocalDateTime newestTime = LocalDateTime.MIN;
    private volatile boolean complete = true;
    private long lastPruneNanos = System.nanoTime();
    private ScheduledExecutorService poller;

    /**
     * One held encounter: its id, filing time (admission, else first line), the version it was written with, and the
     * encounter itself in the stream state's binary form ({@link StateCodec}). Packed because the replica holds
     * hundreds of thousands of encounters: as objects each took ~25 KB in ~300 objects (1.3 GB for 56,000 encounters
     * in {@code bench gateway}), which the collector had to copy when young and trace when old (G1 young pauses of
     * 40–70 ms, ZGC allocation stalls); packed, one array of a few KB each, decoded for the 2–3 encounters a request
     * reads.
     */
    private record Held(String encounterId, LocalDateTime time, long version, byte[] packed) {
        static Held of(Encounter e, LocalDateTime time, long version) {
            return new Held(e.id(), time, version, StateCodec.pack(e));
        }

        Encounter encounter() {
            return StateCodec.unpack(packed);
        }
    }

    /** A patient's held encounters, oldest first; replaced as a whole on every change. */
    private record PatientEncounters(List<Held> held) {
        PatientEncounters with(Held h) {
            List<Held> next = new ArrayList<>(held.size() + 1);
            for (Held old : held) {
                if (old.encounterId().equals(h.encounterId())) {
                    if (old.version() > h.version()) {
                        return this; // a newer version is held already
                    }
                } else {
                    next.add(old);
                }
            }
            int at = next.size();
            while (at > 0 && next.get(at - 1).time().isAfter(h.time())) {
                at--;
            }
            next.add(at, h);
            return new PatientEncounters(List.copyOf(next));
        }

        long versionOf(String encounterId) {
            for (Held h : held) {
                if (h.encounterId().equals(encounterId)) {
                    return h.version();
                }
            }
            return -1;
        }

        PatientEncounters since(LocalDateTime cutoff) {
            int first = 0;
            while (first < held.size() && held.get(first).time().isBefore(cutoff)) {
                first++;
            }
            return first == 0 ? this : first == held.size() ? null : new PatientEncounters(held.subList(first, held.size()));
        }
    }

    /**
     * @param store       ClickHouse with the {@code patient_history} table (the replica's source)
     * @param writer      where {@link #record} writes (normally write-behind into the same table)
     * @param reader      point reads for patients the replica does not hold once it is no longer complete
     * @param window      how far back history is kept (the longest window a rule reads)
     * @param maxPatients most patients held
     * @param pollMillis  how often new rows are read; 0 = never (tests drive {@link #poll()} themselves)
     * @param ownSource   the {@code source} value of the rows {@code writer} inserts (unique to this process, e.g.
     *                    {@code gateway:3f2a9c1e}): polls skip them in ClickHouse, since they are held from the moment
     *                    they were written; null = poll every writer's rows
     */
    public ReplicatedPatientHistoryStore(ClickHouseStore store, PatientHistoryStore writer, PatientHistoryStore reader,
                                         Duration window, int maxPatients, long pollMillis, String ownSource) {
        this.store = store;
        this.writer = writer;
        this.reader = reader;
        this.window = window;
        this.maxPatients = maxPatients;
        this.pollMillis = pollMillis;
        this.ownSource = ownSource;
    }

    /** Loads the window's rows, then polls every {@code pollMillis}. Returns the number of encounters loaded. */
    public long start() {
        long started = System.nanoTime();
        pollFrom = System.currentTimeMillis() * 1000 - OVERLAP_MICROS;
        Map<String, Object> newest = store.queryJsonEachRow("SELECT toString(max(adm_time)) AS t, max(version) AS v FROM "
                + store.table(ClickHousePatientHistoryStore.TABLE)).get(0);
        long maxVersion = ((Number) newest.get("v")).longValue();
        long loaded = 0;
        if (maxVersion > 0) {
            LocalDateTime anchor = LocalDateTime.parse(String.valueOf(newest.get("t")), SQL_TIME);
            newestTime = anchor;
            String sql = "SELECT psn_no, mdtrt_id, argMax(encounter, version) AS encounter, max(version) AS row_version FROM "
                    + store.table(ClickHousePatientHistoryStore.TABLE) + " WHERE adm_time >= '"
                    + SQL_TIME.format(anchor.minus(window)) + "' GROUP BY psn_no, mdtrt_id";
            loaded = apply(sql);
        }
        LOG.info("patient history replica: {} encounters of {} patients loaded in {} ms (window {} days{})", loaded,
                patients.size(), (System.nanoTime() - started) / 1_000_000, window.toDays(),
                complete ? "" : ", over " + maxPatients + " patients: not complete, misses read ClickHouse");
        if (pollMillis > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "history-replica");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::pollQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        }
        return loaded;
    }

    /**
     * Reads the rows other writers recorded since the last poll (with the overlap) and applies the new ones. Two
     * queries: the keys and versions of the recent rows (small), then the encounter JSON of only those not held at that
     * version yet (the overlap re-reads rows an earlier poll applied). This process's own rows are left out in
     * ClickHouse: re-reading them cost the gateway 0.4 ms of CPU per request at 300 req/s.
     */
    public long poll() {
        // The scan covers a fixed span of wall-clock time (rows stamped since the previous poll started, less the
        // overlap), not "since the newest version seen": that re-read a whole minute of rows on every poll, and after a
        // burst followed by silence the same rows forever.
        long started = System.currentTimeMillis() * 1000;
        long from = pollFrom;
        String table = store.table(ClickHousePatientHistoryStore.TABLE);
        String others = ownSource == null ? "" : " AND source != " + ClickHousePatientHistoryStore.quote(ownSource);
        List<String> wanted = new ArrayList<>();
        try (JsonRowStream rows = store.streamJsonEachRow("SELECT psn_no, mdtrt_id, version FROM " + table
                + " WHERE version > " + from + others)) {
            while (rows.hasNext()) {
                Map<String, Object> row = rows.next();
                long version = ((Number) row.get("version")).longValue();
                PatientEncounters current = patients.get(String.valueOf(row.get("psn_no")));
                String encounterId = String.valueOf(row.get("mdtrt_id"));
                if (current == null || current.versionOf(encounterId) < version) {
                    wanted.add("(" + ClickHousePatientHistoryStore.quote(encounterId) + ", " + version + ")");
                }
            }
        }
        long applied = 0;
        for (int i = 0; i < wanted.size(); i += FETCH_BATCH) {
            applied += apply("SELECT psn_no, mdtrt_id, encounter, version AS row_version FROM " + table + " WHERE version > "
                    + from + " AND (mdtrt_id, version) IN (" + String.join(", ", wanted.subList(i, Math.min(wanted.size(), i + FETCH_BATCH))) + ")");
        }
        pollFrom = started - OVERLAP_MICROS;
        if (System.nanoTime() - lastPruneNanos > PRUNE_EVERY_NANOS) {
            prune();
            lastPruneNanos = System.nanoTime();
        }
        return applied;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("patient history replica: poll failed ({}); retrying in {} ms", e.getMessage(), pollMillis);
        }
    }

    private long apply(String sql) {
        long applied = 0;
        try (JsonRowStream rows = store.streamJsonEachRow(sql)) {
            while (rows.hasNext()) {
                Map<String, Object> row = rows.next();
                String patientId = String.valueOf(row.get("psn_no"));
                long version = ((Number) row.get("row_version")).longValue();
                PatientEncounters current = patients.get(patientId);
                if (current != null && current.versionOf(String.valueOf(row.get("mdtrt_id"))) >= version) {
                    continue; // seen already: skip decoding its JSON
                }
                if (hold(EncounterJson.read(String.valueOf(row.get("encounter"))), version)) {
                    applied++;
                }
            }
        }
        return applied;
    }

    /** Holds {@code e} at {@code version}; false when the patient is new and the replica is full. */
    private boolean hold(Encounter e, long version) {
        if (e.patientId() == null) {
            return false;
        }
        LocalDateTime time = ClickHousePatientHistoryStore.timeOf(e, LocalDateTime.MIN);
        if (time.isAfter(newestTime)) {
            newestTime = time;
        } else if (newestTime != LocalDateTime.MIN && time.isBefore(newestTime.minus(window))) {
            return false; // out of the window (a poll re-reads old rows written recently)
        }
        if (!patients.containsKey(e.patientId()) && patients.size() >= maxPatients) {
            if (complete) {
                complete = false;
                LOG.warn("patient history replica holds {} patients, its limit: newcomers are read from ClickHouse", maxPatients);
            }
            return false;
        }
        Held held = Held.of(e, time, version);
        patients.compute(e.patientId(), (id, current) -> current == null ? new PatientEncounters(List.of(held)) : current.with(held));
        return true;
    }

    /** Drops encounters that fell out of the window (also called by polls, once a minute). */
    void prune() {
        if (newestTime == LocalDateTime.MIN) {
            return;
        }
        LocalDateTime cutoff = newestTime.minus(window);
        for (String patientId : patients.keySet()) {
            patients.computeIfPresent(patientId, (id, current) -> current.since(cutoff));
        }
    }

    /**
     * Holds the encounters at once, at the versions the writer inserts them with: a poll that reads the row back finds
     * it held at that version and skips it without fetching its JSON.
     */
    @Override
    public void write(List<VersionedEncounter> encounters) {
        for (VersionedEncounter v : encounters) {
            hold(v.encounter(), v.version());
        }
        writer.write(encounters);
    }

    @Override
    public Optional<List<Encounter>> recentIfCached(String patientId, LocalDateTime since) {
        PatientEncounters held = patients.get(patientId);
        if (held == null) {
            return complete ? Optional.of(List.of()) : Optional.empty();
        }
        List<Encounter> out = new ArrayList<>(held.held().size());
        for (Held h : held.held()) {
            if (!h.time().isBefore(since)) {
                out.add(h.encounter());
            }
        }
        return Optional.of(out);
    }

    @Override
    public List<Encounter> recent(String patientId, LocalDateTime since) {
        return recentIfCached(patientId, since).orElseGet(() -> reader.recent(patientId, since));
    }

    /** Patients held (diagnostics). */
    public int patients() {
        return patients.size();
    }

    /** Whether every patient with history in the window is held (so a patient not held has none). */
    public boolean complete() {
        return complete;
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS); // a poll in flight finishes before the store goes away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close();
    }
}
