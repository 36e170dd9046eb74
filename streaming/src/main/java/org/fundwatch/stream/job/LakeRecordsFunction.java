package org.fundwatch.stream.job;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fundwatch.model.Encounter;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.Settlement;
import org.fundwatch.stream.lake.FeeLineRecord;
import org.fundwatch.stream.lake.SettlementRecord;
import org.fundwatch.stream.model.SettledEncounter;

/**
 * A settled encounter as lake records: its fee lines (main output) and its settlement ({@link #SETTLEMENTS}), the
 * encounter and the settlement message parsed once for both.
 */
final class LakeRecordsFunction extends ProcessFunction<SettledEncounter, FeeLineRecord> {
    static final OutputTag<SettlementRecord> SETTLEMENTS = new OutputTag<>("lake-settlements") { };

    @Override
    public void processElement(SettledEncounter s, Context ctx, Collector<FeeLineRecord> out) {
        Encounter encounter = SettledRecords.encounter(s);
        Settlement settlement = SettledRecords.settlement(s);
        for (FeeLine line : encounter.feeLines()) {
            out.collect(FeeLineRecord.of(line, encounter, settlement));
        }
        if (settlement != null) {
            ctx.output(SETTLEMENTS, SettlementRecord.of(settlement, encounter));
        }
    }
}
