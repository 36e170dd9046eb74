package org.fundwatch.pack;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One CSV record addressed by column name, with typed accessors whose errors name the file, line and column.
 * Missing trailing cells read as empty.
 */
final class Cells {
    private final String file;
    private final int line;
    private final String[] values;
    private final Map<String, Integer> index;

    Cells(String file, int line, String[] values, Map<String, Integer> index) {
        this.file = file;
        this.line = line;
        this.values = values;
        this.index = index;
    }

    /** The cell, stripped; empty when absent. */
    String text(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw error(column, "no such column");
        }
        return i < values.length && values[i] != null ? values[i].strip() : "";
    }

    /** The cell, or {@code null} when empty. */
    String textOrNull(String column) {
        String v = text(column);
        return v.isEmpty() ? null : v;
    }

    String required(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            throw error(column, "empty");
        }
        return v;
    }

    int integer(String column) {
        String v = required(column);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(column, "'" + v + "' is not an integer");
        }
    }

    Integer integerOrNull(String column) {
        return text(column).isEmpty() ? null : integer(column);
    }

    BigDecimal decimal(String column) {
        String v = required(column);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw error(column, "'" + v + "' is not a decimal number");
        }
    }

    BigDecimal decimalOrNull(String column) {
        return text(column).isEmpty() ? null : decimal(column);
    }

    boolean bool(String column) {
        String v = required(column);
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(column, "'" + v + "' is not true/false");
        };
    }

    Gender gender(String column) {
        try {
            return Gender.ofCode(required(column));
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
    }

    /** A {@code |}-separated list; empty cell → empty list. */
    List<String> list(String column) {
        String v = text(column);
        return v.isEmpty() ? List.of() : Arrays.stream(v.split("\\|")).map(String::strip).toList();
    }

    boolean hasColumn(String column) {
        return index.containsKey(column);
    }

    int line() {
        return line;
    }

    PackException error(String column, String problem) {
        return new PackException(file + " line " + line + ", column " + column + ": " + problem);
    }
}
