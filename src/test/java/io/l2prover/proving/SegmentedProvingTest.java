package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.app.Services;
import io.l2prover.bus.Addresses;
import io.l2prover.zkvm.receipt.CompositeProver;
import io.l2prover.zkvm.receipt.ReceiptFile;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run's segments proven on the segment workers of a JVM: the receipt is the in-process one,
 * a segment a worker swallows is sent again after the segment timeout, and a block cut off after
 * some segments resumes from its checkpoints (a corrupt one is proven again).
 */
class SegmentedProvingTest {

  static final HelloGuest GUEST = HelloGuest.INSTANCE;
  static byte[] inProcess;

  @TempDir
  Path dataDir;

  @BeforeAll
  static void proveInProcess() {
    inProcess = ReceiptFile.encode(new CompositeProver(new CpuBackend())
        .prove(GUEST.program(), new byte[0], GUEST.options(), s -> {}).receipt());
  }

  private static SegmentSettings settings(Duration timeout, int workers) {
    return new SegmentSettings(timeout, SegmentSettings.DEFAULT_ATTEMPTS, Duration.ofSeconds(1), workers);
  }

  private Vertx start(int workers, SegmentSettings settings, List<JsonObject> events) throws Exception {
    Vertx vertx = Vertx.vertx();
    Services.registerCodecs(vertx.eventBus());
    vertx.eventBus().<JsonObject>localConsumer(Addresses.SEGMENTS, m -> events.add(m.body()));
    vertx.deployVerticle(() -> new SegmentWorkerVerticle(Map.of(GUEST.imageId(), GUEST.program()), new CpuBackend(),
        "test-node"),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setWorkerPoolName("segment-workers")
            .setWorkerPoolSize(workers).setInstances(workers)).await(30, TimeUnit.SECONDS);
    vertx.deployVerticle(new SegmentedProvingVerticle(GUEST, new CpuBackend(), dataDir, settings))
        .await(30, TimeUnit.SECONDS);
    return vertx;
  }

  private static byte[] prove(Vertx vertx, long block) throws Exception {
    ProvingResult result = vertx.eventBus().<ProvingResult>request(Addresses.PROVE,
        new ProvingJob(block, ProvingVerticleTest.input("0xaa")),
        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(300_000)).await(300, TimeUnit.SECONDS).body();
    return ReceiptFile.encode(result.receipt());
  }

  private static long count(List<JsonObject> events, String source) {
    return events.stream().filter(e -> e.getString("source").equals(source)).count();
  }

  @Test
  void twoWorkersProveTheSegmentsIntoTheInProcessReceiptAndASwallowedSegmentIsSentAgain() throws Exception {
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    Vertx vertx = start(2, settings(Duration.ofSeconds(15), 2), events);
    try {
      // A node that takes one request and dies with it: it never answers.
      AtomicInteger swallowed = new AtomicInteger();
      var dead = vertx.eventBus().<JsonObject>consumer(Addresses.PROVE_SEGMENT);
      dead.handler(m -> {
        swallowed.incrementAndGet();
        dead.unregister();
      });
      dead.completion().await(10, TimeUnit.SECONDS);
      assertThat(prove(vertx, 7)).isEqualTo(inProcess);
      assertThat(swallowed).hasValue(1);
      assertThat(count(events, "worker")).isEqualTo(3);
      assertThat(events.stream().map(e -> e.getInteger("segment")).sorted().toList()).containsExactly(0, 1, 2);
      try (Stream<Path> left = Files.list(dataDir.resolve("segments"))) {
        assertThat(left).isEmpty();
      }
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aBlockCutOffAfterASegmentResumesFromItsCheckpointsAndReprovesACorruptOne() throws Exception {
    List<JsonObject> first = new CopyOnWriteArrayList<>();
    Vertx vertx = start(1, settings(Duration.ofMinutes(5), 1), first);
    vertx.eventBus().request(Addresses.PROVE, new ProvingJob(9, ProvingVerticleTest.input("0xaa")),
        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(300_000));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (first.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    vertx.close().await(60, TimeUnit.SECONDS);
    Path dir;
    try (Stream<Path> dirs = Files.list(dataDir.resolve("segments"))) {
      dir = dirs.findFirst().orElseThrow();
    }
    List<Path> saved;
    try (Stream<Path> files = Files.list(dir)) {
      saved = files.filter(f -> f.toString().endsWith(".ckpt")).toList();
    }
    assertThat(saved).hasSizeBetween(1, 2);
    // A checkpoint damaged on disk: detected, reported and proven again, never trusted.
    Path corrupt = dir.resolve("segment-2.ckpt");
    int kept = saved.size();
    if (Files.exists(corrupt)) {
      kept--;
    }
    byte[] bytes = Files.readAllBytes(saved.get(0));
    bytes[bytes.length / 2] ^= 1;
    Files.write(corrupt, bytes);

    List<JsonObject> second = new CopyOnWriteArrayList<>();
    Vertx again = start(1, settings(Duration.ofMinutes(5), 1), second);
    try {
      assertThat(prove(again, 9)).isEqualTo(inProcess);
      assertThat(count(second, "checkpoint")).isEqualTo(kept);
      assertThat(count(second, "worker")).isEqualTo(3 - kept);
      assertThat(second.stream().filter(e -> e.getString("source").equals("worker"))
          .map(e -> e.getInteger("segment"))).contains(2);
    } finally {
      again.close().await(30, TimeUnit.SECONDS);
    }
  }
}
