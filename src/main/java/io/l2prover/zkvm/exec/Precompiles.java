package io.l2prover.zkvm.exec;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Field;
import org.bouncycastle.math.raw.Mod;

/**
 * The zkVM's precompiles (system calls 0x1001..0x1007, docs/executor.md): Keccak-f[1600] and
 * secp256k1 arithmetic computed by the host, each charged a fixed number of cycles. Two of them
 * are hints (a modular inverse, a square root): their answer is not part of the call's
 * semantics, and the guest must check it (one modular product) before using it.
 *
 * <p>Operands live in guest memory as words: a 256-bit number is 8 little-endian 32-bit words
 * (least significant first), a point its x then its y (16 words), the Keccak state its 25
 * lanes of two words each (low word first). Every pointer must be 4-byte aligned, and the
 * whole operand readable (and writable where the call writes); anything else is a fault.
 */
final class Precompiles {

  /** a0 = 0; returns the bit mask of the calls available (bit {@code n - 0x1000} for call n). */
  static final int PROBE = 0x1001;
  /** a0 = state (200 bytes): Keccak-f[1600] in place. */
  static final int KECCAK_F = 0x1002;
  /** a0 = a (in and out), a1 = b, a2 = m: a = a * b mod m, for m != 0. */
  static final int MULMOD256 = 0x1003;
  /** a0 = P (in and out), a1 = Q: P = P + Q (affine); returns 1 and writes nothing when x(P) = x(Q). */
  static final int SECP256K1_ADD = 0x1004;
  /** a0 = P (in and out): P = 2P (affine); returns 1 and writes nothing when y(P) = 0. */
  static final int SECP256K1_DOUBLE = 0x1005;
  /** Hint. a0 = out, a1 = a, a2 = m: out = a^-1 mod m; returns 1 and writes nothing when there is none. */
  static final int INVMOD256_HINT = 0x1006;
  /** Hint. a0 = out, a1 = a (below p): out^2 = a mod p and returns 0, else out^2 = -a mod p and returns 1. */
  static final int SECP256K1_SQRT_HINT = 0x1007;

  static final int FIRST = Ecall.FIRST_PRECOMPILE;
  static final int LAST = Ecall.LAST_PRECOMPILE;

  /** The probe's answer with every call on: bit n - 0x1000 for each call n (0xfe). */
  static final int ALL = (int) (((1L << (LAST - 0x1000 + 1)) - 1) & ~((1L << (FIRST - 0x1000)) - 1));

  /** Linux's -ENOSYS, what qemu-riscv32 answers to a number it does not know. */
  static final int ENOSYS = Ecall.ENOSYS;

  static final BigInteger P = BigInteger.TWO.pow(256).subtract(BigInteger.TWO.pow(32)).subtract(BigInteger.valueOf(977));
  private static final BigInteger P_PLUS_1_OVER_4 = P.add(BigInteger.ONE).shiftRight(2);
  /** p as 8 little-endian words, for the below-p check of point coordinates. */
  private static final int[] P_WORDS = {0xfffffc2f, 0xfffffffe, -1, -1, -1, -1, -1, -1};

  private Precompiles() {}

  static boolean isPrecompile(int number) {
    return number >= FIRST && number <= LAST;
  }

  /**
   * Cycles charged for call {@code number}, the ecall included: one for the ecall, one per word
   * of guest memory read or written (what the loads and stores of that data cost), and the
   * arithmetic: 24 for Keccak-f's rounds, 4 per 256-bit modular product. Never fewer than the
   * call's rows in its chip, so a segment's cycles bound its tables' heights (docs/executor.md).
   */
  static int cycles(int number) {
    return switch (number) {
      case PROBE -> 1;
      case KECCAK_F -> 1 + 100 + 24;            // 50 words in, 50 out
      case MULMOD256 -> 1 + 32 + 4;             // a, b, m in, a out; one product
      case SECP256K1_ADD -> 1 + 48 + 3 * 4;     // P, Q in, P out; slope check, x3, y3
      case SECP256K1_DOUBLE -> 1 + 32 + 4 * 4;  // P in and out; x^2, slope check, x3, y3
      case INVMOD256_HINT -> 1 + 24;            // a, m in, out
      case SECP256K1_SQRT_HINT -> 1 + 16;       // a in, out
      default -> throw new IllegalArgumentException("not a precompile: " + number);
    };
  }

  /** Whether call {@code number} is on in {@code mask} (bit {@code number - 0x1000}). */
  static boolean enabled(int mask, int number) {
    return isPrecompile(number) && (mask >>> (number - 0x1000) & 1) != 0;
  }

  /** Performs precompile {@code number} with every call on; returns its result for a0. */
  static int call(int number, Memory memory, int a0, int a1, int a2) {
    return call(number, memory, ALL, a0, a1, a2);
  }

