package io.l2prover.guest;

import io.l2prover.chain.witness.GuestRun;
import io.l2prover.chain.witness.GuestRunException;
import io.l2prover.chain.witness.GuestRunner;
import io.l2prover.chain.witness.HostOracle;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Program;

/**
 * A {@link GuestRunner} that profiles by EVM opcode the runs a prover makes (those without a host
 * oracle) and adds them up ({@link #profile()}); witness-recording runs are not profiled.
 */
public final class EvmProfilingGuestRunner implements GuestRunner {

  private final EvmOpcodeProfiler profiler;
  private final GuestRunner profiled;
  private final GuestRunner recording;

  /** Runs {@code guest} under {@code options}, showing the prover's runs to {@code profiler}. */
  public EvmProfilingGuestRunner(Program guest, EvmOpcodeProfiler profiler, ExecutorOptions options) {
    this.profiler = profiler;
    this.profiled = new ExecutorGuestRunner(guest, options.withStepObserver(profiler));
    this.recording = new ExecutorGuestRunner(guest, options);
  }

  @Override
  public GuestRun run(byte[] input) {
    try {
      GuestRun run = profiled.run(input);
      profiler.endRun(run.cycles());
      return run;
    } catch (GuestRunException e) {
      profiler.endRun(e.cycle());
      throw e;
    }
  }

  @Override
  public GuestRun run(byte[] input, HostOracle oracle) {
    return recording.run(input, oracle);
  }

  /** The profiled runs so far. */
  public EvmProfile profile() {
    return profiler.profile();
  }
}
