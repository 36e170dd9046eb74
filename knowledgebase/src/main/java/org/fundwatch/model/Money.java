package org.fundwatch.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in fen (分, 0.01 yuan) as a {@code long}: exact, cheap to add and to keep in
 * state. Message amounts are N(16,2) yuan and convert exactly; a value with more decimals (a unit
 * price is N(16,6)) is rounded half-up to the fen, so keep unit prices as {@link BigDecimal} and
 * only totals as Money.
 */
public record Money(long fen) implements Comparable<Money> {
    /** Zero. */
    public static final Money ZERO = new Money(0);

    /** {@code yuan} rounded half-up to the fen; {@code null} stays {@code null}. */
    public static Money ofYuan(BigDecimal yuan) {
        return yuan == null ? null : new Money(yuan.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
    }

    /** {@code yuan} given as text, e.g. {@code "1153.00"}. */
    public static Money ofYuan(String yuan) {
        return ofYuan(new BigDecimal(yuan));
    }

    /** {@code fen} fen. */
    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** The amount in yuan with two decimals. */
    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** The yuan value of a nullable amount, or {@code null}. */
    public static BigDecimal toYuan(Money money) {
        return money == null ? null : money.toYuan();
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** {@code this × factor}, rounded half-up to the fen (e.g. a unit price times a quantity). */
    public Money times(BigDecimal factor) {
        return ofYuan(toYuan().multiply(factor));
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** {@code 1153.00}. */
    @Override
    public String toString() {
        return toYuan().toPlainString();
    }
}
