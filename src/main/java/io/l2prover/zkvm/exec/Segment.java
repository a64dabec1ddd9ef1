package io.l2prover.zkvm.exec;

import java.util.List;

/**
 * One slice of an execution of at most 2^po2 cycles, with the state at its boundaries: what the
 * prover needs to prove it on its own and to link it to its neighbours, and what
 * {@link SegmentReplay} needs to run it again alone (with the program and the input).
 *
 * @param index position in the execution, from 0
 * @param startCycle cycles retired before this segment
 * @param cycles cycles in this segment
 * @param start the state before its first instruction
 * @param end the state after its last instruction (the next segment's start)
 * @param touchedPages page numbers (address >>> 12) it read or wrote, ascending, system calls'
 *     accesses included; instruction fetches are not counted, the program being a fixed table
 * @param startPages the touched pages' contents when the segment first touched them, ascending
 *     (empty unless {@link ExecutorOptions#capturePages()} is on)
 */
public record Segment(
    int index,
    long startCycle,
    long cycles,
    BoundaryState start,
    BoundaryState end,
    int[] touchedPages,
    List<PageImage> startPages) {

  /** pc of its first instruction. */
  public int startPc() {
    return start.pc();
  }

  /** x0..x31 before its first instruction. */
  public int[] startRegisters() {
    return start.registers();
  }

  /** pc after its last instruction (the next segment's start; the exiting ecall's pc at the end). */
  public int endPc() {
    return end.pc();
  }

  /** x0..x31 after its last instruction. */
  public int[] endRegisters() {
    return end.registers();
  }
}
