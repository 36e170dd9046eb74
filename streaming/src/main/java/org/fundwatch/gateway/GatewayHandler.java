package org.fundwatch.gateway;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP binding of the national interface (Jetty core handler, no servlets): {@code POST /fsi/api} (dispatch on the
 * envelope's {@code infno}) and {@code POST /fsi/api/{infno}}; {@code GET /health} for monitoring.
 *
 * <p>Status codes: everything that reached the national protocol — malformed JSON, a bad envelope, a wrong infno, an
 * institution mismatch, an unknown jr_id — is HTTP 200 with {@code infcode -1}, as the national platform answers and
 * as HIS clients expect (many treat any non-200 as "network error" and never show {@code err_msg}). Transport-level
 * refusals use their HTTP status so proxies and monitoring see them — 401 bad credentials, 404 other paths, 405 other
 * methods, 413 a body over the limit — and still carry a national envelope with {@code infcode -1}. Never a 500 page:
 * internal errors are answered by {@link NationalGateway} with an incident id.
 */
public final class GatewayHandler extends Handler.Abstract {
    /** The base path. */
    public static final String BASE = "/fsi/api";
    /** The health path. */
    public static final String HEALTH = "/health";
    private static final String JSON = "application/json;charset=UTF-8";

    private final NationalGateway gateway;
    private final Authenticator authenticator;
    private final int maxBodyBytes;

    public GatewayHandler(NationalGateway gateway, Authenticator authenticator, int maxBodyBytes) {
        this.gateway = gateway;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals(HEALTH)) {
            return health(request, response, callback);
        }
        String infno;
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            infno = null;
        } else if (path.startsWith(BASE + "/") && path.indexOf('/', BASE.length() + 1) < 0) {
            infno = path.substring(BASE.length() + 1);
        } else {
            return send(response, callback, HttpStatus.NOT_FOUND_404, gateway.refuse("no such path " + abbreviate(path)
                    + "; use POST /fsi/api or /fsi/api/{infno}"));
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, gateway.refuse("method "
                    + abbreviate(request.getMethod()) + " not allowed; send the envelope with POST"));
        }
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge());
        }
        byte[] body;
        try {
            body = Content.Source.asByteArrayAsync(request, maxBodyBytes).get();
        } catch (ExecutionException e) {
            return send(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
            return true;
        }
        Authenticator.Outcome auth = authenticator.authenticate(name -> request.getHeaders().get(name), body);
        if (!auth.ok()) {
            return send(response, callback, HttpStatus.UNAUTHORIZED_401, gateway.refuse(auth.failure()));
        }
        return send(response, callback, HttpStatus.OK_200, gateway.handle(auth.institution().code(), infno, body));
    }

    /**
     * {@code GET /health} for load balancers and monitoring, without credentials (it names pack versions, nothing about
     * patients or institutions). {@code fundwatch serve} listens only once its engine is loaded, so an answer means
     * ready.
     */
    private boolean health(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            return send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, gateway.refuse("method "
                    + abbreviate(request.getMethod()) + " not allowed; GET " + HEALTH));
        }
        return write(response, callback, HttpStatus.OK_200, gateway.health()); // Jetty sends no body for HEAD
    }

    private NationalGateway.Reply tooLarge() {
        return gateway.refuse("request body larger than " + maxBodyBytes + " bytes; split the orders over several requests");
    }

    private static boolean send(Response response, Callback callback, int status, NationalGateway.Reply reply) {
        return write(response, callback, status, reply.body());
    }

    private static boolean write(Response response, Callback callback, int status, byte[] json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, json.length);
        response.write(true, ByteBuffer.wrap(json), callback);
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
