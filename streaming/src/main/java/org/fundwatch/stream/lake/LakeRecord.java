package org.fundwatch.stream.lake;

import java.time.LocalDate;
import java.time.ZoneId;

/** A row of a lake table: it knows the date partition it belongs to. */
public interface LakeRecord {
    /** The zone of the messages' local times. */
    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The {@code dt=} partition: the record's own date in Asia/Shanghai. */
    LocalDate partitionDate();
}
