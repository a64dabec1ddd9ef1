package io.l2prover.app;

import static io.l2prover.client.ProgressFixtures.acknowledged;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.bus.Addresses;
import io.l2prover.client.Backoff;
import io.l2prover.client.ClientSettings;
import io.l2prover.client.ProgressEvent;
import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.proving.DevProver;
import io.l2prover.proving.Prover;
import io.l2prover.proving.ProvingEngine;
import io.l2prover.proving.ProvingJob;
import io.l2prover.proving.TestProvers;
import io.l2prover.server.ProverServerVerticle;
import io.l2prover.server.ServerSettings;
import io.l2prover.server.SubmitOutcome;
import io.l2prover.server.TestChains;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered Vert.x instances in one JVM on 127.0.0.1, joined by TCP-IP as two hosts would
 * be: node A runs the prover server and a client without proving workers, node B only the
 * proving workers (a prover-node). Every block is proven on B, its job and receipt crossing the
 * cluster through the JSON codecs, and the server accepts every receipt. A job whose node leaves
 * mid-job is asked for again after the client's proving timeout and proven by another node.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusteredProvingTest {

  private static final ProtocolLimits LIMITS = ProtocolLimits.defaults();
  private static final int BLOCKS = 3;

  @TempDir
  Path serverDir;
  @TempDir
  Path clientDir;

  private final TestCluster nodes = new TestCluster();

  @AfterEach
  void closeNodes() throws Exception {
    nodes.close();
  }

  @Test
  void aClientWithoutLocalProvingHasItsBlocksProvenOnAnotherNode() throws Exception {
    int portA = freePort();
    int portB = freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    // A name of its own, so that nothing else on this host (another build) can join.
    String cluster = "l2-prover-test-" + portA;
    Vertx nodeA = join(cluster, portA, members);
    Vertx nodeB = join(cluster, portB, members);

    List<Long> provedOnB = new CopyOnWriteArrayList<>();
    DevProver dev = new DevProver();
    Prover countingOnB = TestProvers.of(job -> {
      provedOnB.add(job.blockNumber());
      return dev.prove(job);
    });
    Services.deployProvingWorkers(nodeB, 2, new ProvingEngine(countingOnB, new CpuBackend()))
        .await(10, TimeUnit.SECONDS);

    List<SubmitOutcome> outcomes = new CopyOnWriteArrayList<>();
    nodeA.eventBus().<SubmitOutcome>consumer(Addresses.SERVER_SUBMITS, m -> outcomes.add(m.body()));
    CompletableFuture<Void> allAcknowledged = acknowledged(nodeA, BLOCKS);
    ProverServerVerticle server = Services.deployServer(nodeA, serverDir,
        new ServerSettings("127.0.0.1", 0, true, LIMITS), TestChains.small(BLOCKS, 1337))
        .await(10, TimeUnit.SECONDS);
    ClientSettings client = new ClientSettings("127.0.0.1", server.actualPort(), Duration.ofMillis(50),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), 3, Duration.ofSeconds(20), LIMITS);
    Services.deployClientWithoutProving(nodeA, clientDir, client).await(10, TimeUnit.SECONDS);

    allAcknowledged.get(45, TimeUnit.SECONDS);
    assertThat(outcomes).extracting(SubmitOutcome::blockNumber).containsExactly(1L, 2L, 3L);
    assertThat(outcomes).allMatch(SubmitOutcome::accepted);
    assertThat(server.provenCount()).isEqualTo(BLOCKS);
    assertThat(provedOnB).as("blocks proven on node B").containsExactly(1L, 2L, 3L);
  }

  @Test
  void aJobLostWithItsNodeIsProvenElsewhereAfterTheProvingTimeout() throws Exception {
    int portA = freePort();
    int portB = freePort();
    int portC = freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB + ",127.0.0.1:" + portC;
    String cluster = "l2-prover-test-" + portA;
    Vertx nodeA = join(cluster, portA, members);
    Vertx nodeB = join(cluster, portB, members);

    // Node B takes block 1 and leaves the cluster without replying, as a node that dies mid-job.
    CompletableFuture<Long> takenByB = new CompletableFuture<>();
    nodeB.eventBus().<ProvingJob>consumer(Addresses.PROVE, m -> takenByB.complete(m.body().blockNumber()))
        .completion().await(10, TimeUnit.SECONDS);

    List<ProgressEvent> progress = new CopyOnWriteArrayList<>();
    nodeA.eventBus().<ProgressEvent>consumer(Addresses.PROGRESS, m -> progress.add(m.body()));
    CompletableFuture<Void> firstAcknowledged = acknowledged(nodeA, 1);
    ProverServerVerticle server = Services.deployServer(nodeA, serverDir,
        new ServerSettings("127.0.0.1", 0, true, LIMITS), TestChains.small(1, 1337))
        .await(10, TimeUnit.SECONDS);
    Duration provingTimeout = Duration.ofSeconds(4);
    ClientSettings client = new ClientSettings("127.0.0.1", server.actualPort(), Duration.ofMillis(50),
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), 3, provingTimeout, LIMITS);
    Services.deployClientWithoutProving(nodeA, clientDir, client).await(10, TimeUnit.SECONDS);
    long sent = System.nanoTime();
    assertThat(takenByB.get(20, TimeUnit.SECONDS)).isEqualTo(1L);
    nodes.remove(nodeB);
    nodeB.close().await(20, TimeUnit.SECONDS);

    Vertx nodeC = join(cluster, portC, members);
    List<Long> provedOnC = new CopyOnWriteArrayList<>();
    DevProver dev = new DevProver();
    Services.deployProvingWorkers(nodeC, 1, new ProvingEngine(TestProvers.of(job -> {
      provedOnC.add(job.blockNumber());
      return dev.prove(job);
    }), new CpuBackend())).await(10, TimeUnit.SECONDS);

    firstAcknowledged.get(40, TimeUnit.SECONDS);
    assertThat(provedOnC).containsExactly(1L);
    assertThat(server.provenCount()).isEqualTo(1);
    ProgressEvent retry = progress.stream().filter(e -> e.phase() == ProgressEvent.Phase.RETRY).findFirst()
        .orElseThrow();
    // Nothing fails the request when its node leaves: the client waits out its proving timeout.
    assertThat(retry.detail()).startsWith("prove block 1").contains("Timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(provingTimeout);
  }

  private Vertx join(String cluster, int port, String members) {
    return nodes.join(cluster, port, members);
  }

  private static int freePort() throws IOException {
    return TestCluster.freePort();
  }
}
