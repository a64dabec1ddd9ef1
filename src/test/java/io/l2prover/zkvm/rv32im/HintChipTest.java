package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The hints chip: invmod256_hint and secp256k1_sqrt_hint calls (an inverse, none, a square root, a
 * non-square's witness) proven with the executor's answers; a result other than 0 or 1, an output
 * byte of 256, a write where invmod answers 1, and moved pointers rejected.
 */
class HintChipTest {

  static final BigInteger P = Secp256k1Step.P;

  private static final BigInteger[] OPERANDS = {BigInteger.ZERO, BigInteger.valueOf(3), P, BigInteger.valueOf(9),
      BigInteger.TWO, BigInteger.valueOf(4), BigInteger.ZERO, P.subtract(BigInteger.ONE)};
  /** 1/3 mod p (0); 2 mod 4 (1, nothing written over the 9); sqrt(4) (0); sqrt(p − 1) (1, a root of 1). */
  private static final int[][] CALLS = {{HintChip.INVMOD, 0, 1, 2}, {HintChip.INVMOD, 3, 4, 5}, {HintChip.SQRT, 6, 5, 0},
      {HintChip.SQRT, 0, 7, 0}};

  private static PrecompileForgery forgery;

  @BeforeAll
  static void traceCalls() {
    forgery = PrecompileForgery.ofCalls(OPERANDS, CALLS);
  }

  @Test
  void hintCallsAreProvenAndVerifiedWithTheExecutorsAnswers() throws InvalidProofException {
    ExecutionTraces.Tables honest = forgery.honest();
    ByteBuffer journal = ByteBuffer.wrap(honest.journal()).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> results = new ArrayList<>();
    for (int i = 0; i < CALLS.length; i++) {
      results.add(journal.getInt());
    }
    assertThat(results).containsExactly(0, 1, 0, 1);
    assertThat(operand(honest.journal(), 3)).as("invmod answering 1 wrote nothing").isEqualTo(BigInteger.valueOf(9));
    assertThat(operand(honest.journal(), 6).pow(2).mod(P)).as("sqrt(4)²").isEqualTo(BigInteger.valueOf(4));
    assertThat(operand(honest.journal(), 0).pow(2).mod(P)).as("the non-square's witness²").isEqualTo(BigInteger.ONE);
    assertThat(ExecutionTracesTest.check(honest)).isEmpty();
    forgery.provesAndVerifies();
  }

  static Stream<PrecompileForgery.Forged> forgeries() {
    String chip = "hints";
    return Stream.of(
        forged("a result of 2", 0, "result", 2, "hints: result is boolean"),
        new PrecompileForgery.Forged("an output byte of 256 (the value kept)", chip, 2,
            forgery.limbOutOfRange(chip, 2, "out", 0), "bus BYTE"),
        forged("invmod answering 1 but writing", 1, "out[0]", 1, "hints: nothing written, limb 0"),
        forged("invmod answering 1 claimed to be a square root (writes allowed)", 1, "is_sqrt", 1,
            "hints: writes_nothing is invmod answering 1"),
        forged("the answer written to the next word", 0, "out_byte0_div4", 1, "hints: out is word aligned"),
        forged("an input pointer moved off its word", 0, "a_byte0_div4", 1, "hints: a is word aligned"));
  }

  private static PrecompileForgery.Forged forged(String name, int call, String column, int delta, String check) {
    return new PrecompileForgery.Forged(name, "hints", call,
        List.of(new PrecompileForgery.Cell(column, forgery.cell("hints", call, column) + (long) delta)), check);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void everyForgedCallIsNamedAndRejected(PrecompileForgery.Forged f) {
    forgery.rejects(f);
  }

  private static BigInteger operand(byte[] journal, int k) {
    int[] words = new int[Uint256.WORDS];
    ByteBuffer b = ByteBuffer.wrap(journal).order(ByteOrder.LITTLE_ENDIAN);
    for (int w = 0; w < words.length; w++) {
      words[w] = b.getInt(4 * CALLS.length + 64 * k + 4 * w);
    }
    return Uint256.fromWords(words);
  }
}