  /**
   * Performs precompile {@code number} on the machine's memory; returns its result for a0. The
   * probe answers {@code mask}, the calls that are on.
   */
  static int call(int number, Memory memory, int mask, int a0, int a1, int a2) {
    return switch (number) {
      case PROBE -> mask;
      case KECCAK_F -> keccakF(memory, a0);
      case MULMOD256 -> mulmod(memory, a0, a1, a2);
      case SECP256K1_ADD -> add(memory, a0, a1);
      case SECP256K1_DOUBLE -> twice(memory, a0);
      case INVMOD256_HINT -> inverse(memory, a0, a1, a2);
      case SECP256K1_SQRT_HINT -> sqrt(memory, a0, a1);
      default -> throw new IllegalArgumentException("not a precompile: " + number);
    };
  }

  private static int keccakF(Memory memory, int address) {
    int[] words = readWords(memory, address, 50, "keccak_f state (a0)");
    long[] lanes = new long[25];
    for (int i = 0; i < 25; i++) {
      lanes[i] = Integer.toUnsignedLong(words[2 * i]) | (long) words[2 * i + 1] << 32;
    }
    KeccakF1600.permute(lanes);
    for (int i = 0; i < 25; i++) {
      words[2 * i] = (int) lanes[i];
      words[2 * i + 1] = (int) (lanes[i] >>> 32);
    }
    writeWords(memory, address, words, 0, 50, "keccak_f state (a0)");
    return 0;
  }

  private static int mulmod(Memory memory, int aAddress, int bAddress, int mAddress) {
    BigInteger a = readNumber(memory, aAddress, "mulmod256 a (a0)");
    BigInteger b = readNumber(memory, bAddress, "mulmod256 b (a1)");
    BigInteger m = readNumber(memory, mAddress, "mulmod256 modulus (a2)");
    if (m.signum() == 0) {
      throw new MemoryFault("mulmod256 with modulus 0 (a2 points to zero)");
    }
    writeNumber(memory, aAddress, a.multiply(b).mod(m), "mulmod256 result (a0)");
    return 0;
  }

  // Point arithmetic runs on BouncyCastle's secp256k1 field (8 little-endian words, fully reduced),
  // the same layout as guest memory: the block guest makes about 200 of these calls per signature.

  private static int add(Memory memory, int pAddress, int qAddress) {
    int[][] p = readPoint(memory, pAddress, "secp256k1_add P (a0)");
    int[][] q = readPoint(memory, qAddress, "secp256k1_add Q (a1)");
    checkWritable(memory, pAddress, 16, "secp256k1_add P (a0)");
    if (Arrays.equals(p[0], q[0])) {
      return 1;
    }
    int[] dx = new int[8];
    int[] slope = new int[8];
    SecP256K1Field.subtract(q[0], p[0], dx);
    invert(dx);
    SecP256K1Field.subtract(q[1], p[1], slope);
    SecP256K1Field.multiply(slope, dx, slope);
    writeChordResult(memory, pAddress, p, q[0], slope, "secp256k1_add P (a0)");
    return 0;
  }

  private static int twice(Memory memory, int pAddress) {
    int[][] p = readPoint(memory, pAddress, "secp256k1_double P (a0)");
    checkWritable(memory, pAddress, 16, "secp256k1_double P (a0)");
    if (SecP256K1Field.isZero(p[1]) != 0) {
      return 1;
    }
    int[] xx = new int[8];
    int[] slope = new int[8];
    int[] twoY = new int[8];
    SecP256K1Field.square(p[0], xx);
    SecP256K1Field.twice(xx, slope);
    SecP256K1Field.add(slope, xx, slope); // 3x^2
    SecP256K1Field.twice(p[1], twoY);
    invert(twoY);
    SecP256K1Field.multiply(slope, twoY, slope);
    writeChordResult(memory, pAddress, p, p[0], slope, "secp256k1_double P (a0)");
    return 0;
  }

  /** v = 1/v mod p for v != 0; variable time, about twice as fast as BouncyCastle's constant-time inversion (all inputs are public). */
  private static void invert(int[] v) {
    Mod.checkedModOddInverseVar(P_WORDS, v.clone(), v);
  }

  /** Writes (x3, y3) with x3 = slope^2 - x1 - x2 and y3 = slope * (x1 - x3) - y1, all mod p. */
  private static void writeChordResult(Memory memory, int address, int[][] p, int[] x2, int[] slope, String what) {
    int[] x3 = new int[8];
    int[] y3 = new int[8];
    SecP256K1Field.square(slope, x3);
    SecP256K1Field.subtract(x3, p[0], x3);
    SecP256K1Field.subtract(x3, x2, x3);
    SecP256K1Field.subtract(p[0], x3, y3);
    SecP256K1Field.multiply(slope, y3, y3);
    SecP256K1Field.subtract(y3, p[1], y3);
    writeWords(memory, address, x3, 0, 8, what);
    writeWords(memory, address + 32, y3, 0, 8, what);
  }

