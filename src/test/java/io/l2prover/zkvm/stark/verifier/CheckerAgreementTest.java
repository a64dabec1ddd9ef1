package io.l2prover.zkvm.stark.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.AuxTrace;
import io.l2prover.zkvm.stark.air.ConstraintFailure;
import io.l2prover.zkvm.stark.air.DebugChecker;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.ExampleAir;
import io.l2prover.zkvm.stark.examples.ExampleTrace;
import io.l2prover.zkvm.stark.examples.FibonacciAir;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import io.l2prover.zkvm.stark.prover.StarkProver;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random single-cell corruptions: the verifier accepts the unchecked prover's proof exactly when
 * the debug checker accepts the trace (some cells, such as the memory AIR's last-row flag, are
 * free, so a changed trace may still be valid).
 */
class CheckerAgreementTest {

  private static final Ext4[] PROBE = {new Ext4(3, 1, 4, 1), new Ext4(5, 9, 2, 6)};
  private final CpuBackend backend = new CpuBackend();
  private final FriParameters params = FriParameters.DEFAULT;

  @Test
  void fibonacci() {
    agree(new FibonacciAir(), 4, 12);
  }

  @Test
  void memory() {
    agree(new MemoryAir(), 4, 16);
  }

  private void agree(ExampleAir air, int logRows, int cases) {
    ProvingKey key = ProvingKey.setup(air, logRows, params, backend);
    SplittableRandom random = new SplittableRandom(air.name().hashCode());
    int rejected = 0;
    for (int i = 0; i < cases; i++) {
      ExampleTrace t = air.generate(logRows, i);
      int column = random.nextInt(air.mainWidth());
      int row = random.nextInt(t.rows());
      t.main()[column][row] = random.nextBoolean() ? BabyBear.add(t.main()[column][row], 1) : random.nextInt(2);
      boolean valid = checkerAccepts(air, logRows, t);
      StarkProof proof = StarkProver.unchecked(backend).prove(key, t.main(), t.publicValues());
      boolean verified;
      try {
        new StarkVerifier(params).verify(air, key.verifyingKey(), proof, t.publicValues());
        verified = true;
      } catch (InvalidProofException e) {
        verified = false;
      }
      assertThat(verified).as("%s: cell (%d, %d) changed; checker says valid=%s", air.name(), row, column, valid)
          .isEqualTo(valid);
      rejected += valid ? 0 : 1;
    }
    assertThat(rejected).as("most corruptions break the trace").isGreaterThan(cases / 2);
  }

  /**
   * The checker's verdict. LogUp balance does not depend on the challenges (a multiset identity),
   * so fixed probe challenges stand in for the transcript's.
   */
  private static boolean checkerAccepts(ExampleAir air, int logRows, ExampleTrace t) {
    int[][] pre = air.preprocessedTrace(logRows);
    Optional<ConstraintFailure> failure = DebugChecker.checkMain(air, pre, t.main(), t.publicValues());
    if (failure.isEmpty() && air.auxPhase().isPresent()) {
      AuxTrace aux = air.auxPhase().get().build(pre, t.main(), PROBE);
      failure = DebugChecker.checkAux(air, pre, t.main(), t.publicValues(), aux, PROBE);
    }
    return failure.isEmpty();
  }
}
