package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mulmod256 chip: a guest's calls (a modulus of 256 bits, one of 2 bits with a 510-bit
 * quotient, operands above the modulus, a squaring with a = b in memory) proven and verified with
 * the executor's answers, and forged calls rejected, each named by the check that catches it.
 */
class MulModChipTest {

  static final BigInteger P = BigInteger.TWO.pow(256).subtract(BigInteger.TWO.pow(32)).subtract(BigInteger.valueOf(977));
  static final BigInteger N = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  static final BigInteger ONES = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  /** Operands: p − 1 twice, p, 2^256 − 1, n, 3, and 2^256 − 1 again (squared in place). */
  private static final BigInteger[] OPERANDS = {P.subtract(BigInteger.ONE), P.subtract(BigInteger.ONE), P, ONES, N,
      BigInteger.valueOf(3), ONES};
  /** (p − 1)² mod p, (2^256 − 1)·(2^256 − 1) mod 3 (a quotient of 510 bits), (2^256 − 1)² mod n with a = b. */
  private static final int[][] CALLS = {{MulModChip.CALL, 0, 1, 2}, {MulModChip.CALL, 3, 6, 5}, {MulModChip.CALL, 6, 6, 4}};

  private static PrecompileForgery forgery;

  @BeforeAll
  static void traceCalls() {
    forgery = PrecompileForgery.ofCalls(OPERANDS, CALLS);
  }

  @Test
  void aGuestsCallsAreProvenAndVerifiedWithTheExecutorsAnswers() throws InvalidProofException {
    ExecutionTraces.Tables honest = forgery.honest();
    assertThat(honest.exitCode()).as("the probe's answer").isEqualTo(Syscall.PROVEN_PRECOMPILES);
    ByteBuffer journal = ByteBuffer.wrap(honest.journal()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(List.of(journal.getInt(), journal.getInt(), journal.getInt())).as("results").containsExactly(0, 0, 0);
    assertThat(operand(honest.journal(), 0)).isEqualTo(BigInteger.ONE);
    assertThat(operand(honest.journal(), 3)).isEqualTo(ONES.multiply(ONES).mod(BigInteger.valueOf(3)));
    assertThat(operand(honest.journal(), 6)).isEqualTo(ONES.multiply(ONES).mod(N));
    assertThat(ExecutionTracesTest.check(honest)).isEmpty();
    forgery.provesAndVerifies();
  }

  static Stream<PrecompileForgery.Forged> forgeries() {
    String chip = "mulmod256";
    return Stream.of(
        new PrecompileForgery.Forged("a wrong output word", chip, 0,
            List.of(new PrecompileForgery.Cell("c[0]", forgery.cell(chip, 0, "c[0]") + 1)),
            "mulmod256: ab_minus_c: limb position 0"),
        new PrecompileForgery.Forged("a result limb out of range (its value, carries and gap kept)", chip, 0,
            cells(forgery.limbOutOfRange(chip, 0, "c", 4), forgery.carryMoved(chip, 0, "ab_minus_c", 4, -1),
                List.of(new PrecompileForgery.Cell("c_below_m_gap_carry[4]", 1))), "bus BYTE"),
        new PrecompileForgery.Forged("a quotient limb out of range (its value and carries kept)", chip, 1,
            cells(forgery.limbOutOfRange(chip, 1, "ab_minus_c_q", 0), forgery.carryMoved(chip, 1, "ab_minus_c", 0, -3)),
            "ab_minus_c: quotient limbs 0, 1"),
        new PrecompileForgery.Forged("a carry byte out of range (the carry kept)", chip, 0,
            List.of(new PrecompileForgery.Cell("ab_minus_c_carry_lo[0]", forgery.cell(chip, 0, "ab_minus_c_carry_lo[0]") + 256),
                new PrecompileForgery.Cell("ab_minus_c_carry_hi[0]", forgery.cell(chip, 0, "ab_minus_c_carry_hi[0]") - 1)),
            "ab_minus_c: carry 0"),
        new PrecompileForgery.Forged("b read from the next word", chip, 0,
            List.of(new PrecompileForgery.Cell("b_byte0_div4", forgery.cell(chip, 0, "b_byte0_div4") + 1)),
            "mulmod256: b is word aligned"),
        new PrecompileForgery.Forged("the result written to the next word", chip, 0,
            List.of(new PrecompileForgery.Cell("a_byte0_div4", forgery.cell(chip, 0, "a_byte0_div4") + 1)),
            "mulmod256: a is word aligned"),
        new PrecompileForgery.Forged("a result not below the modulus (its gap wrapped)", chip, 0,
            List.of(new PrecompileForgery.Cell("c_below_m_gap_carry[30]", 2)), "c_below_m_gap_carry[30] is boolean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void everyForgedCallIsNamedAndRejected(PrecompileForgery.Forged f) {
    forgery.rejects(f);
  }

  @SafeVarargs
  static List<PrecompileForgery.Cell> cells(List<PrecompileForgery.Cell>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  /** Operand k as the journal holds it after the results. */
  private static BigInteger operand(byte[] journal, int k) {
    int[] words = new int[Uint256.WORDS];
    ByteBuffer b = ByteBuffer.wrap(journal).order(ByteOrder.LITTLE_ENDIAN);
    for (int w = 0; w < words.length; w++) {
      words[w] = b.getInt(4 * CALLS.length + 64 * k + 4 * w);
    }
    return Uint256.fromWords(words);
  }
}
