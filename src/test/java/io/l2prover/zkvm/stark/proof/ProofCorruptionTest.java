package io.l2prover.zkvm.stark.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.ExampleAir;
import io.l2prover.zkvm.stark.examples.ExampleTrace;
import io.l2prover.zkvm.stark.examples.FibonacciAir;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import io.l2prover.zkvm.stark.prover.StarkProver;
import io.l2prover.zkvm.stark.verifier.StarkVerifier;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every corrupted encoding of a valid proof is refused with a checked exception, never accepted, never a crash. */
class ProofCorruptionTest {

  private static final FriParameters PARAMS = FriParameters.DEFAULT;
  private static final ExampleAir AIR = new FibonacciAir();
  private static ProvingKey key;
  private static ExampleTrace trace;
  private static byte[] valid;

  @BeforeAll
  static void prove() {
    CpuBackend backend = new CpuBackend();
    key = ProvingKey.setup(AIR, 3, PARAMS, backend);
    trace = AIR.generate(3, 0);
    valid = ProofCodec.encode(StarkProver.checked(backend).prove(key, trace.main(), trace.publicValues()));
  }

  /** Decodes and verifies; returns normally only if the bytes are a valid proof. */
  private static void check(byte[] bytes) throws InvalidProofException {
    new StarkVerifier(PARAMS).verify(AIR, key.verifyingKey(), ProofCodec.decode(bytes), trace.publicValues());
  }

  @Test
  void validProofVerifiesAndEncodingIsStable() throws Exception {
    check(valid);
    assertThat(ProofCodec.encode(ProofCodec.decode(valid))).isEqualTo(valid);
  }

  @Test
  void everyOneOfTwoThousandRandomBitFlipsIsRejected() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < 2000; i++) {
      byte[] corrupted = valid.clone();
      int bit = random.nextInt(8 * corrupted.length);
      corrupted[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> check(corrupted))
          .as("flip of bit %d (byte %d of %d)", bit, bit / 8, corrupted.length)
          .isInstanceOf(InvalidProofException.class);
    }
  }

  @Test
  void everyTruncationIsAFormatError() {
    for (int length = 0; length < valid.length; length += 7) {
      byte[] cut = Arrays.copyOf(valid, length);
      assertThatThrownBy(() -> ProofCodec.decode(cut))
          .as("truncated to %d bytes", length)
          .isInstanceOf(ProofFormatException.class)
          .hasMessageMatching("(proof truncated at byte|not a STARK proof|malformed proof).*");
    }
  }

  @Test
  void garbageAndTrailingBytesAreFormatErrors() {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      byte[] garbage = new byte[random.nextInt(1, 5000)];
      for (int j = 0; j < garbage.length; j++) {
        garbage[j] = (byte) random.nextInt(256);
      }
      if (i % 2 == 0 && garbage.length > 6) {
        System.arraycopy(valid, 0, garbage, 0, 6); // right magic and version, garbage after
      }
      assertThatThrownBy(() -> check(garbage)).isInstanceOf(ProofFormatException.class);
    }
    byte[] longer = Arrays.copyOf(valid, valid.length + 1);
    assertThatThrownBy(() -> ProofCodec.decode(longer)).hasMessageContaining("unexpected bytes");
    byte[] otherVersion = valid.clone();
    otherVersion[5] = 9;
    assertThatThrownBy(() -> ProofCodec.decode(otherVersion)).hasMessageContaining("version 9 is not supported");
  }

  @Test
  void proofOfAnotherAirIsRejected() throws Exception {
    MemoryAir memory = new MemoryAir();
    CpuBackend backend = new CpuBackend();
    ProvingKey memoryKey = ProvingKey.setup(memory, 3, PARAMS, backend);
    ExampleTrace memoryTrace = memory.generate(3, 1);
    byte[] other = ProofCodec.encode(StarkProver.checked(backend).prove(memoryKey, memoryTrace.main(), new int[0]));
    assertThatThrownBy(() -> check(other)).isInstanceOf(InvalidProofException.class).hasMessageContaining("memory");
  }
}
