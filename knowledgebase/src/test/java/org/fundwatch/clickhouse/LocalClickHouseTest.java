package org.fundwatch.clickhouse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalClickHouseTest {

    @Test
    void configListensOnLoopbackOnlyWithoutInterserverPort(@TempDir Path dir) throws Exception {
        LocalServerFiles files = new LocalServerFiles(dir);
        files.write(18123, 19000);
        Document config = parse(Files.readString(files.configFile()));
        assertEquals("clickhouse", config.getDocumentElement().getTagName());
        assertEquals(1, config.getElementsByTagName("listen_host").getLength());
        assertEquals("127.0.0.1", text(config, "listen_host"));
        assertEquals("18123", text(config, "http_port"));
        assertEquals(0, config.getElementsByTagName("interserver_http_port").getLength());
        assertEquals(dir.resolve("data") + "/", text(config, "path"));
        assertEquals(files.serverLog().toString(), text(config, "log"));
        Document users = parse(Files.readString(files.usersFile()));
        assertEquals("", text(users, "password"));
        assertEquals("127.0.0.1", users.getElementsByTagName("ip").item(0).getTextContent());
        assertEquals("18123", Files.readString(files.portFile()).trim());
    }

    @Test
    void findsEitherBinaryName(@TempDir Path dir) throws Exception {
        LocalClickHouse none = new LocalClickHouse(List.of(dir), List.of("false"));
        assertTrue(none.findBinary().isEmpty());
        Path single = Files.createFile(dir.resolve("clickhouse"));
        single.toFile().setExecutable(true);
        assertEquals(single, none.findBinary().orElseThrow());
        Path server = Files.createFile(dir.resolve("clickhouse-server"));
        server.toFile().setExecutable(true);
        assertEquals(server, none.findBinary().orElseThrow(), "clickhouse-server is preferred");
    }

    @Test
    void failedInstallationSaysWhatToDo(@TempDir Path dir) {
        LocalClickHouse local = new LocalClickHouse(List.of(dir), List.of("sh", "-c", "echo 'E: Unable to locate'; exit 100"));
        IllegalStateException e = assertThrows(IllegalStateException.class, local::ensureInstalled);
        assertTrue(e.getMessage().contains("exited with 100"), e.getMessage());
        assertTrue(e.getMessage().contains("E: Unable to locate"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y clickhouse-server"), e.getMessage());
    }

    @Test
    void aServerThatDiesAtStartupIsReportedWithItsLog(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("clickhouse-server");
        Files.writeString(fake, "#!/bin/sh\necho \"Address already in use: 127.0.0.1:8123\"\nexit 70\n");
        fake.toFile().setExecutable(true);
        Path varDir = dir.resolve("var");
        LocalClickHouse local = new LocalClickHouse(List.of(bin), List.of("false"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> local.start(varDir, Duration.ofSeconds(20)));
        assertTrue(e.getMessage().contains("exited during startup"), e.getMessage());
        assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
        assertTrue(e.getMessage().contains(varDir.resolve("log").toString()), e.getMessage());
        assertFalse(local.status(varDir).running());
    }

    @Test
    void keepsARecordedFreePortAndAvoidsABusyOne() throws Exception {
        int free = LocalClickHouse.choosePort(-1, 0, -1);
        assertTrue(free > 0);
        assertEquals(free, LocalClickHouse.choosePort(free, 8123, -1));
        try (var busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = LocalClickHouse.choosePort(busy.getLocalPort(), busy.getLocalPort(), -1);
            assertNotEquals(busy.getLocalPort(), port);
        }
    }

    @Test
    @Tag("clickhouse")
    void startIsIdempotentAndStopEndsTheProcess(@TempDir Path dir) {
        LocalClickHouse local = new LocalClickHouse();
        assertFalse(local.status(dir).running());
        assertFalse(local.stop(dir), "nothing to stop yet");

        LocalServer first = local.start(dir, Duration.ofSeconds(90));
        try {
            assertTrue(first.startedNow());
            assertTrue(first.healthy());
            assertEquals(first.httpPort(), LocalClickHouse.readPort(dir.resolve("port")));

            LocalServer second = local.start(dir);
            assertFalse(second.startedNow(), "a running server is reused");
            assertEquals(first.pid(), second.pid());
            assertEquals(first.httpPort(), second.httpPort());

            LocalServer status = local.status(dir);
            assertTrue(status.running() && status.healthy());
            assertEquals(first.pid(), status.pid());
            try (ClickHouseStore store = ClickHouseStore.open(status.config(java.util.Map.of()))) {
                assertTrue(store.version().matches("\\d+\\..*"));
            }
        } finally {
            assertTrue(local.stop(dir));
        }
        LocalServer stopped = local.status(dir);
        assertFalse(stopped.running());
        assertFalse(stopped.healthy());
        assertFalse(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(dir.resolve("clickhouse.pid")));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent();
    }
}
