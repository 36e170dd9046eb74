package org.fundwatch.pack;

/**
 * An age restriction of a drug or service item. Ages are in days since birth; the range is
 * {@code [minAgeDays, maxAgeDays)} (maximum exclusive, e.g. 儿童 = 0..6574 = under 18 years).
 * Either bound is {@code null} when open.
 *
 * @param code   drug or item code
 * @param name   generic or item name
 * @param target the published target group (儿童, 新生儿, 婴幼儿, 法定就业年龄)
 */
public record AgeRestriction(String code, String name, String target, Integer minAgeDays, Integer maxAgeDays,
                             String constraintText, String source) {

    /** Whether a person of {@code ageDays} is inside the allowed range. */
    public boolean allows(long ageDays) {
        return (minAgeDays == null || ageDays >= minAgeDays) && (maxAgeDays == null || ageDays < maxAgeDays);
    }
}
