package org.fundwatch.stream.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Settlement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Writes fee lines and settlements through the lake sinks on a MiniCluster with checkpoints, reads the files back. */
class ParquetLakeMiniClusterTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final LocalDateTime DAY1_LATE = LocalDateTime.of(2026, 3, 1, 23, 59, 30);
    private static final LocalDateTime DAY2_EARLY = LocalDateTime.of(2026, 3, 2, 0, 10, 0);

    @Test
    void writesDatePartitionedParquetWithExactDecimals(@TempDir Path lake) throws Exception {
        List<FeeLineRecord> feeLines = new ArrayList<>();
        List<SettlementRecord> settlements = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            LocalDateTime time = i % 5 == 0 ? DAY2_EARLY : DAY1_LATE; // 10 on day 2, 40 on day 1
            FeeLine line = LakeFixtures.line("F" + i, "XJ01DCC051A001010100483", "2.0000", "11.615000",
                    "23." + String.format("%02d", i), time);
            Encounter e = LakeFixtures.encounter("MD" + i, "P" + i, List.of(line));
            Settlement s = LakeFixtures.settlement("S" + i, e, time.plusMinutes(5), "1222.88");
            feeLines.add(FeeLineRecord.of(line, e, s));
            if (i < 6) {
                settlements.add(SettlementRecord.of(s, e));
            }
        }
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a failure fails the test instead of restarting
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        String root = lake.toUri().toString();
        env.fromData(feeLines).sinkTo(LakeSinks.feeLines(root)).name("lake-fee-lines");
        env.fromData(settlements).sinkTo(LakeSinks.settlements(root)).name("lake-settlements");
        env.execute("lake-test");

        Map<String, List<Group>> fee = readTable(lake.resolve("fee_lines"));
        assertEquals(List.of("dt=2026-03-01", "dt=2026-03-02"), List.copyOf(fee.keySet()));
        assertEquals(40, fee.get("dt=2026-03-01").size());
        assertEquals(10, fee.get("dt=2026-03-02").size());

        Group first = fee.values().stream().flatMap(List::stream)
                .filter(g -> g.getString("feedetl_sn", 0).equals("F7")).findFirst().orElseThrow();
        assertEquals(2307L, first.getLong("det_item_fee_sumamt", 0), "23.07 yuan stored exactly as unscaled DECIMAL(18,2)");
        assertEquals(2_000_000L, first.getLong("cnt", 0));
        assertEquals(11_615_000L, first.getLong("pric", 0));
        assertEquals("H11010500123", first.getString("fixmedins_code", 0));
        assertEquals("S7", first.getString("setl_id", 0));
        assertEquals("101", first.getString("list_type", 0));
        assertEquals(Instant.parse("2026-03-01T15:59:30Z").toEpochMilli() * 1000, first.getLong("fee_ocur_time", 0),
                "Asia/Shanghai local time stored as a UTC instant");

        MessageType schema = schemaOf(lake.resolve("fee_lines"));
        assertEquals(LogicalTypeAnnotation.decimalType(2, 18),
                schema.getType("det_item_fee_sumamt").getLogicalTypeAnnotation());
        assertEquals(LogicalTypeAnnotation.decimalType(6, 18), schema.getType("pric").getLogicalTypeAnnotation());
        assertEquals(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS),
                schema.getType("fee_ocur_time").getLogicalTypeAnnotation());

        Map<String, List<Group>> setl = readTable(lake.resolve("settlements"));
        // settled 5 minutes after the fee: day-1 fees (23:59:30) settle on day 2 00:04:30, day-2 fees at 00:15
        assertEquals(List.of("dt=2026-03-02"), List.copyOf(setl.keySet()));
        assertEquals(6, setl.get("dt=2026-03-02").size());
        Group s = setl.get("dt=2026-03-02").get(0);
        assertEquals(122288L, s.getLong("medfee_sumamt", 0));
        assertEquals(34567L, s.getLong("hifp_pay", 0));
        assertEquals(850_000L, s.getLong("pool_prop_selfpay", 0));
        assertEquals(0, s.getFieldRepetitionCount("cvlserv_pay"), "a null amount is absent, not zero");
        assertEquals(new BigDecimal("777.54"), BigDecimal.valueOf(s.getLong("psn_cash_pay", 0), 2));
    }

    /** Partition → rows of every finished part file; fails on files that were never committed. */
    private static Map<String, List<Group>> readTable(Path table) throws IOException {
        Map<String, List<Group>> rows = new TreeMap<>();
        try (Stream<Path> files = Files.walk(table)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                assertFalse(name.contains("inprogress"), "uncommitted part file " + file);
                if (name.startsWith(".")) {
                    continue; // checksum files of the local file system, if any
                }
                assertTrue(name.startsWith("part-") && name.endsWith(".parquet"), name);
                rows.computeIfAbsent(file.getParent().getFileName().toString(), k -> new ArrayList<>())
                        .addAll(read(file));
            }
        }
        return rows;
    }

    private static List<Group> read(Path file) throws IOException {
        List<Group> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration())
                        .withCodecFactory(new SnappyCodecFactory()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(records.read());
                }
            }
        }
        return rows;
    }

    private static MessageType schemaOf(Path table) throws IOException {
        try (Stream<Path> files = Files.walk(table)) {
            Path any = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(any),
                    ParquetReadOptions.builder(new PlainParquetConfiguration())
                        .withCodecFactory(new SnappyCodecFactory()).build())) {
                return reader.getFooter().getFileMetaData().getSchema();
            }
        }
    }
}
