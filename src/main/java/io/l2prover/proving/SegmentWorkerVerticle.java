package io.l2prover.proving;

import io.l2prover.bus.Addresses;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.SegmentProver;
import io.l2prover.zkvm.rv32im.SegmentWork;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves segments from {@link Addresses#PROVE_SEGMENT}, one at a time per instance (deploy N
 * worker instances to prove N at once). Phase 1 ("commit") replays the segment, commits its main
 * traces, keeps that state by job id and answers the digest; phase 2 ("finish") proves it under
 * the challenges it is given, after redoing phase 1 when it no longer holds the state (another
 * instance or node did phase 1, or it was evicted). A redone phase 1 whose digest differs from
 * the one the coordinator drew its challenges from is refused: one of the two nodes is faulty.
 * Phase 2 requests also reach the instance's own address, where the coordinator sends them first.
 */
public final class SegmentWorkerVerticle extends VerticleBase {

  /** Failure code of a segment reply whose work failed. */
  public static final int FAILURE_CODE = 500;
  /** Failure code of a finish whose redone phase 1 gave another digest. */
  public static final int DIGEST_MISMATCH = 409;
  /** Phase-1 states one instance keeps; older ones are dropped (their phase 2 redoes phase 1). */
  static final int MAX_HELD = 16;

  private static final Logger LOG = LoggerFactory.getLogger(SegmentWorkerVerticle.class);

  private final Map<ImageId, Program> programs;
  private final SegmentProver prover;
  private final String worker;
  private final String address;
  private final Map<String, SegmentProver.Committed> held = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SegmentProver.Committed> eldest) {
      return size() > MAX_HELD;
    }
  };

  /**
   * @param programs the guests this worker proves, by image ID
   * @param node names this process in logs and replies (which node proved which segment)
   */
  public SegmentWorkerVerticle(Map<ImageId, Program> programs, ComputeBackend backend, String node) {
    this.programs = Map.copyOf(programs);
    String id = UUID.randomUUID().toString().substring(0, 8);
    this.worker = node + "/" + id;
    this.prover = new SegmentProver(Objects.requireNonNull(backend, "backend"), (segment, reason) ->
        vertx.eventBus().publish(Addresses.DEVICE_CHECK_FAILURES, new JsonObject().put("segment", segment)
            .put("worker", worker).put("reason", reason), Addresses.localOnly()));
    this.address = Addresses.PROVE_SEGMENT + "." + id;
  }

  @Override
  public Future<?> start() {
    if (context.threadingModel() != ThreadingModel.WORKER) {
      return Future.failedFuture("SegmentWorkerVerticle must be deployed with ThreadingModel.WORKER (it blocks while"
          + " proving), not " + context.threadingModel());
    }
    return Future.all(vertx.eventBus().<JsonObject>consumer(Addresses.PROVE_SEGMENT, this::handle).completion(),
        vertx.eventBus().<JsonObject>consumer(address, this::handle).completion());
  }

  private void handle(Message<JsonObject> message) {
    JsonObject request = message.body();
    String job = request.getString("job");
    try {
      Program program = programs.get(ImageId.fromHex(request.getString("image_id")));
      if (program == null) {
        message.fail(FAILURE_CODE, worker + " does not know image " + request.getString("image_id"));
        return;
      }
      byte[] input = request.getBinary("input");
      SegmentWork work = SegmentWorkCodec.decode(request.getBinary("work"));
      long started = System.nanoTime();
      if (SegmentMessages.COMMIT.equals(request.getString("op"))) {
        SegmentProver.Committed committed = prover.commit(program, input, work);
        held.put(job, committed);
        LOG.debug("{}: committed segment {} in {} ms", job, work.segment().index(), millisSince(started));
        message.reply(SegmentMessages.commitReply(worker, address, committed.digest()));
        return;
      }
      Digest expected = SegmentMessages.digest(request.getJsonArray("digest"));
      SegmentProver.Committed committed = held.remove(job);
      if (committed == null) {
        committed = prover.commit(program, input, work);
      }
      if (!committed.digest().equals(expected)) {
        LOG.warn("{}: phase 1 here gives digest {}, the coordinator's challenges were drawn from {}: refusing",
            job, committed.digest(), expected);
        message.fail(DIGEST_MISMATCH, worker + ": segment " + work.segment().index() + " commits to "
            + committed.digest() + " here, not " + expected);
        return;
      }
      byte[] proof = ProofCodec.encode(prover.finish(committed, SegmentMessages.challenges(
          request.getJsonArray("challenges"))));
      LOG.info("{}: segment {} ({} cycles) proven by {} in {} ms", job, work.segment().index(), work.segment().cycles(),
          worker, millisSince(started));
      message.reply(SegmentMessages.finishReply(worker, address, proof));
    } catch (RuntimeException e) {
      LOG.error("{}: segment failed on {}: {}", job, worker, e.getMessage());
      LOG.debug("{}: segment failure", job, e);
      message.fail(FAILURE_CODE, worker + ": " + e.getMessage());
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
