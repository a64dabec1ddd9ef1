package io.l2prover.proving;

import io.l2prover.bus.Addresses;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import io.l2prover.zkvm.receipt.SegmentPlan;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves one block's run segment by segment on the workers of {@link Addresses#PROVE_SEGMENT}:
 * executes it once here and commits the memory proof; resumes from the block's checkpoints;
 * phase 1 of every other segment on the workers gives their digests; the challenges are drawn
 * from all of them as the in-process prover draws them; phase 2 on the workers gives each
 * segment's proof, checked here and checkpointed; the receipt is assembled in order and verified.
 * A segment not answered within the segment timeout, or answered wrongly, is sent again to any
 * worker; only that segment is redone. Runs on its verticle's event loop, heavy steps blocking.
 */
final class SegmentCoordinator {

  private static final Logger LOG = LoggerFactory.getLogger(SegmentCoordinator.class);
  /** The wait before the first resend, doubled per resend: a cluster needs a moment to forget a dead node. */
  private static final long RESEND_DELAY_MS = 500;
  private static final long RESEND_MAX_DELAY_MS = 10_000;

  private final Vertx vertx;
  private final SegmentedGuest guest;
  private final ComputeBackend backend;
  private final SegmentCheckpoints checkpoints;
  private final SegmentSettings settings;
  private final InFlight inFlight;

