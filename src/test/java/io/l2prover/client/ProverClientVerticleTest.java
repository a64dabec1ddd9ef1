package io.l2prover.client;

import static io.l2prover.client.ProgressFixtures.acknowledged;
import static io.l2prover.client.ProgressFixtures.recordProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.Services;
import io.l2prover.health.HealthStatus;
import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProtocolClient;
import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolServer;
import io.l2prover.proving.DevProver;
import io.l2prover.proving.Prover;
import io.l2prover.proving.ProvingJob;
import io.l2prover.proving.ProvingVerticle;
import io.l2prover.proving.TestProvers;
import io.l2prover.server.ProofStore;
import io.l2prover.server.ProvableChainSource;
import io.l2prover.server.ProverServerVerticle;
import io.l2prover.server.ServerSettings;
import io.l2prover.server.TestChains;
import io.l2prover.state.ProverState;
import io.l2prover.state.StatePersisterVerticle;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.JsonStateFile;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client loop against a real server over loopback TCP, with faults injected around it. */
class ProverClientVerticleTest {

  private static final ProtocolLimits LIMITS =
      new ProtocolLimits(1 << 20, Duration.ofSeconds(1), Duration.ofSeconds(2), 16);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50));

  @TempDir
  Path clientDir;
  @TempDir
  Path serverDir;

  private final ProvableChainSource chain = TestChains.small(4, 7);
  private final List<Vertx> instances = new ArrayList<>();
  /** Block numbers in the order they were proven, across every client run of a test. */
  private final List<Long> proved = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    // Clients first, so no client connects to a server whose Vert.x is closing.
    Collections.reverse(instances);
    for (Vertx vertx : instances) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private Vertx newVertx() {
    Vertx vertx = Vertx.vertx();
    Services.registerCodecs(vertx.eventBus());
    instances.add(vertx);
    return vertx;
  }

  private ProverServerVerticle startServer(Vertx vertx, int port) throws Exception {
    ProverServerVerticle server = new ProverServerVerticle(chain,
        new ProofStore(serverDir, AtomicFileWriter.durable()), new ServerSettings("127.0.0.1", port, true, LIMITS));
    vertx.deployVerticle(server).await(5, TimeUnit.SECONDS);
    return server;
  }

  /** A client whose prover records every block it proves and fails for blocks above {@code failAbove}. */
  private Future<String> startClient(Vertx vertx, int port, AtomicFileWriter disk, long failAbove) {
    Prover counting = TestProvers.of(job -> {
      if (job.blockNumber() > failAbove) {
        throw new IllegalStateException("this prover stops at block " + failAbove);
      }
      proved.add(job.blockNumber());
      return new DevProver().prove(job);
    });
    return startClient(vertx, settings(port), clientDir, disk, counting);
  }

  private static ClientSettings settings(int port) {
    return new ClientSettings("127.0.0.1", port, Duration.ofMillis(20), FAST, 3, Duration.ofSeconds(5), LIMITS);
  }

  private static Future<String> startClient(Vertx vertx, ClientSettings settings, Path dir, AtomicFileWriter disk,
      Prover prover) {
    return vertx.deployVerticle(new StatePersisterVerticle(dir, disk))
        .compose(id -> vertx.deployVerticle(new ProvingVerticle(prover),
            new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)))
        .compose(id -> vertx.deployVerticle(new ProverClientVerticle(settings)));
  }

  private Future<String> startClient(Vertx vertx, int port) {
    return startClient(vertx, port, AtomicFileWriter.durable(), Long.MAX_VALUE);
  }

  private long savedBlock() throws Exception {
    return savedBlock(clientDir);
  }

  private static long savedBlock(Path dir) throws Exception {
    return new JsonStateFile<>(dir.resolve(StatePersisterVerticle.FILE_NAME), AtomicFileWriter.durable(),
        ProverState::fromJson, ProverState::toJson, "").load().orElseThrow().lastProvenBlock().orElseThrow();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void provesEveryBlockOnceOverLoopback() throws Exception {
    Vertx vertx = newVertx();
    ProverServerVerticle server = startServer(vertx, 0);
    var done = acknowledged(vertx, 4);
    startClient(vertx, server.actualPort()).await(5, TimeUnit.SECONDS);
    done.get(10, TimeUnit.SECONDS);
    assertThat(proved).containsExactly(1L, 2L, 3L, 4L);
    assertThat(savedBlock()).isEqualTo(4);
  }

  @Test
  void aRestartedClientResumesAtTheNextBlockWithoutReproving() throws Exception {
    Vertx serverVertx = newVertx();
    ProverServerVerticle server = startServer(serverVertx, 0);

    Vertx first = newVertx();
    var twoDone = acknowledged(first, 2);
    startClient(first, server.actualPort(), AtomicFileWriter.durable(), 2).await(5, TimeUnit.SECONDS);
    twoDone.get(10, TimeUnit.SECONDS);
    first.close().await(10, TimeUnit.SECONDS);
    assertThat(savedBlock()).isEqualTo(2);

    Vertx second = newVertx();
    List<ProgressEvent> events = recordProgress(second);
    var allDone = acknowledged(second, 4);
    startClient(second, server.actualPort()).await(5, TimeUnit.SECONDS);
    allDone.get(10, TimeUnit.SECONDS);
    assertThat(events.get(0)).extracting(ProgressEvent::blockNumber, ProgressEvent::phase)
        .containsExactly(3L, ProgressEvent.Phase.RECEIVED);
    assertThat(proved).containsExactly(1L, 2L, 3L, 4L);

    // Restarted once more after the last block: nothing left, nothing proven again.
    second.close().await(10, TimeUnit.SECONDS);
    Vertx third = newVertx();
    List<ProgressEvent> idle = recordProgress(third);
    startClient(third, server.actualPort()).await(5, TimeUnit.SECONDS);
    waitFor(() -> !idle.isEmpty());
    assertThat(idle.get(0)).extracting(ProgressEvent::blockNumber, ProgressEvent::phase)
        .containsExactly(5L, ProgressEvent.Phase.IDLE);
    assertThat(proved).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aBlockWhoseProvingKeepsFailingIsRetriedWithGrowingDelays() throws Exception {
    int port = freePort();
    Vertx serverVertx = newVertx();
    Vertx clientVertx = newVertx();
    startServer(serverVertx, port);
    List<ProgressEvent> events = recordProgress(clientVertx);
    startClient(clientVertx, port, AtomicFileWriter.durable(), 0).await(5, TimeUnit.SECONDS);
    waitFor(() -> events.stream().filter(e -> e.phase() == ProgressEvent.Phase.RETRY).count() >= 4);
    // Each retry fetches the block again (a successful Response): that must not reset the backoff.
    assertThat(events.stream().filter(e -> e.phase() == ProgressEvent.Phase.RETRY).limit(4).map(ProgressEvent::millis))
        .containsExactly(10L, 20L, 40L, 50L);
    assertThat(proved).isEmpty();
  }

  @Test
  void aClientStartedBeforeItsServerWaitsForIt() throws Exception {
    int port = freePort();
    // Created first so that it is closed last: the client must not outlive its server's Vert.x.
    Vertx serverVertx = newVertx();
    Vertx clientVertx = newVertx();
    List<ProgressEvent> events = recordProgress(clientVertx);
    var done = acknowledged(clientVertx, 4);
    startClient(clientVertx, port).await(5, TimeUnit.SECONDS);
    waitFor(() -> events.stream().filter(e -> e.phase() == ProgressEvent.Phase.RETRY).count() >= 2);
    startServer(serverVertx, port);
    done.get(10, TimeUnit.SECONDS);
    assertThat(proved).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void aServerThatDiesBetweenSubmitAndAckGetsTheSameReceiptAgain() throws Exception {
    Vertx vertx = newVertx();
    ProverServerVerticle server = startServer(vertx, 0);
    ProtocolClient upstream = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), LIMITS);
    List<ProofData.Submit> submits = new CopyOnWriteArrayList<>();
    AtomicInteger dropped = new AtomicInteger();
    // In front of the server: the first Submit of block 2 is stored but its ack never leaves (the
    // server died after persisting); the first Submit of block 3 never arrives (it died before).
    ProtocolServer flaky = new ProtocolServer(vertx, LIMITS, new io.l2prover.protocol.ConnectionStats(), message -> {
      if (message instanceof ProofData.Submit submit) {
        submits.add(submit);
        long sameBlock = submits.stream().filter(s -> s.blockNumber() == submit.blockNumber()).count();
        if (sameBlock == 1 && submit.blockNumber() == 2) {
          dropped.incrementAndGet();
          return upstream.exchange(message).compose(ack -> Future.failedFuture("server died before the ack"));
        }
        if (sameBlock == 1 && submit.blockNumber() == 3) {
          dropped.incrementAndGet();
          return Future.failedFuture("server died before storing");
        }
      }
      return upstream.exchange(message);
    });
    flaky.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    var done = acknowledged(vertx, 4);
    startClient(vertx, flaky.actualPort()).await(5, TimeUnit.SECONDS);
    done.get(10, TimeUnit.SECONDS);

    assertThat(dropped.get()).isEqualTo(2);
    assertThat(proved).containsExactly(1L, 2L, 3L, 4L);
    assertThat(submits).extracting(ProofData.Submit::blockNumber).containsExactly(1L, 2L, 2L, 3L, 3L, 4L);
    assertThat(submits.get(1)).isEqualTo(submits.get(2));
    assertThat(submits.get(3)).isEqualTo(submits.get(4));
  }

  @Test
  void adoptsTheBlockTheServerHandsOut() throws Exception {
    Vertx vertx = newVertx();
    ProverServerVerticle server = startServer(vertx, 0);
    ProtocolClient direct = new ProtocolClient(vertx, "127.0.0.1", server.actualPort(), LIMITS);
    for (long block = 1; block <= 2; block++) {
      direct.exchange(new ProofData.Submit(block, new DevProver().prove(new ProvingJob(block, chain.input(block)))))
          .await(5, TimeUnit.SECONDS);
    }
    List<ProgressEvent> events = recordProgress(vertx);
    var done = acknowledged(vertx, 4);
    startClient(vertx, server.actualPort()).await(5, TimeUnit.SECONDS);
    done.get(10, TimeUnit.SECONDS);
    assertThat(events.get(0)).extracting(ProgressEvent::blockNumber).isEqualTo(3L);
    assertThat(proved).containsExactly(3L, 4L);
  }

  @Test
  void aFullDiskDelaysTheSaveButLosesNothing() throws Exception {
    Vertx vertx = newVertx();
    ProverServerVerticle server = startServer(vertx, 0);
    AtomicInteger failuresLeft = new AtomicInteger(3);
    AtomicFileWriter durable = AtomicFileWriter.durable();
    AtomicFileWriter disk = (target, content) -> {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IOException("No space left on device");
      }
      durable.write(target, content);
    };
    var done = acknowledged(vertx, 4);
    startClient(vertx, server.actualPort(), disk, Long.MAX_VALUE).await(5, TimeUnit.SECONDS);
    done.get(10, TimeUnit.SECONDS);
    assertThat(proved).containsExactly(1L, 2L, 3L, 4L);
    assertThat(savedBlock()).isEqualTo(4);
  }

  @Test
  void aCorruptStateFileStopsTheClientWithTheFileName() throws Exception {
    Files.writeString(clientDir.resolve(StatePersisterVerticle.FILE_NAME), "{\"block_header\":");
    Vertx vertx = newVertx();
    assertThatThrownBy(() -> startClient(vertx, freePort()).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("cannot start the prover client")
        .hasMessageContaining(clientDir.resolve(StatePersisterVerticle.FILE_NAME).toString());
    assertThat(proved).isEmpty();
  }

  @Test
  void aStateFileAtTheLargestBlockNumberStopsTheClientAndIsNotReady() throws Exception {
    Path state = clientDir.resolve(StatePersisterVerticle.FILE_NAME);
    Files.writeString(state, "{\"block_header\":{\"number\":\"0x7fffffffffffffff\"}}");
    Vertx vertx = newVertx();
    assertThatThrownBy(() -> startClient(vertx, freePort()).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("cannot start the prover client")
        .hasMessageContaining(state.toString())
        .hasMessageContaining("there is no next block to prove");
    HealthStatus health = StatePersisterVerticle.health(clientDir).check(vertx).await(5, TimeUnit.SECONDS);
    assertThat(health.up()).isFalse();
    assertThat(health.detail()).contains("there is no next block to prove");
    assertThat(proved).isEmpty();
  }

  @Test
  void aBlockBelowTheStateIsProvenAndTheStateNeverMovesBack() throws Exception {
    new JsonStateFile<>(clientDir.resolve(StatePersisterVerticle.FILE_NAME), AtomicFileWriter.durable(),
        ProverState::fromJson, ProverState::toJson, "").save(ProverState.afterAck(chain.header(3)));
    Vertx vertx = newVertx();
    // A server whose lease on block 1 (another prover's) expired hands it out once, then has nothing.
    List<ProofData> received = new CopyOnWriteArrayList<>();
    AtomicInteger handedOut = new AtomicInteger();
    ProtocolServer server = new ProtocolServer(vertx, LIMITS, new io.l2prover.protocol.ConnectionStats(), message -> {
      received.add(message);
      if (message instanceof ProofData.Submit submit && submit.blockNumber() == 1) {
        return Future.succeededFuture(new ProofData.SubmitAck(chain.header(1)));
      }
      return Future.succeededFuture(handedOut.getAndIncrement() == 0
          ? new ProofData.Response(1L, chain.input(1))
          : ProofData.Response.empty());
    });
    server.listen("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
    var done = acknowledged(vertx, 1);
    startClient(vertx, server.actualPort()).await(5, TimeUnit.SECONDS);
    done.get(10, TimeUnit.SECONDS);
    waitFor(() -> received.size() >= 3);
    assertThat(proved).containsExactly(1L);
    assertThat(savedBlock()).isEqualTo(3);
    assertThat(received.get(0)).isEqualTo(new ProofData.Request(4));
    assertThat(received.get(1)).isInstanceOf(ProofData.Submit.class);
    assertThat(received.get(2)).as("after the lower block, the client asks from its state on").isEqualTo(
        new ProofData.Request(4));
  }

  @Test
  void twoClientsProveDifferentBlocksAtOnceAndNothingTwice(@TempDir Path otherDir) throws Exception {
    Vertx serverVertx = newVertx();
    ProverServerVerticle server = startServer(serverVertx, 0);
    // Each prover waits until the other one is proving too: two blocks are leased at once.
    CountDownLatch bothProving = new CountDownLatch(2);
    AtomicInteger together = new AtomicInteger();
    List<Long> provedByA = new CopyOnWriteArrayList<>();
    List<Long> provedByB = new CopyOnWriteArrayList<>();
    Vertx a = newVertx();
    Vertx b = newVertx();
    var aIdle = idle(a);
    var bIdle = idle(b);
    startClient(a, settings(server.actualPort()).withProverId("a"), clientDir, AtomicFileWriter.durable(),
        waitingForTheOther(provedByA, bothProving, together)).await(5, TimeUnit.SECONDS);
    startClient(b, settings(server.actualPort()).withProverId("b"), otherDir, AtomicFileWriter.durable(),
        waitingForTheOther(provedByB, bothProving, together)).await(5, TimeUnit.SECONDS);
    aIdle.get(20, TimeUnit.SECONDS);
    bIdle.get(20, TimeUnit.SECONDS);

    assertThat(together.get()).as("provers that met the other one proving").isEqualTo(2);
    assertThat(provedByA).isNotEmpty().doesNotContainAnyElementsOf(provedByB);
    assertThat(provedByB).isNotEmpty();
    List<Long> all = new ArrayList<>(provedByA);
    all.addAll(provedByB);
    assertThat(all).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    assertThat(server.provenCount()).isEqualTo(4);
    assertThat(savedBlock(clientDir)).isEqualTo(provedByA.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(savedBlock(otherDir)).isEqualTo(provedByB.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  void aBlockLeasedToAClientThatDiedGoesToTheOtherWhenTheLeaseExpires(@TempDir Path otherDir) throws Exception {
    Vertx serverVertx = newVertx();
    ProverServerVerticle server = new ProverServerVerticle(chain, new ProofStore(serverDir, AtomicFileWriter.durable()),
        new ServerSettings("127.0.0.1", 0, true, LIMITS).withLeaseTime(Duration.ofSeconds(1)));
    serverVertx.deployVerticle(server).await(5, TimeUnit.SECONDS);
    int port = server.actualPort();

    // Client "dead" takes block 1 and dies while proving it.
    Vertx dead = Vertx.vertx();
    Services.registerCodecs(dead.eventBus());
    CompletableFuture<Long> taken = new CompletableFuture<>();
    CountDownLatch killed = new CountDownLatch(1);
    startClient(dead, settings(port).withProverId("dead"), clientDir, AtomicFileWriter.durable(),
        TestProvers.of(job -> {
          taken.complete(job.blockNumber());
          killed.await(10, TimeUnit.SECONDS);
          throw new IllegalStateException("killed while proving");
        })).await(5, TimeUnit.SECONDS);
    assertThat(taken.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    Future<Void> closed = dead.close();
    killed.countDown();
    closed.await(10, TimeUnit.SECONDS);

    Vertx alive = newVertx();
    var done = CompletableFuture.allOf(acknowledged(alive, 1), acknowledged(alive, 2), acknowledged(alive, 3),
        acknowledged(alive, 4));
    startClient(alive, settings(port).withProverId("alive"), otherDir, AtomicFileWriter.durable(),
        TestProvers.of(job -> {
          proved.add(job.blockNumber());
          return new DevProver().prove(job);
        })).await(5, TimeUnit.SECONDS);
    done.get(20, TimeUnit.SECONDS);
    // Block 1 comes last unless this machine took longer than the lease to start "alive".
    assertThat(proved).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    assertThat(server.provenCount()).isEqualTo(4);
    assertThat(savedBlock(otherDir)).as("the highest block, whatever the order of the acks").isEqualTo(4);
    assertThat(Files.exists(clientDir.resolve(StatePersisterVerticle.FILE_NAME))).isFalse();
  }

  /** Completes at the client's first IDLE event: the server had nothing left for it. */
  private static CompletableFuture<Void> idle(Vertx vertx) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.eventBus().<ProgressEvent>consumer(io.l2prover.bus.Addresses.PROGRESS, m -> {
      if (m.body().phase() == ProgressEvent.Phase.IDLE) {
        done.complete(null);
      }
    });
    return done;
  }

  /** Records each block; the first job of each waits (up to 10 s) until the other prover has a job too. */
  private static Prover waitingForTheOther(List<Long> proved, CountDownLatch bothProving, AtomicInteger together) {
    return TestProvers.of(job -> {
      if (proved.isEmpty()) {
        bothProving.countDown();
        if (bothProving.await(10, TimeUnit.SECONDS)) {
          together.incrementAndGet();
        }
      }
      proved.add(job.blockNumber());
      return new DevProver().prove(job);
    });
  }

  /** Polls a condition for up to 10 s. */
  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
  }

  @BeforeEach
  void noProofsYet() {
    assertThat(Collections.unmodifiableList(proved)).isEmpty();
  }
}
