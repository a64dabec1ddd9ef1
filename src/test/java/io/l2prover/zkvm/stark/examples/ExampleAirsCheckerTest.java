package io.l2prover.zkvm.stark.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.AuxTrace;
import io.l2prover.zkvm.stark.air.ConstraintFailure;
import io.l2prover.zkvm.stark.air.DebugChecker;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExampleAirsCheckerTest {

  private static final Ext4[] CHALLENGES = {new Ext4(12345, 678, 9, 10), new Ext4(77, 88, 99, 1234567)};

  private static Optional<ConstraintFailure> check(ExampleAir air, int logRows, int[][] main, int[] publics) {
    int[][] pre = air.preprocessedTrace(logRows);
    Optional<ConstraintFailure> failure = DebugChecker.checkMain(air, pre, main, publics);
    if (failure.isPresent() || air.auxPhase().isEmpty()) {
      return failure;
    }
    AuxTrace aux = air.auxPhase().get().build(pre, main, CHALLENGES);
    return DebugChecker.checkAux(air, pre, main, publics, aux, CHALLENGES);
  }

  @Test
  void fibonacciValidAndBroken() {
    FibonacciAir air = new FibonacciAir();
    ExampleTrace t = air.generate(5, 0);
    assertThat(check(air, 5, t.main(), t.publicValues())).isEmpty();
    t.main()[1][7] ^= 1;
    ConstraintFailure f = check(air, 5, t.main(), t.publicValues()).orElseThrow();
    assertThat(f.row()).isEqualTo(6);
    assertThat(f.constraint()).isEqualTo("next b is a + b");
  }

  @Test
  void fibonacciWrongResult() {
    FibonacciAir air = new FibonacciAir();
    ExampleTrace t = air.generate(4, 0);
    int[] publics = t.publicValues().clone();
    publics[2]++;
    ConstraintFailure f = check(air, 4, t.main(), publics).orElseThrow();
    assertThat(f.row()).isEqualTo(15);
    assertThat(f.constraint()).isEqualTo("b ends at the result");
  }

  @Test
  void rangeCheckValidAndOutOfRange() {
    RangeCheckAir air = new RangeCheckAir();
    ExampleTrace t = air.generate(16, 3);
    assertThat(check(air, 16, t.main(), t.publicValues())).isEmpty();
    int old = t.main()[2][100];
    t.main()[2][100] = 1 << 16;
    t.main()[4][old]--;
    ConstraintFailure f = check(air, 16, t.main(), t.publicValues()).orElseThrow();
    assertThat(f.row()).isEqualTo(ConstraintFailure.NO_ROW);
    assertThat(f.describe()).contains("LogUp sums do not balance");
  }

  @Test
  void memoryValidAndInconsistentRead() {
    MemoryAir air = new MemoryAir();
    ExampleTrace t = air.generate(8, 5);
    assertThat(check(air, 8, t.main(), t.publicValues())).isEmpty();
    int[][] m = t.main();
    int read = -1;
    for (int r = 0; r < 256 && read < 0; r++) {
      if (m[MemoryAir.WRITE][r] == 0) {
        read = r;
      }
    }
    m[MemoryAir.VAL][read] = (m[MemoryAir.VAL][read] + 1);
    MemoryAir.fillSorted(m);
    ConstraintFailure f = check(air, 8, m, t.publicValues()).orElseThrow();
    assertThat(f.constraint()).containsAnyOf("read returns the last value", "first read of an address returns 0",
        "first sorted read returns 0");
  }

  @Test
  void memorySortedCopyNotAPermutation() {
    MemoryAir air = new MemoryAir();
    ExampleTrace t = air.generate(6, 9);
    t.main()[MemoryAir.VAL][10] ^= 4; // execution log changed, sorted copy kept
    ConstraintFailure f = check(air, 6, t.main(), t.publicValues()).orElseThrow();
    assertThat(f.describe()).contains("LogUp sums do not balance");
  }
}
