package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server framing seen from a plain java.net.Socket, as ethrex's client and others talk to it. */
class ProtocolServerTest {

  private static final String ACK = "{\"SubmitAck\":{\"block_header\":{\"number\":\"0x5\"}}}";
  private static final ProofData ACK_MESSAGE = new ProofData.SubmitAck(new JsonObject().put("number", "0x5"));

  private Vertx vertx;
  private ProtocolServer server;
  private final ConnectionStats serverStats = new ConnectionStats();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    ProtocolLimits limits = new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofMillis(300), 4);
    // The reply comes after an asynchronous step, which is what a plain NetServer loses on half-close.
    server = new ProtocolServer(vertx, limits, serverStats, message -> {
      if (message instanceof ProofData.Request) {
        return Future.<ProofData>future(p -> vertx.setTimer(20, id ->
            p.complete(ACK_MESSAGE)));
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
    // Counted for /metrics (the empty connection is no bad message); logged at most once per interval.
    assertThat(serverStats.badMessages()).isEqualTo(5);
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
  void aNewcomerBeyondTheCapClosesTheConnectionIncompleteTheLongest() throws Exception {
    // Idle connections that would be kept for a minute: the oldest can only end early through the cap.
    ConnectionStats stats = new ConnectionStats();
    ProtocolServer patient = patientServer(4, stats, message -> Future.succeededFuture(ACK_MESSAGE));
    Socket[] idle = new Socket[4];
    try {
      for (int i = 0; i < idle.length; i++) {
        idle[i] = connect(patient.actualPort());
      }
      idle[1].getOutputStream().write("{\"Request\"".getBytes(StandardCharsets.UTF_8));
      assertThat(exchange(patient.actualPort(), "{\"Request\":{\"block_number\":5}}", true)).isEqualTo(ACK);
      // The oldest (the first, which sent nothing) made room; the others are still open.
      assertThat(readToEof(idle[0].getInputStream())).isEmpty();
      assertThat(stats.shed(Shed.EVICTED)).isEqualTo(1);
      assertThat(stats.shed(Shed.REFUSED)).isZero();
    } finally {
      closeAll(idle);
    }
  }

  @Test
  void refusesANewcomerOnlyWhenEverySlotHoldsACompleteMessage() throws Exception {
    ConnectionStats stats = new ConnectionStats();
    CountDownLatch handling = new CountDownLatch(2);
    // Messages that have arrived but whose answer never comes: their slots are not the peers' to lose.
    ProtocolServer stuck = patientServer(2, stats, message -> {
      handling.countDown();
      return Promise.<ProofData>promise().future();
    });
    Socket[] waiting = new Socket[2];
    try {
      for (int i = 0; i < waiting.length; i++) {
        waiting[i] = connect(stuck.actualPort());
        waiting[i].getOutputStream().write("{\"Request\":{\"block_number\":5}}".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(exchange(stuck.actualPort(), "{\"Request\":{\"block_number\":6}}", true)).isEmpty();
      assertThat(stats.shed(Shed.REFUSED)).isEqualTo(1);
      assertThat(stats.open()).isEqualTo(2);
    } finally {
      closeAll(waiting);
    }
  }

  @Test
  void aRealClientIsServedWhileManyIdleAndTricklingConnectionsHoldEverySlot() throws Exception {
    ConnectionStats stats = new ConnectionStats();
    ProtocolServer busy = patientServer(8, stats, message -> Future.succeededFuture(ACK_MESSAGE));
    List<Socket> hostile = new ArrayList<>();
    AtomicBoolean trickling = new AtomicBoolean(true);
    Thread trickler = new Thread(() -> trickle(hostile, trickling));
    try {
      for (int i = 0; i < 24; i++) {
        Socket socket = connect(busy.actualPort());
        if (i % 2 == 0) {
          socket.getOutputStream().write('{');
        }
        synchronized (hostile) {
          hostile.add(socket);
        }
      }
      trickler.start();
      for (int round = 0; round < 3; round++) {
        assertThat(exchange(busy.actualPort(), "{\"Request\":{\"block_number\":5}}", true)).isEqualTo(ACK);
      }
      // 16 hostile ones made room for the other hostile ones, one for the first real exchange;
      // each later one found the slot its predecessor left.
      assertThat(stats.shed(Shed.EVICTED)).isEqualTo(16 + 1);
      assertThat(stats.open()).isLessThanOrEqualTo(8);
    } finally {
      trickling.set(false);
      trickler.join(5000);
      synchronized (hostile) {
        closeAll(hostile.toArray(Socket[]::new));
      }
    }
  }

  /** One byte of whitespace per connection every 20 ms: slowloris, kept up until told to stop. */
  private static void trickle(List<Socket> sockets, AtomicBoolean running) {
    while (running.get()) {
      synchronized (sockets) {
        for (Socket socket : sockets) {
          try {
            socket.getOutputStream().write(' ');
          } catch (IOException closedByTheServer) {
            // expected for evicted connections
          }
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  void aSenderThatTricklesPastTheDeadlineIsClosedLongBeforeTheIdleTimeout() throws Exception {
    ConnectionStats stats = new ConnectionStats();
    ProtocolLimits limits = new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofSeconds(60), 4,
        Duration.ofMillis(300), 1024 * 1024, 4096);
    ProtocolServer deadline = new ProtocolServer(vertx, limits, stats, message -> Future.succeededFuture(ACK_MESSAGE));
    deadline.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    try (Socket socket = connect(deadline.actualPort())) {
      socket.setSoTimeout(20_000);
      AtomicBoolean running = new AtomicBoolean(true);
      Thread trickler = new Thread(() -> trickle(List.of(socket), running));
      trickler.start();
      try {
        // Never a whole message, yet never idle: only the deadline ends it (a read that waited for
        // the idle timeout would fail after 20 s instead).
        assertThat(readToEof(socket.getInputStream())).isEmpty();
      } finally {
        running.set(false);
        trickler.join(5000);
      }
    }
    assertThat(stats.shed(Shed.DEADLINE)).isEqualTo(1);
    assertThat(exchange(deadline.actualPort(), "{\"Request\":{\"block_number\":5}}", true)).isEqualTo(ACK);
  }

  @Test
  void aMessageWhoseHeapWouldCrossTheBudgetAcrossConnectionsIsClosedAtOnce() throws Exception {
    String partial = "{\"Request\":\"" + "x".repeat(468);
    String request = "{\"Request\":{\"block_number\":5}}";
    long holder = heapOf(partial);
    // Two incomplete messages leave room for less than the third.
    ConnectionStats stats = new ConnectionStats();
    ProtocolLimits limits = new ProtocolLimits(512, Duration.ofSeconds(2), Duration.ofSeconds(60), 8,
        Duration.ofSeconds(60), 1024, 2 * holder + heapOf(request) - 1);
    ProtocolServer budgeted = new ProtocolServer(vertx, limits, stats, message -> Future.succeededFuture(ACK_MESSAGE));
    budgeted.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    Socket[] holders = new Socket[2];
    try {
      for (int i = 0; i < holders.length; i++) {
        holders[i] = connect(budgeted.actualPort());
        holders[i].getOutputStream().write(partial.getBytes(StandardCharsets.UTF_8));
      }
      for (int i = 0; i < 500 && stats.bufferedBytes() < 2 * holder; i++) {
        Thread.sleep(10);
      }
      assertThat(stats.bufferedBytes()).isEqualTo(2 * holder);
      assertThat(exchange(budgeted.actualPort(), request, true)).isEmpty();
      assertThat(stats.shed(Shed.OVER_BUDGET)).isEqualTo(1);
      holders[0].close();
      for (int i = 0; i < 500 && stats.bufferedBytes() > holder; i++) {
        Thread.sleep(10);
      }
      assertThat(exchange(budgeted.actualPort(), request, true)).isEqualTo(ACK);
    } finally {
      closeAll(holders);
    }
  }

  private static long heapOf(String bytes) throws ProtocolException {
    JsonValueFramer framer = new JsonValueFramer(1024);
    framer.feed(io.vertx.core.buffer.Buffer.buffer(bytes));
    return framer.heapBytes();
  }

  private ProtocolServer patientServer(int maxConnections, ConnectionStats stats,
      java.util.function.Function<ProofData, Future<ProofData>> handler) throws Exception {
    ProtocolLimits limits = new ProtocolLimits(1024, Duration.ofSeconds(2), Duration.ofSeconds(60), maxConnections,
        Duration.ofSeconds(60), 1024, 1024 * 1024);
    ProtocolServer patient = new ProtocolServer(vertx, limits, stats, handler);
    patient.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    return patient;
  }

  private static void closeAll(Socket[] sockets) throws IOException {
    for (Socket s : sockets) {
      if (s != null) {
        s.close();
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
    return exchange(server.actualPort(), message, halfClose);
  }

  private static String exchange(int port, String message, boolean halfClose) throws IOException {
    try (Socket socket = connect(port)) {
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
