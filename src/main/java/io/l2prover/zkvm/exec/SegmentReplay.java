package io.l2prover.zkvm.exec;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Runs one {@link Segment} again on its own, from its recorded start state and the pages it
 * captured, into a {@link TraceSink}: what a node proving a single segment does. It reports
 * exactly the steps the full traced run reported for that segment's cycles, and checks that the
 * segment ends in its recorded end state and touches the same pages.
 *
 * <pre>{@code
 * ExecutionResult r = Executor.run(program, input, options.withPo2(20).withCapturePages(true).withPrecompiles(false));
 * for (Segment s : r.segments()) {
 *   SegmentReplay.run(program, input, s, sink);   // on any node
 * }
 * }</pre>
 *
 * The replay interprets (traced runs always do); guest output to fd 1 and 2 is discarded. It runs
 * with the precompile calls it is given (none by default; a prover's are those with chips), and
 * the run that made the segments must have had the same ones: otherwise the guest's precompile
 * probe answers differently and the replay reports the divergence.
 */
public final class SegmentReplay {

  private SegmentReplay() {}

  /**
   * Replays {@code segment} of a run of {@code program} on {@code input} (the whole input: the
   * segment's start state says how much of it was consumed before).
   *
   * @throws IllegalArgumentException if the segment carries no page images (run with
   *     {@link ExecutorOptions#withCapturePages(boolean) capturePages})
   * @throws SegmentReplayException if the replay faults or ends in another state than recorded
   */
  public static void run(Program program, byte[] input, Segment segment, TraceSink sink) {
    run(program, input, segment, 0, sink);
  }

  /**
   * As {@link #run(Program, byte[], Segment, TraceSink)}, with the precompile calls of
   * {@code precompiles} on ({@link ExecutorOptions#precompiles()}): the run that made the segment
   * must have had the same ones.
   */
  public static void run(Program program, byte[] input, Segment segment, int precompiles, TraceSink sink) {
    Objects.requireNonNull(sink, "sink");
    BoundaryState start = segment.start();
    if (segment.startPages().size() != segment.touchedPages().length) {
      throw new IllegalArgumentException(String.format(
          "segment %d carries %d of its %d page images; run the executor with capturePages to replay segments",
          segment.index(), segment.startPages().size(), segment.touchedPages().length));
    }
    if (start.halted()) {
      throw new IllegalArgumentException("segment " + segment.index() + " starts after the guest exited");
    }
    Memory memory = new Memory(false, Memory.PAGE_COUNT);
    Syscalls syscalls = new Syscalls(input.clone(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
        precompiles, true);
    syscalls.resumeInput(start.inputPosition(), start.inputEndReported());
    Machine machine = new Machine(program, memory, syscalls, 0);
    for (PageImage page : segment.startPages()) {
      memory.restore(page);
    }
    machine.resume(start.pc(), start.registers(), segment.startCycle());
    try {
      Tracer.run(machine, Math.toIntExact(segment.cycles()), sink);
    } catch (GuestFault fault) {
      throw mismatch(segment, "faulted: " + fault.getMessage(), fault);
    }
    long retired = machine.cycles() - segment.startCycle();
    if (retired != segment.cycles()) {
      throw mismatch(segment, String.format("ran %d of its %d cycles", retired, segment.cycles()), null);
    }
    BoundaryState end = Executor.boundary(machine, syscalls, start.journalLength());
    if (!end.equals(segment.end())) {
      throw mismatch(segment, "ended in " + end + " where the recorded run ended in " + segment.end(), null);
    }
    int[] touched = memory.beginSegment().touched();
    if (!Arrays.equals(touched, segment.touchedPages())) {
      throw mismatch(segment, "touched pages " + Arrays.toString(touched) + ", the recorded run "
          + Arrays.toString(segment.touchedPages()), null);
    }
  }

  private static SegmentReplayException mismatch(Segment segment, String what, Throwable cause) {
    return new SegmentReplayException(String.format("replay of segment %d (cycles %d..%d) %s", segment.index(),
        segment.startCycle(), segment.startCycle() + segment.cycles() - 1, what), cause);
  }
}
