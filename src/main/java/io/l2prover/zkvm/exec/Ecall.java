package io.l2prover.zkvm.exec;

import java.util.List;

/**
 * What one ecall did: the system call with its arguments and result, and every guest memory word
 * it read or wrote, in order. Together with the step's register write of a0 this is everything
 * the guest can observe of the call (DESIGN §4's ABI).
 *
 * <table>
 *   <caption>Calls and what they report</caption>
 *   <tr><th>a7</th><th>call</th><th>arguments</th><th>result (a0)</th><th>memory</th></tr>
 *   <tr><td>63</td><td>read</td><td>a0 fd (0), a1 buffer, a2 length</td><td>bytes delivered n (0 at the
 *     end of the input)</td><td>writes: the words covering [a1, a1 + n), each once, ascending</td></tr>
 *   <tr><td>64</td><td>write</td><td>a0 fd (1, 2, or 3 = journal), a1 buffer, a2 length</td><td>a2</td>
 *     <td>reads: the words covering [a1, a1 + a2), each once, ascending</td></tr>
 *   <tr><td>93, 94</td><td>exit</td><td>a0 exit code</td><td>none: {@code halted}, result 0</td><td>none</td></tr>
 *   <tr><td>0x1000</td><td>phase</td><td>a0 phase id</td><td>0</td><td>none</td></tr>
 *   <tr><td>0x1001..0x1007</td><td>precompiles</td><td>a0..a2</td><td>the probe's mask, keccak_f 0, or
 *     -ENOSYS (-38) for a call that is off; a traced run refuses the others while they are on</td><td>keccak_f:
 *     reads the 50 state words, then writes them, ascending</td></tr>
 * </table>
 *
 * @param number a7, the call number
 * @param a0 a0 as the ecall found it
 * @param a1 a1 as the ecall found it
 * @param a2 a2 as the ecall found it
 * @param result the value the call wrote to a0 (0 when {@code halted})
 * @param halted true for exit: the machine stops at this ecall, a0 is not written
 * @param memory the words the call accessed, in the order it accessed them
 * @param cycles the cycles the call cost, its ecall included: 1 but for a precompile's work
 *     (docs/executor.md, "Cycles"); the next step's cycle is this step's plus these
 */
public record Ecall(int number, int a0, int a1, int a2, int result, boolean halted, List<WordAccess> memory,
    int cycles) {

  /** The first and last precompile call numbers (0x1001 probe .. 0x1007). */
  public static final int FIRST_PRECOMPILE = 0x1001;
  public static final int LAST_PRECOMPILE = 0x1007;
  /** Linux's -ENOSYS: the answer to a precompile call when precompiles are off, as qemu answers it. */
  public static final int ENOSYS = -38;


  public Ecall {
    memory = List.copyOf(memory);
    if (cycles < 1) {
      throw new IllegalArgumentException("an ecall costs at least one cycle, not " + cycles);
    }
  }
}
