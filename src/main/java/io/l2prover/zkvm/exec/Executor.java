package io.l2prover.zkvm.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a guest to completion: the executor's entry point.
 *
 * <pre>{@code
 * ExecutionResult r = Executor.run(elfBytes, inputBytes, ExecutorOptions.defaults());
 * r.exitCode(); r.cycles(); r.segments(); r.journal(); r.stdout();
 * }</pre>
 *
 * Faults of the guest are {@link GuestFault}s, unusable ELF files {@link InvalidElfException}s;
 * both carry a one-line message for the user.
 */
public final class Executor {

  private Executor() {}

  public static ExecutionResult run(byte[] elf, byte[] input, ExecutorOptions options) {
    return run(Program.fromElf(elf), input, options);
  }

  public static ExecutionResult run(Program program, byte[] input, ExecutorOptions options) {
    return run(program, input, options, null);
  }

  /** As {@link #run(Program, byte[], ExecutorOptions)}, answering the host-only calls with {@code hostCalls}. */
  public static ExecutionResult run(Program program, byte[] input, ExecutorOptions options, HostCalls hostCalls) {
    long started = System.nanoTime();
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    OutputStream out = options.stdout() != null ? options.stdout() : capturedOut;
    OutputStream err = options.stderr() != null ? options.stderr() : capturedErr;
    Memory memory = new Memory(options.capturePages(), (int) ((long) options.maxMemoryMiB() << 20 >> Memory.PAGE_BITS));
    Syscalls syscalls = new Syscalls(input.clone(), out, err, options.precompiles(), options.trace() != null,
        hostCalls);
    Machine machine = new Machine(program, memory, syscalls, options.translateAfter());
    Stepper stepper = options.observer() == null ? null : new Stepper(options.observer());

    long segmentSize = 1L << options.po2();
    List<Segment> segments = new ArrayList<>();
    long segmentStart = 0;
    BoundaryState start = boundary(machine, syscalls, 0);
    while (!machine.halted()) {
      if (machine.cycles() >= options.maxCycles()) {
        int pc = machine.pc();
        throw GuestFault.at(pc, machine.instructionAt(pc), machine.cycles(), String.format(
            "the guest ran %d cycles without exiting (--max-cycles); raise the limit or look for an endless loop",
            options.maxCycles()));
      }
      long limit = Math.min(segmentStart + segmentSize, options.maxCycles());
      int budget = (int) Math.min(limit - machine.cycles(), Integer.MAX_VALUE);
      if (options.trace() != null) {
        Tracer.run(machine, budget, options.trace());
      } else if (stepper != null) {
        stepper.run(machine, budget);
      } else {
        machine.runTranslated(budget);
      }
      if (machine.waitingCall() > 0) {
        refuseCallThatCannotFit(machine, segmentStart, options);
      }
      if (machine.cycles() == segmentStart + segmentSize || machine.halted() || machine.waitingCall() > 0) {
        Memory.SegmentPages pages = memory.beginSegment();
        BoundaryState end = boundary(machine, syscalls, 0);
        segments.add(new Segment(segments.size(), segmentStart, machine.cycles() - segmentStart, start, end,
            pages.touched(), pages.images()));
        segmentStart = machine.cycles();
        start = end;
      }
    }
    return new ExecutionResult(machine.exitCode(), machine.cycles(), List.copyOf(segments), syscalls.journal(),
        capturedOut.toByteArray(), capturedErr.toByteArray(), System.nanoTime() - started, syscalls.phaseMarks());
  }

  /** The machine's state now; {@code journalBefore} is the journal length when {@code syscalls} started. */
  static BoundaryState boundary(Machine machine, Syscalls syscalls, int journalBefore) {
    return new BoundaryState(machine.pc(), machine.registers(), syscalls.inputPosition(), syscalls.inputEndReported(),
        journalBefore + syscalls.journalLength(), machine.halted());
  }

  /**
   * A precompile call that did not fit ends its segment early, and the next segment starts with
   * it; one that does not fit in a whole segment, or in what the cycle limit leaves, never will.
   */
  private static void refuseCallThatCannotFit(Machine machine, long segmentStart, ExecutorOptions options) {
    int pc = machine.pc();
    int cost = machine.waitingCall();
    if (machine.cycles() + cost > options.maxCycles()) {
      throw GuestFault.at(pc, machine.instructionAt(pc), machine.cycles(), String.format(
          "the guest ran %d cycles without exiting (--max-cycles; the precompile call here costs %d more);"
              + " raise the limit or look for an endless loop", options.maxCycles(), cost));
    }
    if (machine.cycles() == segmentStart) {
      throw GuestFault.at(pc, machine.instructionAt(pc), machine.cycles(), String.format(
          "the precompile call here costs %d cycles, more than a segment of 2^%d holds; use a larger po2",
          cost, options.po2()));
    }
  }
}
