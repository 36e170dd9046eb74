package org.fundwatch.stream.sink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hospital's webhook receiver for tests: one endpoint per institution ({@code /hook/<code>}) each with its own
 * secret; verifies every request's signature with {@link WebhookSignatureVerifier} and records what it accepted.
 * Can be stopped and started again on the same port (receiver down, then up) and told to answer with a given status.
 */
final class TestReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One accepted request. */
    record Received(String endpoint, String alertIdHeader, JsonNode body, String raw) {
    }

    private final Map<String, String> secrets;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger rejectedSignatures = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Integer> statusByEndpoint = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    /** Starts listening on a free port with {@code secrets}: institution code → secret. */
    TestReceiver(Map<String, String> secrets) throws IOException {
        this.secrets = Map.copyOf(secrets);
        this.server = start(0);
        this.port = server.getAddress().getPort();
    }

    /** Creates a receiver whose port is known but which is not listening yet (receiver down). */
    static TestReceiver down(Map<String, String> secrets) throws IOException {
        TestReceiver r = new TestReceiver(secrets);
        r.stop();
        return r;
    }

    private HttpServer start(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        s.createContext("/hook/", this::handle);
        s.start();
        return s;
    }

    URI url(String institution) {
        return URI.create("http://127.0.0.1:" + port + "/hook/" + institution);
    }

    WebhookSubscription subscription(String institution) {
        return new WebhookSubscription(institution, url(institution), secrets.get(institution));
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized void startAgain() throws IOException {
        if (server == null) {
            server = start(port);
        }
    }

    /** Answers requests to {@code institution}'s endpoint with {@code status} (without recording them). */
    void respondWith(String institution, int status) {
        statusByEndpoint.put(institution, status);
    }

    void respondNormally(String institution) {
        statusByEndpoint.remove(institution);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String endpoint = exchange.getRequestURI().getPath().substring("/hook/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Integer forced = statusByEndpoint.get(endpoint);
        int status;
        if (forced != null) {
            status = forced;
            if (status == 429 || status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
        } else {
            String secret = secrets.get(endpoint);
            var result = secret == null ? new WebhookSignatureVerifier.Result(false, "unknown endpoint")
                    : new WebhookSignatureVerifier(secret, Duration.ofMinutes(5)).verify(
                            exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                            exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER), body);
            if (result.valid()) {
                synchronized (received) {
                    received.add(new Received(endpoint,
                            exchange.getRequestHeaders().getFirst(WebhookSigner.ALERT_ID_HEADER), JSON.readTree(body),
                            new String(body, java.nio.charset.StandardCharsets.UTF_8)));
                }
                status = 200;
            } else {
                rejectedSignatures.incrementAndGet();
                status = 401;
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The alert ids received at {@code institution}'s endpoint, in arrival order. */
    List<String> alertIds(String institution) {
        List<String> ids = new ArrayList<>();
        for (Received r : received()) {
            if (r.endpoint().equals(institution)) {
                ids.add(r.body().get("alert_id").asText());
            }
        }
        return ids;
    }

    int rejectedSignatures() {
        return rejectedSignatures.get();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        stop();
    }
}
