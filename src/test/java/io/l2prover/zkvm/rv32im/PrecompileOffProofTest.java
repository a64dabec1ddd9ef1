package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import org.junit.jupiter.api.Test;

/** A proven run may call a precompile while they are off: the ecall row proves it answered -ENOSYS. */
class PrecompileOffProofTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;

  @Test
  void aCallAnsweredEnosysIsProvenAndAnotherAnswerIsRejected() throws InvalidProofException {
    Program program = Program.fromElf(TestPrograms.callThenExitWithResult(Ecall.FIRST_PRECOMPILE + 1));
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = Executor.run(program, new byte[0],
        SmallSegments.options(10).withTrace(trace).withPrecompiles(false));
    assertThat(result.exitCode()).isEqualTo(Ecall.ENOSYS);
    Rv32imCircuit circuit = new Rv32imCircuit(GuestProgram.of(program));
    ExecutionTraces.Tables honest = ExecutionTraces.build(circuit, result, trace);
    Rv32imProver cheater = Rv32imProver.unchecked(new CpuBackend(), PARAMS);
    Rv32imKeys keys = cheater.keys(circuit);
    new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, honest, (w, l, t) -> {}), honest.exitCode(),
        honest.journal());

    ExecutionTraces.Tables forged = Rv32imSoundnessTest.mutate(honest, new Rv32imSoundnessTest.Mutation(
        "a precompile answering another value than -ENOSYS", "ecall", "is_precompile_off", v -> v == 1, "result[0]", 0x26));
    assertThat(ExecutionTracesTest.check(forged)).isPresent();
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, forged, (w, l, t) -> {}),
        forged.exitCode(), forged.journal())).isInstanceOf(InvalidProofException.class);
  }
}
