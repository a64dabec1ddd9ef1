package io.l2prover.guest;

import io.l2prover.zkvm.exec.StepObserver;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Charges every cycle of block guest runs to the EVM opcode running then, or to the rest of
 * the guest: a {@link StepObserver} ({@code ExecutorOptions.withStepObserver}) that watches the
 * interpreter's dispatch points ({@link EvmDispatch}), which cost the guest nothing.
 *
 * <p>From one dispatch to the next, cycles go to the opcode dispatched. The interpreter runs each
 * call frame in its own C frame ({@code run} in {@code evm/interp.c}), so the guest's stack
 * pointer tells the frames apart: a dispatch below the current frame's stack pointer opens a
 * nested frame (CALL, CREATE and the like), and once the stack pointer is above a frame's, that
 * frame has returned and cycles go back to its caller's opcode, or, outside every frame, to the
 * rest of the guest. So an opcode's cycles include everything it calls (precompiles, state and
 * trie reads, hashing) except the opcodes of the frames it opens, which count for themselves.
 */
public final class EvmOpcodeProfiler implements StepObserver {

  private static final int OUTSIDE = -1;

  private final int[] dispatchPcs;
  private final int[] dispatchRegisters;
  private final long[] counts = new long[256];
  private final long[] cycles = new long[256];
  private long total;
  private int runs;
  /** The cycle of the run up to which cycles are charged. */
  private long charged;
  private int current = OUTSIDE;
  private int[] frameSp = new int[64];
  private int[] frameOp = new int[64];
  private int depth;

  public EvmOpcodeProfiler(List<EvmDispatch> points) {
    dispatchPcs = points.stream().mapToInt(EvmDispatch::pc).toArray();
    dispatchRegisters = points.stream().mapToInt(EvmDispatch::register).toArray();
  }

  @Override
  public void step(long cycle, int pc, IntUnaryOperator registers) {
    charge(cycle);
    int sp = registers.applyAsInt(2);
    while (depth > 0 && Integer.compareUnsigned(sp, frameSp[depth - 1]) > 0) {
      depth--; // the frame's run() has returned
      current = depth == 0 ? OUTSIDE : frameOp[depth - 1];
    }
    int register = dispatchRegister(pc);
    if (register == 0) {
      return;
    }
    int op = registers.applyAsInt(register);
    if ((op & ~0xff) != 0) {
      throw new IllegalStateException(String.format("the guest's dispatch mark at pc 0x%08x finds 0x%x, not an "
          + "opcode, in x%d: the ELF's %s section does not match its code", pc, op, register, EvmDispatch.SECTION));
    }
    if (depth == 0 || Integer.compareUnsigned(sp, frameSp[depth - 1]) < 0) {
      push(sp);
    }
    frameOp[depth - 1] = op;
    current = op;
    counts[op]++;
  }

  /**
   * Ends the run being observed, which took {@code runCycles} cycles ({@code ExecutionResult.cycles()},
   * or a fault's cycle): its last cycles are charged, and the next run starts afresh.
   */
  public void endRun(long runCycles) {
    charge(runCycles);
    total += runCycles;
    runs++;
    charged = 0;
    current = OUTSIDE;
    depth = 0;
  }

  /** The runs ended so far, added up. */
  public EvmProfile profile() {
    return EvmProfile.of(total, runs, counts, cycles);
  }

  private void charge(long cycle) {
    if (current != OUTSIDE) {
      cycles[current] += cycle - charged;
    }
    charged = cycle;
  }

  private int dispatchRegister(int pc) {
    for (int i = 0; i < dispatchPcs.length; i++) {
      if (dispatchPcs[i] == pc) {
        return dispatchRegisters[i];
      }
    }
    return 0;
  }

  private void push(int sp) {
    if (depth == frameSp.length) {
      frameSp = Arrays.copyOf(frameSp, depth * 2);
      frameOp = Arrays.copyOf(frameOp, depth * 2);
    }
    frameSp[depth++] = sp;
  }
}
