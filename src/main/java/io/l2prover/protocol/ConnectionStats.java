package io.l2prover.protocol;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link ProtocolServer} reports about its connections: how many are open, how much heap
 * their messages hold, how many it shed and why, and how many it closed for a bad message. Written by the server's event loop, read by
 * /metrics from another thread.
 */
public final class ConnectionStats {

  private final Map<Shed, AtomicLong> shed = new EnumMap<>(Shed.class);
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong bufferedBytes = new AtomicLong();
  private final AtomicLong badMessages = new AtomicLong();

  public ConnectionStats() {
    for (Shed reason : Shed.values()) {
      shed.put(reason, new AtomicLong());
    }
  }

  void countShed(Shed reason) {
    shed.get(reason).incrementAndGet();
  }

  void countBadMessage() {
    badMessages.incrementAndGet();
  }

  void setOpen(long connections) {
    open.set(connections);
  }

  void setBufferedBytes(long bytes) {
    bufferedBytes.set(bytes);
  }

  /** Connections closed so far for {@code reason}. */
  public long shed(Shed reason) {
    return shed.get(reason).get();
  }

  /**
   * Connections closed without a reply for what they sent: garbage, a truncated or oversized
   * message, a message only a server sends, a rejected Submit.
   */
  public long badMessages() {
    return badMessages.get();
  }

  public long open() {
    return open.get();
  }

  /** Estimated heap of the messages received and not yet answered, across all connections. */
  public long bufferedBytes() {
    return bufferedBytes.get();
  }
}
