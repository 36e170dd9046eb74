package org.fundwatch.message.adapter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.analysis.AnalysisData;
import org.fundwatch.message.analysis.AnalysisDiagnosis;
import org.fundwatch.message.analysis.AnalysisEncounter;
import org.fundwatch.message.analysis.AnalysisOperation;
import org.fundwatch.message.analysis.AnalysisOrder;
import org.fundwatch.message.analysis.AnalysisPatient;
import org.fundwatch.model.CareSetting;
import org.fundwatch.model.Diagnosis;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Gender;
import org.fundwatch.model.Institution;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;
import org.fundwatch.model.Patient;
import org.fundwatch.model.Phase;
import org.fundwatch.model.Procedure;

/**
 * 【3101】/【3102】 request data ↔ internal {@link EncounterContext} (one per patient). Expects
 * data that {@link org.fundwatch.message.MessageParser} accepted. Insurance type is per encounter
 * in the message; the patient's is taken from the current encounter. The reverse direction builds
 * the request a HIS would send (used by the data generator and gateway tests); fields the model
 * does not keep (ward, bed, maternity status, list grade…) come back null.
 */
public final class AnalysisAdapter {
    private AnalysisAdapter() {
    }

    /** One context per patient of {@code data}. */
    public static List<EncounterContext> toContexts(Transaction transaction, AnalysisData data) {
        Phase fallback = transaction == Transaction.MID_ANALYSIS ? Phase.MID : Phase.PRE;
        Phase phase = Phase.ofTriggerScenario(data.triggerScenario(), fallback);
        List<EncounterContext> contexts = new ArrayList<>();
        for (AnalysisPatient p : data.patients()) {
            List<Encounter> encounters = p.encounters().stream().map(e -> toEncounter(p.patientId(), e)).toList();
            String insuranceType = encounters.stream().filter(e -> e.id().equals(p.currentEncounterId()))
                    .map(Encounter::insuranceType).findFirst()
                    .orElse(encounters.isEmpty() ? null : encounters.get(0).insuranceType());
            Patient patient = new Patient(p.patientId(), p.name(), Gender.ofCode(p.gender()), p.birthDate(), insuranceType,
                    p.poolingArea());
            contexts.add(new EncounterContext(patient, encounters, p.currentEncounterId(), phase, data.triggerScenario(),
                    data.taskId(), data.ruleIds()));
        }
        return contexts;
    }

    static Encounter toEncounter(String patientId, AnalysisEncounter e) {
        Institution institution = new Institution(e.institutionId(), e.institutionName(), e.institutionAdmdvs(),
                e.institutionLevel(), e.institutionType());
        List<Diagnosis> diagnoses = e.diagnoses().stream().map(d -> new Diagnosis(d.code(), d.name(), Boolean.TRUE.equals(d.principal()),
                d.order() == null ? 0 : d.order(), "2".equals(d.admissionOrDischarge()), d.time())).toList();
        List<Procedure> procedures = e.operations().stream().map(o -> new Procedure(o.operationId(), o.code(), o.name(),
                Boolean.TRUE.equals(o.principal()), o.date(), o.surgeonCode(), o.anaesthesiaMethod())).toList();
        List<FeeLine> lines = e.orders().stream().map(AnalysisAdapter::toFeeLine).toList();
        Encounter.EncounterTotals totals = new Encounter.EncounterTotals(Money.ofYuan(e.totalAmount()), Money.ofYuan(e.ownPayAmount()),
                Money.ofYuan(e.selfPayAmount()), Money.ofYuan(e.accountPayAmount()), Money.ofYuan(e.medicalAidAmount()),
                Money.ofYuan(e.pooledFundAmount()), e.settlementCount());
        return new Encounter(e.encounterId(), patientId, institution, CareSetting.ofMedType(e.medType()), e.medType(),
                e.insuranceType(), e.admissionTime(), e.dischargeTime(), e.admissionDeptCode(), e.admissionDeptName(),
                e.dischargeDeptCode(), e.dischargeDeptName(), e.doctorCode(), e.mainDiagnosisCode(), e.mainDiagnosisName(),
                diagnoses, procedures, lines, totals);
    }

