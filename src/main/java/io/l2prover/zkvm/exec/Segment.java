package io.l2prover.zkvm.exec;

import java.util.List;

/**
 * One slice of an execution of at most 2^po2 cycles, with the state at its boundaries: what the
 * prover needs to prove it on its own and to link it to its neighbours.
 *
 * @param index position in the execution, from 0
 * @param startCycle cycles retired before this segment
 * @param cycles cycles in this segment
 * @param startPc pc of its first instruction
 * @param startRegisters x0..x31 before its first instruction
 * @param endPc pc after its last instruction (the next segment's start; the exiting ecall's pc at the end)
 * @param endRegisters x0..x31 after its last instruction
 * @param touchedPages page numbers (address >>> 12) it read or wrote, ascending; instruction
 *     fetches are not counted, the program being a fixed table
 * @param startPages the touched pages' contents when the segment first touched them (empty
 *     unless {@link ExecutorOptions#capturePages()} is on)
 */
public record Segment(
    int index,
    long startCycle,
    long cycles,
    int startPc,
    int[] startRegisters,
    int endPc,
    int[] endRegisters,
    int[] touchedPages,
    List<PageImage> startPages) {}