  private static int inverse(Memory memory, int out, int aAddress, int mAddress) {
    BigInteger a = readNumber(memory, aAddress, "invmod256 a (a1)");
    BigInteger m = readNumber(memory, mAddress, "invmod256 modulus (a2)");
    checkWritable(memory, out, 8, "invmod256 result (a0)");
    if (m.compareTo(BigInteger.ONE) <= 0 || !a.gcd(m).equals(BigInteger.ONE)) {
      return 1;
    }
    writeNumber(memory, out, a.modInverse(m), "invmod256 result (a0)");
    return 0;
  }

  /**
   * Any 256-bit a, reduced mod p: a hint's value is never a fault, because nothing proves the
   * answer (HintChip) and so nothing could prove a fault on the value either; the guest checks it.
   */
  private static int sqrt(Memory memory, int out, int aAddress) {
    BigInteger a = readNumber(memory, aAddress, "secp256k1_sqrt a (a1)").mod(P);
    checkWritable(memory, out, 8, "secp256k1_sqrt result (a0)");
    // p = 3 mod 4: a^((p+1)/4) is a root of a when a is a square; otherwise -a is one (-1 is not a square).
    BigInteger root = a.modPow(P_PLUS_1_OVER_4, P);
    boolean square = root.multiply(root).mod(P).equals(a);
    if (!square) {
      root = P.subtract(a).mod(P).modPow(P_PLUS_1_OVER_4, P);
    }
    writeNumber(memory, out, root, "secp256k1_sqrt result (a0)");
    return square ? 0 : 1;
  }

  private static int[][] readPoint(Memory memory, int address, String what) {
    return new int[][] {readFieldElement(memory, address, what), readFieldElement(memory, address + 32, what)};
  }

  /** 8 words holding a number below p. */
  private static int[] readFieldElement(Memory memory, int address, String what) {
    int[] v = readWords(memory, address, 8, what);
    for (int i = 7; i >= 0; i--) {
      int c = Integer.compareUnsigned(v[i], P_WORDS[i]);
      if (c < 0) {
        return v;
      }
      if (c > 0) {
        break;
      }
    }
    throw new MemoryFault(String.format("%s at 0x%08x holds a coordinate that is not below p (reduce it first)",
        what, address));
  }

  private static BigInteger readNumber(Memory memory, int address, String what) {
    int[] words = readWords(memory, address, 8, what);
    byte[] bigEndian = new byte[33];
    for (int i = 0; i < 8; i++) {
      int w = words[i];
      int at = 32 - 4 * i;
      bigEndian[at] = (byte) w;
      bigEndian[at - 1] = (byte) (w >>> 8);
      bigEndian[at - 2] = (byte) (w >>> 16);
      bigEndian[at - 3] = (byte) (w >>> 24);
    }
    return new BigInteger(bigEndian);
  }

  private static void writeNumber(Memory memory, int address, BigInteger value, String what) {
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = value.shiftRight(32 * i).intValue();
    }
    writeWords(memory, address, words, 0, 8, what);
  }

  private static int[] readWords(Memory memory, int address, int count, String what) {
    checkRange(address, count, what);
    byte[] bytes = memory.readBytes(address, 4 * count);
    int[] words = new int[count];
    for (int i = 0; i < count; i++) {
      words[i] = (bytes[4 * i] & 0xff) | (bytes[4 * i + 1] & 0xff) << 8 | (bytes[4 * i + 2] & 0xff) << 16
          | (bytes[4 * i + 3] & 0xff) << 24;
    }
    return words;
  }

  private static void writeWords(Memory memory, int address, int[] words, int from, int count, String what) {
    checkWritable(memory, address, count, what);
    byte[] bytes = new byte[4 * count];
    for (int i = 0; i < count; i++) {
      int w = words[from + i];
      bytes[4 * i] = (byte) w;
      bytes[4 * i + 1] = (byte) (w >>> 8);
      bytes[4 * i + 2] = (byte) (w >>> 16);
      bytes[4 * i + 3] = (byte) (w >>> 24);
    }
    memory.writeBytes(address, bytes, 0, bytes.length);
  }

  /** Faults before anything is written if the result's words are not writable, so a call writes all or nothing. */
  private static void checkWritable(Memory memory, int address, int count, String what) {
    checkRange(address, count, what);
    memory.writeBytes(address, memory.readBytes(address, 4 * count), 0, 4 * count);
  }

  private static void checkRange(int address, int count, String what) {
    if ((address & 3) != 0) {
      throw new MemoryFault(String.format("%s at 0x%08x is not 4-byte aligned (precompile operands are words)",
          what, address));
    }
    if (Integer.toUnsignedLong(address) + 4L * count > 1L << 32) {
      throw new MemoryFault(String.format("%s at 0x%08x runs past the end of the address space", what, address));
    }
  }
}
