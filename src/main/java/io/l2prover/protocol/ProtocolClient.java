package io.l2prover.protocol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * The client end of the framing: one connection per exchange; write the message, half-close
 * (not over TLS), read the one reply.
 */
public final class ProtocolClient {

  private final Vertx vertx;
  private final NetClient netClient;
  private final String host;
  private final int port;
  private final ProtocolLimits limits;
  private final ProtocolTls tls;

  public ProtocolClient(Vertx vertx, String host, int port, ProtocolLimits limits) {
    this(vertx, host, port, limits, ProtocolTls.off());
  }

  /** As above, speaking TLS as {@code tls} says. */
  public ProtocolClient(Vertx vertx, String host, int port, ProtocolLimits limits, ProtocolTls tls) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.tls = Objects.requireNonNull(tls, "tls");
    this.netClient = vertx.createNetClient(tls.applyTo(new NetClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, limits.connectTimeout().toMillis()))));
  }

  /** "host:port", for log lines. */
  public String endpoint() {
    return host + ":" + port;
  }

  /** Sends {@code message} and returns the server's reply. */
  public Future<ProofData> exchange(ProofData message) {
    return MessageIo.encode(vertx, message).compose(bytes -> netClient.connect(port, host).compose(socket -> {
      Future<ProofData> reply = new MessageReader(vertx, socket, limits, MessageReader.Side.CLIENT, heapLimit()).start();
      // Over TLS the server ends the message at its last byte: a TCP half-close under TLS reads
      // as a truncation attack to the server's TLS engine, so the client keeps its side open.
      socket.write(bytes)
          .compose(v -> tls.enabled() ? Future.<Void>succeededFuture() : HalfClose.shutdownOutput(socket))
          .onFailure(e -> socket.close());
      return reply.andThen(ar -> socket.close());
    }));
  }

  /**
   * One reply may take {@code limits.bufferBudgetBytes()} of heap (4 times the receive limit from
   * the configuration): a reply of {@code [{},{},…]} is cut off long before it could exhaust memory.
   */
  private LongPredicate heapLimit() {
    long[] held = {0};
    return change -> {
      held[0] += change;
      return held[0] <= limits.bufferBudgetBytes();
    };
  }

  public Future<Void> close() {
    return netClient.close();
  }
}
