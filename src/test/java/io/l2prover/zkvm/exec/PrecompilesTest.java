package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** Each precompile on guest memory against an independent answer (BouncyCastle, BigInteger), edge cases and refusals. */
class PrecompilesTest {

  private static final int A = 0x20000;
  private static final int B = 0x20100;
  private static final int C = 0x20200;
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger P = Precompiles.P;

  private final Memory memory = newMemory();
  private final Random random = new Random(42);

  private static Memory newMemory() {
    Memory m = new Memory(false, 16);
    m.map(A, Memory.PAGE_SIZE, Memory.READ | Memory.WRITE);
    m.map(0x30000, Memory.PAGE_SIZE, Memory.READ);
    return m;
  }

  @Test
  void keccakFAsASpongeGivesBouncyCastlesKeccak256() {
    assertThat(KeccakF1600ViaCall.hash(memory, new byte[0])).isEqualTo(keccak256(new byte[0]));
    for (int length : new int[] {1, 135, 136, 137, 500}) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      assertThat(KeccakF1600ViaCall.hash(memory, data)).as("length %d", length).isEqualTo(keccak256(data));
    }
  }

  @Test
  void keccakFOfTheZeroStateMatchesTheKeccakTeamsValues() {
    memory.writeBytes(A, new byte[200], 0, 200);
    assertThat(Precompiles.call(Precompiles.KECCAK_F, memory, A, 0, 0)).isZero();
    assertThat(readWord(A)).isEqualTo(0x40e1dde7);
    assertThat(readWord(A + 4)).isEqualTo(0xf1258f79);
    assertThat(readWord(A + 8 * 24 + 4)).isEqualTo(0xeaf1ff7b);
  }

  @Test
  void mulmodMatchesBigIntegerOnEdgesAndRandomValues() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    BigInteger[] values = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P, N.subtract(BigInteger.ONE),
        max, new BigInteger(256, random), new BigInteger(256, random)};
    BigInteger[] moduli = {BigInteger.ONE, BigInteger.TWO, P, N, max, new BigInteger(256, random).setBit(0)};
    for (BigInteger a : values) {
      for (BigInteger b : values) {
        for (BigInteger m : moduli) {
          write(A, a);
          write(B, b);
          write(C, m);
          assertThat(Precompiles.call(Precompiles.MULMOD256, memory, A, B, C)).isZero();
          assertThat(read(A)).as("%s * %s mod %s", a, b, m).isEqualTo(a.multiply(b).mod(m));
        }
      }
    }
  }

  @Test
  void mulmodByZeroModulusIsAFault() {
    write(C, BigInteger.ZERO);
    assertThatThrownBy(() -> Precompiles.call(Precompiles.MULMOD256, memory, A, B, C))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("modulus 0");
  }

  @Test
  void addAndDoubleMatchBouncyCastleOnRandomMultiplesOfG() {
    ECPoint g = CURVE.getG();
    for (int i = 0; i < 20; i++) {
      ECPoint p = g.multiply(new BigInteger(256, random).mod(N)).normalize();
      ECPoint q = g.multiply(new BigInteger(256, random).mod(N)).normalize();
      writePoint(A, p);
      writePoint(B, q);
      assertThat(Precompiles.call(Precompiles.SECP256K1_ADD, memory, A, B, 0)).isZero();
      assertThat(readPoint(A)).isEqualTo(p.add(q).normalize());
      writePoint(A, p);
      assertThat(Precompiles.call(Precompiles.SECP256K1_DOUBLE, memory, A, 0, 0)).isZero();
      assertThat(readPoint(A)).isEqualTo(p.twice().normalize());
    }
  }

  @Test
  void equalXAndZeroYAnswerOneAndWriteNothing() {
    ECPoint g = CURVE.getG().normalize();
    writePoint(A, g);
    writePoint(B, g);
    assertThat(Precompiles.call(Precompiles.SECP256K1_ADD, memory, A, B, 0)).as("P + P").isEqualTo(1);
    assertThat(readPoint(A)).isEqualTo(g);
    writePoint(B, g.negate().normalize());
    assertThat(Precompiles.call(Precompiles.SECP256K1_ADD, memory, A, B, 0)).as("P + -P").isEqualTo(1);
    assertThat(readPoint(A)).isEqualTo(g);
    write(A, BigInteger.valueOf(5));
    write(A + 32, BigInteger.ZERO);
    assertThat(Precompiles.call(Precompiles.SECP256K1_DOUBLE, memory, A, 0, 0)).as("y = 0").isEqualTo(1);
    assertThat(read(A)).isEqualTo(BigInteger.valueOf(5));
  }

  @Test
  void coordinatesNotBelowPAreFaults() {
    write(A, P);
    write(A + 32, BigInteger.ONE);
    assertThatThrownBy(() -> Precompiles.call(Precompiles.SECP256K1_DOUBLE, memory, A, 0, 0))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("not below p");
  }

  @Test
  void inverseHintAnswersTheInverseOrOneWhereThereIsNone() {
    for (BigInteger m : new BigInteger[] {P, N}) {
      for (BigInteger a : new BigInteger[] {BigInteger.ONE, BigInteger.TWO, m.subtract(BigInteger.ONE),
          new BigInteger(255, random)}) {
        write(B, a);
        write(C, m);
        assertThat(Precompiles.call(Precompiles.INVMOD256_HINT, memory, A, B, C)).isZero();
        assertThat(read(A).multiply(a).mod(m)).isEqualTo(BigInteger.ONE);
      }
    }
    write(A, BigInteger.valueOf(77));
    write(B, BigInteger.ZERO);
    write(C, P);
    assertThat(Precompiles.call(Precompiles.INVMOD256_HINT, memory, A, B, C)).as("0").isEqualTo(1);
    write(B, BigInteger.TWO);
    write(C, BigInteger.valueOf(4));
    assertThat(Precompiles.call(Precompiles.INVMOD256_HINT, memory, A, B, C)).as("2 mod 4").isEqualTo(1);
    assertThat(read(A)).as("nothing written").isEqualTo(BigInteger.valueOf(77));
  }

  @Test
  void sqrtHintAnswersARootOfAOrOfMinusA() {
    for (int i = 0; i < 20; i++) {
      BigInteger a = new BigInteger(256, random).mod(P);
      write(B, a);
      int claim = Precompiles.call(Precompiles.SECP256K1_SQRT_HINT, memory, A, B, 0);
      BigInteger root = read(A);
      BigInteger expected = claim == 0 ? a : P.subtract(a).mod(P);
      assertThat(root.multiply(root).mod(P)).isEqualTo(expected);
    }
    write(B, BigInteger.ZERO);
    assertThat(Precompiles.call(Precompiles.SECP256K1_SQRT_HINT, memory, A, B, 0)).isZero();
    assertThat(read(A)).isZero();
    write(B, P.subtract(BigInteger.ONE));
    assertThat(Precompiles.call(Precompiles.SECP256K1_SQRT_HINT, memory, A, B, 0)).as("-1 is no square").isEqualTo(1);
  }

  @Test
  void everyCallCostsAtLeastItsChipRows() {
    // Segment sizing rests on it: a segment of 2^po2 cycles never needs a chip table taller than
    // 2^po2 rows. The Keccak-f chip takes one row per round, every other chip one row per call.
    assertThat(Precompiles.cycles(Precompiles.KECCAK_F)).isGreaterThanOrEqualTo(KeccakF1600.ROUNDS);
    for (int call = Precompiles.FIRST; call <= Precompiles.LAST; call++) {
      assertThat(Precompiles.cycles(call)).as("call 0x%x", call).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void sqrtHintTakesAnyNumberModP() {
    BigInteger four = BigInteger.valueOf(4);
    write(B, P.add(four));
    assertThat(Precompiles.call(Precompiles.SECP256K1_SQRT_HINT, memory, A, B, 0)).as("p + 4 is 4 mod p").isZero();
    assertThat(read(A).multiply(read(A)).mod(P)).isEqualTo(four);
    write(B, P);
    assertThat(Precompiles.call(Precompiles.SECP256K1_SQRT_HINT, memory, A, B, 0)).as("p is 0 mod p").isZero();
    assertThat(read(A)).isZero();
  }

  @Test
  void badPointersAreFaultsThatNameTheOperand() {
    assertThatThrownBy(() -> Precompiles.call(Precompiles.KECCAK_F, memory, A + 2, 0, 0))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("keccak_f state (a0) at 0x00020002 is not 4-byte aligned");
    assertThatThrownBy(() -> Precompiles.call(Precompiles.KECCAK_F, memory, 0x40000, 0, 0))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("unmapped address 0x00040000");
    write(C, P);
    assertThatThrownBy(() -> Precompiles.call(Precompiles.MULMOD256, memory, 0x30000, B, C))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("not writable");
    assertThatThrownBy(() -> Precompiles.call(Precompiles.KECCAK_F, memory, 0xffffffc0, 0, 0))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("past the end of the address space");
  }

  @Test
  void aStateRunningOffItsPageIsRefusedBeforeAnythingIsWritten() {
    int nearEnd = A + Memory.PAGE_SIZE - 100; // the next page is unmapped
    byte[] before = memory.peekBytes(nearEnd, 100);
    assertThatThrownBy(() -> Precompiles.call(Precompiles.KECCAK_F, memory, nearEnd, 0, 0))
        .isInstanceOf(MemoryFault.class).hasMessageContaining("unmapped");
    assertThat(memory.peekBytes(nearEnd, 100)).isEqualTo(before);
  }

  @Test
  void theProbeNamesEveryCall() {
    int mask = Precompiles.call(Precompiles.PROBE, memory, 0, 0, 0);
    for (int n = Precompiles.FIRST; n <= Precompiles.LAST; n++) {
      assertThat((mask >>> (n - 0x1000)) & 1).as("call %d", n).isEqualTo(1);
      assertThat(Precompiles.cycles(n)).isPositive();
    }
    assertThat(mask & 1).as("phase is no precompile").isZero();
  }

  private static byte[] keccak256(byte[] data) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** Keccak-256 with its permutations done by the precompile on guest memory at {@link #A}. */
  private static final class KeccakF1600ViaCall {
    static byte[] hash(Memory memory, byte[] data) {
      int rate = 136;
      byte[] state = new byte[200];
      byte[] padded = new byte[(data.length / rate + 1) * rate];
      System.arraycopy(data, 0, padded, 0, data.length);
      padded[data.length] ^= 0x01;
      padded[padded.length - 1] ^= (byte) 0x80;
      for (int block = 0; block < padded.length; block += rate) {
        for (int i = 0; i < rate; i++) {
          state[i] ^= padded[block + i];
        }
        memory.writeBytes(A, state, 0, 200);
        Precompiles.call(Precompiles.KECCAK_F, memory, A, 0, 0);
        state = memory.readBytes(A, 200);
      }
      byte[] out = new byte[32];
      System.arraycopy(state, 0, out, 0, 32);
      return out;
    }
  }

  private int readWord(int address) {
    return memory.peekWord(address);
  }

  private void write(int address, BigInteger value) {
    byte[] le = new byte[32];
    byte[] be = value.toByteArray();
    for (int i = 0; i < Math.min(32, be.length); i++) {
      le[i] = be[be.length - 1 - i];
    }
    memory.writeBytes(address, le, 0, 32);
  }

  private BigInteger read(int address) {
    byte[] le = memory.readBytes(address, 32);
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = le[i];
    }
    return new BigInteger(be);
  }

  private void writePoint(int address, ECPoint p) {
    write(address, p.getAffineXCoord().toBigInteger());
    write(address + 32, p.getAffineYCoord().toBigInteger());
  }

  private ECPoint readPoint(int address) {
    return CURVE.getCurve().createPoint(read(address), read(address + 32));
  }
}
