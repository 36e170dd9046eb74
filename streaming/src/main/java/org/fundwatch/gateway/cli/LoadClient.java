package org.fundwatch.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.fundwatch.gateway.Authenticator;

/**
 * The gateway benchmark's HTTP client: Jetty's non-blocking client on a small pool of its own, up to
 * {@code maxConnections} keep-alive connections. (Not the JDK's {@code java.net.http.HttpClient}: it completes every
 * response future on the common ForkJoinPool's executor, which is a new thread per task when that pool has
 * parallelism 1 — on 2 cores — so the load client itself cost more CPU than the gateway under test.)
 */
final class LoadClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESPONSE_BYTES = 16 << 20;

    private final HttpClient http;
    private final URI uri;
    private final String institution;
    private final String apiKey;

    LoadClient(URI uri, String institution, String apiKey, int maxConnections) throws Exception {
        this.uri = uri;
        this.institution = institution;
        this.apiKey = apiKey;
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("bench-client");
        threads.setDaemon(true);
        this.http = new HttpClient();
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(maxConnections);
        http.setMaxRequestsQueuedPerDestination(1 << 20);
        http.setConnectTimeout(30_000);
        http.start();
    }

    /** Posts {@code body}; completes with null on success, else with what went wrong (never exceptionally). */
    CompletableFuture<String> send(byte[] body) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        http.newRequest(uri).method(HttpMethod.POST).timeout(60, TimeUnit.SECONDS)
                .headers(h -> h.put(Authenticator.INSTITUTION, institution).put(Authenticator.API_KEY, apiKey))
                .body(new BytesRequestContent("application/json", body))
                .send(new BufferingResponseListener(MAX_RESPONSE_BYTES) {
                    @Override
                    public void onComplete(Result result) {
                        outcome.complete(result.isFailed() ? "transport: " + result.getFailure()
                                : check(result.getResponse().getStatus(), getContent()));
                    }
                });
        return outcome;
    }

    /** An answer is good when it is HTTP 200 with {@code infcode} 0. */
    private static String check(int status, byte[] content) {
        if (status != 200) {
            return "HTTP " + status;
        }
        try {
            JsonNode answer = JSON.readTree(content);
            return answer.path("infcode").asInt(-1) == 0 ? null
                    : "infcode " + answer.path("infcode") + ": " + answer.path("err_msg").asText();
        } catch (IOException e) {
            return "unreadable response: " + e.getMessage();
        }
    }

    @Override
    public void close() throws Exception {
        http.stop();
    }
}
