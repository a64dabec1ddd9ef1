package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.rv32im.ExecutionProof;
import io.l2prover.zkvm.rv32im.ExecutionTraces;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.rv32im.Rv32imKeys;
import io.l2prover.zkvm.rv32im.Rv32imProver;
import io.l2prover.zkvm.rv32im.Syscall;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.SecurityReport;
import io.l2prover.zkvm.stark.prover.MainCommitment;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a guest run into a {@code composite} receipt: executes the program with a trace, builds
 * every table, proves every segment and the memory, and seals the proofs with the program's
 * commitment and exit code. Receipts use {@link FriParameters#DEFAULT}, the parameters
 * {@link ReceiptVerifier} checks them with.
 */
public final class CompositeProver {

  /**
   * One finished proof (a segment or the memory), for progress output: its tallest table, its
   * time (from the end of the shared phase 1 to its finish) and what each of its tables cost in
   * both phases.
   */
  public record Step(String what, int logRows, long millis, List<MainCommitment.TableTime> tables) {}

  /** A receipt with what it cost. */
  public record Proved(Receipt receipt, ExecutionResult execution, List<Step> steps, long traceMillis,
      long proveMillis, SecurityReport security) {}

  /**
   * The largest segment a proof can hold: timestamps 4 clk + slot of one segment must stay below
   * the memory argument's 2^25 range-checked gap.
   */
  public static final int MAX_PO2 = 22;

  private final ComputeBackend backend;
  private final DeviceCheck.Listener deviceFailures;

  public CompositeProver(ComputeBackend backend) {
    this(backend, DeviceCheck.Listener.NONE);
  }

  /**
   * @param deviceFailures told of each segment proof made on a device (a backend other than the
   *     CPU reference) that failed its check and was proven again on the CPU
   */
  public CompositeProver(ComputeBackend backend, DeviceCheck.Listener deviceFailures) {
    this.backend = backend;
    this.deviceFailures = deviceFailures;
  }

  /** The image ID of a program: computable from the ELF alone, without running it. */
  public ImageId imageId(Program program) {
    return ImageId.of(prover().keys(new Rv32imCircuit(GuestProgram.of(program))).imageId());
  }

  /**
   * Proves {@code program} on {@code input}; {@code options} set the segment size and the guest's
   * output streams (their trace sink is replaced).
   */
  public Proved prove(Program program, byte[] input, ExecutorOptions options, java.util.function.Consumer<Step> progress) {
    long started = System.nanoTime();
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = execute(program, input, options, trace);
    Rv32imCircuit circuit = new Rv32imCircuit(GuestProgram.of(program));
    ExecutionTraces.Tables tables = ExecutionTraces.build(circuit, result, trace);
    long traced = System.nanoTime();
    Rv32imProver prover = prover();
    DeviceCheck check = new DeviceCheck(backend, prover.params(), deviceFailures);
    List<Step> steps = new ArrayList<>();
    ExecutionProof proof = prover.prove(circuit, tables, new Rv32imProver.Progress() {
      private final java.util.Map<String, Long> finished = new java.util.HashMap<>();
      private final java.util.Map<String, Integer> heights = new java.util.HashMap<>();

      @Override
      public void proved(String what, int logRows, long millis) {
        finished.put(what, millis);
        heights.put(what, logRows);
      }

      @Override
      public void tables(String what, List<MainCommitment.TableTime> times) {
        Step step = new Step(what, heights.get(what), finished.get(what), times);
        steps.add(step);
        progress.accept(step);
      }
    }, (main, challenges, segment) -> check.finish(prover, circuit, main, challenges, segment));
    long proved = System.nanoTime();
    Rv32imKeys keys = prover.keys(circuit);
    return new Proved(seal(keys, result, proof), result, List.copyOf(steps), (traced - started) / 1_000_000,
        (proved - traced) / 1_000_000, proof.security(keys, result.journal().length));
  }

  /**
   * The traced run a proof is made of: only the precompile calls with chips on
   * ({@link Syscall#PROVEN_PRECOMPILES}: the probe and Keccak-f; the others answer -ENOSYS, as
   * qemu does, and guests fall back), every instruction into {@code trace}.
   */
  static ExecutionResult execute(Program program, byte[] input, ExecutorOptions options, TraceBuffer trace) {
    if (options.po2() > MAX_PO2) {
      throw new IllegalArgumentException("segments of 2^" + options.po2() + " cycles cannot be proven; at most 2^"
          + MAX_PO2);
    }
    return Executor.run(program, input, options.withTrace(trace).withPrecompiles(Syscall.PROVEN_PRECOMPILES));
  }

  /** The receipt of {@code proof}: the one encoding, whichever way its proofs were made. */
  static Receipt seal(Rv32imKeys keys, ExecutionResult result, ExecutionProof proof) {
    byte[] seal = new CompositeSeal(keys.commitment(), result.exitCode(), proof).encode();
    return new Receipt(ReceiptKind.COMPOSITE, ImageId.of(keys.imageId()), Bytes.of(result.journal()),
        Bytes.of(seal), "STARK proofs of " + proof.segments().size() + " segments and the memory");
  }

  Rv32imProver prover() {
    return Rv32imProver.checked(backend, FriParameters.DEFAULT);
  }
}
