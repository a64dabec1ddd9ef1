package io.l2prover.protocol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end of the framing: per connection, read one message (to its end or the peer's
 * half-close), hand it to the handler, write the reply, close. A bad message is logged and its
 * connection closed; nothing a peer sends can stop the server. No peer can hold a slot without
 * sending: a message has a deadline that grows with its size, a newcomer beyond the connection
 * cap closes the connection whose message has been incomplete the longest, and the bytes held
 * across all connections stay within a budget. Connections shed this way are counted in
 * {@link ConnectionStats} and logged at most once per {@link #SHED_LOG_INTERVAL}, and so are
 * connections closed for a bad message.
 */
public final class ProtocolServer {

  /** At most one log line per this interval about shed connections. */
  public static final Duration SHED_LOG_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolServer.class);

  private final Vertx vertx;
  private final ProtocolLimits limits;
  private final ConnectionStats stats;
  private final ProtocolTls tls;
  private final Function<ProofData, Future<ProofData>> handler;
  private final LogLimiter shedLog = new LogLimiter(LOG, SHED_LOG_INTERVAL, System::nanoTime);
  /** Bad messages too: a peer sending garbage or forged receipts in a loop must not flood the log. */
  private final LogLimiter badMessageLog = new LogLimiter(LOG, SHED_LOG_INTERVAL, System::nanoTime);
  /** Open connections in the order they were accepted; touched on the server's event loop only. */
  private final Set<Slot> open = new LinkedHashSet<>();
  private long bufferedBytes;
  private NetServer netServer;

  /** One open connection and the heap its message holds against the budget. */
  private final class Slot {
    final MessageReader reader;
    long reserved;

    Slot(NetSocket socket) {
      this.reader = new MessageReader(vertx, socket, limits, MessageReader.Side.SERVER, this::reserve);
    }

    /** Takes (or, when negative, gives back) {@code bytes} of the budget; false when there are not so many left. */
    boolean reserve(long bytes) {
      if (bytes > 0 && bufferedBytes + bytes > limits.bufferBudgetBytes()) {
        return false;
      }
      reserved += bytes;
      bufferedBytes += bytes;
      stats.setBufferedBytes(bufferedBytes);
      return true;
    }

    void release() {
      bufferedBytes -= reserved;
      reserved = 0;
      stats.setBufferedBytes(bufferedBytes);
    }
  }

  /**
   * @param stats where the server counts its connections, for /metrics
   * @param handler answers a message with the reply to write, or fails to send none (the failure
   *     is logged and the connection closed)
   */
  public ProtocolServer(Vertx vertx, ProtocolLimits limits, ConnectionStats stats,
      Function<ProofData, Future<ProofData>> handler) {
    this(vertx, limits, ProtocolTls.off(), stats, handler);
  }

  /** As above, speaking TLS as {@code tls} says. */
  public ProtocolServer(Vertx vertx, ProtocolLimits limits, ProtocolTls tls, ConnectionStats stats,
      Function<ProofData, Future<ProofData>> handler) {
    this.tls = Objects.requireNonNull(tls, "tls");
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** Starts listening; port 0 picks a free port, see {@link #actualPort()}. */
  public Future<Void> listen(String host, int port) {
    netServer = vertx.createNetServer(tls.applyTo(new NetServerOptions().setHost(host).setPort(port)));
    return netServer.connectHandler(this::serve).listen().mapEmpty();
  }

  public int actualPort() {
    return netServer.actualPort();
  }

  public Future<Void> close() {
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }

  private void serve(NetSocket socket) {
    String peer = String.valueOf(socket.remoteAddress());
    if (open.size() >= limits.maxConnections() && !evictOldestIncomplete()) {
      stats.countShed(Shed.REFUSED);
      shedLog.warn("refusing connection from " + peer + ": all " + open.size() + " connections"
          + " (PROVER_SERVER_MAX_CONNECTIONS) hold a complete message");
      socket.close();
      return;
    }
    Slot slot = new Slot(socket);
    open.add(slot);
    stats.setOpen(open.size());
    slot.reader.start()
        .compose(handler)
        .compose(reply -> MessageIo.encode(vertx, reply))
        .compose(socket::write)
        .onFailure(e -> logFailure(peer, e))
        .onComplete(ar -> {
          open.remove(slot);
          stats.setOpen(open.size());
          slot.release();
          socket.close();
        });
  }

  /** Closes the connection whose message has been incomplete the longest; false when every message is complete. */
  private boolean evictOldestIncomplete() {
    for (Iterator<Slot> it = open.iterator(); it.hasNext(); ) {
      Slot slot = it.next();
      if (!slot.reader.finished()) {
        it.remove();
        slot.reader.abort(ProtocolException.shed(Shed.EVICTED, "closed to make room for a new connection: its "
            + "message was incomplete the longest (" + slot.reader.bytesReceived() + " bytes) with all "
            + limits.maxConnections() + " connections (PROVER_SERVER_MAX_CONNECTIONS) open"));
        return true;
      }
    }
    return false;
  }

  /**
   * A connection that never said anything (a TCP health probe, a client shutting down) is no
   * error; one the server shed, or closed for a bad message, is counted and logged at most once
   * per interval (per kind).
   */
  private void logFailure(String peer, Throwable e) {
    if (e instanceof ProtocolException p && p.shed().isPresent()) {
      stats.countShed(p.shed().get());
      shedLog.warn("connection from " + peer + ": " + e.getMessage());
    } else if (e instanceof ProtocolException p && p.isNothingReceived()) {
      LOG.debug("connection from {}: {}", peer, e.getMessage());
    } else {
      stats.countBadMessage();
      badMessageLog.warn("connection from " + peer + ": " + e.getMessage());
    }
  }
}
