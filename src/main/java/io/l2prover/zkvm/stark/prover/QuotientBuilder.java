package io.l2prover.zkvm.stark.prover;

import io.l2prover.util.ParallelRanges;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.proof.Protocol;

/** Computes one table's quotient chunks: the constraint evaluation on the backend, then the split. */
final class QuotientBuilder {

  private final ComputeBackend backend;
  private final Ntt ntt = Ntt.parallel();

  QuotientBuilder(ComputeBackend backend) {
    this.backend = backend;
  }

  /**
   * The quotient Q = Σ α^i sel_i C_i / Z_H, evaluated on the first 2^(logRows + logQ) LDE rows
   * (a coset of size at least (d−1)·n), interpolated, and split into d−1 chunks of degree below
   * n with Q(x) = Σ_c x^(c n) Q_c(x). Returns the chunks' values on H (natural order), chunk c's
   * coordinates in columns 4c .. 4c+3.
   */
  int[] chunks(ProvingKey key, int[] mainLde, int[] auxLde, int[] publicValues, Ext4[] challenges,
      Ext4[] auxPublics, Ext4 alpha) {
    Air air = key.air();
    int logRows = key.logRows();
    int rows = 1 << logRows;
    int chunks = air.quotientChunks();
    int logQ = 32 - Integer.numberOfLeadingZeros(chunks - 1);
    int logSize = logRows + logQ;
    int size = 1 << logSize;
    ConstraintProgram program = key.program();

    int[] first = new int[size];
    int[] last = new int[size];
    int[] transition = new int[size];
    int[] inverseVanishing = new int[size];
    Selectors.onCoset(logRows, logSize, Protocol.SHIFT, first, last, transition, inverseVanishing);

    int[] alphaPowers = new int[4 * program.constraintCount()];
    Ext4 a = Ext4.ONE;
    for (int i = 0; i < program.constraintCount(); i++) {
      ExtArrays.put(alphaPowers, i, a);
      a = a.mul(alpha);
    }
    QuotientTask task = new QuotientTask(program.code(), program.registers(), program.outputs(), program.when(),
        logRows, key.params().logBlowup(), logSize, key.preprocessedLde(), air.preprocessedWidth(), mainLde,
        air.mainWidth(), auxLde, 4 * air.auxWidth(), publicValues, Ext4.flatten(challenges), Ext4.flatten(auxPublics),
        alphaPowers, first, last, transition, inverseVanishing);
    int[] q = backend.evaluateQuotient(task);

    // Coefficients of Q(shift·X), then of Q: coefficient j times shift^-j.
    ntt.inverseFromBitReversed(q, 4, size);
    int shiftInv = BabyBear.inv(Protocol.SHIFT);
    // Blocks of coefficients side by side, each from its own power of shift^-1.
    ParallelRanges.run(size, ParallelRanges.GRAIN, (from, to) -> {
      int s = BabyBear.pow(shiftInv, from);
      for (int j = from; j < to; j++, s = BabyBear.mul(s, shiftInv)) {
        for (int k = 0; k < 4; k++) {
          q[4 * j + k] = BabyBear.mul(q[4 * j + k], s);
        }
      }
    });
    int width = 4 * chunks;
    int[] split = new int[width * rows];
    ParallelRanges.run(rows, ParallelRanges.GRAIN, (from, to) -> {
      for (int c = 0; c < chunks; c++) {
        for (int i = from; i < to; i++) {
          System.arraycopy(q, 4 * (c * rows + i), split, i * width + 4 * c, 4);
        }
      }
    });
    ntt.forward(split, width, rows);
    return split;
  }
}
