package org.fundwatch.stream.source;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundwatch.stream.model.SourceLine;

/**
 * Kafka input: one national message per record value; the source position is {@code kafka:topic/partition} and the
 * offset, so dead letters name the record exactly. Offsets are part of Flink's checkpoints (exactly-once replay);
 * the consumer group's committed offsets are only where a fresh job starts (earliest when none).
 */
public final class KafkaLines {
    private KafkaLines() {
    }

    /** A source for {@code topic} on {@code bootstrap}. */
    public static KafkaSource<SourceLine> source(String bootstrap, String topic, boolean bounded) {
        var builder = KafkaSource.<SourceLine>builder().setBootstrapServers(bootstrap).setTopics(topic)
                .setGroupId("fundwatch-stream")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new Lines());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    private static final class Lines implements KafkaRecordDeserializationSchema<SourceLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceLine> out) {
            if (record.value() != null) {
                out.collect(new SourceLine("kafka:" + record.topic() + "/" + record.partition(), record.offset(),
                        record.value()));
            }
        }

        @Override
        public TypeInformation<SourceLine> getProducedType() {
            return TypeInformation.of(SourceLine.class);
        }
    }
}
