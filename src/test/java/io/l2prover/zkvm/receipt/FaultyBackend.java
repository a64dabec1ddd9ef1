package io.l2prover.zkvm.receipt;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.backend.QuotientTask;

/**
 * A faulty device for tests: the CPU reference, except that once armed, the next call of one
 * step returns a wrong answer (then it is healthy again). It is not the {@link CpuBackend}, so the
 * provers check what it makes, as they check a GPU's.
 */
final class FaultyBackend implements ComputeBackend {

  /** Which step goes wrong, and how. */
  enum Fault {
    /** Every leaf digest of one Merkle tree off by one in its first word: each opening of it fails. */
    LEAF_DIGESTS,
    /** Every value of one FRI fold off by one: the fold fails at each query. */
    FRI_FOLD
  }

  private final CpuBackend cpu = new CpuBackend();
  private final Fault fault;
  private boolean armed;
  private int faults;

  FaultyBackend(Fault fault) {
    this.fault = fault;
  }

  /** The next call of the faulty step goes wrong. */
  synchronized void arm() {
    armed = true;
  }

  /** How many wrong answers it gave. */
  synchronized int faults() {
    return faults;
  }

  @Override
  public String name() {
    return "faulty";
  }

  @Override
  public int[] cosetLde(int[] evaluations, int width, int logHeight, int logBlowup, int shift) {
    return cpu.cosetLde(evaluations, width, logHeight, logBlowup, shift);
  }

  @Override
  public int[] hashLeaves(int[][] matrices, int[] widths, int height) {
    int[] digests = cpu.hashLeaves(matrices, widths, height);
    if (fires(Fault.LEAF_DIGESTS)) {
      for (int i = 0; i < digests.length; i += 8) {
        digests[i] = (digests[i] + 1) % BabyBear.P;
      }
    }
    return digests;
  }

  @Override
  public int[][] merkleLayers(int[] leafDigests, int logLeaves) {
    return cpu.merkleLayers(leafDigests, logLeaves);
  }

  @Override
  public int[] compressPairs(int[] digests) {
    return cpu.compressPairs(digests);
  }

  @Override
  public int[] foldFri(int[] codeword, int logSize, int shift, int[] beta) {
    int[] folded = cpu.foldFri(codeword, logSize, shift, beta);
    if (fires(Fault.FRI_FOLD)) {
      for (int i = 0; i < folded.length; i++) {
        folded[i] = (folded[i] + 1) % BabyBear.P;
      }
    }
    return folded;
  }

  @Override
  public int[] evaluateQuotient(QuotientTask task) {
    return cpu.evaluateQuotient(task);
  }

  private synchronized boolean fires(Fault step) {
    if (!armed || step != fault) {
      return false;
    }
    armed = false;
    faults++;
    return true;
  }
}
