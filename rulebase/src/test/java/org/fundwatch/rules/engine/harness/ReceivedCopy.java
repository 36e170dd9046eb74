package org.fundwatch.rules.engine.harness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Institution;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Procedure;

/**
 * A deep copy of an encounter context made the way the message parser makes one: every string, amount, time and list
 * a new object, allocated together in request order, strings with new character arrays and no cached hash. So a copy
 * has what a request has when the gateway or the stream evaluates it right after parsing: its objects in the core's
 * cache, its codes not yet hashed. Enums and the knowledge pack's objects are shared, as in a parsed request.
 */
final class ReceivedCopy {
    private ReceivedCopy() {}

    /** A fresh copy of {@code ctx}. */
    static EncounterContext of(EncounterContext ctx) {
        List<Encounter> encounters = new ArrayList<>(ctx.encounters().size());
        for (Encounter e : ctx.encounters()) {
            encounters.add(encounter(e));
        }
        return new EncounterContext(patient(ctx.patient()), encounters, text(ctx.currentEncounterId()), ctx.phase(),
                text(ctx.triggerScenario()), text(ctx.taskId()), texts(ctx.ruleIds()));
    }

    private static Patient patient(Patient p) {
        return new Patient(text(p.id()), text(p.name()), p.gender(), date(p.birthDate()), text(p.insuranceType()),
                text(p.poolingArea()), date(p.deathDate()));
    }

    private static Encounter encounter(Encounter e) {
        List<Diagnosis> diagnoses = new ArrayList<>(e.diagnoses().size());
        for (Diagnosis d : e.diagnoses()) {
            diagnoses.add(new Diagnosis(text(d.code()), text(d.name()), d.principal(), d.order(), d.discharge(),
                    time(d.time())));
        }
        List<Procedure> procedures = new ArrayList<>(e.procedures().size());
        for (Procedure p : e.procedures()) {
            procedures.add(new Procedure(text(p.id()), text(p.code()), text(p.name()), p.principal(), date(p.date()),
                    text(p.surgeonCode()), text(p.anaesthesiaMethod())));
        }
        List<FeeLine> lines = new ArrayList<>(e.feeLines().size());
        for (FeeLine l : e.feeLines()) {
            lines.add(line(l));
        }
        Institution i = e.institution();
        Institution institution = i == null ? null
                : new Institution(text(i.code()), text(i.name()), text(i.admdvs()), text(i.level()), text(i.type()));
        Encounter.EncounterTotals t = e.totals();
        Encounter.EncounterTotals totals = t == null ? null : new Encounter.EncounterTotals(money(t.total()),
                money(t.ownPay()), money(t.selfPay()), money(t.accountPay()), money(t.medicalAid()),
                money(t.pooledFund()), t.settlementCount());
        return new Encounter(text(e.id()), text(e.patientId()), institution, e.careSetting(), text(e.medType()),
                text(e.insuranceType()), time(e.admissionTime()), time(e.dischargeTime()),
                text(e.admissionDepartmentCode()), text(e.admissionDepartmentName()), text(e.dischargeDepartmentCode()),
                text(e.dischargeDepartmentName()), text(e.doctorCode()), text(e.mainDiagnosisCode()),
                text(e.mainDiagnosisName()), diagnoses, procedures, lines, totals);
    }

    private static FeeLine line(FeeLine l) {
        return new FeeLine(text(l.lineId()), text(l.prescriptionNo()), text(l.itemCode()), text(l.hospitalItemCode()),
                l.listType(), text(l.chargeCategory()), text(l.name()), text(l.specification()), text(l.unit()),
                decimal(l.quantity()), decimal(l.unitPrice()), money(l.amount()), time(l.time()), time(l.stopTime()),
                text(l.doctorCode()), text(l.doctorName()), text(l.departmentCode()), text(l.departmentName()),
                decimal(l.daysSupply()), l.current(), l.longTerm(), l.dischargeMedication(), text(l.reversedLineId()));
    }

    /** A new string with its own characters and no cached hash, as a JSON parser returns it. */
    private static String text(String s) {
        return s == null ? null : new String(s.toCharArray());
    }

    private static List<String> texts(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(text(v));
        }
        return out;
    }

    private static BigDecimal decimal(BigDecimal d) {
        return d == null ? null : new BigDecimal(d.toString()); // parsed from text, as the message's number is
    }

    private static Money money(Money m) {
        return m == null ? null : new Money(m.fen());
    }

    private static LocalDateTime time(LocalDateTime t) {
        return t == null ? null : LocalDateTime.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond(), t.getNano());
    }

    private static LocalDate date(LocalDate d) {
        return d == null ? null : LocalDate.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
