package io.l2prover.zkvm.stark.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.ntt.BitReversal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lowered, register-allocated lane code agrees with running the program point by point, on
 * random programs that mix every opcode with operands of either kind (base operands of extension
 * instructions, extension operands read as base, uniform and repeated outputs).
 */
class QuotientPlanTest {

  private static final int[] OPCODES = {CpuQuotientKernel.CONST, CpuQuotientKernel.PRE, CpuQuotientKernel.MAIN,
      CpuQuotientKernel.AUX, CpuQuotientKernel.PUB, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB,
      CpuQuotientKernel.ADD_B, CpuQuotientKernel.ADD_E, CpuQuotientKernel.SUB_B, CpuQuotientKernel.SUB_E,
      CpuQuotientKernel.MUL_BB, CpuQuotientKernel.MUL_EB, CpuQuotientKernel.MUL_EE, CpuQuotientKernel.NEG_B,
      CpuQuotientKernel.NEG_E};

  @Test
  void randomProgramsAgreeWithPointByPointEvaluation() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 40; trial++) {
      int logRows = 1 + random.nextInt(7); // fewer points than a block up to several blocks
      QuotientTask t = randomTask(random, 1 + random.nextInt(120), logRows);
      assertThat(CpuQuotientKernel.evaluate(t)).as("trial %d", trial).isEqualTo(pointByPoint(t));
    }
  }

  @Test
  void deadValuesGiveTheirSlotsBack() {
    // A long chain x_{i+1} = x_i * x_i + c: two live registers at any time, whatever its length.
    int length = 200;
    int[] code = new int[4 * (2 + 2 * length)];
    code[0] = CpuQuotientKernel.MAIN; // r0 = main column 0
    code[4] = CpuQuotientKernel.CONST; // r1 = 3
    code[5] = 1;
    code[6] = 3;
    for (int i = 0; i < length; i++) {
      int x = i == 0 ? 0 : 2 * i + 1;
      int pc = 4 * (2 + 2 * i);
      code[pc] = CpuQuotientKernel.MUL_BB;
      code[pc + 1] = 2 * i + 2;
      code[pc + 2] = x;
      code[pc + 3] = x;
      code[pc + 4] = CpuQuotientKernel.ADD_B;
      code[pc + 5] = 2 * i + 3;
      code[pc + 6] = 2 * i + 2;
      code[pc + 7] = 1;
    }
    QuotientTask t = task(code, 2 * length + 2, new int[] {2 * length + 1}, new int[] {0}, 3, new SplittableRandom(3));
    assertThat(QuotientPlan.of(t).slotValues().length).isLessThanOrEqualTo(4);
    assertThat(CpuQuotientKernel.evaluate(t)).isEqualTo(pointByPoint(t));
  }

  private static QuotientTask randomTask(SplittableRandom random, int instructions, int logRows) {
    int[] code = new int[4 * instructions];
    boolean[] ext = new boolean[instructions];
    for (int reg = 0; reg < instructions; reg++) {
      int op = reg == 0 ? CpuQuotientKernel.MAIN : OPCODES[random.nextInt(OPCODES.length)];
      int a = reg == 0 ? 0 : random.nextInt(reg);
      int b = reg == 0 ? 0 : random.nextInt(reg);
      switch (op) {
        case CpuQuotientKernel.CONST -> a = random.nextInt(BabyBear.P);
        case CpuQuotientKernel.PRE, CpuQuotientKernel.MAIN -> {
          a = random.nextInt(3);
          b = random.nextInt(2);
        }
        case CpuQuotientKernel.AUX -> {
          a = random.nextInt(2);
          b = random.nextInt(2);
        }
        case CpuQuotientKernel.PUB -> a = random.nextInt(2);
        case CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB -> a = random.nextInt(2);
        default -> { }
      }
      ext[reg] = switch (op) {
        case CpuQuotientKernel.AUX, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB, CpuQuotientKernel.ADD_E,
            CpuQuotientKernel.SUB_E, CpuQuotientKernel.MUL_EB, CpuQuotientKernel.MUL_EE, CpuQuotientKernel.NEG_E -> true;
        default -> false;
      };
      code[4 * reg] = op;
      code[4 * reg + 1] = reg;
      code[4 * reg + 2] = a;
      code[4 * reg + 3] = b;
    }
    int constraints = 1 + random.nextInt(12);
    int[] outputs = new int[constraints];
    int[] when = new int[constraints];
    for (int c = 0; c < constraints; c++) {
      outputs[c] = random.nextInt(instructions);
      when[c] = random.nextInt(4);
    }
    return task(code, instructions, outputs, when, logRows, random);
  }

  private static QuotientTask task(int[] code, int registers, int[] outputs, int[] when, int logRows,
      SplittableRandom random) {
    int logBlowup = 2;
    int lde = 1 << (logRows + logBlowup);
    int size = 1 << (logRows + 1);
    return new QuotientTask(code, registers, outputs, when, logRows, logBlowup, logRows + 1,
        random(random, 3 * lde), 3, random(random, 3 * lde), 3, random(random, 8 * lde), 8, random(random, 2),
        random(random, 8), random(random, 8), random(random, 4 * outputs.length), random(random, size),
        random(random, size), random(random, size), random(random, size));
  }

  /** The quotient by the scalar interpreter, one point at a time, base registers zero above coordinate 0. */
  private static int[] pointByPoint(QuotientTask t) {
    int logLde = t.logRows() + t.logBlowup();
    int size = 1 << t.logQuotientSize();
    int[] out = new int[4 * size];
    for (int j = 0; j < size; j++) {
      int next = BitReversal.reverse((BitReversal.reverse(j, logLde) + (1 << t.logBlowup())) % (1 << logLde), logLde);
      int[] r = new int[4 * t.registers()];
      CpuQuotientKernel.run(t, t.code(), j, next, r);
      Ext4[] sums = {Ext4.ZERO, Ext4.ZERO, Ext4.ZERO, Ext4.ZERO};
      for (int c = 0; c < t.outputs().length; c++) {
        int o = 4 * t.outputs()[c];
        Ext4 value = new Ext4(r[o], r[o + 1], r[o + 2], r[o + 3]);
        int[] alpha = t.alphaPowers();
        sums[t.when()[c]] = sums[t.when()[c]].add(value.mul(new Ext4(alpha[4 * c], alpha[4 * c + 1],
            alpha[4 * c + 2], alpha[4 * c + 3])));
      }
      Ext4 q = sums[0].add(sums[1].mul(t.transition()[j])).add(sums[2].mul(t.firstRow()[j]))
          .add(sums[3].mul(t.lastRow()[j])).mul(t.inverseVanishing()[j]);
      out[4 * j] = q.a0();
      out[4 * j + 1] = q.a1();
      out[4 * j + 2] = q.a2();
      out[4 * j + 3] = q.a3();
    }
    return out;
  }

  private static int[] random(SplittableRandom r, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextInt(BabyBear.P);
    }
    return out;
  }
}
