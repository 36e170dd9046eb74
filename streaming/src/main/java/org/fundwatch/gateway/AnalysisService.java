package org.fundwatch.gateway;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fundwatch.message.NationalRequest;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.adapter.AnalysisAdapter;
import org.fundwatch.message.analysis.AnalysisData;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.analysis.ViolationResult;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.FeeLine;
import org.fundwatch.rules.engine.Evaluation;
import org.fundwatch.rules.engine.Finding;
import org.fundwatch.rules.engine.RuleFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 【3101】/【3102】: one analysis per patient of the request. For each patient the current encounter must belong to
 * the submitting institution; the patient's stored history (other encounters in the window, at any institution) is
 * added to what the HIS sent; the engine evaluates the current encounter in the phase of {@code trig_scen}; the
 * findings become {@code result[]} entries with other institutions' identifiers masked. Afterwards the institution's
 * own encounters are recorded as history (write-behind) and the warnings as issued.
 */
final class AnalysisService {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisService.class);

    private final ActiveEngine engines;
    private final HistoryReader history;
    private final WarningLog warnings;

    /** What one analysis produced. */
    record Outcome(List<ViolationResult> results, List<IssuedWarning> issued, int historyEncounters) {
    }

    AnalysisService(ActiveEngine engines, HistoryReader history, WarningLog warnings) {
        this.engines = engines;
        this.history = history;
        this.warnings = warnings;
    }

    Outcome analyse(Transaction tx, NationalRequest<AnalysisInput> request, String institution, LocalDateTime now) {
        ActiveEngine.Loaded loaded = engines.current();
        AnalysisData data = request.input().data();
        List<EncounterContext> contexts = AnalysisAdapter.toContexts(tx, data);
        List<ViolationResult> results = new ArrayList<>();
        List<IssuedWarning> issued = new ArrayList<>();
        List<Encounter> own = new ArrayList<>();
        int historyCount = 0;
        for (int p = 0; p < contexts.size(); p++) {
            EncounterContext ctx = contexts.get(p);
            int index = p;
            Encounter current = ctx.currentEncounter().orElseThrow(() -> new GatewayException(
                    "$.input.data.patient_dtos[" + index + "].curr_mdtrt_id: current encounter \""
                            + ctx.currentEncounterId() + "\" is not among fsi_encounter_dtos"));
            String owner = current.institution() == null ? null : current.institution().code();
            if (!institution.equals(owner)) {
                throw new GatewayException("$.input.data.patient_dtos[" + p + "]: the current encounter's medins_id " + owner
                        + " is not the submitting institution " + institution + "; an institution submits only its own encounters");
            }
            Set<String> inRequest = new HashSet<>();
            ctx.encounters().forEach(e -> inRequest.add(e.id()));
            List<Encounter> merged = new ArrayList<>(ctx.encounters());
            Set<String> foreign = new HashSet<>();
            if (history != null) {
                LocalDateTime reference = current.admissionTime() != null ? current.admissionTime() : now;
                for (Encounter stored : history.recent(ctx.patient().id(), reference)) {
                    if (inRequest.contains(stored.id())) {
                        continue;
                    }
                    merged.add(stored);
                    historyCount++;
                    String storedOwner = stored.institution() == null ? null : stored.institution().code();
                    if (!institution.equals(storedOwner)) {
                        addIdentifiers(stored, foreign);
                    }
                }
            }
            EncounterContext full = new EncounterContext(ctx.patient(), merged, ctx.currentEncounterId(), ctx.phase(),
                    ctx.triggerScenario(), ctx.taskId(), ctx.ruleIds());
            Evaluation evaluation = loaded.engine().evaluate(full, ctx.phase());
            for (RuleFailure f : evaluation.failures()) {
                LOG.warn("rule {} failed ({}) for {} in {}: {}", f.ruleId(), f.where(), Masking.id(ctx.patient().id()),
                        loaded.rulesLabel(), f.message());
            }
            List<Finding> findings = evaluation.findings();
            results.addAll(ResultMapper.map(findings, loaded.engine().pack(), data.taskId(), foreign));
            for (Finding f : findings) {
                issued.add(new IssuedWarning(f.id(), institution, tx.code(), request.messageId(), data.taskId(), f.ruleId(),
                        f.officialCode(), f.ruleName(), f.severity(), f.subject().patientId(), f.subject().encounterId(),
                        f.subject().lineIds(), f.amountAtRisk().toYuan(), f.packName() + "/" + f.packVersion(),
                        f.kbVersion(), now));
            }
            for (Encounter e : ctx.encounters()) {
                if (e.institution() != null && institution.equals(e.institution().code())) {
                    own.add(e);
                }
            }
        }
        if (history != null) {
            history.record(own);
        }
        if (warnings != null) {
            warnings.issued(issued);
        }
        return new Outcome(results, issued, historyCount);
    }

    /** Identifiers of another institution's encounter that must not reach the requester. */
    private static void addIdentifiers(Encounter e, Set<String> out) {
        out.add(e.id());
        if (e.institution() != null) {
            addIfPresent(out, e.institution().code());
            addIfPresent(out, e.institution().name());
        }
        addIfPresent(out, e.doctorCode());
        for (FeeLine l : e.feeLines()) {
            addIfPresent(out, l.lineId());
            addIfPresent(out, l.prescriptionNo());
            addIfPresent(out, l.doctorCode());
            addIfPresent(out, l.doctorName());
        }
    }

    private static void addIfPresent(Set<String> out, String value) {
        if (value != null && !value.isBlank()) {
            out.add(value);
        }
    }
}
