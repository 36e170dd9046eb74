package org.fundwatch.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.DataStreamWriter;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fundwatch's access to ClickHouse over HTTP, a thin wrapper of the official {@code client-v2}.
 *
 * <p>It deliberately uses only what ClickHouse 18.16 (Debian's package) and current releases both
 * serve: reads name their format in the SQL text ({@code FORMAT JSONEachRow}) and are parsed with
 * Jackson, because 18.16 lacks the {@code RowBinaryWithNamesAndTypes} format that client-v2's typed
 * readers and the JDBC driver use; inserts stream {@code JSONEachRow}; server responses are not
 * compressed ({@code compressServerResponse(false)}), since 18.16 does not answer client-v2's
 * compression negotiation in the form the client expects.
 *
 * <p>The client is not bound to a default database, so the bootstrap {@code CREATE DATABASE} works on an
 * empty server: name tables with {@link #table(String)} ({@code fundwatch.alerts}). Thread-safe; one
 * instance per process is enough. Close it to release the connection pool.
 */
public final class ClickHouseStore implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 300;
    private static final Pattern FORMAT_CLAUSE =
            Pattern.compile("(?is)\\bFORMAT\\s+([A-Za-z]+)\\s*$");
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final ClickHouseConfig config;
    private final Client client;
    private final ObjectWriter rowWriter = ClickHouseJson.mapper().writer()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ClickHouseStore(ClickHouseConfig config, Client client) {
        this.config = config;
        this.client = client;
    }

    /** Connects lazily: no request is sent until the first call. */
    public static ClickHouseStore open(ClickHouseConfig config) {
        Client client = new Client.Builder()
                .addEndpoint(config.url())
                .setUsername(config.user())
                .setPassword(config.password())
                .compressServerResponse(false)
                .compressClientRequest(false)
                .setConnectTimeout(10, ChronoUnit.SECONDS)
                .setClientName("fundwatch")
                .build();
        return new ClickHouseStore(config, client);
    }

    public ClickHouseConfig config() {
        return config;
    }

    /** The Fundwatch database name ({@code fundwatch} by default). */
    public String database() {
        return config.database();
    }

    /** {@code table} qualified with the Fundwatch database, unless it is qualified already. */
    public String table(String table) {
        return table.contains(".") ? table : config.database() + "." + table;
    }

    /** {@code true} when the server answers {@code /ping}. */
    public boolean ping() {
        return client.ping(5_000);
    }

    /** The server's version string, e.g. {@code 18.16.1} or {@code 25.8.2.29}. */
    public String version() {
        List<Map<String, Object>> rows = queryJsonEachRow("SELECT version() AS version");
        return String.valueOf(rows.get(0).get("version"));
    }

    /** Runs one statement that returns no rows (DDL, {@code INSERT … SELECT}, …). */
    public void execute(String sql) {
        execute(sql, new CommandSettings());
    }

    /** Runs one statement with the given settings (e.g. another current database). */
    public void execute(String sql, CommandSettings settings) {
        String statement = stripSemicolon(sql);
        try (CommandResponse ignored = await(() -> client.execute(statement, settings), statement)) {
            // nothing to read
        } catch (ClickHouseStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(statement, e);
        }
    }

    /** Runs a query and returns all rows, each as column name → value (numbers as Integer/Long/BigDecimal). */
    public List<Map<String, Object>> queryJsonEachRow(String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (JsonRowStream stream = streamJsonEachRow(sql)) {
            stream.forEachRemaining(rows::add);
        }
        return rows;
    }

    /**
     * Runs a query and streams its rows. {@code FORMAT JSONEachRow} is appended unless the SQL already ends
     * with it; any other format is refused. 64-bit integers come back as JSON numbers, not strings.
     */
    public JsonRowStream streamJsonEachRow(String sql) {
        String statement = withJsonEachRow(sql);
        QuerySettings settings = new QuerySettings()
                .setFormat(ClickHouseFormat.JSONEachRow)
                .serverSetting("output_format_json_quote_64bit_integers", "0");
        QueryResponse response = await(() -> client.query(statement, settings), statement);
        try {
            MappingIterator<Map<String, Object>> rows =
                    ClickHouseJson.mapper().readerFor(ROW).readValues(response.getInputStream());
            return new JsonRowStream(rows, response, statement);
        } catch (IOException e) {
            closeQuietly(response);
            throw failure(statement, e);
        }
    }

    /**
     * Inserts {@code rows} (maps, records or beans; serialized with {@link ClickHouseJson#mapper()}) into
     * {@code table} as one {@code JSONEachRow} stream. Every row must name every column the table has
     * without a usable default: ClickHouse 18.16 fills omitted fields with the type's zero value, not the
     * column's {@code DEFAULT} expression.
     *
     * @return the number of rows sent
     */
    public long insertJsonEachRow(String table, Iterable<?> rows) {
        String target = table(table);
        long[] count = new long[1];
        DataStreamWriter writer = new DataStreamWriter() {
            @Override
            public void onOutput(OutputStream out) throws IOException {
                count[0] = 0;
                for (Object row : rows) {
                    rowWriter.writeValue(out, row);
                    out.write('\n');
                    count[0]++;
                }
                out.close();
            }
        };
        insert(target, () -> client.insert(target, writer, ClickHouseFormat.JSONEachRow, new InsertSettings()));
        return count[0];
    }

    /** Inserts newline-separated JSON objects read from {@code jsonLines} into {@code table}. */
    public void insertJsonEachRow(String table, InputStream jsonLines) {
        String target = table(table);
        insert(target, () -> client.insert(target, jsonLines, ClickHouseFormat.JSONEachRow, new InsertSettings()));
    }

    @Override
    public void close() {
        client.close();
    }

    private void insert(String target, Supplier<CompletableFuture<InsertResponse>> call) {
        String what = "INSERT INTO " + target + " FORMAT JSONEachRow";
        try (InsertResponse ignored = await(call, what)) {
            // the response carries only metrics
        } catch (ClickHouseStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    /** Runs a client call and waits for it; the client throws some errors at once and others through the future. */
    private <T> T await(Supplier<CompletableFuture<T>> call, String sql) {
        CompletableFuture<T> future = null;
        try {
            future = call.get();
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(sql, e);
        } catch (ExecutionException e) {
            throw failure(sql, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ClickHouseStoreException("No answer within " + TIMEOUT_SECONDS + " s from " + config.url()
                    + " for " + shorten(sql), e);
        } catch (RuntimeException e) {
            throw failure(sql, e);
        }
    }

    private ClickHouseStoreException failure(String sql, Throwable cause) {
        return new ClickHouseStoreException("ClickHouse at " + config.url() + " failed on " + shorten(sql) + ": "
                + cause.getMessage(), cause);
    }

    static String withJsonEachRow(String sql) {
        String statement = stripSemicolon(sql);
        Matcher m = FORMAT_CLAUSE.matcher(statement);
        if (m.find()) {
            if (!m.group(1).equalsIgnoreCase("JSONEachRow")) {
                throw new IllegalArgumentException("queryJsonEachRow reads JSONEachRow only, the SQL asks for FORMAT "
                        + m.group(1) + ": " + shorten(sql));
            }
            return statement;
        }
        return statement + "\nFORMAT JSONEachRow";
    }

    static String stripSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    static String shorten(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 160 ? "`" + oneLine + "`" : "`" + oneLine.substring(0, 157) + "...`";
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing
        }
    }
}
