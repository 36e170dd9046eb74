package org.fundwatch.stream.state;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fundwatch.stream.model.SourceLine;

/**
 * Binary serializer of {@link SourceLine}, the record from the reader to the parsing subtasks. Why not Flink's POJO
 * serializer: it wrote the file path with Flink's per-character string encoding and set the fields by reflection, for
 * every line read (4 % of the stream job's CPU); here the path is written with {@link StateCodec}'s ASCII fast path.
 * The bytes are copied as they are (a line that is not UTF-8 must reach the dead letters untouched).
 */
public final class SourceLineSerializer extends CodecSerializer<SourceLine> {
    private static final long serialVersionUID = 1L;

    @Override
    public SourceLine createInstance() {
        return new SourceLine();
    }

    @Override
    public SourceLine copy(SourceLine from) {
        return new SourceLine(from.source, from.position, from.bytes == null ? null : from.bytes.clone());
    }

    @Override
    public void serialize(SourceLine line, DataOutputView out) throws IOException {
        StateCodec.writeString(out, line.source);
        out.writeLong(line.position);
        StateCodec.writeBytes(out, line.bytes);
    }

    @Override
    public SourceLine deserialize(DataInputView in) throws IOException {
        String source = StateCodec.readString(in);
        long position = in.readLong();
        return new SourceLine(source, position, StateCodec.readBytes(in));
    }

    @Override
    public TypeSerializerSnapshot<SourceLine> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Version 1 of the layout. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SourceLine> {
        public Snapshot() {
            super(SourceLineSerializer::new);
        }
    }

    /** Makes Flink use this serializer wherever a {@link SourceLine} travels. */
    public static final class TypeInfoFactory extends org.apache.flink.api.common.typeinfo.TypeInfoFactory<SourceLine> {
        @Override
        public TypeInformation<SourceLine> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new CodecTypeInfo<>(SourceLine.class, SourceLineSerializer::new);
        }
    }
}
