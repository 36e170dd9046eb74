package org.fundwatch.gateway;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gateway's Jetty server: one HTTP/1.1 connector (keep-alive), a bounded thread pool for the blocking handler
 * ({@code maxThreads}; evaluation is CPU-bound, so a few threads per core are enough and more only add contention),
 * a deep accept queue (thousands of HIS connections may open at once after a network blip) and
 * an error handler that answers with a national envelope instead of an HTML page.
 */
public final class GatewayServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    /** Settings of the HTTP layer. */
    public record Settings(String host, int port, int maxThreads, int maxBodyBytes, long idleTimeoutMillis) {
        /**
         * Jetty's pool (selector, acceptor and request threads) unless told otherwise: twice the cores, at least 4.
         * Nothing on the 3101/3102 path blocks (history comes from the in-memory replica, writes are write-behind), so
         * more threads only contend for the cores: {@code bench gateway --rate 500} on 2 cores cost 2.1–2.4 ms of JVM
         * CPU per request with 4 threads, 2.9–3.1 with 5–6, 3.5 with 8 and 16 (and 64 threads at 250 req/s 2.5–3.5 ms).
         */
        public static final int DEFAULT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

        /** Defaults: {@link #DEFAULT_THREADS}, 4 MiB bodies, 60 s idle timeout. */
        public static Settings defaults(String host, int port) {
            return new Settings(host, port, DEFAULT_THREADS, 4 << 20, 60_000);
        }
    }

    public GatewayServer(Settings settings, NationalGateway gateway, Authenticator authenticator) {
        // Threads are bounded; the job queue is not: Jetty queues its own internal tasks there too, and a bounded queue
        // would reject them under a connection storm (Jetty warns against it). Load is bounded by maxThreads.
        QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()), 60_000);
        pool.setName("gateway");
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // Jetty builds a header-field trie per connection the first time it caches a field; with thousands of
        // connections (HIS clients, the 2,000-connection bench) that build dominated the gateway's CPU in thread dumps.
        // The handful of headers a national request carries parse fast without it.
        http.setHeaderCacheSize(0);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(4096);
        connector.setIdleTimeout(settings.idleTimeoutMillis());
        server.addConnector(connector);
        server.setHandler(new GatewayHandler(gateway, authenticator, settings.maxBodyBytes()));
        server.setErrorHandler(new EnvelopeErrorHandler(gateway));
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** The port listened on (the actual one when 0 was asked). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Jetty's own errors (a malformed HTTP request, …) as a national envelope. */
    private static final class EnvelopeErrorHandler extends ErrorHandler {
        private final NationalGateway gateway;

        EnvelopeErrorHandler(NationalGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public boolean handle(Request request, org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
            Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            byte[] body = gateway.refuse("HTTP " + response.getStatus() + (message == null ? "" : " " + message)).body();
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }

}
