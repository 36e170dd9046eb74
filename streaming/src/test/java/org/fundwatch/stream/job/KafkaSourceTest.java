package org.fundwatch.stream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka source against a real broker (Kafka's in-process KRaft test kit, one combined node): the same messages read
 * from a topic raise the same event-time-ordered alerts as read from files, and bad records become dead letters that
 * name their partition and offset, with the counts reconciled.
 *
 * <p>The topic has three partitions for the job's two readers, so one reader interleaves two partitions batch by batch
 * and the partitions advance at different speeds: with one watermark per reader (or one taken after the readers'
 * records are mixed) records of the slower partition arrive behind the watermark and are evaluated out of order.
 */
class KafkaSourceTest {
    private static final String TOPIC = "his-messages";
    private static KafkaClusterTestKit kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void broker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void topicRaisesTheAlertsOfTheFilesAndDeadLettersBadRecordsByOffset() throws Exception {
        Path gen = StreamFixtures.generate(tmp.resolve("gen"), 200, 10);
        StreamConfig base = StreamFixtures.onceWithNationalPack(gen);
        StreamResult files = FundwatchJob.run(base.withOut(tmp.resolve("files").toString()));

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        Map<String, String> bad = produce(gen); // "kafka:topic/partition:offset" -> what is wrong with it

        StreamResult topic = FundwatchJob.run(base.withKafka(kafka.bootstrapServers(), TOPIC)
                .withOut(tmp.resolve("kafka").toString()));

        assertTrue(topic.reconciles(), topic.toString());
        assertEquals(files.recordsIn() + bad.size(), topic.recordsIn(), "every message and bad record read");
        assertEquals(files.processed(), topic.processed());
        assertEquals(files.deadLettered() + bad.size(), topic.deadLettered());
        assertEquals(files.feeLines(), topic.feeLines());

        Map<String, String> deadLetters = new TreeMap<>();
        for (JsonNode d : StreamFixtures.jsonLines(tmp.resolve("kafka/dead-letters"))) {
            deadLetters.put(d.path("source").asText() + ":" + d.path("position").asLong(), d.path("reason").asText());
        }
        assertEquals(bad.keySet(), deadLetters.keySet(), "each bad record dead-lettered under its partition and offset");
        deadLetters.values().forEach(reason -> assertTrue(!reason.isBlank(), "a reason"));

        Set<String> expected = StreamFixtures.orderedAlertIds(tmp.resolve("files/alerts"));
        assertTrue(expected.size() > 10, "the file run raised alerts: " + expected.size());
        assertEquals(expected, StreamFixtures.orderedAlertIds(tmp.resolve("kafka/alerts")));
        System.err.println("files: " + files + "; kafka: " + topic + "; ordered alerts " + expected.size());
    }

    /**
     * Every message of the generator's day files, keyed by psn_no (a person's messages stay in order in one partition,
     * as a platform publishing them would key them), then two bad records; returns where the bad ones landed.
     */
    private static Map<String, String> produce(Path gen) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        Map<String, String> bad = new TreeMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            List<Path> days;
            try (Stream<Path> files = Files.list(gen.resolve("messages"))) {
                days = new ArrayList<>(files.sorted().toList());
            }
            for (Path day : days) {
                for (String line : Files.readAllLines(day, StandardCharsets.UTF_8)) {
                    producer.send(new ProducerRecord<>(TOPIC, personOf(line), line.getBytes(StandardCharsets.UTF_8)));
                }
            }
            RecordMetadata truncated = producer.send(new ProducerRecord<>(TOPIC, "bad-1",
                    "{\"infno\":\"2204\",\"inf_time\":\"2025-06-03 10:00:00\",\"input\":{\"feedetail\":[".getBytes(
                            StandardCharsets.UTF_8))).get();
            RecordMetadata unknown = producer.send(new ProducerRecord<>(TOPIC, "bad-2",
                    "{\"infno\":\"9999\",\"inf_time\":\"2025-06-03 10:00:00\",\"input\":{}}".getBytes(
                            StandardCharsets.UTF_8))).get();
            bad.put(where(truncated), "truncated JSON");
            bad.put(where(unknown), "unknown infno");
        }
        return bad;
    }

    /** psn_no, or a 3101/3102 patient's patn_id (the same person number). */
    private static String personOf(String message) throws Exception {
        JsonNode root = StreamFixtures.JSON.readTree(message);
        JsonNode person = root.findValue("psn_no");
        return (person != null ? person : root.findValue("patn_id")).asText();
    }

    private static String where(RecordMetadata m) {
        return "kafka:" + m.topic() + "/" + m.partition() + ":" + m.offset();
    }

}
