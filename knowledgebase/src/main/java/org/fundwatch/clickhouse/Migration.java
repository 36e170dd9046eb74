package org.fundwatch.clickhouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema migration file, {@code V<number>__<name>.sql} (e.g. {@code V001__core.sql}).
 *
 * <p>The SQL names the database as {@code ${database}} so that {@code FUNDWATCH_CLICKHOUSE_DATABASE} can
 * move the whole schema; the checksum is the SHA-256 of the file text as written (line ends normalised to
 * LF), so it does not depend on the database chosen.
 *
 * @param version  the number after {@code V}; migrations run in ascending order
 * @param name     the part after {@code __}
 * @param fileName the file's name
 * @param script   the file's text
 * @param checksum lower-case hex SHA-256 of the text
 */
public record Migration(int version, String name, String fileName, String script, String checksum) {

    /** {@code V001__core.sql}: digits, two underscores, a name of letters, digits and underscores. */
    public static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    /** The placeholder replaced by the configured database name. */
    public static final String DATABASE_PLACEHOLDER = "${database}";

    /** Parses a migration from its file name and text. */
    public static Migration of(String fileName, String script) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MigrationException("Migration file " + fileName
                    + " is not named V<number>__<name>.sql (e.g. V002__add_index.sql)");
        }
        String normalized = script.replace("\r\n", "\n");
        return new Migration(Integer.parseInt(m.group(1)), m.group(2), fileName, normalized, sha256(normalized));
    }

    /** The statements with {@code ${database}} replaced by {@code database}. */
    public List<String> statements(String database) {
        return SqlScript.split(script.replace(DATABASE_PLACEHOLDER, database));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
