package org.fundwatch.stream.lake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/** The Parquet type of a lake column and how a Java value is written into it. */
public enum ColumnType {
    /** UTF-8 text. */
    STRING {
        @Override
        Type parquetType(String name) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(name);
        }

        @Override
        void write(RecordConsumer consumer, Object value) {
            consumer.addBinary(Binary.fromString((String) value));
        }
    },
    /** Money in yuan: DECIMAL(18,2) as INT64 (exactly the fen). */
    MONEY {
        @Override
        Type parquetType(String name) {
            return decimal(name, 2);
        }

        @Override
        void write(RecordConsumer consumer, Object value) {
            consumer.addLong(unscaled((BigDecimal) value, 2));
        }
    },
    /** Quantities, unit prices and ratios: DECIMAL(18,6) as INT64 (the national N(16,6) precision). */
    DECIMAL6 {
        @Override
        Type parquetType(String name) {
            return decimal(name, 6);
        }

        @Override
        void write(RecordConsumer consumer, Object value) {
            consumer.addLong(unscaled((BigDecimal) value, 6));
        }
    },
    /** An Asia/Shanghai local time as an instant: TIMESTAMP(MICROS, isAdjustedToUTC=true). */
    TIMESTAMP {
        @Override
        Type parquetType(String name) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
        }

        @Override
        void write(RecordConsumer consumer, Object value) {
            var instant = ((LocalDateTime) value).atZone(LakeRecord.ZONE).toInstant();
            consumer.addLong(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                    instant.getNano() / 1_000L));
        }
    },
    /** true / false. */
    BOOLEAN {
        @Override
        Type parquetType(String name) {
            return Types.optional(PrimitiveType.PrimitiveTypeName.BOOLEAN).named(name);
        }

        @Override
        void write(RecordConsumer consumer, Object value) {
            consumer.addBoolean((Boolean) value);
        }
    };

    /** The optional Parquet field {@code name} of this type. */
    abstract Type parquetType(String name);

    /** Writes the non-null {@code value}. */
    abstract void write(RecordConsumer consumer, Object value);

    private static Type decimal(String name, int scale) {
        return Types.optional(PrimitiveType.PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.decimalType(scale, 18)).named(name);
    }

    private static long unscaled(BigDecimal value, int scale) {
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
        if (scaled.precision() > 18) {
            throw new ArithmeticException(value + " does not fit DECIMAL(18," + scale + ")");
        }
        return scaled.unscaledValue().longValueExact();
    }
}
