package io.l2prover.proving;

import io.l2prover.bus.Addresses;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real mode's face on {@link Addresses#PROVE}: each block's run is proven segment by segment on
 * the {@link SegmentWorkerVerticle}s of this JVM and of the cluster, and replied as a verified
 * {@link ProvingResult}. An event-loop verticle: it waits on the bus and runs its heavy steps
 * (execution, memory proof, checks, assembly) as blocking tasks.
 */
public final class SegmentedProvingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentedProvingVerticle.class);

  private final SegmentedGuest guest;
  private final ComputeBackend backend;
  private final Path dataDir;
  private final SegmentSettings settings;
  private SegmentCoordinator coordinator;

  /** @param dataDir where finished segments are checkpointed ({@code segments/} under it) */
  public SegmentedProvingVerticle(SegmentedGuest guest, ComputeBackend backend, Path dataDir, SegmentSettings settings) {
    this.guest = Objects.requireNonNull(guest, "guest");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Future<?> start() {
    coordinator = new SegmentCoordinator(vertx, guest, backend,
        new SegmentCheckpoints(dataDir, AtomicFileWriter.durable()), settings);
    return vertx.eventBus().<ProvingJob>consumer(Addresses.PROVE, this::prove).completion();
  }

  private void prove(Message<ProvingJob> message) {
    ProvingJob job = message.body();
    long start = System.nanoTime();
    coordinator.prove(job).onComplete(done -> {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (done.succeeded()) {
        message.reply(new ProvingResult(job.blockNumber(), done.result(), millis));
        return;
      }
      LOG.error("block {}: proving failed: {}", job.blockNumber(), done.cause().getMessage());
      LOG.debug("block {}: proving failure", job.blockNumber(), done.cause());
      message.fail(ProvingVerticle.FAILURE_CODE, "proving block " + job.blockNumber() + " failed: "
          + done.cause().getMessage());
    });
  }
}
