package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server framing seen from a plain java.net.Socket, as ethrex's client and others talk to it. */
class ProtocolServerTest {

  private static final String ACK = "{\"SubmitAck\":{\"block_header\":{\"number\":\"0x5\"}}}";

  private Vertx vertx;
  private ProtocolServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    ProtocolLimits limits = new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofMillis(300), 4);
    // The reply comes after an asynchronous step, which is what a plain NetServer loses on half-close.
    server = new ProtocolServer(vertx, limits, message -> {
      if (message instanceof ProofData.Request) {
        return Future.<ProofData>future(p -> vertx.setTimer(20, id ->
            p.complete(new ProofData.SubmitAck(new JsonObject().put("number", "0x5")))));
      }
      return Future.failedFuture("unexpected " + message.variant());
    });
    server.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void answersAClientThatHalfClosesAndReadsToEof() throws Exception {
    assertThat(exchange("{\"Request\":{\"block_number\":5}}", true)).isEqualTo(ACK);
  }

  @Test
  void answersAClientThatKeepsItsWriteSideOpen() throws Exception {
    assertThat(exchange("{\"Request\":{\"block_number\":5}}", false)).isEqualTo(ACK);
  }

  @Test
  void answersAMessageSentOneByteAtATime() throws Exception {
    try (Socket socket = connect()) {
      for (byte b : "{\"Request\": {\"block_number\": 5}}".getBytes(StandardCharsets.UTF_8)) {
        socket.getOutputStream().write(b);
        socket.getOutputStream().flush();
      }
      socket.shutdownOutput();
      assertThat(readToEof(socket.getInputStream())).isEqualTo(ACK);
    }
  }

  @Test
  void closesWithoutReplyOnGarbageTruncationOversizeAndUnknownVariantThenKeepsServing() throws Exception {
    assertThat(exchange("this is not json", true)).isEmpty();
    assertThat(exchange("{\"Request\":{\"block_num", true)).isEmpty();
    assertThat(exchange("{\"Request\":\"" + "x".repeat(2000) + "\"}", true)).isEmpty();
    assertThat(exchange("{\"Gimme\":{\"block_number\":5}}", true)).isEmpty();
    assertThat(exchange("{\"Request\":{\"block_number\":-1}}", true)).isEmpty();
    assertThat(exchange("", true)).isEmpty();
    assertThat(exchange("{\"Request\":{\"block_number\":5}}", true)).isEqualTo(ACK);
  }

  @Test
  void closesAConnectionThatNeverSends() throws Exception {
    try (Socket socket = connect()) {
      socket.setSoTimeout(5000);
      assertThat(readToEof(socket.getInputStream())).isEmpty();
    }
    assertThat(exchange("{\"Request\":{\"block_number\":5}}", true)).isEqualTo(ACK);
  }

  @Test
  void refusesConnectionsBeyondTheCap() throws Exception {
    // Idle connections that would be kept for a minute: the fifth can only end early through the cap.
    ProtocolServer patient = new ProtocolServer(vertx,
        new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofSeconds(60), 4),
        message -> Future.failedFuture("not used"));
    patient.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    Socket[] idle = new Socket[4];
    try {
      for (int i = 0; i < idle.length; i++) {
        idle[i] = connect(patient.actualPort());
      }
      try (Socket extra = connect(patient.actualPort())) {
        // Closed at once: a read that waited for the idle timeout would fail after 5 s instead.
        assertThat(readToEof(extra.getInputStream())).isEmpty();
      }
    } finally {
      for (Socket s : idle) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private Socket connect() throws IOException {
    return connect(server.actualPort());
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    socket.setSoTimeout(5000);
    return socket;
  }

  private String exchange(String message, boolean halfClose) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      return readToEof(socket.getInputStream());
    }
  }

  private static String readToEof(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      in.transferTo(out);
    } catch (java.net.SocketTimeoutException e) {
      throw e;
    } catch (java.net.SocketException e) {
      // A reset after the server closed on us is also an end of the reply.
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
