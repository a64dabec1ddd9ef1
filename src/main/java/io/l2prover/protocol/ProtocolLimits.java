package io.l2prover.protocol;

import java.time.Duration;

/**
 * The bounds one side's connections live within.
 *
 * @param maxMessageBytes the largest message this side receives
 * @param connectTimeout how long a client waits for the TCP connection
 * @param idleTimeout how long a connection may go without receiving a byte before it is closed
 *     (a peer that never sends, a server that never answers)
 * @param maxConnections how many connections a server serves at once; a newcomer beyond them
 *     closes the connection whose message has been incomplete the longest, or is closed itself
 *     when every message has arrived
 * @param messageDeadline server: the time a message may take from accept to its last byte, plus
 *     one second per {@code minBytesPerSecond} bytes received
 * @param minBytesPerSecond server: the slowest sustained rate a large message may arrive at
 * @param bufferBudgetBytes server: the heap the messages being received may take across all
 *     connections at once (as {@link JsonValueFramer#heapBytes()} estimates it); a connection whose
 *     next bytes would cross it is closed. At least {@link #HEAP_BYTES_PER_MESSAGE_BYTE} times
 *     {@code maxMessageBytes}, so that the largest message fits on its own
 */
public record ProtocolLimits(long maxMessageBytes, Duration connectTimeout, Duration idleTimeout, int maxConnections,
    Duration messageDeadline, long minBytesPerSecond, long bufferBudgetBytes) {

  /** 512 MiB: a block's witness can be large. */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 512L * 1024 * 1024;
  public static final Duration DEFAULT_MESSAGE_DEADLINE = Duration.ofSeconds(10);
  public static final long DEFAULT_MIN_BYTES_PER_SECOND = 256 * 1024;
  /** The most heap a message byte can take while it is parsed (a long string: see JsonValueFramer). */
  public static final int HEAP_BYTES_PER_MESSAGE_BYTE = 4;

  public ProtocolLimits {
    if (maxMessageBytes <= 0 || maxMessageBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxMessageBytes must be between 1 and " + Integer.MAX_VALUE);
    }
    if (!positive(connectTimeout) || !positive(idleTimeout) || !positive(messageDeadline)) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxConnections <= 0 || minBytesPerSecond <= 0) {
      throw new IllegalArgumentException("maxConnections and minBytesPerSecond must be positive");
    }
    if (bufferBudgetBytes / HEAP_BYTES_PER_MESSAGE_BYTE < maxMessageBytes) {
      throw new IllegalArgumentException("bufferBudgetBytes must be at least " + HEAP_BYTES_PER_MESSAGE_BYTE
          + " times maxMessageBytes");
    }
  }

  /** With the default deadline and rate, and a budget of one largest message. */
  public ProtocolLimits(long maxMessageBytes, Duration connectTimeout, Duration idleTimeout, int maxConnections) {
    this(maxMessageBytes, connectTimeout, idleTimeout, maxConnections, DEFAULT_MESSAGE_DEADLINE,
        DEFAULT_MIN_BYTES_PER_SECOND, HEAP_BYTES_PER_MESSAGE_BYTE * maxMessageBytes);
  }

  public static ProtocolLimits defaults() {
    return new ProtocolLimits(DEFAULT_MAX_MESSAGE_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(60), 64);
  }

  /** How long a message of which {@code bytesReceived} have arrived may take from accept to its end. */
  public long deadlineMillis(long bytesReceived) {
    return messageDeadline.toMillis() + bytesReceived * 1000 / minBytesPerSecond;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
