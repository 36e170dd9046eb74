/**
 * Per-hospital warnings by webhook: every {@link org.fundwatch.rules.engine.Finding} is rendered as a
 * {@link org.fundwatch.stream.sink.webhook.WarningPayload}, routed to the subscription of its own institution only
 * ({@link org.fundwatch.stream.sink.webhook.WebhookSubscriptions}), signed with HMAC-SHA256
 * ({@link org.fundwatch.stream.sink.webhook.WebhookSigner}, verified by receivers with
 * {@link org.fundwatch.stream.sink.webhook.WebhookSignatureVerifier}) and delivered at least once, in order per
 * institution, with capped exponential backoff ({@link org.fundwatch.stream.sink.webhook.WebhookDispatcher}).
 *
 * <p>{@link org.fundwatch.stream.sink.webhook.WebhookSink} is the Flink sink over the same dispatcher; the gateway uses
 * the dispatcher directly.
 *
 * <p><b>Why at-least-once, and how receivers get effectively-once.</b> Exactly-once delivery over HTTP is impossible:
 * when a POST times out or the connection drops after the receiver processed it but before its 2xx reached us, the
 * sender cannot tell "not received" from "received, answer lost" — it must either resend (possible duplicate) or give
 * up (possible loss). We resend, and a Flink restore re-sends everything not yet acknowledged at the last checkpoint.
 * Every request carries the deterministic alert id ({@code X-Fundwatch-Alert-Id}, the same for every retry, replay
 * and restart), so a receiver that stores the ids it has processed and ignores repeats sees each warning exactly
 * once in effect.
 */
package org.fundwatch.stream.sink.webhook;
