package org.fundwatch.message.adapter;

import java.util.List;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.message.fee.FeeDetailInput;
import org.fundwatch.model.FeeLine;
import org.fundwatch.model.ListType;
import org.fundwatch.model.Money;

/**
 * 【2204】/【2301】 fee details → {@link FeeLine}s. These messages carry no list type, so it is
 * inferred from the code's shape ({@link ListType#ofItemCode}); every line is current (uploaded
 * for this encounter).
 */
public final class FeeDetailAdapter {
    private FeeDetailAdapter() {
    }

    /** The fee lines of {@code input}, in message order. */
    public static List<FeeLine> toFeeLines(FeeDetailInput input) {
        return input.lines().stream().map(FeeDetailAdapter::toFeeLine).toList();
    }

    /** One fee line. */
    public static FeeLine toFeeLine(FeeDetail d) {
        return new FeeLine(d.lineId(), d.prescriptionNo() != null ? d.prescriptionNo() : d.orderNo(), d.itemCode(),
                d.hospitalItemCode(), ListType.ofItemCode(d.itemCode()), null, null, null, null, d.quantity(), d.unitPrice(),
                Money.ofYuan(d.amount()), d.time(), null, d.doctorCode(), d.doctorName(), d.deptCode(), d.deptName(), d.days(),
                true, false, Boolean.TRUE.equals(d.dischargeMedication()), d.reversedLineId());
    }
}
