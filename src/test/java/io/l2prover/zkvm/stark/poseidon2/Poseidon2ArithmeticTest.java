package io.l2prover.zkvm.stark.poseidon2;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernels' reduction steps on the whole ranges they rely on, edges included. */
class Poseidon2ArithmeticTest {

  private static final long P = BabyBear.P;

  @Test
  void barrettReductionIsExactOverItsRange() {
    Random rnd = new Random(4);
    long lo = -Poseidon2Arithmetic.OFFSET;
    long hi = 1L << 44;
    long[] edges = {lo, lo + 1, -P - 1, -P, -P + 1, -1, 0, 1, P - 1, P, P + 1, 36 * P - 1, hi - 1};
    for (long v : edges) {
      long r = Poseidon2Arithmetic.reduceLazy(v);
      assertThat(r).as("reduceLazy(%d)", v).isBetween(-P, P - 1);
      assertThat(Math.floorMod(r, P)).isEqualTo(Math.floorMod(v, P));
    }
    for (int i = 0; i < 2_000_000; i++) {
      long v = switch (i % 3) {
        case 0 -> lo + (long) (rnd.nextDouble() * (hi - lo));
        case 1 -> -rnd.nextInt(1024) * P - rnd.nextInt(1 << 20); // just below multiples of p
        default -> rnd.nextInt(1024) * P + rnd.nextInt(1 << 20) - (1 << 19);
      };
      long lazy = Poseidon2Arithmetic.reduceLazy(v);
      assertThat(lazy).isBetween(-P, P - 1);
      assertThat(Math.floorMod(lazy, P)).isEqualTo(Math.floorMod(v, P));
    }
  }

  @Test
  void radix30ReductionIsExactOverItsRange() {
    Random rnd = new Random(14);
    BigInteger inv = BigInteger.TWO.pow(30).modInverse(BigInteger.valueOf(P));
    long bound = (1L << 29) * P - 1;
    long[] edges = {-bound, -bound + 1, -P, -1, 0, 1, P, 36 * P, bound - 1, bound};
    for (int i = 0; i < 1_000_000; i++) {
      long x = i < edges.length ? edges[i] : (long) ((rnd.nextDouble() * 2 - 1) * bound);
      long r = Poseidon2Arithmetic.redc30(x);
      assertThat(Math.abs(r)).as("redc30(%d)", x).isLessThan(P);
      long expected = BigInteger.valueOf(x).multiply(inv).mod(BigInteger.valueOf(P)).longValue();
      assertThat(Math.floorMod(r, P)).isEqualTo(expected);
    }
  }

  @Test
  void halvingIsExactDivisionByPowersOfTwo() {
    Random rnd = new Random(16);
    for (int k : new int[] {1, 2, 3, 4, 8, 27}) {
      BigInteger inv = BigInteger.TWO.pow(k).modInverse(BigInteger.valueOf(P));
      for (int i = 0; i < 100_000; i++) {
        long x = i < 3 ? (i - 1) * ((1L << 40) - 1) : (long) ((rnd.nextDouble() * 2 - 1) * (1L << 40));
        long h = Poseidon2Arithmetic.halve(x, k);
        assertThat(Math.floorMod(h, P)).isEqualTo(BigInteger.valueOf(x).multiply(inv).mod(BigInteger.valueOf(P)).longValue());
        assertThat(h).isBetween(Math.floorDiv(x, 1L << k), Math.floorDiv(x, 1L << k) + P);
      }
    }
  }

  @Test
  void scaleIsAFixedPointOfTheSboxChain() {
    BigInteger p = BigInteger.valueOf(P);
    BigInteger c = BigInteger.TWO.modPow(BigInteger.valueOf(Poseidon2Arithmetic.SCALE_LOG2), p);
    assertThat(c.pow(6).mod(p)).isEqualTo(BigInteger.TWO.modPow(BigInteger.valueOf(30 * 7 + 32 * 6), p));
    Random rnd = new Random(17);
    for (int i = 0; i < 100_000; i++) {
      long s = i < 3 ? new long[] {0, 1, P - 1}[i] : rnd.nextInt(BabyBear.P);
      long scaled = BigInteger.valueOf(s).multiply(c).mod(p).longValue() - (i % 2 == 0 ? 0 : 30 * P);
      long expected = BigInteger.valueOf(s).modPow(BigInteger.valueOf(7), p).multiply(c).mod(p).longValue();
      assertThat(Math.floorMod(Poseidon2Arithmetic.sbox(scaled), P)).isEqualTo(expected);
    }
  }

  @Test
  void shiftOnlyMontgomeryProductIsExact() {
    Random rnd = new Random(5);
    BigInteger rInv = BigInteger.TWO.pow(32).modInverse(BigInteger.valueOf(P));
    long[] edges = {-P + 1, -1, 0, 1, P - 1};
    for (int i = 0; i < 1_000_000; i++) {
      long a = i < 25 ? edges[i % 5] : rnd.nextLong() % P;
      long b = i < 25 ? edges[i / 5] : rnd.nextLong() % P;
      long m = Poseidon2Arithmetic.mont(a, b);
      assertThat(Math.abs(m)).isLessThan(P);
      long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(rInv)
          .mod(BigInteger.valueOf(P)).longValue();
      assertThat(Math.floorMod(m, P)).isEqualTo(expected);
    }
  }
}
