package org.fundwatch.stream.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out files in path order. Message files are named by day ({@code yyyy-MM-dd.jsonl}), so every reader sees its
 * files in time order and its watermark never has to go backwards: no message arrives late at the keyed operators
 * (which would make its evaluation depend on timing). Flink's default assigner prefers locality, not order.
 */
public final class SortedSplitAssigner implements FileSplitAssigner {
    private final TreeSet<FileSourceSplit> splits = new TreeSet<>(
            Comparator.comparing((FileSourceSplit s) -> s.path().toString()).thenComparing(FileSourceSplit::splitId));

    public SortedSplitAssigner(Collection<FileSourceSplit> initial) {
        splits.addAll(initial);
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(splits.pollFirst());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> more) {
        splits.addAll(more);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(splits);
    }
}
