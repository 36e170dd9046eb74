package org.fundwatch.stream.parse;

import java.util.TreeMap;
import org.apache.flink.api.common.accumulators.Accumulator;

/**
 * A Flink accumulator of counts per epoch second (second → count, the form of Flink's {@code Histogram} result), with
 * {@link #add(int, int)} adding a whole message's fee lines in one map update: {@code Histogram} counts one per call,
 * a map update per fee line on the parser's hot path.
 */
public final class CountsBySecond implements Accumulator<Integer, TreeMap<Integer, Integer>> {
    private static final long serialVersionUID = 1L;

    private TreeMap<Integer, Integer> counts = new TreeMap<>();

    /** Adds {@code count} to second {@code second}. */
    public void add(int second, int count) {
        if (count > 0) {
            counts.merge(second, count, Integer::sum);
        }
    }

    /** Counts one at {@code second}. */
    @Override
    public void add(Integer second) {
        add(second, 1);
    }

    @Override
    public TreeMap<Integer, Integer> getLocalValue() {
        return counts;
    }

    @Override
    public void resetLocal() {
        counts = new TreeMap<>();
    }

    @Override
    public void merge(Accumulator<Integer, TreeMap<Integer, Integer>> other) {
        other.getLocalValue().forEach((second, count) -> add(second, count));
    }

    @Override
    public CountsBySecond clone() {
        CountsBySecond copy = new CountsBySecond();
        copy.counts = new TreeMap<>(counts);
        return copy;
    }
}
