package org.fundwatch.stream.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.Institution;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Procedure;
import org.fundwatch.rules.pack.EncounterAssembler;

/**
 * Compact binary form of the domain model pieces the job keeps in state and ships between operators (encounters, fee
 * lines, persons, the assembler's {@code Info}/{@code Fees}). Field by field, in declaration order; nullable values
 * carry a presence flag. Written by hand rather than with Kryo (which cannot rebuild the records' immutable lists) or
 * JSON (ten times slower and several times larger). Any change of a layout here must raise the version of the
 * serializers that use it ({@link PersonHistorySerializer}, {@link EnvelopeSerializer}).
 */
public final class StateCodec {
    private static final CareSetting[] SETTINGS = CareSetting.values();
    private static final Gender[] GENDERS = Gender.values();
    private static final ListType[] LIST_TYPES = ListType.values();

    private StateCodec() {
    }

    // ---- scalars ----

    /**
     * A string or null: its UTF-8 length (-1 for null), then the UTF-8 bytes in one write. Not Flink's
     * {@code StringValue} form, which writes a variable-length code per character through one {@code write} call per
     * byte: the codes, names and ids here are mostly ASCII, which {@code getBytes(UTF_8)} copies in bulk
     * (packing an encounter was 3 % of the stream job's CPU).
     */
    /**
     * The string's UTF-8 bytes with their length (-1 for null). Codes and ids are ASCII, whose UTF-8 is the characters
     * themselves: written from the string, without encoding it into a new array first (one per code of every fee line
     * and encounter the job ships or holds).
     */
    public static void writeString(DataOutput out, String s) throws IOException {
        if (s != null && isAscii(s)) {
            int n = s.length();
            out.writeInt(n);
            // byte by byte: Flink's DataOutputSerializer.writeBytes(String) advances its position twice (2 × length)
            for (int i = 0; i < n; i++) {
                out.writeByte(s.charAt(i));
            }
            return;
        }
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public static String readString(DataInput in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** A byte array or null: its length (-1 for null), then the bytes as they are. */
    public static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            out.write(bytes);
        }
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    public static void writeTime(DataOutput out, LocalDateTime t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(t.getNano());
        }
    }

    public static LocalDateTime readTime(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long seconds = in.readLong();
        return LocalDateTime.ofEpochSecond(seconds, in.readInt(), ZoneOffset.UTC);
    }

    public static void writeDate(DataOutput out, LocalDate d) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    public static LocalDate readDate(DataInput in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    public static void writeDecimal(DataOutput out, BigDecimal d) throws IOException {
        if (d == null) {
            out.writeByte(0);
            return;
        }
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeByte(1);
            out.writeLong(unscaled.longValue());
        } else {
            out.writeByte(2);
            byte[] bytes = unscaled.toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        out.writeInt(d.scale());
    }

    public static BigDecimal readDecimal(DataInput in) throws IOException {
        int kind = in.readByte();
        if (kind == 0) {
            return null;
        }
        BigInteger unscaled;
        if (kind == 1) {
            unscaled = BigInteger.valueOf(in.readLong());
        } else {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            unscaled = new BigInteger(bytes);
        }
        return new BigDecimal(unscaled, in.readInt());
    }

    public static void writeMoney(DataOutput out, Money m) throws IOException {
        out.writeBoolean(m != null);
        if (m != null) {
            out.writeLong(m.fen());
        }
    }

    public static Money readMoney(DataInput in) throws IOException {
        return in.readBoolean() ? Money.ofFen(in.readLong()) : null;
    }

    private static void writeOrdinal(DataOutput out, Enum<?> e) throws IOException {
        out.writeByte(e == null ? -1 : e.ordinal());
    }

    // ---- model records ----

    public static void writePatient(DataOutput out, Patient p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) {
            return;
        }
        writeString(out, p.id());
        writeString(out, p.name());
        writeOrdinal(out, p.gender());
        writeDate(out, p.birthDate());
        writeString(out, p.insuranceType());
        writeString(out, p.poolingArea());
        writeDate(out, p.deathDate());
    }

