package io.l2prover.protocol;

import java.time.Duration;

/**
 * The bounds one connection lives within.
 *
 * @param maxMessageBytes the largest message read, either direction
 * @param connectTimeout how long a client waits for the TCP connection
 * @param idleTimeout how long a connection may go without receiving a byte before it is closed
 *     (a peer that never sends, a server that never answers)
 * @param maxConnections how many connections a server serves at once; more are closed at once
 */
public record ProtocolLimits(long maxMessageBytes, Duration connectTimeout, Duration idleTimeout, int maxConnections) {

  /** 512 MiB: a block's witness can be large. */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 512L * 1024 * 1024;

  public ProtocolLimits {
    if (maxMessageBytes <= 0 || maxMessageBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxMessageBytes must be between 1 and " + Integer.MAX_VALUE);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxConnections <= 0) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
  }

  public static ProtocolLimits defaults() {
    return new ProtocolLimits(DEFAULT_MAX_MESSAGE_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(60), 64);
  }
}
