package io.l2prover.zkvm.stark.fri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FriTest {

  private static final FriParameters PARAMS = new FriParameters(2, 20, 4, 2);
  private final CpuBackend backend = new CpuBackend();

  private int[] lowDegreeCodeword(int logDegree, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] evals = new int[4 << logDegree];
    for (int i = 0; i < evals.length; i++) {
      evals[i] = random.nextInt(BabyBear.P);
    }
    return backend.cosetLde(evals, 4, logDegree, PARAMS.logBlowup(), BabyBear.GENERATOR);
  }

  private void proveAndVerify(int[] codeword, FriShape shape) throws FriVerificationException {
    Transcript pt = new Transcript("fri-test");
    FriProver prover = new FriProver(backend, PARAMS);
    FriProver.Committed committed = prover.commit(pt, codeword, shape);
    FriProver.Queries queries = committed.drawQueries(pt);
    FriProof proof = committed.prove(queries);

    Transcript vt = new Transcript("fri-test");
    FriVerifier verifier = new FriVerifier(PARAMS);
    FriVerifier.Challenges ch = verifier.replay(vt, proof, shape);
    assertThat(ch.positions()).isEqualTo(queries.positions());
    Ext4[][] pairs = new Ext4[ch.positions().length][];
    for (int q = 0; q < pairs.length; q++) {
      int p = ch.positions()[q] & ~1;
      pairs[q] = new Ext4[] {value(codeword, p), value(codeword, p + 1)};
    }
    verifier.verifyQueries(proof, shape, ch, pairs);
  }

  private static Ext4 value(int[] codeword, int i) {
    return new Ext4(codeword[4 * i], codeword[4 * i + 1], codeword[4 * i + 2], codeword[4 * i + 3]);
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "2", "3", "6", "9"})
  void acceptsLowDegree(int logDegree) throws Exception {
    FriShape shape = new FriShape(logDegree, PARAMS.logBlowup(), PARAMS.logFinalDegree(), BabyBear.GENERATOR);
    proveAndVerify(lowDegreeCodeword(logDegree, logDegree), shape);
  }

  @ParameterizedTest
  @CsvSource({"3", "8"})
  void rejectsTooHighDegree(int logDegree) {
    // A polynomial of twice the claimed degree: far from the code of the claimed rate.
    FriShape claimed = new FriShape(logDegree, PARAMS.logBlowup(), PARAMS.logFinalDegree(), BabyBear.GENERATOR);
    int[] evals = new int[4 << (logDegree + 1)];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < evals.length; i++) {
      evals[i] = random.nextInt(BabyBear.P);
    }
    int[] codeword = backend.cosetLde(evals, 4, logDegree + 1, PARAMS.logBlowup() - 1, BabyBear.GENERATOR);
    assertThatThrownBy(() -> proveAndVerify(codeword, claimed)).isInstanceOf(FriVerificationException.class);
  }

  @ParameterizedTest
  @CsvSource({"4"})
  void securityFormula(int unused) {
    assertThat(FriParameters.DEFAULT.conjecturedSecurityBits()).isGreaterThanOrEqualTo(100);
    assertThat(new FriParameters(3, 28, 16, 0).conjecturedSecurityBits()).isEqualTo(100);
  }
}
