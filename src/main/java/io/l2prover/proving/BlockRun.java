package io.l2prover.proving;

import io.l2prover.zkvm.exec.Segment;
import io.l2prover.zkvm.receipt.SegmentPlan;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One block being proven segment by segment: its plan and, per segment, the phase-1 digest, the
 * worker that holds its phase-1 state, its proof and where it came from. Touched only on the
 * coordinator's event loop (blocking steps get what they need as arguments).
 */
final class BlockRun {

  final ProvingJob job;
  final SegmentPlan plan;
  final byte[] input;
  final String key;
  final Digest[] digests;
  final String[] holders;
  final MultiTableProof[] proofs;
  final String[] provedBy;
  /** Milliseconds each segment's phase 1 took, from sending it to its digest. */
  final long[] commitMillis;
  final Map<Integer, SegmentCheckpoints.Checkpoint> checkpoints = new TreeMap<>();
  LookupChallenges challenges;
  private final long startNanos = System.nanoTime();
  private long cyclesProvenHere;
  private int fromCheckpoints;

  BlockRun(ProvingJob job, SegmentPlan plan, byte[] input, String key) {
    this.job = job;
    this.plan = plan;
    this.input = input;
    this.key = key;
    int n = plan.work().size();
    this.digests = new Digest[n];
    this.holders = new String[n];
    this.proofs = new MultiTableProof[n];
    this.provedBy = new String[n];
    this.commitMillis = new long[n];
  }

  long block() {
    return job.blockNumber();
  }

  int segments() {
    return proofs.length;
  }

  Segment segment(int k) {
    return plan.work().get(k).segment();
  }

  /** Records a finished segment: proven by {@code worker} now, or read from a checkpoint. */
  void proved(int k, MultiTableProof proof, String worker, boolean fromCheckpoint) {
    proofs[k] = proof;
    provedBy[k] = worker;
    if (fromCheckpoint) {
      fromCheckpoints++;
    } else {
      cyclesProvenHere += segment(k).cycles();
    }
  }

  /** Segments whose proof is checked (a checkpoint counts once it verified under this run's challenges). */
  int done() {
    return (int) Arrays.stream(provedBy).filter(p -> p != null).count();
  }

  int fromCheckpoints() {
    return fromCheckpoints;
  }

  long cyclesDone() {
    long c = 0;
    for (int k = 0; k < proofs.length; k++) {
      c += provedBy[k] == null ? 0 : segment(k).cycles();
    }
    return c;
  }

  long millis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Cycles proven in this process per second since the block started (checkpoints left out). */
  double cyclesPerSecond() {
    return cyclesProvenHere * 1000.0 / Math.max(1, millis());
  }

  /** The progress line: cycles, segments done of all, cycles/s and the time left at that rate. */
  String progress() {
    long total = plan.execution().cycles();
    long left = total - cyclesDone();
    double rate = cyclesPerSecond();
    String eta = left == 0 ? "0 s" : rate > 0 ? Math.round(left / rate) + " s" : "unknown";
    return String.format("block %d: %d of %d segments proven%s, %d of %d cycles, %.0f cycles/s, ETA %s", block(),
        done(), segments(), fromCheckpoints > 0 ? " (" + fromCheckpoints + " from checkpoints)" : "", cyclesDone(),
        total, rate, eta);
  }
}