  SegmentCoordinator(Vertx vertx, SegmentedGuest guest, ComputeBackend backend, SegmentCheckpoints checkpoints,
      SegmentSettings settings) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.guest = Objects.requireNonNull(guest, "guest");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.inFlight = new InFlight(settings.inFlight());
  }

  Future<Receipt> prove(ProvingJob job) {
    return blocking(() -> plan(job)).compose(run -> {
      long timer = vertx.setPeriodic(settings.progressInterval().toMillis(), id -> LOG.info(run.progress()));
      return resume(run)
          .compose(v -> commitMissing(run))
          .compose(v -> drawAndCheck(run))
          .compose(v -> finishMissing(run))
          .compose(v -> blocking(() -> assemble(run)))
          .onComplete(done -> vertx.cancelTimer(timer));
    });
  }

  private BlockRun plan(ProvingJob job) {
    byte[] input = guest.input(job);
    SegmentPlan plan = SegmentPlan.of(backend, guest.program(), input, guest.options());
    guest.accept(plan.execution(), job.blockNumber());
    if (!plan.imageId().equals(guest.imageId())) {
      throw new IllegalStateException("the guest's image ID " + guest.imageId() + " is not the circuit's "
          + plan.imageId());
    }
    BlockRun run = new BlockRun(job, plan, input, SegmentCheckpoints.runKey(guest.imageId(),
        guest.options().po2(), input));
    LOG.info("block {}: {} cycles in {} segments of at most 2^{}; proving them on the workers of {}",
        job.blockNumber(), plan.execution().cycles(), run.segments(), guest.options().po2(), Addresses.PROVE_SEGMENT);
    return run;
  }

  /** A checkpoint read back, with its decoded proof and the digest that proof was committed under. */
  private record Resumed(SegmentCheckpoints.Checkpoint checkpoint, MultiTableProof proof, Digest digest) {}

  /** Reads the block's checkpoints; their digests stand in for phase 1 (their proofs are checked later). */
  private Future<Void> resume(BlockRun run) {
    return blocking(() -> {
      List<Resumed> usable = new ArrayList<>();
      for (SegmentCheckpoints.Checkpoint c : checkpoints.load(run.block(), run.key, run.segments()).values()) {
        try {
          MultiTableProof proof = ProofCodec.decodeMulti(c.proof());
          usable.add(new Resumed(c, proof, run.plan.digestOf(proof)));
        } catch (InvalidProofException e) {
          checkpoints.discard(run.block(), run.key, c.index(), e.getMessage());
        }
      }
      return usable;
    }).map(usable -> {
      for (Resumed r : usable) {
        int k = r.checkpoint().index();
        run.checkpoints.put(k, r.checkpoint());
        run.proofs[k] = r.proof();
        run.digests[k] = r.digest();
      }
      if (!usable.isEmpty()) {
        LOG.info("block {}: resuming: checkpoints of segments {} found", run.block(), run.checkpoints.keySet());
      }
      return null;
    });
  }

  private Future<Void> commitMissing(BlockRun run) {
    List<Future<Void>> sent = new ArrayList<>();
    for (int k = 0; k < run.segments(); k++) {
      if (run.digests[k] == null) {
        int index = k;
        long started = System.nanoTime();
        sent.add(send(run, index, request(run, index, SegmentMessages.COMMIT), Addresses.PROVE_SEGMENT, reply -> {
          run.commitMillis[index] = (System.nanoTime() - started) / 1_000_000;
          run.digests[index] = SegmentMessages.digest(reply.getJsonArray("digest"));
          run.holders[index] = reply.getString("address");
          return Future.succeededFuture();
        }));
      }
    }
    return Future.all(sent).mapEmpty();
  }

  /**
   * Draws the challenges; a checkpoint is used only if it was finished under them and verifies as
   * its segment (under the challenges recomputed from this run). One that does not is reported and
   * proven again, after its phase 1 on a worker (its digest came from the checkpoint), and the
   * challenges are drawn again from the new digests.
   */
  private Future<Void> drawAndCheck(BlockRun run) {
    List<Digest> digests = Arrays.asList(run.digests.clone());
    Map<Integer, SegmentCheckpoints.Checkpoint> pending = Map.copyOf(run.checkpoints);
    Map<Integer, MultiTableProof> proofs = new HashMap<>();
    pending.keySet().forEach(k -> proofs.put(k, run.proofs[k]));
    return blocking(() -> {
      LookupChallenges challenges = run.plan.challenges(digests);
      Map<Integer, String> refused = new TreeMap<>();
      for (var e : pending.entrySet()) {
        int k = e.getKey();
        try {
          if (!e.getValue().challenges().equals(challenges)) {
            throw new InvalidProofException("it was finished under other challenges");
          }
          run.plan.verifySegment(k, proofs.get(k), digests.get(k), challenges);
        } catch (InvalidProofException ex) {
          refused.put(k, ex.getMessage());
        }
      }
      return Map.entry(challenges, refused);
    }).compose(result -> {
      run.challenges = result.getKey();
      Map<Integer, String> refused = result.getValue();
      if (refused.isEmpty()) {
        run.checkpoints.keySet().forEach(k -> {
          run.proved(k, run.proofs[k], "checkpoint", true);
          publish(run, k, "checkpoint", 0);
        });
        run.checkpoints.clear();
        return Future.succeededFuture();
      }
      refused.forEach((k, why) -> {
        checkpoints.discard(run.block(), run.key, k, why);
        run.checkpoints.remove(k);
        run.proofs[k] = null;
        run.digests[k] = null;
      });
      return commitMissing(run).compose(v -> drawAndCheck(run));
    });
  }

  private Future<Void> finishMissing(BlockRun run) {
    List<Future<Void>> sent = new ArrayList<>();
    for (int k = 0; k < run.segments(); k++) {
      if (run.proofs[k] == null) {
        int index = k;
        long started = System.nanoTime();
        JsonObject body = request(run, index, SegmentMessages.FINISH)
            .put("digest", SegmentMessages.digest(run.digests[index]))
            .put("challenges", SegmentMessages.challenges(run.challenges));
        String first = run.holders[index] == null ? Addresses.PROVE_SEGMENT : run.holders[index];
        sent.add(send(run, index, body, first, reply -> accept(run, index, reply, started)));
      }
    }
    return Future.all(sent).mapEmpty();
  }

  /** Checks a worker's proof before it counts: a node whose proof does not verify is faulty, and refused. */
  private Future<Void> accept(BlockRun run, int k, JsonObject reply, long started) {
    String worker = reply.getString("worker");
    byte[] bytes = reply.getBinary("proof");
    Digest digest = run.digests[k];
    LookupChallenges challenges = run.challenges;
    return blocking(() -> {
      MultiTableProof proof;
      try {
        proof = ProofCodec.decodeMulti(bytes);
        run.plan.verifySegment(k, proof, digest, challenges);
      } catch (InvalidProofException e) {
        LOG.error("block {}: faulty node {}: its proof of segment {} is refused: {}", run.block(), worker, k,
            e.getMessage());
        throw new IllegalStateException("the proof of " + worker + " is refused: " + e.getMessage());
      }
      try {
        checkpoints.save(run.block(), run.key, k, challenges, bytes);
      } catch (java.io.IOException e) {
        LOG.warn("block {}: segment {} is not checkpointed ({}); a restart proves it again", run.block(), k,
            e.getMessage());
      }
      return proof;
    }).map(proof -> {
      long millis = run.commitMillis[k] + (System.nanoTime() - started) / 1_000_000;
      run.proved(k, proof, worker, false);
      LOG.info("block {}: segment {} ({} cycles) proven by {} ({} of {})", run.block(), k, run.segment(k).cycles(),
          worker, run.done(), run.segments());
      publish(run, k, "worker", millis);
      return null;
    });
  }

  private Receipt assemble(BlockRun run) throws Exception {
    Receipt receipt = run.plan.assemble(Arrays.asList(run.proofs), run.challenges);
    ReceiptVerifier.strict().verify(receipt, guest.imageId());
    checkpoints.clear(run.block(), run.key);
    LOG.info("block {}: {} cycles in {} segments proven and verified in {} ms ({} from checkpoints, {} cycles/s); "
        + "proven by {}", run.block(), run.plan.execution().cycles(), run.segments(), run.millis(),
        run.fromCheckpoints(), Math.round(run.cyclesPerSecond()), Arrays.toString(run.provedBy));
    return receipt;
  }

  private JsonObject request(BlockRun run, int k, String op) {
    return new JsonObject().put("op", op).put("job", "block " + run.block() + " run " + run.key + " segment " + k)
        .put("image_id", guest.imageId().toString()).put("input", run.input)
        .put("work", SegmentWorkCodec.encode(run.plan.work().get(k)));
  }

  /** Sends one phase of segment {@code k}, again to any worker on a timeout or failure, up to the attempts. */
  private Future<Void> send(BlockRun run, int k, JsonObject body, String address,
      Function<JsonObject, Future<Void>> onReply) {
    return attempt(run, k, body, address, 1, onReply);
  }

  private Future<Void> attempt(BlockRun run, int k, JsonObject body, String address, int attempt,
      Function<JsonObject, Future<Void>> onReply) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(settings.segmentTimeout().toMillis());
    return inFlight.run(() -> vertx.eventBus().<JsonObject>request(address, body, options))
        .compose(reply -> onReply.apply(reply.body()))
        .recover(e -> {
          String op = body.getString("op");
          if (attempt >= settings.attempts()) {
            return Future.failedFuture("segment " + k + " (" + op + ") failed " + attempt + " times; last: "
                + e.getMessage());
          }
          LOG.warn("block {}: segment {} ({}): {}; sent again to any worker (attempt {} of {})", run.block(), k, op,
              e.getMessage(), attempt + 1, settings.attempts());
          long delay = Math.min(RESEND_MAX_DELAY_MS, RESEND_DELAY_MS << Math.min(attempt - 1, 10));
          return vertx.timer(delay, TimeUnit.MILLISECONDS)
              .compose(v -> attempt(run, k, body, Addresses.PROVE_SEGMENT, attempt + 1, onReply));
        });
  }

  private void publish(BlockRun run, int k, String source, long millis) {
    vertx.eventBus().publish(Addresses.SEGMENTS, new JsonObject().put("block_number", run.block())
        .put("segment", k).put("cycles", run.segment(k).cycles()).put("millis", millis)
        .put("source", source).put("worker", run.provedBy[k])
        .put("cycles_per_second", run.cyclesPerSecond()), Addresses.localOnly());
  }

  private <T> Future<T> blocking(Callable<T> step) {
    return vertx.executeBlocking(step, false);
  }
}
