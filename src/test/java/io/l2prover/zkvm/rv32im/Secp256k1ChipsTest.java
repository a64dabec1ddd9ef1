package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secp256k1_add and secp256k1_double chips: a guest's calls (2G, 2G + G, G + G and G + (−G)
 * answering 1, a point with y = 0, coordinates near p off the curve, P and Q at the same address)
 * proven and verified with the executor's answers, and forged calls rejected, each named by the
 * check that catches it: among them a forged "returns 1", a forged "writes nothing" and a forged λ.
 */
class Secp256k1ChipsTest {

  static final BigInteger P = Secp256k1Step.P;
  static final BigInteger GX = new BigInteger("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16);
  static final BigInteger GY = new BigInteger("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", 16);
  static final BigInteger G3X = new BigInteger("f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9", 16);
  static final BigInteger G3Y = new BigInteger("388f7b0f632de8140fe337e62a37f3566500a99934c2231b6cb9fd7584b8e672", 16);

  private static final BigInteger[][] POINTS = {
      {GX, GY}, {GX, GY}, {GX, GY}, {GX, P.subtract(GY)}, {BigInteger.valueOf(5), BigInteger.ZERO},
      {P.subtract(BigInteger.ONE), P.subtract(BigInteger.ONE)}, {BigInteger.ONE, P.subtract(BigInteger.TWO)}, {GX, GY}};
  private static final int ADD = Secp256k1AddChip.CALL;
  private static final int DOUBLE = Secp256k1DoubleChip.CALL;
  /** 2G; 2G + G; G + G (1); G + (−G) (1); double (5, 0) (1); double and add off the curve; P + P at one address (1). */
  private static final int[][] CALLS = {{DOUBLE, 0, 0, 0}, {ADD, 0, 1, 0}, {ADD, 1, 2, 0}, {ADD, 2, 3, 0},
      {DOUBLE, 4, 0, 0}, {DOUBLE, 5, 0, 0}, {ADD, 5, 6, 0}, {ADD, 7, 7, 0}};

  private static PrecompileForgery forgery;

  @BeforeAll
  static void traceCalls() {
    int[][] words = new int[POINTS.length][];
    for (int k = 0; k < POINTS.length; k++) {
      words[k] = new int[16];
      System.arraycopy(Uint256.toWords(POINTS[k][0]), 0, words[k], 0, 8);
      System.arraycopy(Uint256.toWords(POINTS[k][1]), 0, words[k], 8, 8);
    }
    forgery = new PrecompileForgery(SmallSegments.proven(TestPrograms.precompileCalls(words, CALLS), 10));
  }

  @Test
  void aGuestsCallsAreProvenAndVerifiedWithTheExecutorsAnswers() throws InvalidProofException {
    ExecutionTraces.Tables honest = forgery.honest();
    ByteBuffer journal = ByteBuffer.wrap(honest.journal()).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> results = new ArrayList<>();
    for (int i = 0; i < CALLS.length; i++) {
      results.add(journal.getInt());
    }
    assertThat(results).containsExactly(0, 0, 1, 1, 1, 0, 0, 1);
    assertThat(coordinate(honest.journal(), 0, 0)).as("3G's x").isEqualTo(G3X);
    assertThat(coordinate(honest.journal(), 0, 1)).as("3G's y").isEqualTo(G3Y);
    assertThat(coordinate(honest.journal(), 1, 0)).as("P unchanged by G + G").isEqualTo(GX);
    assertThat(ExecutionTracesTest.check(honest)).isEmpty();
    forgery.provesAndVerifies();
  }

  static Stream<PrecompileForgery.Forged> forgeries() {
    String add = "secp256k1_add";
    String dbl = "secp256k1_double";
    return Stream.of(
        outputMoved("add: a wrong output word (its below-p gap kept)", add, 0, "x3", "secp256k1_add: x3: limb position 0"),
        outputMoved("double: a wrong output word (its below-p gap kept)", dbl, 0, "y3",
            "secp256k1_double: y3: limb position 0"),
        forged("add: a forged slope alone", add, 0, "lambda[0]", 1, "secp256k1_add: x3: limb position 0"),
        forged("add: a forged 'returns 1' (x1 and x2 differ)", add, 0, "same_x", 1, "same_x: x1 = x2, limb 0"),
        forged("add: a forged 'returns 0' on equal x", add, 1, "same_x", -1, "x1 differs from x2 unless same_x"),
        forged("double: a forged 'returns 1' (y is not 0)", dbl, 0, "y_zero", 1, "secp256k1_double: y_zero: y = 0"),
        forged("double: a forged 'returns 0' on y = 0", dbl, 1, "y_zero", -1, "y is not 0 unless y_zero"),
        outputMoved("add: something written though it returns 1", add, 1, "y3", "nothing written: y limb 0"),
        new PrecompileForgery.Forged("add: a quotient limb out of range (its value and carries kept)", add, 0,
            forgery.quotientOutOfRange(add, 0, "slope", P), "bus BYTE"),
        new PrecompileForgery.Forged("double: a carry byte out of range (the carry kept)", dbl, 0,
            List.of(new PrecompileForgery.Cell("x3_carry_lo[3]", forgery.cell(dbl, 0, "x3_carry_lo[3]") + 256),
                new PrecompileForgery.Cell("x3_carry_hi[3]", forgery.cell(dbl, 0, "x3_carry_hi[3]") - 1)),
            "bus BYTE"),
        forged("add: Q read from the next word", add, 0, "q_byte0_div4", 1, "secp256k1_add: q is word aligned"),
        forged("add: the result written to the next word", add, 0, "p_byte0_div4", 1, "secp256k1_add: p is word aligned"),
        forged("double: the result written to the next word", dbl, 0, "p_byte0_div4", 1,
            "secp256k1_double: p is word aligned"));
  }

  /** Limb 0 of {@code value} one higher, its below-p gap one lower: only the relations see it. */
  private static PrecompileForgery.Forged outputMoved(String name, String chip, int call, String value, String check) {
    String gap = value + "_below_p_gap[0]";
    return new PrecompileForgery.Forged(name, chip, call, List.of(
        new PrecompileForgery.Cell(value + "[0]", forgery.cell(chip, call, value + "[0]") + 1L),
        new PrecompileForgery.Cell(gap, forgery.cell(chip, call, gap) - 1L)), check);
  }

  @Test
  void aForgedSlopeWithItsResultRecomputedFailsOnlyTheSlopeRelation() {
    Secp256k1AddChip add = (Secp256k1AddChip) chip("secp256k1_add");
    Secp256k1DoubleChip dbl = (Secp256k1DoubleChip) chip("secp256k1_double");
    // Call 0 of add is 2G + G; call 0 of double is 2G. λ + 1 with x3, y3 and every gadget refilled from it.
    BigInteger[] twoG = {new BigInteger("c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5", 16),
        new BigInteger("1ae168fea63dc339a3c58419466ceaeef7f632653266d0e1236431a950cfe52a", 16)};
    BigInteger addSlope = GY.subtract(twoG[1]).multiply(GX.subtract(twoG[0]).modInverse(P)).add(BigInteger.ONE).mod(P);
    forgery.rejects(forgery.refilled("secp256k1_add", 0, (t, row) -> add.step.fill(t, row, twoG[0], twoG[1], GX, addSlope)),
        "secp256k1_add: slope: limb position 0");
    BigInteger doubleSlope = GX.multiply(GX).multiply(BigInteger.valueOf(3)).multiply(GY.shiftLeft(1).modInverse(P))
        .add(BigInteger.ONE).mod(P);
    forgery.rejects(forgery.refilled("secp256k1_double", 0, (t, row) -> dbl.step.fill(t, row, GX, GY, GX, doubleSlope)),
        "secp256k1_double: slope: limb position 0");
  }

  private static Chip chip(String name) {
    return SharedChips.ROW_PRECOMPILES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** The cell {@code column} of call {@code call} moved by {@code delta}. */
  private static PrecompileForgery.Forged forged(String name, String chip, int call, String column, int delta, String check) {
    return new PrecompileForgery.Forged(name, chip, call,
        List.of(new PrecompileForgery.Cell(column, forgery.cell(chip, call, column) + (long) delta)), check);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void everyForgedCallIsNamedAndRejected(PrecompileForgery.Forged f) {
    forgery.rejects(f);
  }

  /** Coordinate i of point k as the journal holds it after the results. */
  private static BigInteger coordinate(byte[] journal, int k, int i) {
    int[] words = new int[Uint256.WORDS];
    ByteBuffer b = ByteBuffer.wrap(journal).order(ByteOrder.LITTLE_ENDIAN);
    for (int w = 0; w < words.length; w++) {
      words[w] = b.getInt(4 * CALLS.length + 64 * k + 32 * i + 4 * w);
    }
    return Uint256.fromWords(words);
  }
}
