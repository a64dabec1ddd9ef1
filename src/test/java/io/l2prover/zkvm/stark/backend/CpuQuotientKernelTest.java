package io.l2prover.zkvm.stark.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.air.PointValues;
import io.l2prover.zkvm.stark.examples.ExampleAirs;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The compiled-program kernel agrees with folding the constraint trees directly, on random data. */
class CpuQuotientKernelTest {

  @Test
  void opcodesMatchTheCompiler() {
    assertThat(List.of(CpuQuotientKernel.CONST, CpuQuotientKernel.PRE, CpuQuotientKernel.MAIN, CpuQuotientKernel.AUX,
        CpuQuotientKernel.PUB, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB, CpuQuotientKernel.ADD_B,
        CpuQuotientKernel.ADD_E, CpuQuotientKernel.SUB_B, CpuQuotientKernel.SUB_E, CpuQuotientKernel.MUL_BB,
        CpuQuotientKernel.MUL_EB, CpuQuotientKernel.MUL_EE, CpuQuotientKernel.NEG_B, CpuQuotientKernel.NEG_E))
        .containsExactly(ConstraintProgram.CONST, ConstraintProgram.PRE, ConstraintProgram.MAIN, ConstraintProgram.AUX,
            ConstraintProgram.PUB, ConstraintProgram.CHAL, ConstraintProgram.AUX_PUB, ConstraintProgram.ADD_B,
            ConstraintProgram.ADD_E, ConstraintProgram.SUB_B, ConstraintProgram.SUB_E, ConstraintProgram.MUL_BB,
            ConstraintProgram.MUL_EB, ConstraintProgram.MUL_EE, ConstraintProgram.NEG_B, ConstraintProgram.NEG_E);
  }

  @Test
  void everyExampleAirAgreesWithTreeEvaluation() {
    for (Air air : ExampleAirs.all()) {
      for (int logRows : new int[] {1, 3, 6}) { // fewer points than a block, one block, several blocks
        checkAgainstTrees(air, new SplittableRandom(air.name().hashCode()), logRows);
      }
    }
  }

  @Test
  void everyRv32imChipAgreesWithTreeEvaluation() {
    Rv32imCircuit circuit = Rv32imCircuit.ofHeights(3, 3);
    for (Air air : Stream.concat(circuit.segmentChips().stream(), circuit.memoryChips().stream()).toList()) {
      checkAgainstTrees(air, new SplittableRandom(air.name().hashCode()), 4);
    }
  }

  private static int[] random(SplittableRandom r, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextInt(BabyBear.P);
    }
    return out;
  }

  private static Ext4[] ext(int[] flat) {
    Ext4[] out = new Ext4[flat.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Ext4(flat[4 * i], flat[4 * i + 1], flat[4 * i + 2], flat[4 * i + 3]);
    }
    return out;
  }

  private static void checkAgainstTrees(Air air, SplittableRandom r, int logRows) {
    int logBlowup = 2;
    int logLde = logRows + logBlowup;
    int lde = 1 << logLde;
    int logSize = logRows + 2;
    int size = 1 << logSize;
    int pw = air.preprocessedWidth();
    int mw = air.mainWidth();
    int aw = 4 * air.auxWidth();
    int[] pre = random(r, pw * lde);
    int[] main = random(r, mw * lde);
    int[] aux = random(r, aw * lde);
    List<Constraint> constraints = air.allConstraints();
    ConstraintProgram program = ConstraintProgram.compile(constraints);
    int[] publics = random(r, air.publicValueCount());
    int[] challenges = random(r, 4 * air.challengeCount());
    int[] auxPublics = random(r, 4 * air.auxPublicCount());
    int[] alpha = random(r, 4 * constraints.size());
    int[] first = random(r, size);
    int[] last = random(r, size);
    int[] transition = random(r, size);
    int[] invZ = random(r, size);
    int[] q = CpuQuotientKernel.evaluate(new QuotientTask(program.code(), program.registers(), program.outputs(),
        program.when(), logRows, logBlowup, logSize, pre, pw, main, mw, aux, aw, publics, challenges, auxPublics, alpha,
        first, last, transition, invZ));
    for (int j = 0; j < size; j++) {
      int next = BitReversal.reverse((BitReversal.reverse(j, logLde) + (1 << logBlowup)) % lde, logLde);
      PointValues at = new PointValues(row(pre, pw, j), row(pre, pw, next), row(main, mw, j), row(main, mw, next),
          auxRow(aux, aw, j), auxRow(aux, aw, next), publics, ext(challenges), ext(auxPublics));
      Ext4 sum = Ext4.ZERO;
      for (int i = 0; i < constraints.size(); i++) {
        Constraint c = constraints.get(i);
        int selector = switch (c.when()) {
          case EVERY_ROW -> 1;
          case TRANSITION -> transition[j];
          case FIRST_ROW -> first[j];
          case LAST_ROW -> last[j];
        };
        sum = sum.add(c.expr().fold(at).mul(ext(alpha)[i]).mul(selector));
      }
      Ext4 expected = sum.mul(invZ[j]);
      assertThat(new Ext4(q[4 * j], q[4 * j + 1], q[4 * j + 2], q[4 * j + 3])).as("%s point %d", air.name(), j)
          .isEqualTo(expected);
    }
  }

  private static Ext4[] row(int[] m, int width, int r) {
    Ext4[] out = new Ext4[width];
    for (int c = 0; c < width; c++) {
      out[c] = Ext4.of(m[r * width + c]);
    }
    return out;
  }

  private static Ext4[] auxRow(int[] m, int width, int r) {
    Ext4[] out = new Ext4[width / 4];
    for (int c = 0; c < out.length; c++) {
      int o = r * width + 4 * c;
      out[c] = new Ext4(m[o], m[o + 1], m[o + 2], m[o + 3]);
    }
    return out;
  }
}
