package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.app.TestCluster;
import io.l2prover.bus.Addresses;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clustered prover-nodes on 127.0.0.1 share the segments of one block: node A coordinates
 * and has one segment worker, node B one more. B takes segments (phase 1) and leaves the cluster
 * when it is first asked to finish one, as a node that dies mid-segment; that segment is sent
 * again after the segment timeout and proven on A, and the block's receipt is made and verified.
 */
class ClusteredSegmentsTest {

  @TempDir
  Path dataDir;

  private final TestCluster nodes = new TestCluster();

  @AfterEach
  void closeNodes() throws Exception {
    nodes.close();
  }

  @Test
  void aNodeThatDiesMidBlockCostsItsSegmentsOnlyAndTheBlockIsProven() throws Exception {
    int portA = TestCluster.freePort();
    int portB = TestCluster.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    String cluster = "l2-prover-segments-" + portA;
    Vertx nodeA = nodes.join(cluster, portA, members);
    Vertx nodeB = nodes.join(cluster, portB, members);
    HelloGuest guest = HelloGuest.INSTANCE;

    AtomicInteger committedOnB = new AtomicInteger();
    AtomicInteger finishesOnB = new AtomicInteger();
    java.util.concurrent.CompletableFuture<Integer> lostOnB = new java.util.concurrent.CompletableFuture<>();
    nodeB.eventBus().addInboundInterceptor(ctx -> {
      if (ctx.message().address().startsWith(Addresses.PROVE_SEGMENT)
          && ctx.message().body() instanceof JsonObject body) {
        if (SegmentMessages.FINISH.equals(body.getString("op")) && finishesOnB.getAndIncrement() == 0) {
          String job = body.getString("job");
          lostOnB.complete(Integer.parseInt(job.substring(job.lastIndexOf(' ') + 1)));
          nodeB.close();
          return;
        }
        if (committedOnB.getAndIncrement() == 0) {
          // Node A's worker joins once B has taken the first segment, so B surely takes one.
          deployWorker(nodeA, guest, "node-A");
        }
      }
      ctx.next();
    });
    deployWorker(nodeB, guest, "node-B").await(30, TimeUnit.SECONDS);
    List<JsonObject> segments = new CopyOnWriteArrayList<>();
    nodeA.eventBus().<JsonObject>localConsumer(Addresses.SEGMENTS, m -> segments.add(m.body()));
    nodeA.deployVerticle(new SegmentedProvingVerticle(guest, new CpuBackend(), dataDir,
        new SegmentSettings(Duration.ofSeconds(25), SegmentSettings.DEFAULT_ATTEMPTS, Duration.ofSeconds(5), 2)))
        .await(30, TimeUnit.SECONDS);

    ProvingResult result = nodeA.eventBus().<ProvingResult>request(Addresses.PROVE,
        new ProvingJob(5, ProvingVerticleTest.input("0xaa")), new DeliveryOptions().setSendTimeout(300_000))
        .await(300, TimeUnit.SECONDS).body();

    assertThat(result.receipt().imageId()).isEqualTo(guest.imageId());
    assertThat(committedOnB.get()).as("phase-1 requests node B took").isPositive();
    assertThat(segments).hasSize(3);
    // The segment B died with was sent again after the segment timeout and proven on A; B may
    // have finished another before it left (the log's last line names the worker of each segment).
    int lost = lostOnB.getNow(-1);
    assertThat(segments).filteredOn(s -> s.getInteger("segment") == lost)
        .singleElement().satisfies(s -> assertThat(s.getString("worker")).startsWith("node-A/"));
  }

  private static io.vertx.core.Future<String> deployWorker(Vertx node, HelloGuest guest, String name) {
    return node.deployVerticle(() -> new SegmentWorkerVerticle(Map.of(guest.imageId(), guest.program()), new CpuBackend(),
        name), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName("segment-workers")
        .setWorkerPoolSize(1).setInstances(1));
  }
}
