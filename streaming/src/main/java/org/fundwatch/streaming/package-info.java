/**
 * The Flink job (pre/mid/post-event checks, pack hot-swap, alert sinks) and the hospital gateway. Arrives with the streaming issue.
 */
package org.fundwatch.streaming;
