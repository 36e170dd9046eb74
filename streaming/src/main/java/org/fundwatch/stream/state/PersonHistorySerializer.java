package org.fundwatch.stream.state;

import static org.fundwatch.stream.state.StateCodec.readString;
import static org.fundwatch.stream.state.StateCodec.writeString;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fundwatch.rules.pack.EncounterAssembler;
import org.fundwatch.stream.eval.PersonHistory;
import org.fundwatch.stream.model.Envelope;

/**
 * Binary serializer of the per-person state. {@link #copy(PersonHistory)} (called by the heap backend on the first
 * access to a person after each checkpoint) copies the containers and the mutable assembler pieces and shares the
 * immutable model records, pending envelopes and settled entries: a few allocations instead of a serialization round
 * trip of the whole history.
 */
public final class PersonHistorySerializer extends CodecSerializer<PersonHistory> {
    private static final long serialVersionUID = 1L;

    @Override
    public PersonHistory createInstance() {
        return new PersonHistory();
    }

    @Override
    public PersonHistory copy(PersonHistory h) {
        if (h == null) {
            return null;
        }
        PersonHistory c = new PersonHistory();
        c.patient = h.patient;
        c.deathDate = h.deathDate;
        c.personFromStream = h.personFromStream;
        c.pending.addAll(h.pending);
        h.infos.forEach((k, v) -> c.infos.put(k, StateCodec.copyInfo(v)));
        h.open.forEach((k, v) -> c.open.put(k, StateCodec.copyFees(v)));
        h.admissions.forEach(a -> c.admissions.add(StateCodec.copyInfo(a)));
        c.settled.addAll(h.settled);
        c.alerted.putAll(h.alerted);
        c.alertedOnArrival.putAll(h.alertedOnArrival);
        h.postDue.forEach((k, v) -> c.postDue.put(k, new ArrayList<>(v)));
        c.timer = h.timer;
        c.lastEventTime = h.lastEventTime;
        c.revision = h.revision;
        return c;
    }

    @Override
    public void serialize(PersonHistory h, DataOutputView out) throws IOException {
        StateCodec.writePatient(out, h.patient);
        StateCodec.writeDate(out, h.deathDate);
        out.writeBoolean(h.personFromStream);
        out.writeInt(h.pending.size());
        for (Envelope e : h.pending) {
            EnvelopeSerializer.write(out, e);
        }
        out.writeInt(h.infos.size());
        for (Map.Entry<String, EncounterAssembler.Info> e : h.infos.entrySet()) {
            writeString(out, e.getKey());
            StateCodec.writeInfo(out, e.getValue());
        }
        out.writeInt(h.open.size());
        for (Map.Entry<String, EncounterAssembler.Fees> e : h.open.entrySet()) {
            writeString(out, e.getKey());
            StateCodec.writeFees(out, e.getValue());
        }
        out.writeInt(h.admissions.size());
        for (EncounterAssembler.Info a : h.admissions) {
            StateCodec.writeInfo(out, a);
        }
        out.writeInt(h.settled.size());
        for (PersonHistory.Settled s : h.settled) {
            writeString(out, s.encounterId);
            StateCodec.writeBytes(out, s.packed);
            writeString(out, s.settlementId);
            out.writeLong(s.settledAt);
            out.writeLong(s.evaluatedRevision);
            writeString(out, s.evaluatedPacks);
        }
        writeIds(out, h.alerted);
        writeIds(out, h.alertedOnArrival);
        out.writeInt(h.postDue.size());
        for (Map.Entry<Long, ArrayList<String>> e : h.postDue.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (String id : e.getValue()) {
                writeString(out, id);
            }
        }
        out.writeLong(h.timer);
        out.writeLong(h.lastEventTime);
        out.writeLong(h.revision);
    }

    @Override
    public PersonHistory deserialize(DataInputView in) throws IOException {
        PersonHistory h = new PersonHistory();
        h.patient = StateCodec.readPatient(in);
        h.deathDate = StateCodec.readDate(in);
        h.personFromStream = in.readBoolean();
        for (int i = 0, n = in.readInt(); i < n; i++) {
            h.pending.add(EnvelopeSerializer.read(in));
        }
        for (int i = 0, n = in.readInt(); i < n; i++) {
            h.infos.put(readString(in), StateCodec.readInfo(in));
        }
        for (int i = 0, n = in.readInt(); i < n; i++) {
            h.open.put(readString(in), StateCodec.readFees(in));
        }
        for (int i = 0, n = in.readInt(); i < n; i++) {
            h.admissions.add(StateCodec.readInfo(in));
        }
        for (int i = 0, n = in.readInt(); i < n; i++) {
            h.settled.add(new PersonHistory.Settled(readString(in), StateCodec.readBytes(in), readString(in), in.readLong(),
                    in.readLong(), readString(in)));
        }
        readIds(in, h.alerted);
        readIds(in, h.alertedOnArrival);
        for (int i = 0, n = in.readInt(); i < n; i++) {
            long t = in.readLong();
            int m = in.readInt();
            ArrayList<String> ids = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                ids.add(readString(in));
            }
            h.postDue.put(t, ids);
        }
        h.timer = in.readLong();
        h.lastEventTime = in.readLong();
        h.revision = in.readLong();
        return h;
    }

    private static void writeIds(DataOutputView out, Map<String, Long> ids) throws IOException {
        out.writeInt(ids.size());
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            writeString(out, e.getKey());
            out.writeLong(e.getValue());
        }
    }

    private static void readIds(DataInputView in, Map<String, Long> ids) throws IOException {
        for (int i = 0, n = in.readInt(); i < n; i++) {
            ids.put(readString(in), in.readLong());
        }
    }

    @Override
    public TypeSerializerSnapshot<PersonHistory> snapshotConfiguration() {
        return new SnapshotV2();
    }

    /**
     * Layout 1 (settled encounters encoded field by field), kept so that a checkpoint written with it is recognized:
     * this version cannot read it, and restoring one fails as an incompatible state serializer instead of misreading
     * bytes. (State written by the former JSON serializer is not readable either: new job version.)
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PersonHistory> {
        public Snapshot() {
            super(PersonHistorySerializer::new);
        }
    }

    /**
     * Layout 2: settled encounters as their id and packed bytes ({@link PersonHistory.Settled#packed}) with the
     * revision and packs of their settlement evaluation; the person's revision; strings as UTF-8 length + bytes
     * ({@link StateCodec#writeString}).
     */
    public static final class SnapshotV2 extends SimpleTypeSerializerSnapshot<PersonHistory> {
        public SnapshotV2() {
            super(PersonHistorySerializer::new);
        }

        @Override
        public TypeSerializerSchemaCompatibility<PersonHistory> resolveSchemaCompatibility(
                TypeSerializerSnapshot<PersonHistory> old) {
            return old instanceof SnapshotV2 ? super.resolveSchemaCompatibility(old)
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
