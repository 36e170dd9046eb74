package org.fundwatch.clickhouse;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where Fundwatch's ClickHouse is and how to log in.
 *
 * <p>{@link #fromEnvironment(Map)} reads {@code FUNDWATCH_CLICKHOUSE_URL} (e.g. {@code http://host:8123}),
 * {@code FUNDWATCH_CLICKHOUSE_USER}, {@code FUNDWATCH_CLICKHOUSE_PASSWORD} and
 * {@code FUNDWATCH_CLICKHOUSE_DATABASE}. When the URL is set the server is <em>external</em>: the local
 * server management ({@link LocalClickHouse}) must not start or stop anything for it. When it is unset the
 * project-local server is meant, and its URL is only known once that server runs
 * ({@link #local(int, Map)}).
 *
 * @param url      HTTP endpoint, scheme {@code http} or {@code https}, without path
 * @param user     user name ({@code default} unless set)
 * @param password password, empty for none
 * @param database the Fundwatch database ({@code fundwatch} unless set)
 * @param external {@code true} when the URL came from {@code FUNDWATCH_CLICKHOUSE_URL}
 */
public record ClickHouseConfig(String url, String user, String password, String database, boolean external) {

    public static final String ENV_URL = "FUNDWATCH_CLICKHOUSE_URL";
    public static final String ENV_USER = "FUNDWATCH_CLICKHOUSE_USER";
    public static final String ENV_PASSWORD = "FUNDWATCH_CLICKHOUSE_PASSWORD";
    public static final String ENV_DATABASE = "FUNDWATCH_CLICKHOUSE_DATABASE";

    public static final String DEFAULT_USER = "default";
    public static final String DEFAULT_DATABASE = "fundwatch";

    public ClickHouseConfig {
        Objects.requireNonNull(url, "url");
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "ClickHouse URL must look like http://host:8123 (HTTP interface), got: " + url);
        }
        user = blankToDefault(user, DEFAULT_USER);
        password = password == null ? "" : password;
        database = blankToDefault(database, DEFAULT_DATABASE);
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("ClickHouse database name must be an identifier, got: " + database);
        }
    }

    /** {@code true} when {@code FUNDWATCH_CLICKHOUSE_URL} is set (non-blank) in {@code env}. */
    public static boolean isExternal(Map<String, String> env) {
        String url = env.get(ENV_URL);
        return url != null && !url.isBlank();
    }

    /** The configuration of the external server named by {@code FUNDWATCH_CLICKHOUSE_URL}. */
    public static ClickHouseConfig fromEnvironment(Map<String, String> env) {
        if (!isExternal(env)) {
            throw new IllegalStateException(ENV_URL + " is not set");
        }
        return new ClickHouseConfig(stripTrailingSlash(env.get(ENV_URL).trim()), env.get(ENV_USER),
                env.get(ENV_PASSWORD), env.get(ENV_DATABASE), true);
    }

    /**
     * The project-local server on {@code 127.0.0.1:httpPort}, user {@code default} without password; the
     * database still comes from {@code FUNDWATCH_CLICKHOUSE_DATABASE} when set.
     */
    public static ClickHouseConfig local(int httpPort, Map<String, String> env) {
        return new ClickHouseConfig("http://127.0.0.1:" + httpPort, DEFAULT_USER, "", env.get(ENV_DATABASE), false);
    }

    /** A copy naming another database (tests use throw-away databases). */
    public ClickHouseConfig withDatabase(String otherDatabase) {
        return new ClickHouseConfig(url, user, password, otherDatabase, external);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "ClickHouseConfig[url=" + url + ", user=" + user + ", database=" + database
                + ", external=" + external + "]";
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
