package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins down the Vert.x 5 behaviour {@link HalfClose} exists for: a plain NetServer loses a reply
 * written after the peer half-closed; with half-closure allowed the reply arrives.
 */
@ExtendWith(VertxExtension.class)
class HalfCloseTest {

  @Test
  void aPlainServerLosesALateReplyAndAHalfCloseAwareOneDeliversIt(Vertx vertx) throws Exception {
    assertThat(exchangeWith(vertx, socket -> { })).isEmpty();
    assertThat(exchangeWith(vertx, socket -> HalfClose.allowHalfClosure(socket, () -> { }))).isEqualTo("late reply");
  }

  @Test
  void reportsThePeersHalfClose(Vertx vertx) throws Exception {
    var seen = new java.util.concurrent.CompletableFuture<Boolean>();
    exchangeWith(vertx, socket -> HalfClose.allowHalfClosure(socket, () -> seen.complete(true)));
    assertThat(seen.get(5, TimeUnit.SECONDS)).isTrue();
  }

  /** A server that answers 100 ms after the request's first bytes, after the client's FIN. */
  private static String exchangeWith(Vertx vertx, Consumer<NetSocket> onConnect) throws Exception {
    NetServer server = vertx.createNetServer().connectHandler(socket -> {
      onConnect.accept(socket);
      socket.handler(data -> vertx.setTimer(100, id -> socket.write(Buffer.buffer("late reply"))
          .onComplete(ar -> socket.close())));
    });
    server.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 2000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(reply);
      } catch (IOException e) {
        // a reset is an empty reply as well
      }
      return reply.toString(StandardCharsets.UTF_8);
    } finally {
      server.close().await(5, TimeUnit.SECONDS);
    }
  }
}
