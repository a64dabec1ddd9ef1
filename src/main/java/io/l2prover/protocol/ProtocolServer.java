package io.l2prover.protocol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server end of the framing: per connection, read one message (to its end or the peer's
 * half-close), hand it to the handler, write the reply, close. A bad message is logged and its
 * connection closed; nothing a peer sends can stop the server.
 */
public final class ProtocolServer {

  private static final Logger LOG = LoggerFactory.getLogger(ProtocolServer.class);

  private final Vertx vertx;
  private final ProtocolLimits limits;
  private final Function<ProofData, Future<ProofData>> handler;
  private NetServer netServer;
  private int openConnections;

  /**
   * @param handler answers a message with the reply to write, or fails to send none (the failure
   *     is logged and the connection closed)
   */
  public ProtocolServer(Vertx vertx, ProtocolLimits limits, Function<ProofData, Future<ProofData>> handler) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** Starts listening; port 0 picks a free port, see {@link #actualPort()}. */
  public Future<Void> listen(String host, int port) {
    netServer = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port));
    return netServer.connectHandler(this::serve).listen().mapEmpty();
  }

  public int actualPort() {
    return netServer.actualPort();
  }

  public Future<Void> close() {
    return netServer == null ? Future.succeededFuture() : netServer.close();
  }

  /** A connection that never said anything (a TCP health probe, a client shutting down) is no error. */
  private static void logFailure(String peer, Throwable e) {
    if (e instanceof ProtocolException p && p.isNothingReceived()) {
      LOG.debug("connection from {}: {}", peer, e.getMessage());
    } else {
      LOG.error("connection from {}: {}", peer, e.getMessage());
    }
  }

  private void serve(NetSocket socket) {
    String peer = String.valueOf(socket.remoteAddress());
    if (openConnections >= limits.maxConnections()) {
      LOG.warn("refusing connection from {}: {} connections open, the limit (PROVER_SERVER_MAX_CONNECTIONS)",
          peer, openConnections);
      socket.close();
      return;
    }
    openConnections++;
    MessageIo.read(vertx, socket, limits, true)
        .compose(handler)
        .compose(reply -> MessageIo.encode(vertx, reply))
        .compose(socket::write)
        .onFailure(e -> logFailure(peer, e))
        .onComplete(ar -> {
          openConnections--;
          socket.close();
        });
  }
}