    static FeeLine toFeeLine(AnalysisOrder o) {
        return new FeeLine(o.orderId(), o.prescriptionNo(), o.itemCode(), o.hospitalItemCode(), ListType.ofCode(o.listType()),
                o.chargeCategory(), o.itemName(), o.specification(), o.unit(), o.quantity(), o.unitPrice(), Money.ofYuan(o.amount()),
                o.startTime(), o.stopTime(), o.doctorCode(), o.doctorName(), o.deptCode(), o.deptName(), null,
                !Boolean.FALSE.equals(o.current()), Boolean.TRUE.equals(o.longTerm()), "1".equals(o.orderBehaviour()), null);
    }

    /** The 3101/3102 {@code input.data} for {@code contexts} (one patient node per context). */
    public static AnalysisData toData(String callerSystem, List<EncounterContext> contexts) {
        EncounterContext first = contexts.get(0);
        List<AnalysisPatient> patients = contexts.stream().map(AnalysisAdapter::toPatient).toList();
        return new AnalysisData(callerSystem, patients, first.ruleIds(), first.taskId(), first.triggerScenario());
    }

    static AnalysisPatient toPatient(EncounterContext c) {
        Patient p = c.patient();
        return new AnalysisPatient(p.id(), p.name(), p.gender().code(), p.birthDate(), p.poolingArea(), c.currentEncounterId(),
                c.encounters().stream().map(AnalysisAdapter::toEncounter).toList(), null);
    }

    static AnalysisEncounter toEncounter(Encounter e) {
        Institution i = e.institution();
        Encounter.EncounterTotals t = e.totals();
        List<AnalysisDiagnosis> diagnoses = e.diagnoses().stream().map(d -> new AnalysisDiagnosis(null, d.discharge() ? "2" : "1",
                d.principal(), d.order() == 0 ? null : d.order(), d.code(), d.name(), d.time(), null)).toList();
        List<AnalysisOperation> operations = e.procedures().stream().map(p -> new AnalysisOperation(p.id(), p.code(), p.name(),
                p.principal(), p.date(), p.anaesthesiaMethod(), null, p.surgeonCode(), null, null)).toList();
        return new AnalysisEncounter(e.id(), i == null ? null : i.code(), i == null ? null : i.name(), i == null ? null : i.admdvs(),
                i == null ? null : i.type(), i == null ? null : i.level(), null, null, null, e.admissionTime(), e.dischargeTime(),
                e.mainDiagnosisCode(), e.mainDiagnosisName(), diagnoses, e.doctorCode(), e.admissionDepartmentCode(),
                e.admissionDepartmentName(), e.dischargeDepartmentCode(), e.dischargeDepartmentName(), null, e.medType(),
                e.feeLines().stream().map(AnalysisAdapter::toOrder).toList(), null,
                t == null ? null : Money.toYuan(t.total()), t == null ? null : Money.toYuan(t.ownPay()),
                t == null ? null : Money.toYuan(t.selfPay()), t == null ? null : Money.toYuan(t.accountPay()),
                t == null ? null : Money.toYuan(t.medicalAid()), t == null ? null : Money.toYuan(t.pooledFund()),
                t == null ? null : t.settlementCount(), e.insuranceType(), null, null, operations, null);
    }

    static AnalysisOrder toOrder(FeeLine l) {
        BigDecimal amount = Money.toYuan(l.amount());
        return new AnalysisOrder(l.lineId(), l.prescriptionNo(), null, l.longTerm(), l.listType().code(), l.chargeCategory(),
                l.dischargeMedication() ? "1" : "0", l.itemCode(), l.name(), null, null, null, null, null, null, null,
                l.hospitalItemCode(), null, null, l.quantity(), l.unitPrice(), amount, null, null, l.specification(), l.unit(),
                l.time(), l.stopTime(), l.departmentCode(), l.departmentName(), l.doctorCode(), l.doctorName(), null, l.current());
    }
}
