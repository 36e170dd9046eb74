package org.fundwatch.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fundwatch.generate.CatalogRecords.PriceEntry;
import org.fundwatch.generate.CatalogRecords.PriceKind;

/**
 * The price list split into the pools normal encounters draw from (consultations, beds, nursing,
 * tests, treatments, drugs), in pack order. Items are classified by their national name, which is
 * how the 收费类别 (med_chrgitm_type) of a service item is fixed in practice.
 */
public final class CodePools {
    final List<PriceEntry> outpatientConsults = new ArrayList<>();
    final List<PriceEntry> inpatientConsults = new ArrayList<>();
    final List<PriceEntry> internetConsults = new ArrayList<>();
    final List<PriceEntry> beds = new ArrayList<>();
    final List<PriceEntry> nursing = new ArrayList<>();
    final List<PriceEntry> tests = new ArrayList<>();
    final List<PriceEntry> treatments = new ArrayList<>();
    final List<PriceEntry> drugs = new ArrayList<>();
    final List<PriceEntry> consumables = new ArrayList<>();
    private final Map<String, PriceEntry> byCode = new HashMap<>();

    /**
     * @param prices  the pack's price list
     * @param usable  which codes may enter normal data at all (see {@link RestrictionIndex#excludedFromNormal})
     */
    public CodePools(List<PriceEntry> prices, java.util.function.Predicate<String> usable) {
        for (PriceEntry p : prices) {
            if (p.priceFen() <= 0 || byCode.putIfAbsent(p.code(), p) != null || !usable.test(p.code())) {
                continue;
            }
            if (p.kind() == PriceKind.DRUG) {
                drugs.add(p);
                continue;
            }
            if (p.kind() == PriceKind.CONSUMABLE) {
                consumables.add(p);
                continue;
            }
            String n = p.name();
            switch (chargeType(p)) {
                case "02" -> {
                    if (n.contains("互联网")) {
                        internetConsults.add(p);
                    } else if (n.contains("住院")) {
                        inpatientConsults.add(p);
                    } else if (!n.contains("急诊") && !n.contains("留观") && !n.contains("会诊")) {
                        outpatientConsults.add(p);
                    }
                }
                case "01" -> beds.add(p);
                case "07" -> nursing.add(p);
                case "03", "04" -> tests.add(p);
                case "05" -> treatments.add(p);
                default -> {
                    // surgeries (06) only enter through labelled cases
                }
            }
        }
        if (internetConsults.isEmpty()) {
            internetConsults.addAll(outpatientConsults);
        }
    }

    /** The price entry of {@code code}, or null. */
    public PriceEntry price(String code) {
        return byCode.get(code);
    }

    /** National 医疗收费项目类别 (01–14) for a price entry. */
    public static String chargeType(PriceEntry p) {
        if (p.kind() == PriceKind.DRUG) {
            if (p.code().startsWith("Z")) {
                return "11";
            }
            return p.code().startsWith("X") ? "09" : "10";
        }
        if (p.kind() == PriceKind.CONSUMABLE) {
            return "08";
        }
        String n = p.name() == null ? "" : p.name();
        if (n.contains("床位")) {
            return "01";
        }
        if (n.contains("诊查") || n.contains("诊察") || n.contains("会诊")) {
            return "02";
        }
        if (n.contains("挂号")) {
            return "13";
        }
        if (n.contains("护理") || n.contains("监护")) {
            return "07";
        }
        if (n.contains("术") && !n.contains("技术") && !n.contains("术前") && !n.contains("术后")) {
            return "06";
        }
        if (n.contains("测定") || n.contains("检测") || n.contains("培养") || n.contains("试验") || n.contains("计数")) {
            return "04";
        }
        if (n.contains("检查") || n.contains("造影") || n.contains("超声") || n.contains("扫描") || n.contains("摄影")
                || n.contains("显像") || n.contains("评定") || n.contains("镜")) {
            return "03";
        }
        return "05";
    }

    /** National 目录类别 (hilist_type / list_type) for a price entry. */
    public static String listType(PriceEntry p) {
        return switch (p.kind()) {
            case DRUG -> p.code().startsWith("X") || p.code().startsWith("Z") ? "101" : "102";
            case CONSUMABLE -> "301";
            case ITEM -> "201";
        };
    }
}
