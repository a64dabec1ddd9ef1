package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TraceBuffer;

/** Executor options for tests: small segments, guest output discarded. */
final class SmallSegments {
  private SmallSegments() {}

  static ExecutorOptions options(int po2) {
    return ExecutorOptions.defaults().withPo2(po2).withOutput(OutputSinks.NULL, OutputSinks.NULL);
  }

  /** A guest's circuit and the tables of its run as a proof runs it (the proven precompiles on). */
  record Proven(Rv32imCircuit circuit, ExecutionTraces.Tables tables) {}

  /** {@code elf} run without input in segments of 2^{@code po2}, traced with the proven precompiles. */
  static Proven proven(byte[] elf, int po2) {
    return proven(elf, new byte[0], po2);
  }

  /** {@code elf} run on {@code input} in segments of 2^{@code po2}, traced with the proven precompiles. */
  static Proven proven(byte[] elf, byte[] input, int po2) {
    Program program = Program.fromElf(elf);
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = Executor.run(program, input,
        options(po2).withTrace(trace).withPrecompiles(Syscall.PROVEN_PRECOMPILES));
    Rv32imCircuit circuit = new Rv32imCircuit(GuestProgram.of(program));
    return new Proven(circuit, ExecutionTraces.build(circuit, result, trace));
  }
}
