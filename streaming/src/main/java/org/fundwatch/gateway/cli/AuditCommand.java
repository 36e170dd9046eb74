package org.fundwatch.gateway.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.fundwatch.cli.Progress;
import org.fundwatch.clickhouse.ClickHouseStore;
import org.fundwatch.gateway.ActiveEngine;
import org.fundwatch.gateway.NationalGateway;
import org.fundwatch.history.ClickHousePatientHistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fundwatch audit}: the gateway's engine offline, one 3101/3102 envelope per input line, one response envelope
 * per output line, in order. Streams (constant memory): a line is read, answered and written before the next. A line
 * that is not a valid envelope — garbage, an empty line, GBK bytes — gets an {@code infcode -1} response, never a
 * skipped line. Lines are handed to the parser as raw bytes (read as ISO-8859-1, which maps bytes 1:1), so its UTF-8
 * check sees exactly what the file holds.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Analyse national 3101/3102 envelopes offline: one request per input line, one response per output line.")
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    PackOptions packs = new PackOptions();

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Requests, one JSON envelope per line (- = stdin).")
    String in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Responses, one JSON envelope per line (- = stdout).")
    String out;

    @Option(names = "--history", defaultValue = "none", paramLabel = "none|clickhouse",
            description = "Patient history: none (each envelope on what it carries) or clickhouse (read and record like the gateway). Default ${DEFAULT-VALUE}.")
    String history;

    @Option(names = "--history-days", defaultValue = "180", description = "Days of history read with --history clickhouse (default ${DEFAULT-VALUE}).")
    int historyDays;

    @Option(names = "--admdvs", defaultValue = "000000", description = "6-digit region opening inf_refmsgid (default ${DEFAULT-VALUE}).")
    String admdvs;

    @Override
    public Integer call() throws IOException {
        if (!history.equals("none") && !history.equals("clickhouse")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--history must be none or clickhouse, got " + history);
        }
        if (!in.equals("-") && !Files.isRegularFile(Path.of(in))) {
            throw new IllegalArgumentException("input file " + in + " not found");
        }
        ActiveEngine engines = ActiveEngine.load(packs.locations(), Clock.systemUTC());
        ClickHouseStore store = history.equals("clickhouse") ? ClickHouseConnection.openMigrated() : null;
        NationalGateway.Builder builder = NationalGateway.builder(engines).receiverAdmdvs(admdvs).accessLog(false);
        if (store != null) {
            builder.history(new ClickHousePatientHistoryStore(store, "gateway"), Duration.ofDays(historyDays), 10_000);
        }
        long size = in.equals("-") ? -1 : Files.size(Path.of(in));
        try (NationalGateway gateway = builder.build();
             InputStream input = in.equals("-") ? System.in : Files.newInputStream(Path.of(in));
             BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.ISO_8859_1), 1 << 16);
             OutputStream output = new BufferedOutputStream(out.equals("-") ? System.out : Files.newOutputStream(Path.of(out)), 1 << 16);
             Progress progress = new Progress("audit bytes", size)) {
            long lines = 0;
            long refused = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                byte[] request = line.getBytes(StandardCharsets.ISO_8859_1);
                NationalGateway.Reply reply = gateway.handle(null, null, request);
                output.write(reply.body());
                output.write('\n');
                lines++;
                refused += reply.success() ? 0 : 1;
                progress.advance(request.length + 1);
            }
            output.flush();
            System.err.printf("fundwatch audit: %d request(s), %d refused (infcode -1), rules %s%n", lines, refused, engines);
        } finally {
            if (store != null) {
                store.close();
            }
        }
        return 0;
    }
}
