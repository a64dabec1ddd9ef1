package io.l2prover.guest;

import io.l2prover.chain.witness.GuestRun;
import io.l2prover.chain.witness.GuestRunException;
import io.l2prover.chain.witness.GuestRunner;
import io.l2prover.chain.witness.HostOracle;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.HostCalls;
import io.l2prover.zkvm.exec.Program;

/** The chain layer's {@link GuestRunner}, backed by our executor: how the chain reaches the block guest. */
public final class ExecutorGuestRunner implements GuestRunner {

  private final Program guest;
  private final ExecutorOptions options;

  public ExecutorGuestRunner(Program guest, ExecutorOptions options) {
    this.guest = guest;
    this.options = options;
  }

  /** The bundled block guest with the executor's defaults (precompiles on). */
  public static ExecutorGuestRunner blockGuest() {
    return blockGuest(ExecutorOptions.defaults());
  }

  /** The bundled block guest under {@code options}. */
  public static ExecutorGuestRunner blockGuest(ExecutorOptions options) {
    return new ExecutorGuestRunner(Program.fromElf(Guests.bundled("block")), options);
  }

  @Override
  public GuestRun run(byte[] input) {
    return execute(input, null);
  }

  @Override
  public GuestRun run(byte[] input, HostOracle oracle) {
    return execute(input, (number, a0, a1, a2, memory) -> oracle.call(number, a0, a1, a2, new HostOracle.GuestMemory() {
      @Override
      public byte[] read(int address, int length) {
        return memory.read(address, length);
      }

      @Override
      public void write(int address, byte[] data) {
        memory.write(address, data);
      }
    }));
  }

  /** Runs with {@code calls} answering the host-only calls, or none (null). */
  private GuestRun execute(byte[] input, HostCalls calls) {
    try {
      ExecutionResult r = Executor.run(guest, input, options, calls);
      return new GuestRun(r.exitCode(), r.journal(), r.stderr(), r.cycles());
    } catch (GuestFault e) {
      throw new GuestRunException(e.getMessage(), e.cycle(), e);
    }
  }
}
