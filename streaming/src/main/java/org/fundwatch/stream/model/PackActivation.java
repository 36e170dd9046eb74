package org.fundwatch.stream.model;

/**
 * An evaluator subtask switched to new packs (side output of the evaluators): which packs, where, and when — the
 * figure behind "a published version is in use within 1 s". A Flink POJO.
 */
public final class PackActivation {
    /** {@link PackVersions#label()} of the packs now in use. */
    public String label;
    public String rulesVersion;
    /** {@code person} or {@code doctor}. */
    public String operator;
    public int subtask;
    /** Wall-clock millis when the pack poller saw the new combination in the registry. */
    public long seenAt;
    /** Wall-clock millis when the engine was ready on the poller (compiled or taken from the cache). */
    public long readyAt;
    /** Wall-clock millis when this subtask switched. */
    public long activeAt;

    public PackActivation() {
    }

    public PackActivation(PackVersions packs, String operator, int subtask, long activeAt) {
        this.label = packs.label();
        this.rulesVersion = packs.rulesVersion;
        this.operator = operator;
        this.subtask = subtask;
        this.seenAt = packs.seenAt;
        this.readyAt = packs.readyAt;
        this.activeAt = activeAt;
    }

    @Override
    public String toString() {
        return label + " active on " + operator + "/" + subtask + " at " + activeAt + " (seen " + (activeAt - seenAt)
                + " ms before)";
    }
}
