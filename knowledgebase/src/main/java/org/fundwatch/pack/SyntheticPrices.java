package org.fundwatch.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates SYNTHETIC prices and price caps (最高限价) for every code the pack's tables name. Each code's price is
 * drawn from a generator seeded by the code itself, so a code keeps its price when other tables change, and the
 * same inputs always give the same bytes. Levels follow the usual order of magnitude of Chinese price catalogues:
 * general services (诊查、床位、护理) a few yuan to tens, laboratory tens, imaging hundreds, surgery thousands;
 * injections above oral forms; antineoplastics and immunomodulators (ATC L) far above the rest; decoction pieces
 * per gram. The charged price is at or below the cap.
 */
final class SyntheticPrices {
    private static final long SEED = 0x5EED_2025L;
    private static final java.util.regex.Pattern ITEM_CODE = java.util.regex.Pattern.compile("\\d{15}");

    private final Map<String, String[]> codes = new LinkedHashMap<>();

    /** Registers a code with the name it has in a table; the first name seen wins. */
    void add(String code, String name, String unitHint) {
        if (code != null && !code.isEmpty()) {
            codes.putIfAbsent(code, new String[] {name, unitHint});
        }
    }

    List<Price> generate() {
        List<Price> prices = new ArrayList<>(codes.size());
        codes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> prices.add(price(e.getKey(),
                e.getValue()[0], e.getValue()[1])));
        return prices;
    }

    static String kindOf(String code) {
        if (ITEM_CODE.matcher(code).matches()) {
            return "item";
        }
        if (code.length() == 27 && code.startsWith("C")) {
            return "consumable";
        }
        return "drug";
    }

    private static Price price(String code, String name, String unitHint) {
        Random random = new Random(SEED * 31 + code.hashCode());
        String kind = kindOf(code);
        double median;
        double spread;
        String unit;
        switch (kind) {
            case "item" -> {
                String section = code.substring(0, 4);
                switch (section) {
                    case "0011", "0012" -> { median = 20; spread = 0.6; }
                    case "0013" -> { median = 30; spread = 0.5; }
                    case "0021", "0022" -> { median = 180; spread = 0.8; }
                    case "0025", "0026", "0027" -> { median = 25; spread = 0.7; }
                    case "0033" -> { median = 1800; spread = 0.7; }
                    case "0034" -> { median = 40; spread = 0.5; }
                    default -> { median = 120; spread = 0.9; }
                }
                unit = unitHint == null || unitHint.isEmpty() ? "次" : unitHint;
            }
            case "consumable" -> { median = 300; spread = 1.2; unit = "个"; }
            default -> {
                if (code.startsWith("T")) {
                    median = 0.3; spread = 0.9; unit = "克";
                } else {
                    char form = code.length() > 10 ? code.charAt(10) : 'A';
                    boolean injection = code.startsWith("X") && form == 'B';
                    median = injection ? 60 : 35;
                    spread = 0.9;
                    if (code.startsWith("XL")) {
                        median *= 12;
                    }
                    unit = injection ? "支" : "盒";
                }
            }
        }
        double cap = median * Math.exp(random.nextGaussian() * spread);
        BigDecimal capYuan = BigDecimal.valueOf(Math.max(0.01, cap)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal priceYuan = capYuan.multiply(BigDecimal.valueOf(85 + random.nextInt(16)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).max(new BigDecimal("0.01"));
        return new Price(code, kind, name, unit, priceYuan, capYuan);
    }
}
