package io.l2prover.zkvm.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a guest run produced.
 *
 * @param exitCode the guest's exit code (a0 of its exit call)
 * @param cycles instructions retired, the exiting ecall included
 * @param segments the execution cut at 2^po2 cycles, in order
 * @param journal bytes written to fd 3, the public output
 * @param stdout bytes written to fd 1 (empty when they were streamed to {@link ExecutorOptions#stdout()})
 * @param stderr bytes written to fd 2 (empty when streamed)
 * @param nanos wall-clock time of the run
 * @param phaseMarks the guest's phase markers ({@link PhaseMark}) in the order it made them
 */
public record ExecutionResult(int exitCode, long cycles, List<Segment> segments, byte[] journal, byte[] stdout,
    byte[] stderr, long nanos, List<PhaseMark> phaseMarks) {

  /** Phase id under which {@link #cyclesByPhase()} counts the cycles before the guest's first marker (no guest id is negative). */
  public static final long UNMARKED = -1;

  /**
   * Cycles per phase id, in order of first appearance: a phase runs from its marker to the next
   * marker or to the end of the run; cycles before the first marker are under {@link #UNMARKED}
   * (absent when there are none). A phase marked several times adds up. The values sum to
   * {@link #cycles()}.
   */
  public Map<Long, Long> cyclesByPhase() {
    Map<Long, Long> split = new LinkedHashMap<>();
    long phase = UNMARKED;
    long from = 0;
    for (PhaseMark mark : phaseMarks) {
      if (mark.cycle() > from) {
        split.merge(phase, mark.cycle() - from, Long::sum);
      }
      phase = mark.id();
      from = mark.cycle();
    }
    if (cycles > from) {
      split.merge(phase, cycles - from, Long::sum);
    }
    return split;
  }

  /** Millions of instructions per second. */
  public double mips() {
    return nanos == 0 ? 0 : cycles * 1000.0 / nanos;
  }
}
