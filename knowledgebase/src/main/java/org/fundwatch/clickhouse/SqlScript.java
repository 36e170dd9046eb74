package org.fundwatch.clickhouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements. A statement ends with a {@code ;} at the end of a line
 * (trailing blanks allowed); a {@code ;} inside a line, e.g. in a string literal, does not split. Lines
 * that are only a {@code --} comment are dropped, so a statement is never just a comment (ClickHouse
 * answers an empty query with an error). The HTTP interface takes one statement per request, hence the
 * split.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of {@code script}, without their terminating {@code ;}, in order. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                String withoutSemicolon = line.stripTrailing();
                current.append(withoutSemicolon, 0, withoutSemicolon.length() - 1);
                add(statements, current);
            } else {
                current.append(line).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
