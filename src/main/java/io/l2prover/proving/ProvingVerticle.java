package io.l2prover.proving;

import io.l2prover.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zkVM's face on the event bus: consumes {@link Addresses#PROVE} and replies with a
 * {@link ProvingResult}. It must be deployed as a worker ({@code ThreadingModel.WORKER}), one
 * instance per worker thread, and refuses to start otherwise: {@link Prover#prove} blocks for as
 * long as proving takes, and a GPU backend's calls block until the device is done.
 */
public final class ProvingVerticle extends VerticleBase {

  /** Failure code of a {@code prover.prove} reply whose proving failed. */
  public static final int FAILURE_CODE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(ProvingVerticle.class);

  private final Prover prover;

  public ProvingVerticle(Prover prover) {
    this.prover = Objects.requireNonNull(prover, "prover");
  }

  @Override
  public Future<?> start() {
    if (context.threadingModel() != ThreadingModel.WORKER) {
      return Future.failedFuture("ProvingVerticle must be deployed with ThreadingModel.WORKER (it blocks while"
          + " proving), not " + context.threadingModel());
    }
    return vertx.eventBus().<ProvingJob>consumer(Addresses.PROVE, this::prove).completion();
  }

  private void prove(Message<ProvingJob> message) {
    ProvingJob job = message.body();
    long start = System.nanoTime();
    try {
      var receipt = prover.prove(job);
      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info("block {}: {} receipt in {} ms ({} input bytes)", job.blockNumber(), receipt.kind().wireName(),
          millis, job.input().approximateSize());
      message.reply(new ProvingResult(job.blockNumber(), receipt, millis));
    } catch (Exception e) {
      LOG.error("block {}: proving failed: {}", job.blockNumber(), e.getMessage());
      // The message is what an operator needs; the trace, for an unexpected failure, only at debug.
      LOG.debug("block {}: proving failure", job.blockNumber(), e);
      message.fail(FAILURE_CODE, "proving block " + job.blockNumber() + " failed: " + e.getMessage());
    }
  }
}
