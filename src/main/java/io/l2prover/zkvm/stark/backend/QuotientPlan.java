package io.l2prover.zkvm.stark.backend;

import java.util.Arrays;

/**
 * A constraint program prepared for evaluation at many points: the instructions that read no
 * trace cell (constants, public values, challenges and anything computed only from them, such as
 * the powers of the LogUp combiner β) are evaluated once into a register template, and only the
 * others run at each point. Also records which constraint values are extension elements, so that
 * a base-field constraint is weighted by its α power with 4 products instead of 16.
 */
record QuotientPlan(int[] pointCode, int[] laneTemplate, boolean[] extOutput) {

  /** Returns a fresh copy: each thread writes its own registers. */
  @Override
  public int[] laneTemplate() {
    return laneTemplate.clone();
  }

  /**
   * Plans {@code t} for blocks of {@code lanes} points: register reg's coordinate k of lane i
   * lives at {@code 4 * lanes * reg + k * lanes + i} (one coordinate only for base registers), and
   * the template holds every uniform register's value in all of its lanes.
   */
  static QuotientPlan of(QuotientTask t, int lanes) {
    int[] code = t.code();
    int registers = t.registers();
    boolean[] uniform = new boolean[registers];
    boolean[] ext = new boolean[registers];
    int[] uniformCode = new int[code.length];
    int[] pointCode = new int[code.length];
    int u = 0;
    int p = 0;
    for (int pc = 0; pc < code.length; pc += 4) {
      int op = code[pc];
      int dst = code[pc + 1];
      boolean isUniform = switch (op) {
        case CpuQuotientKernel.CONST, CpuQuotientKernel.PUB, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB -> true;
        case CpuQuotientKernel.PRE, CpuQuotientKernel.MAIN, CpuQuotientKernel.AUX -> false;
        case CpuQuotientKernel.NEG_B, CpuQuotientKernel.NEG_E -> uniform[code[pc + 2]];
        default -> uniform[code[pc + 2]] && uniform[code[pc + 3]];
      };
      uniform[dst] = isUniform;
      ext[dst] = switch (op) {
        case CpuQuotientKernel.AUX, CpuQuotientKernel.CHAL, CpuQuotientKernel.AUX_PUB, CpuQuotientKernel.ADD_E,
            CpuQuotientKernel.SUB_E, CpuQuotientKernel.MUL_EB, CpuQuotientKernel.MUL_EE, CpuQuotientKernel.NEG_E -> true;
        default -> false;
      };
      if (isUniform) {
        System.arraycopy(code, pc, uniformCode, u, 4);
        u += 4;
      } else {
        System.arraycopy(code, pc, pointCode, p, 4);
        p += 4;
      }
    }
    int[] template = new int[4 * registers];
    CpuQuotientKernel.run(t, Arrays.copyOf(uniformCode, u), 0, 0, template);
    // Base registers get 4 coordinates too: an extension sum may read their (zero) coordinates 1..3.
    int[] laneTemplate = new int[4 * lanes * registers];
    for (int reg = 0; reg < registers; reg++) {
      if (uniform[reg]) {
        for (int k = 0; k < (ext[reg] ? 4 : 1); k++) {
          Arrays.fill(laneTemplate, 4 * lanes * reg + k * lanes, 4 * lanes * reg + (k + 1) * lanes, template[4 * reg + k]);
        }
      }
    }
    int[] outputs = t.outputs();
    boolean[] extOutput = new boolean[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      extOutput[i] = ext[outputs[i]];
    }
    return new QuotientPlan(Arrays.copyOf(pointCode, p), laneTemplate, extOutput);
  }
}
