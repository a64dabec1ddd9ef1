package io.l2prover.zkvm.stark.fri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FriTest {

  private final CpuBackend backend = new CpuBackend();

  private static FriParameters params(int logArity) {
    return new FriParameters(2, 20, 4, 2, logArity);
  }

  private int[] lowDegreeCodeword(int logDegree, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] evals = new int[4 << logDegree];
    for (int i = 0; i < evals.length; i++) {
      evals[i] = random.nextInt(BabyBear.P);
    }
    return backend.cosetLde(evals, 4, logDegree, 2, BabyBear.GENERATOR);
  }

  private void proveAndVerify(int[] codeword, FriShape shape, FriParameters params) throws FriVerificationException {
    Transcript pt = new Transcript("fri-test");
    FriProver prover = new FriProver(backend, params);
    FriProver.Committed committed = prover.commit(pt, codeword, shape);
    FriProver.Queries queries = committed.drawQueries(pt);
    FriProof proof = committed.prove(queries);

    Transcript vt = new Transcript("fri-test");
    FriVerifier verifier = new FriVerifier(params);
    FriVerifier.Challenges ch = verifier.replay(vt, proof, shape);
    assertThat(ch.positions()).isEqualTo(queries.positions());
    Ext4[] layer0 = new Ext4[ch.positions().length];
    for (int q = 0; q < layer0.length; q++) {
      layer0[q] = value(codeword, ch.positions()[q]);
    }
    verifier.verifyQueries(proof, shape, ch, layer0);
  }

  private static Ext4 value(int[] codeword, int i) {
    return new Ext4(codeword[4 * i], codeword[4 * i + 1], codeword[4 * i + 2], codeword[4 * i + 3]);
  }

  @ParameterizedTest
  @CsvSource({"0, 1", "1, 1", "2, 1", "3, 1", "6, 1", "9, 1", "3, 2", "6, 2", "9, 2", "2, 3", "5, 3", "6, 3", "9, 3"})
  void acceptsLowDegree(int logDegree, int logArity) throws Exception {
    FriParameters params = params(logArity);
    FriShape shape = FriShape.of(logDegree, params, BabyBear.GENERATOR);
    proveAndVerify(lowDegreeCodeword(logDegree, logDegree), shape, params);
  }

  @ParameterizedTest
  @CsvSource({"3, 1", "8, 1", "8, 2", "7, 3"})
  void rejectsTooHighDegree(int logDegree, int logArity) {
    // A polynomial of twice the claimed degree: far from the code of the claimed rate.
    FriParameters params = params(logArity);
    FriShape claimed = FriShape.of(logDegree, params, BabyBear.GENERATOR);
    int[] evals = new int[4 << (logDegree + 1)];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < evals.length; i++) {
      evals[i] = random.nextInt(BabyBear.P);
    }
    int[] codeword = backend.cosetLde(evals, 4, logDegree + 1, 1, BabyBear.GENERATOR);
    assertThatThrownBy(() -> proveAndVerify(codeword, claimed, params)).isInstanceOf(FriVerificationException.class);
  }

  @Test
  void roundsCoverEveryFold() {
    FriShape shape = new FriShape(10, 2, 3, 3, BabyBear.GENERATOR);
    assertThat(shape.folds()).isEqualTo(7);
    assertThat(shape.rounds()).isEqualTo(3);
    assertThat(shape.roundBits(0)).isEqualTo(3);
    assertThat(shape.roundBits(2)).isEqualTo(1);
    assertThat(new FriShape(2, 2, 3, 2, BabyBear.GENERATOR).firstGroupBits()).isZero();
  }

  @Test
  void securityFormula() {
    assertThat(FriParameters.DEFAULT.conjecturedSecurityBits()).isGreaterThanOrEqualTo(100);
    assertThat(new FriParameters(3, 28, 16, 0, 1).conjecturedSecurityBits()).isEqualTo(100);
  }
}
