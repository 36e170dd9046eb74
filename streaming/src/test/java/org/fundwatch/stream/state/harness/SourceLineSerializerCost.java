package org.fundwatch.stream.state.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fundwatch.stream.model.SourceLine;
import org.fundwatch.stream.state.SourceLineSerializer;

/**
 * Measurement harness (not a test; docs/harness.md): CPU per round trip (serialize, deserialize) of a 1.1-KB
 * {@link SourceLine} with Flink's POJO serializer and with {@link SourceLineSerializer}, alternating in one JVM ("SLB"
 * in docs/streaming.md, session 15).
 */
public final class SourceLineSerializerCost {
    private SourceLineSerializerCost() {
    }

    public static void main(String[] args) throws Exception {
        TypeSerializer<SourceLine> pojo = new PojoTypeInfo<>(SourceLine.class, List.of(
                new PojoField(SourceLine.class.getField("bytes"), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO),
                new PojoField(SourceLine.class.getField("position"), BasicTypeInfo.LONG_TYPE_INFO),
                new PojoField(SourceLine.class.getField("source"), BasicTypeInfo.STRING_TYPE_INFO)))
                .createSerializer(new SerializerConfigImpl());
        List<TypeSerializer<SourceLine>> serializers = List.of(pojo, new SourceLineSerializer());
        byte[] payload = new byte[1100];
        Arrays.fill(payload, (byte) 'a');
        SourceLine line = new SourceLine("/work/main/var/bench/gen-100000x30-seed42-v3/messages/2025-06-03.jsonl",
                1234, payload);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DataOutputSerializer out = new DataOutputSerializer(4096);
        DataInputDeserializer in = new DataInputDeserializer();
        double[][] nanos = new double[2][15];
        long sink = 0;
        for (int round = -3; round < 15; round++) {
            for (int k = 0; k < 2; k++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 200_000; i++) {
                    out.clear();
                    serializers.get(k).serialize(line, out);
                    in.setBuffer(out.getSharedBuffer(), 0, out.length());
                    sink += serializers.get(k).deserialize(in).position;
                }
                if (round >= 0) {
                    nanos[k][round] = (threads.getCurrentThreadCpuTime() - start) / 200_000.0;
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            Arrays.sort(nanos[k]);
            System.out.printf("%s: median %.0f ns per round trip (min %.0f)%n", k == 0 ? "Flink POJO serializer"
                    : "SourceLineSerializer", nanos[k][7], nanos[k][0]);
        }
        System.out.println("(" + sink + ")");
    }
}
