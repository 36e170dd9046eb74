package org.fundwatch.gateway.cli;

import java.net.URI;
import java.nio.file.Path;
import org.fundwatch.pack.KnowledgePacks;

/**
 * The fixed-rate load of {@code bench gateway} in a JVM of its own, as a hospital's client is: its request bodies
 * (hundreds of megabytes for a minute at 500 req/s), its HTTP client and its garbage no longer share the gateway's
 * heap, collector and JIT — in one JVM they made the gateway's GC cycles a quarter more frequent. It still shares the
 * machine's two cores, as a loopback client must.
 *
 * <p>Arguments: {@code uri institution apiKey kbDir orders patients historyEncounters rate warmupSeconds seconds}. It
 * makes the same requests as the in-process generator would (same seed, the seeded history drawn first), runs the
 * warm-up and the measured phase, and prints {@code RESULT } + {@link OpenLoopLoad.Result#line()} on stdout.
 */
public final class LoadClientProcess {
    /** The prefix of the result line on stdout. */
    static final String RESULT = "RESULT ";
    static final String MEASURING = "MEASURING";

    private LoadClientProcess() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String institution = args[1];
        String key = args[2];
        var kb = KnowledgePacks.cached(Path.of(args[3]));
        int orders = Integer.parseInt(args[4]);
        int patients = Integer.parseInt(args[5]);
        int historyEncounters = Integer.parseInt(args[6]);
        int rate = Integer.parseInt(args[7]);
        int warmupSeconds = Integer.parseInt(args[8]);
        int seconds = Integer.parseInt(args[9]);
        BenchRequests requests = new BenchRequests(kb, orders, patients, GatewayBenchCommand.SEED);
        if (historyEncounters > 0) {
            requests.history(historyEncounters); // drawn by the parent for patient_history: the same random sequence
        }
        try (LoadClient client = new LoadClient(uri, institution, key, 64)) {
            if (warmupSeconds > 0) {
                OpenLoopLoad.fixedRate(OpenLoopLoad.Sender.of(client, requests, rate * warmupSeconds), rate, warmupSeconds);
            }
            OpenLoopLoad.Sender measured = OpenLoopLoad.Sender.of(client, requests, rate * seconds);
            System.out.println(MEASURING);
            System.out.flush();
            OpenLoopLoad.Result result = OpenLoopLoad.fixedRate(measured, rate, seconds);
            System.out.println(RESULT + result.line());
            System.out.flush();
        }
        System.exit(0);
    }
}
