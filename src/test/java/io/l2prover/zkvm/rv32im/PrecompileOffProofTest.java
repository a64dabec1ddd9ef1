package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import org.junit.jupiter.api.Test;

/** A proven run may call a precompile that is off in it: the ecall row proves it answered -ENOSYS. */
class PrecompileOffProofTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;

  @Test
  void aCallAnsweredEnosysIsProvenAndAnotherAnswerIsRejected() throws InvalidProofException {
    SmallSegments.Proven run = SmallSegments.proven(TestPrograms.callThenExitWithResult(Syscall.FIRST_OFF), 10);
    Rv32imCircuit circuit = run.circuit();
    ExecutionTraces.Tables honest = run.tables();
    assertThat(honest.exitCode()).isEqualTo(Ecall.ENOSYS);
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
