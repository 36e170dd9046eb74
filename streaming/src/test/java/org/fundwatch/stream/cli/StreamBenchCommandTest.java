package org.fundwatch.stream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paced rate is given in fee lines/s and converted with the dataset's own fee lines per record; the steady rate of
 * a run's second half comes from the lines parsed per second.
 */
class StreamBenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void feeLinesPerRecordCountsFeeDetailSerialNumbersOfMessageFilesOnly() throws Exception {
        Path messages = Files.createDirectories(tmp.resolve("messages"));
        Files.writeString(messages.resolve("2025-06-01.jsonl"),
                "{\"infno\":\"2204\",\"input\":{\"feedetail\":[{\"feedetl_sn\":\"1\"},{\"feedetl_sn\":\"2\"},{\"feedetl_sn\":\"3\"}]}}\n"
                        + "{\"infno\":\"2207\",\"input\":{\"data\":{\"mdtrt_id\":\"M1\"}}}\n");
        Files.writeString(messages.resolve("2025-06-02.jsonl"),
                "{\"infno\":\"2301\",\"input\":{\"feedetail\":[{\"feedetl_sn\":\"9\"}]}}\n");
        // not input: the generator's side files are skipped by the job, so by the count too
        Files.writeString(messages.resolve("ground-truth.jsonl"), "{\"feedetl_sn\":\"x\"}\n{\"feedetl_sn\":\"y\"}\n");
        assertEquals(4.0 / 3.0, StreamBenchCommand.feeLinesPerRecord(tmp), 1e-9);
    }

    @Test
    void secondHalfRateLeavesOutTheFirstHalfAndTheLastPartialSecond() {
        java.util.TreeMap<Integer, Integer> bySecond = new java.util.TreeMap<>();
        for (int s = 100; s < 110; s++) {
            bySecond.put(s, s < 105 ? 10 : 30); // slow while the JIT compiles, then steady
        }
        bySecond.put(110, 3); // the last, partial second
        assertEquals(30.0, StreamBenchCommand.secondHalf(bySecond), 1e-9);
        assertEquals(Double.NaN, StreamBenchCommand.secondHalf(java.util.Map.of(1, 5)));
    }
}
