package org.fundwatch.pack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the value columns of the published knowledge points (限定对象, 限定值域, 数量单位, 备注) into typed values.
 *
 * <p>Ages are converted to days with 365.25 days a year, floored, because age checks compare the patient's age in
 * days on the service date; upper bounds are exclusive (儿童 = under 18 years = under 6,574 days, per the Law on the
 * Protection of Minors; 新生儿 = first 28 days; 婴幼儿 = under 3 years; 法定就业年龄 = 16 up to the statutory
 * retirement age, taken as 60 — the general male age before the 2025 gradual raise).
 */
final class ConstraintText {
    static final int CHILD_MAX_DAYS = yearsToDays(18);
    static final int NEWBORN_MAX_DAYS = 28;
    static final int INFANT_MAX_DAYS = yearsToDays(3);
    static final int WORKING_AGE_MIN_DAYS = yearsToDays(16);
    static final int WORKING_AGE_MAX_DAYS = yearsToDays(60);

    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*天");
    private static final Pattern TOTAL = Pattern.compile("(?:总时间|支付)不超过(\\d+|一年|半年)(天|个月)?");
    private static final Pattern INTERVAL = Pattern.compile("间隔时间不短于(\\d+)天");
    private static final Pattern WEEKLY = Pattern.compile("每周最多支付一次");

    private ConstraintText() {
    }

    static int yearsToDays(int years) {
        return (int) Math.floor(years * 365.25);
    }

    /** The age range {@code [min, max)} in days for a published target group. */
    static int[] ageRange(String target) {
        return switch (target.strip()) {
            case "儿童" -> new int[] {0, CHILD_MAX_DAYS};
            case "新生儿" -> new int[] {0, NEWBORN_MAX_DAYS};
            case "婴幼儿" -> new int[] {0, INFANT_MAX_DAYS};
            case "法定就业年龄" -> new int[] {WORKING_AGE_MIN_DAYS, WORKING_AGE_MAX_DAYS};
            default -> throw new IllegalArgumentException("unknown age target '" + target + "'");
        };
    }

    /** 二级 → 2, 三级 → 3, 一级 → 1. */
    static int institutionLevel(String value) {
        return switch (value.strip()) {
            case "一级" -> 1;
            case "二级" -> 2;
            case "三级" -> 3;
            default -> throw new IllegalArgumentException("unknown institution level '" + value + "'");
        };
    }

    /** {@code 14天} → 14. */
    static int days(String value) {
        Matcher m = DAYS.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a number of days like '14天', got '" + value + "'");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Frequency unit: 天 and empty → 日; 日 and 小时 kept. */
    static String frequencyUnit(String value) {
        return switch (value.strip()) {
            case "", "日", "天" -> "日";
            case "小时" -> "小时";
            default -> throw new IllegalArgumentException("unknown frequency unit '" + value + "'");
        };
    }

    /** The total paid days of a course text (总时间不超过90天, 支付不超过一年 …), if stated. */
    static Optional<Integer> courseTotalDays(String text) {
        Matcher m = TOTAL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String n = m.group(1);
        return Optional.of(switch (n) {
            case "一年" -> 365;
            case "半年" -> 182;
            default -> "个月".equals(m.group(2)) ? Integer.parseInt(n) * 30 : Integer.parseInt(n);
        });
    }

    /**
     * The minimum days between two uses (间隔时间不短于14天); 每周最多支付一次 is taken as 7 days, the strictest
     * reading that never flags two uses in different calendar weeks more than a week apart.
     */
    static Optional<Integer> courseIntervalDays(String text) {
        Matcher m = INTERVAL.matcher(text);
        if (m.find()) {
            return Optional.of(Integer.parseInt(m.group(1)));
        }
        return WEEKLY.matcher(text).find() ? Optional.of(7) : Optional.empty();
    }
}
