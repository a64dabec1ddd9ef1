package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.Ecall;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import org.junit.jupiter.api.Test;

/**
 * Every precompile call is on in a proven run and has a chip, so none can be off there: a call
 * claimed to answer -ENOSYS, as it would with the call off, is rejected (its chip proves 0).
 */
class PrecompileOffProofTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;

  @Test
  void aCallClaimedOffIsRejected() throws InvalidProofException {
    int[][] operands = {{3}, {5}, {7}};
    SmallSegments.Proven run = SmallSegments.proven(TestPrograms.precompileCalls(operands,
        new int[][] {{MulModChip.CALL, 0, 1, 2}}), 10);
    Rv32imCircuit circuit = run.circuit();
    ExecutionTraces.Tables honest = run.tables();
    assertThat(honest.exitCode()).as("every call on").isEqualTo(Syscall.PROVEN_PRECOMPILES);
    Rv32imProver cheater = Rv32imProver.unchecked(new CpuBackend(), PARAMS);
    Rv32imKeys keys = cheater.keys(circuit);
    new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, honest, (w, l, t) -> {}), honest.exitCode(),
        honest.journal());

    ExecutionTraces.Tables forged = Rv32imSoundnessTest.mutate(honest, new Rv32imSoundnessTest.Mutation(
        "mulmod256 answering -ENOSYS (its low byte)", "ecall", "is_chip_call", v -> v == 1, "result[0]", Ecall.ENOSYS & 0xff));
    assertThat(ExecutionTracesTest.check(forged)).isPresent();
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, forged, (w, l, t) -> {}),
        forged.exitCode(), forged.journal())).isInstanceOf(InvalidProofException.class);
  }
}
