package org.fundwatch.clickhouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a project-local ClickHouse server as an ordinary background process (no systemd), with its own
 * config, data and logs under one directory ({@code var/clickhouse} at the repository root by default),
 * listening on 127.0.0.1 only.
 *
 * <ul>
 *   <li>{@link #ensureInstalled()} finds {@code clickhouse-server} (Debian's 18.16 package) or the
 *       single {@code clickhouse} binary of current releases, and installs Debian's package with apt-get
 *       when neither is there;</li>
 *   <li>{@link #start(Path)} is idempotent: a server already running from that directory is reused;</li>
 *   <li>{@link #stop(Path)} ends it through its recorded pid; {@link #status(Path)} reports.</li>
 * </ul>
 * The HTTP port is 8123 when free, otherwise a free port; it is recorded in {@code <varDir>/port} and kept
 * across restarts while it stays free. The process is started in its own session ({@code setsid}) so it
 * outlives the command that started it and a Ctrl-C in that terminal.
 *
 * <p>This class never looks at {@code FUNDWATCH_CLICKHOUSE_URL}; {@link ClickHouseEnvironment} decides
 * whether the local server is wanted at all.
 */
public final class LocalClickHouse {

    private static final Logger LOG = LoggerFactory.getLogger(LocalClickHouse.class);

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    static final int PREFERRED_HTTP_PORT = 8123;
    static final int PREFERRED_TCP_PORT = 9000;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final String APT_INSTALL =
            "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y clickhouse-server clickhouse-client";

    private final List<Path> searchDirs;
    private final List<String> installCommand;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Looks for the binaries on {@code PATH} and in the usual system directories; installs with apt-get. */
    public LocalClickHouse() {
        this(defaultSearchDirs(), defaultInstallCommand());
    }

    /** For tests: where to look for binaries and what to run when none is found. */
    LocalClickHouse(List<Path> searchDirs, List<String> installCommand) {
        this.searchDirs = List.copyOf(searchDirs);
        this.installCommand = List.copyOf(installCommand);
    }

    /** The directory of the local server relative to the repository root. */
    public static Path defaultVarDir() {
        return Path.of("var", "clickhouse");
    }

    /** The server binary if installed, without installing anything. */
    public Optional<Path> findBinary() {
        for (String name : List.of("clickhouse-server", "clickhouse")) {
            for (Path dir : searchDirs) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the server binary, installing Debian's {@code clickhouse-server} and {@code clickhouse-client}
     * packages first when neither {@code clickhouse-server} nor {@code clickhouse} is found.
     *
     * @throws IllegalStateException when the installation fails, with the installer's last output lines
     */
    public Path ensureInstalled() {
        Optional<Path> found = findBinary();
        if (found.isPresent()) {
            return found.get();
        }
        LOG.info("ClickHouse is not installed; running: {}", String.join(" ", installCommand));
        Path output = null;
        try {
            output = Files.createTempFile("fundwatch-clickhouse-install", ".log");
            Process p = new ProcessBuilder(installCommand).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull())).start();
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw installFailure("did not finish within 15 minutes", output);
            }
            if (p.exitValue() != 0) {
                throw installFailure("exited with " + p.exitValue(), output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("ClickHouse is not installed and the installer could not run ("
                    + e.getMessage() + "). Install it by hand: " + APT_INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while installing ClickHouse", e);
        }
        return findBinary().orElseThrow(() -> new IllegalStateException(
                "The ClickHouse installer succeeded but neither clickhouse-server nor clickhouse is in "
                        + searchDirs + ". Install it by hand: " + APT_INSTALL));
    }

    /** {@link #start(Path, Duration)} with {@link #DEFAULT_START_TIMEOUT}. */
    public LocalServer start(Path varDir) {
        return start(varDir, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts the server of {@code varDir} unless it runs already, and waits until it answers {@code /ping}.
     *
     * @throws IllegalStateException when it cannot be installed, exits, or is not healthy in time; the
     *                               message names the log file to read
     */
    public LocalServer start(Path varDir, Duration timeout) {
        LocalServerFiles files = new LocalServerFiles(varDir);
        // Two processes starting the same directory at once (e.g. two test JVMs) must not launch two servers.
        try {
            Files.createDirectories(files.varDir);
            try (FileChannel channel = FileChannel.open(files.varDir.resolve("start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return startLocked(files, timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the ClickHouse directory " + files.varDir, e);
        }
    }

    private LocalServer startLocked(LocalServerFiles files, Duration timeout) {
        Path varDir = files.varDir;
        LocalServer current = status(varDir);
        if (current.running()) {
            if (!current.healthy()) {
                awaitHealthy(files, current.httpPort(), ProcessHandle.of(current.pid()).orElse(null), timeout);
            }
            return new LocalServer(files.varDir, true, true, current.pid(), current.httpPort(), current.tcpPort(),
                    false, files.serverLog());
        }
        Path binary = ensureInstalled();
        try {
            Files.deleteIfExists(files.pidFile());
            int httpPort = choosePort(readPort(files.portFile()), PREFERRED_HTTP_PORT, -1);
            int tcpPort = choosePort(readPort(files.tcpPortFile()), PREFERRED_TCP_PORT, httpPort);
            files.write(httpPort, tcpPort);
            Process process = launch(binary, files);
            Files.writeString(files.pidFile(), process.pid() + "\n", StandardCharsets.UTF_8);
            LOG.info("Started ClickHouse (pid {}) on 127.0.0.1:{} in {}", process.pid(), httpPort, files.varDir);
            awaitHealthy(files, httpPort, process.toHandle(), timeout);
            return new LocalServer(files.varDir, true, true, process.pid(), httpPort, tcpPort, true,
                    files.serverLog());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the ClickHouse directory " + files.varDir, e);
        }
    }

    /**
     * Stops the server of {@code varDir}: SIGTERM, then SIGKILL after 30 s.
     *
     * @return {@code true} when a running server was stopped, {@code false} when none was running
     */
    public boolean stop(Path varDir) {
        LocalServerFiles files = new LocalServerFiles(varDir);
        Optional<ProcessHandle> process = runningProcess(files);
        try {
            if (process.isEmpty()) {
                Files.deleteIfExists(files.pidFile());
                return false;
            }
            ProcessHandle handle = process.get();
            handle.destroy();
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warn("ClickHouse (pid {}) did not stop within {} s; killing it", handle.pid(),
                        STOP_TIMEOUT.toSeconds());
                handle.destroyForcibly();
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            Files.deleteIfExists(files.pidFile());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping ClickHouse", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ClickHouse (pid " + process.get().pid() + ") could not be stopped", e);
        }
    }

    /** Reports whether the server of {@code varDir} runs and answers, without changing anything. */
    public LocalServer status(Path varDir) {
        LocalServerFiles files = new LocalServerFiles(varDir);
        int httpPort = readPort(files.portFile());
        int tcpPort = readPort(files.tcpPortFile());
        Optional<ProcessHandle> process = runningProcess(files);
        boolean healthy = process.isPresent() && httpPort > 0 && ping(httpPort);
        return new LocalServer(files.varDir, process.isPresent(), healthy, process.map(ProcessHandle::pid).orElse(-1L),
                httpPort, tcpPort, false, files.serverLog());
    }

    private Process launch(Path binary, LocalServerFiles files) throws IOException {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            command.add(setsid.toString()); // own session: survives the starting shell's Ctrl-C and exit
        }
        Path nice = Path.of("/usr/bin/nice");
        if (Files.isExecutable(nice)) {
            // The local server shares the machine with the gateway and the stream job it serves (production runs
            // ClickHouse on hosts of its own). At normal priority its background merges of the small write-behind
            // inserts took the cores in bursts: `bench gateway --rate 500` on 2 cores had p99 94–115 ms, 21 ms with
            // the server at nice 10, same throughput.
            command.add(nice.toString());
            command.add("-n");
            command.add("10");
        }
        command.add(binary.toString());
        if (binary.getFileName().toString().equals("clickhouse")) {
            command.add("server"); // the single binary of current releases
        }
        command.add("--config-file=" + files.configFile());
        return new ProcessBuilder(command)
                .directory(files.varDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.consoleLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .start();
    }

    private void awaitHealthy(LocalServerFiles files, int httpPort, ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("ClickHouse exited during startup. Read " + files.errorLog()
                        + " and " + files.consoleLog() + logTail(files));
            }
            if (ping(httpPort)) {
                return;
            }
            sleep(200);
        }
        if (process != null) {
            process.destroy();
        }
        throw new IllegalStateException("ClickHouse did not answer http://127.0.0.1:" + httpPort + "/ping within "
                + timeout.toSeconds() + " s. Read " + files.serverLog() + logTail(files));
    }

    /** {@code true} when {@code GET /ping} answers {@code Ok.}. */
    boolean ping(int httpPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ping"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("Ok.");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The live ClickHouse process recorded in the pid file; a stale or reused pid yields empty. */
    private static Optional<ProcessHandle> runningProcess(LocalServerFiles files) {
        long pid = readPid(files.pidFile());
        if (pid <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().or(() -> h.info().command())
                        .map(c -> c.contains("clickhouse")).orElse(true));
    }

    private static long readPid(Path pidFile) {
        try {
            return Files.isRegularFile(pidFile) ? Long.parseLong(Files.readString(pidFile).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    static int readPort(Path portFile) {
        try {
            return Files.isRegularFile(portFile) ? Integer.parseInt(Files.readString(portFile).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** The recorded port if still free, else the preferred one if free, else any free loopback port. */
    static int choosePort(int recorded, int preferred, int exclude) {
        if (recorded > 0 && recorded != exclude && isFree(recorded)) {
            return recorded;
        }
        if (preferred > 0 && preferred != exclude && isFree(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /**
     * {@code true} when the port can be bound on loopback. With SO_REUSEADDR like ClickHouse itself binds, so
     * connections in TIME_WAIT from a previous run do not move the server to another port.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String logTail(LocalServerFiles files) {
        StringBuilder tail = new StringBuilder();
        for (Path log : List.of(files.consoleLog(), files.errorLog())) {
            try {
                if (Files.isRegularFile(log)) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    List<String> last = lines.subList(Math.max(0, lines.size() - 8), lines.size());
                    if (!last.isEmpty()) {
                        tail.append("\n--- last lines of ").append(log).append(" ---\n")
                                .append(String.join("\n", last));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // the log is a hint only
            }
        }
        return tail.toString();
    }

    private static IllegalStateException installFailure(String what, Path output) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            tail = "(no output)";
        }
        return new IllegalStateException("ClickHouse is not installed and installing it failed: the installer "
                + what + ". Install it by hand (as root): " + APT_INSTALL + "\nFull output: " + output
                + "\n--- last lines ---\n" + tail);
    }

    private static List<Path> defaultSearchDirs() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir);
            if (!dirs.contains(p)) {
                dirs.add(p);
            }
        }
        return dirs;
    }

    private static List<String> defaultInstallCommand() {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && Files.isExecutable(Path.of("/usr/bin/sudo"))) {
            return List.of("sudo", "-n", "sh", "-c", APT_INSTALL);
        }
        return List.of("sh", "-c", APT_INSTALL);
    }

    private static File devNull() {
        return new File("/dev/null");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for ClickHouse", e);
        }
    }
}
