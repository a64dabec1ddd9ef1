package io.l2prover.zkvm.stark.poseidon2;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel's reduction steps on the whole ranges it relies on, edges included. */
class Poseidon2KernelTest {

  private static final long P = BabyBear.P;

  @Test
  void barrettReductionIsExactOverItsRange() {
    Random rnd = new Random(4);
    long lo = -Poseidon2Kernel.OFFSET;
    long hi = 1L << 44;
    long[] edges = {lo, lo + 1, -P - 1, -P, -P + 1, -1, 0, 1, P - 1, P, P + 1, 36 * P - 1, hi - 1};
    for (long v : edges) {
      assertThat(Poseidon2Kernel.reduce(v)).as("reduce(%d)", v).isEqualTo(Math.floorMod(v, P));
    }
    for (int i = 0; i < 2_000_000; i++) {
      long v = switch (i % 3) {
        case 0 -> lo + (long) (rnd.nextDouble() * (hi - lo));
        case 1 -> -rnd.nextInt(1024) * P - rnd.nextInt(1 << 20); // just below multiples of p
        default -> rnd.nextInt(1024) * P + rnd.nextInt(1 << 20) - (1 << 19);
      };
      assertThat(Poseidon2Kernel.reduce(v)).isEqualTo(Math.floorMod(v, P));
      long lazy = Poseidon2Kernel.reduceLazy(v);
      assertThat(lazy).isBetween(-P, P - 1);
      assertThat(Math.floorMod(lazy, P)).isEqualTo(Math.floorMod(v, P));
    }
  }

  @Test
  void signedMontgomeryProductStaysInRange() {
    Random rnd = new Random(5);
    BigInteger rInv = BigInteger.TWO.pow(32).modInverse(BigInteger.valueOf(P));
    long[] edges = {-P, -1, 0, 1, P};
    for (int i = 0; i < 1_000_000; i++) {
      long a = i < 25 ? edges[i % 5] : rnd.nextLong() % P;
      long b = i < 25 ? edges[i / 5] : rnd.nextLong() % P;
      long m = Poseidon2Kernel.montMul(a, b);
      assertThat(Math.abs(m)).isLessThan(P);
      long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(rInv)
          .mod(BigInteger.valueOf(P)).longValue();
      assertThat(Math.floorMod(m, P)).isEqualTo(expected);
    }
  }
}