    public static Patient readPatient(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String id = readString(in);
        String name = readString(in);
        int g = in.readByte();
        return new Patient(id, name, g < 0 ? null : GENDERS[g], readDate(in), readString(in), readString(in),
                readDate(in));
    }

    public static void writeInstitution(DataOutput out, Institution i) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            writeString(out, i.code());
            writeString(out, i.name());
            writeString(out, i.admdvs());
            writeString(out, i.level());
            writeString(out, i.type());
        }
    }

    public static Institution readInstitution(DataInput in) throws IOException {
        return in.readBoolean() ? new Institution(readString(in), readString(in), readString(in), readString(in),
                readString(in)) : null;
    }

    public static void writeDiagnosis(DataOutput out, Diagnosis d) throws IOException {
        writeString(out, d.code());
        writeString(out, d.name());
        out.writeBoolean(d.principal());
        out.writeInt(d.order());
        out.writeBoolean(d.discharge());
        writeTime(out, d.time());
    }

    public static Diagnosis readDiagnosis(DataInput in) throws IOException {
        return new Diagnosis(readString(in), readString(in), in.readBoolean(), in.readInt(), in.readBoolean(),
                readTime(in));
    }

    public static void writeFeeLine(DataOutput out, FeeLine l) throws IOException {
        writeString(out, l.lineId());
        writeString(out, l.prescriptionNo());
        writeString(out, l.itemCode());
        writeString(out, l.hospitalItemCode());
        writeOrdinal(out, l.listType());
        writeString(out, l.chargeCategory());
        writeString(out, l.name());
        writeString(out, l.specification());
        writeString(out, l.unit());
        writeDecimal(out, l.quantity());
        writeDecimal(out, l.unitPrice());
        writeMoney(out, l.amount());
        writeTime(out, l.time());
        writeTime(out, l.stopTime());
        writeString(out, l.doctorCode());
        writeString(out, l.doctorName());
        writeString(out, l.departmentCode());
        writeString(out, l.departmentName());
        writeDecimal(out, l.daysSupply());
        out.writeByte((l.current() ? 1 : 0) | (l.longTerm() ? 2 : 0) | (l.dischargeMedication() ? 4 : 0));
        writeString(out, l.reversedLineId());
    }

    public static FeeLine readFeeLine(DataInput in) throws IOException {
        String lineId = readString(in);
        String prescriptionNo = readString(in);
        String itemCode = readString(in);
        String hospitalItemCode = readString(in);
        int lt = in.readByte();
        String chargeCategory = readString(in);
        String name = readString(in);
        String specification = readString(in);
        String unit = readString(in);
        BigDecimal quantity = readDecimal(in);
        BigDecimal unitPrice = readDecimal(in);
        Money amount = readMoney(in);
        LocalDateTime time = readTime(in);
        LocalDateTime stopTime = readTime(in);
        String doctorCode = readString(in);
        String doctorName = readString(in);
        String departmentCode = readString(in);
        String departmentName = readString(in);
        BigDecimal days = readDecimal(in);
        int flags = in.readByte();
        return new FeeLine(lineId, prescriptionNo, itemCode, hospitalItemCode, lt < 0 ? null : LIST_TYPES[lt],
                chargeCategory, name, specification, unit, quantity, unitPrice, amount, time, stopTime, doctorCode,
                doctorName, departmentCode, departmentName, days, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
                readString(in));
    }

    public static void writeFeeLines(DataOutput out, List<FeeLine> lines) throws IOException {
        out.writeInt(lines.size());
        for (FeeLine l : lines) {
            writeFeeLine(out, l);
        }
    }

    public static ArrayList<FeeLine> readFeeLines(DataInput in) throws IOException {
        int n = in.readInt();
        ArrayList<FeeLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(readFeeLine(in));
        }
        return lines;
    }

    /** The encounter packed into one byte array (a few KB for 20 lines): for holding or shipping many of them. */
    public static byte[] pack(Encounter e) {
        org.apache.flink.core.memory.DataOutputSerializer out = PACK_BUFFER.get();
        out.clear();
        try {
            writeEncounter(out, e);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } finally {
            if (out.length() > MAX_KEPT_BUFFER) { // an outsized encounter: do not hold its buffer for ever
                PACK_BUFFER.remove();
            }
        }
        return out.getCopyOfBuffer();
    }

    /** One packing buffer per thread, reused: a fresh 4-KB buffer per settlement was 4 % of the stream's allocation. */
    private static final ThreadLocal<org.apache.flink.core.memory.DataOutputSerializer> PACK_BUFFER =
            ThreadLocal.withInitial(() -> new org.apache.flink.core.memory.DataOutputSerializer(4096));
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    /** The encounter of {@link #pack}. */
    public static Encounter unpack(byte[] packed) {
        try {
            return readEncounter(new org.apache.flink.core.memory.DataInputDeserializer(packed));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    public static void writeEncounter(DataOutput out, Encounter e) throws IOException {
        writeString(out, e.id());
        writeString(out, e.patientId());
        writeInstitution(out, e.institution());
        writeOrdinal(out, e.careSetting());
        writeString(out, e.medType());
        writeString(out, e.insuranceType());
        writeTime(out, e.admissionTime());
        writeTime(out, e.dischargeTime());
        writeString(out, e.admissionDepartmentCode());
        writeString(out, e.admissionDepartmentName());
        writeString(out, e.dischargeDepartmentCode());
        writeString(out, e.dischargeDepartmentName());
        writeString(out, e.doctorCode());
        writeString(out, e.mainDiagnosisCode());
        writeString(out, e.mainDiagnosisName());
        out.writeInt(e.diagnoses().size());
        for (Diagnosis d : e.diagnoses()) {
            writeDiagnosis(out, d);
        }
        out.writeInt(e.procedures().size());
        for (Procedure p : e.procedures()) {
            writeString(out, p.id());
            writeString(out, p.code());
            writeString(out, p.name());
            out.writeBoolean(p.principal());
            writeDate(out, p.date());
            writeString(out, p.surgeonCode());
            writeString(out, p.anaesthesiaMethod());
        }
        writeFeeLines(out, e.feeLines());
        Encounter.EncounterTotals t = e.totals();
        out.writeBoolean(t != null);
        if (t != null) {
            writeMoney(out, t.total());
            writeMoney(out, t.ownPay());
            writeMoney(out, t.selfPay());
            writeMoney(out, t.accountPay());
            writeMoney(out, t.medicalAid());
            writeMoney(out, t.pooledFund());
            out.writeInt(t.settlementCount() == null ? Integer.MIN_VALUE : t.settlementCount());
        }
    }

    public static Encounter readEncounter(DataInput in) throws IOException {
        String id = readString(in);
        String patientId = readString(in);
        Institution institution = readInstitution(in);
        int cs = in.readByte();
        String medType = readString(in);
        String insuranceType = readString(in);
        LocalDateTime admission = readTime(in);
        LocalDateTime discharge = readTime(in);
        String admDept = readString(in);
        String admDeptName = readString(in);
        String dscgDept = readString(in);
        String dscgDeptName = readString(in);
        String doctor = readString(in);
        String mainDx = readString(in);
        String mainDxName = readString(in);
        int nd = in.readInt();
        List<Diagnosis> diagnoses = new ArrayList<>(nd);
        for (int i = 0; i < nd; i++) {
            diagnoses.add(readDiagnosis(in));
        }
        int np = in.readInt();
        List<Procedure> procedures = new ArrayList<>(np);
        for (int i = 0; i < np; i++) {
            procedures.add(new Procedure(readString(in), readString(in), readString(in), in.readBoolean(),
                    readDate(in), readString(in), readString(in)));
        }
        List<FeeLine> lines = readFeeLines(in);
        Encounter.EncounterTotals totals = null;
        if (in.readBoolean()) {
            Money total = readMoney(in);
            Money ownPay = readMoney(in);
            Money selfPay = readMoney(in);
            Money accountPay = readMoney(in);
            Money aid = readMoney(in);
            Money pooled = readMoney(in);
            int count = in.readInt();
            totals = new Encounter.EncounterTotals(total, ownPay, selfPay, accountPay, aid, pooled,
                    count == Integer.MIN_VALUE ? null : count);
        }
        return new Encounter(id, patientId, institution, cs < 0 ? null : SETTINGS[cs], medType, insuranceType,
                admission, discharge, admDept, admDeptName, dscgDept, dscgDeptName, doctor, mainDx, mainDxName,
                diagnoses, procedures, lines, totals);
    }

    // ---- the assembler's mutable pieces ----

    public static void writeInfo(DataOutput out, EncounterAssembler.Info i) throws IOException {
        out.writeBoolean(i != null);
        if (i == null) {
            return;
        }
        writeString(out, i.medType);
        writeTime(out, i.begin);
        writeTime(out, i.end);
        writeString(out, i.mainDiagnosisCode);
        writeString(out, i.mainDiagnosisName);
        out.writeBoolean(i.internet);
        writeString(out, i.personNo);
        writeString(out, i.institutionCode);
        out.writeInt(i.diagnoses.size());
        for (var d : i.diagnoses.entrySet()) {
            writeString(out, d.getKey());
            writeDiagnosis(out, d.getValue());
        }
    }

    public static EncounterAssembler.Info readInfo(DataInput in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        EncounterAssembler.Info i = new EncounterAssembler.Info();
        i.medType = readString(in);
        i.begin = readTime(in);
        i.end = readTime(in);
        i.mainDiagnosisCode = readString(in);
        i.mainDiagnosisName = readString(in);
        i.internet = in.readBoolean();
        i.personNo = readString(in);
        i.institutionCode = readString(in);
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            i.diagnoses.put(readString(in), readDiagnosis(in));
        }
        return i;
    }

    /** A copy that shares nothing mutable with {@code i} (diagnoses are immutable records). */
    public static EncounterAssembler.Info copyInfo(EncounterAssembler.Info i) {
        if (i == null) {
            return null;
        }
        EncounterAssembler.Info c = new EncounterAssembler.Info();
        c.medType = i.medType;
        c.begin = i.begin;
        c.end = i.end;
        c.mainDiagnosisCode = i.mainDiagnosisCode;
        c.mainDiagnosisName = i.mainDiagnosisName;
        c.internet = i.internet;
        c.personNo = i.personNo;
        c.institutionCode = i.institutionCode;
        c.diagnoses.putAll(i.diagnoses);
        return c;
    }

    public static void writeFees(DataOutput out, EncounterAssembler.Fees f) throws IOException {
        writeString(out, f.id);
        writeString(out, f.personNo);
        writeString(out, f.institutionCode);
        out.writeBoolean(f.inpatient);
        writeFeeLines(out, f.lines);
        writeString(out, f.medType);
        writeString(out, f.doctorCode);
        out.writeBoolean(f.internet);
        writeTime(out, f.registered);
    }

    public static EncounterAssembler.Fees readFees(DataInput in) throws IOException {
        EncounterAssembler.Fees f = new EncounterAssembler.Fees(readString(in), readString(in), readString(in),
                in.readBoolean());
        f.lines = readFeeLines(in);
        f.medType = readString(in);
        f.doctorCode = readString(in);
        f.internet = in.readBoolean();
        f.registered = readTime(in);
        return f;
    }

    /** A copy that shares nothing mutable with {@code f} (fee lines are immutable records). */
    public static EncounterAssembler.Fees copyFees(EncounterAssembler.Fees f) {
        EncounterAssembler.Fees c = new EncounterAssembler.Fees(f.id, f.personNo, f.institutionCode, f.inpatient);
        c.lines = new ArrayList<>(f.lines);
        c.medType = f.medType;
        c.doctorCode = f.doctorCode;
        c.internet = f.internet;
        c.registered = f.registered;
        return c;
    }
}
