package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client framing against a plain ServerSocket that does what ethrex's server does. */
@ExtendWith(VertxExtension.class)
class ProtocolClientTest {

  private static final ProtocolLimits LIMITS =
      new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofMillis(300), 4);

  /** Serves one connection: reads to EOF, records what came, answers {@code reply}. */
  private static CompletableFuture<String> serveOnce(ServerSocket listener, String reply, boolean answer) {
    return CompletableFuture.supplyAsync(() -> {
      try (Socket socket = listener.accept()) {
        socket.setSoTimeout(5000);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        // read() returning -1 here proves the client half-closed: the connection is still open.
        socket.getInputStream().transferTo(received);
        if (answer) {
          socket.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
          Thread.sleep(50);
        } else {
          Thread.sleep(1000);
        }
        return received.toString(StandardCharsets.UTF_8);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void writesHalfClosesAndReadsTheReply(Vertx vertx) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var received = serveOnce(listener, "{\"Response\":{\"block_number\":null,\"input\":null}}", true);
      ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", listener.getLocalPort(), LIMITS);
      assertThat(client.exchange(new ProofData.Request(5)).await(5, TimeUnit.SECONDS))
          .isEqualTo(ProofData.Response.empty());
      assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo("{\"Request\":{\"block_number\":5}}");
    }
  }

  @Test
  void failsOnAGarbageReply(Vertx vertx) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      serveOnce(listener, "<html>oops</html>", true);
      ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", listener.getLocalPort(), LIMITS);
      assertThatThrownBy(() -> client.exchange(new ProofData.Request(5)).await(5, TimeUnit.SECONDS))
          .hasMessageContaining("not valid JSON");
    }
  }

  @Test
  void failsWhenTheServerNeverAnswers(Vertx vertx) throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      serveOnce(listener, "", false);
      ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", listener.getLocalPort(), LIMITS);
      assertThatThrownBy(() -> client.exchange(new ProofData.Request(5)).await(5, TimeUnit.SECONDS))
          .hasMessageContaining("no data for 300 ms");
    }
  }

  @Test
  void failsOnAReplyWhoseTreeWouldTakeFarMoreMemoryThanItsBytes(Vertx vertx) throws Exception {
    // 1000 bytes, within the limit of 1024, but thousands of heap bytes beyond 4 times it.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      serveOnce(listener, "[" + "{},".repeat(332) + "{}]", true);
      ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", listener.getLocalPort(), LIMITS);
      assertThatThrownBy(() -> client.exchange(new ProofData.Request(5)).await(5, TimeUnit.SECONDS))
          .hasMessageContaining("the reply would take more than 4096 bytes of memory");
    }
  }

  @Test
  void failsWhenNothingListens(Vertx vertx) throws Exception {
    int port;
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = listener.getLocalPort();
    }
    ProtocolClient client = new ProtocolClient(vertx, "127.0.0.1", port, LIMITS);
    assertThatThrownBy(() -> client.exchange(new ProofData.Request(5)).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("Connection refused");
  }
}
