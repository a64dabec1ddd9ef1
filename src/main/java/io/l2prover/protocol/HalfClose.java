package io.l2prover.protocol;

import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * TCP half-close for Vert.x sockets, which Vert.x 5.0.7 does not expose: ethrex's framing has
 * the client shut down its write side after the message and read the reply to EOF. The only
 * place in the code base that reaches through {@link NetSocketInternal} to Netty.
 */
public final class HalfClose {

  private HalfClose() {}

  /**
   * Keeps a server-side socket open when its peer half-closes. Without this Netty closes the
   * channel on the peer's FIN and a reply written after any asynchronous step is lost. Must be
   * called in the connect handler, before the first read completes.
   *
   * @param onInputShutdown runs (on the socket's context) when the peer has shut down its output
   */
  public static void allowHalfClosure(NetSocket socket, Runnable onInputShutdown) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    internal.channelHandlerContext().channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
    internal.eventHandler(event -> {
      if (event instanceof ChannelInputShutdownEvent) {
        onInputShutdown.run();
      }
    });
  }

  /** Shuts down the write side of {@code socket} once everything written so far is flushed. */
  public static Future<Void> shutdownOutput(NetSocket socket) {
    NetSocketInternal internal = (NetSocketInternal) socket;
    if (!(internal.channelHandlerContext().channel() instanceof DuplexChannel channel)) {
      return Future.failedFuture("the socket's channel cannot half-close");
    }
    Promise<Void> done = Promise.promise();
    channel.shutdownOutput().addListener(f -> {
      if (f.isSuccess()) {
        done.tryComplete();
      } else {
        done.tryFail(f.cause());
      }
    });
    return done.future();
  }
}
