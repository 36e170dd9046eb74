package org.fundwatch.gateway;

/** A request the gateway answers with {@code infcode -1} and this message as {@code err_msg}. */
public final class GatewayException extends RuntimeException {
    public GatewayException(String message) {
        super(message, null, false, false);
    }
}
