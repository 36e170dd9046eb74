package org.fundwatch.clickhouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of a project-local ClickHouse under one directory ({@code var/clickhouse} by default) and the
 * minimal {@code config.xml}/{@code users.xml} it runs with.
 *
 * <p>The files use the {@code <clickhouse>} root element: current releases require it or the legacy
 * {@code <yandex>}, and 18.16 does not look at the root's name at all (verified: 18.16.1 starts with
 * either). Only settings that 18.16 already knew are used. The server listens on 127.0.0.1 only, has no
 * interserver port, and its single {@code default} user has no password and is accepted from loopback
 * only.
 */
final class LocalServerFiles {

    final Path varDir;

    LocalServerFiles(Path varDir) {
        this.varDir = varDir.toAbsolutePath().normalize();
    }

    Path configFile() {
        return varDir.resolve("config.xml");
    }

    Path usersFile() {
        return varDir.resolve("users.xml");
    }

    Path dataDir() {
        return varDir.resolve("data");
    }

    Path tmpDir() {
        return varDir.resolve("tmp");
    }

    Path userFilesDir() {
        return varDir.resolve("user_files");
    }

    Path formatSchemaDir() {
        return varDir.resolve("format_schemas");
    }

    Path logDir() {
        return varDir.resolve("log");
    }

    /** The server's main log; startup errors are here or in {@link #errorLog()}. */
    Path serverLog() {
        return logDir().resolve("clickhouse-server.log");
    }

    Path errorLog() {
        return logDir().resolve("clickhouse-server.err.log");
    }

    /** What the process writes to stdout/stderr before its logger is up (bad config, port in use, …). */
    Path consoleLog() {
        return logDir().resolve("console.log");
    }

    Path pidFile() {
        return varDir.resolve("clickhouse.pid");
    }

    /** The HTTP port, recorded for scripts and other tools. */
    Path portFile() {
        return varDir.resolve("port");
    }

    Path tcpPortFile() {
        return varDir.resolve("tcp_port");
    }

    /** Creates the directories and (re)writes both XML files for the given ports. */
    void write(int httpPort, int tcpPort) throws IOException {
        for (Path dir : new Path[] {dataDir(), tmpDir(), userFilesDir(), formatSchemaDir(), logDir()}) {
            Files.createDirectories(dir);
        }
        Files.writeString(configFile(), configXml(httpPort, tcpPort), StandardCharsets.UTF_8);
        Files.writeString(usersFile(), USERS_XML, StandardCharsets.UTF_8);
        Files.writeString(portFile(), httpPort + "\n", StandardCharsets.UTF_8);
        Files.writeString(tcpPortFile(), tcpPort + "\n", StandardCharsets.UTF_8);
    }

    String configXml(int httpPort, int tcpPort) {
        return """
                <?xml version="1.0"?>
                <!-- Written by Fundwatch (org.fundwatch.clickhouse.LocalClickHouse) on every start; edits are lost.
                     Works with ClickHouse 18.16 (Debian) and current releases. -->
                <clickhouse>
                    <logger>
                        <level>information</level>
                        <log>%s</log>
                        <errorlog>%s</errorlog>
                        <size>100M</size>
                        <count>3</count>
                    </logger>
                    <listen_host>127.0.0.1</listen_host>
                    <http_port>%d</http_port>
                    <tcp_port>%d</tcp_port>
                    <path>%s/</path>
                    <tmp_path>%s/</tmp_path>
                    <user_files_path>%s/</user_files_path>
                    <format_schema_path>%s/</format_schema_path>
                    <users_config>users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>Asia/Shanghai</timezone>
                    <max_connections>256</max_connections>
                    <max_concurrent_queries>64</max_concurrent_queries>
                    <keep_alive_timeout>10</keep_alive_timeout>
                    <!-- Small caches: this is a developer/CI server on a small machine. -->
                    <uncompressed_cache_size>268435456</uncompressed_cache_size>
                    <mark_cache_size>268435456</mark_cache_size>
                </clickhouse>
                """.formatted(xml(serverLog()), xml(errorLog()), httpPort, tcpPort, xml(dataDir()), xml(tmpDir()),
                xml(userFilesDir()), xml(formatSchemaDir()));
    }

    static final String USERS_XML = """
            <?xml version="1.0"?>
            <!-- Written by Fundwatch on every start. The default user has no password and is accepted from
                 loopback only; the server itself listens on 127.0.0.1 only. -->
            <clickhouse>
                <profiles>
                    <default>
                        <max_memory_usage>4000000000</max_memory_usage>
                        <load_balancing>random</load_balancing>
                    </default>
                </profiles>
                <users>
                    <default>
                        <password></password>
                        <networks>
                            <ip>127.0.0.1</ip>
                            <ip>::1</ip>
                        </networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </default>
                </users>
                <quotas>
                    <default>
                        <interval>
                            <duration>3600</duration>
                            <queries>0</queries>
                            <errors>0</errors>
                            <result_rows>0</result_rows>
                            <read_rows>0</read_rows>
                            <execution_time>0</execution_time>
                        </interval>
                    </default>
                </quotas>
            </clickhouse>
            """;

    private static String xml(Path path) {
        return path.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
