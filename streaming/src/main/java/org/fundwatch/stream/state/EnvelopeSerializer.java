package org.fundwatch.stream.state;

import static org.fundwatch.stream.state.StateCodec.readString;
import static org.fundwatch.stream.state.StateCodec.writeString;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fundwatch.stream.model.Envelope;

/** Binary serializer of {@link Envelope} (network and the pending messages in person state). Copy shares: immutable. */
public final class EnvelopeSerializer extends CodecSerializer<Envelope> {
    private static final long serialVersionUID = 1L;

    @Override
    public Envelope createInstance() {
        return new Envelope();
    }

    @Override
    public Envelope copy(Envelope from) {
        return from; // built once by the parser and never changed afterwards
    }

    @Override
    public void serialize(Envelope e, DataOutputView out) throws IOException {
        write(out, e);
    }

    @Override
    public Envelope deserialize(DataInputView in) throws IOException {
        return read(in);
    }

    static void write(DataOutput out, Envelope e) throws IOException {
        writeString(out, e.personNo);
        writeString(out, e.infno);
        out.writeLong(e.eventTime);
        writeString(out, e.source);
        out.writeLong(e.position);
        out.writeLong(e.ingestedAt);
        StateCodec.writeBytes(out, e.payload);
        writeString(out, e.institutionCode);
        writeString(out, e.encounterId);
        StateCodec.writeInfo(out, e.info);
        out.writeInt(e.fees == null ? -1 : e.fees.size());
        if (e.fees != null) {
            for (Envelope.FeeItem f : e.fees) {
                writeString(out, f.encounterId);
                StateCodec.writeFeeLine(out, f.line);
                out.writeBoolean(f.internet);
                writeString(out, f.medType);
                writeString(out, f.doctorCode);
            }
        }
        StateCodec.writePatient(out, e.patient);
        StateCodec.writeDate(out, e.deathDate);
        writeString(out, e.settlementId);
        writeString(out, e.medType);
    }

    static Envelope read(DataInput in) throws IOException {
        Envelope e = new Envelope();
        e.personNo = readString(in);
        e.infno = readString(in);
        e.eventTime = in.readLong();
        e.source = readString(in);
        e.position = in.readLong();
        e.ingestedAt = in.readLong();
        e.payload = StateCodec.readBytes(in);
        e.institutionCode = readString(in);
        e.encounterId = readString(in);
        e.info = StateCodec.readInfo(in);
        int n = in.readInt();
        if (n >= 0) {
            e.fees = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                e.fees.add(new Envelope.FeeItem(readString(in), StateCodec.readFeeLine(in), in.readBoolean(),
                        readString(in), readString(in)));
            }
        }
        e.patient = StateCodec.readPatient(in);
        e.deathDate = StateCodec.readDate(in);
        e.settlementId = readString(in);
        e.medType = readString(in);
        return e;
    }

    @Override
    public TypeSerializerSnapshot<Envelope> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Version 1 of the layout. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Envelope> {
        public Snapshot() {
            super(EnvelopeSerializer::new);
        }
    }

    /** Makes Flink use this serializer wherever an {@link Envelope} travels or is kept. */
    public static final class TypeInfoFactory extends org.apache.flink.api.common.typeinfo.TypeInfoFactory<Envelope> {
        @Override
        public TypeInformation<Envelope> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new CodecTypeInfo<>(Envelope.class, EnvelopeSerializer::new);
        }
    }
}
