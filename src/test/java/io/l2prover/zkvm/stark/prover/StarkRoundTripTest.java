package io.l2prover.zkvm.stark.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.ExampleAir;
import io.l2prover.zkvm.stark.examples.ExampleTrace;
import io.l2prover.zkvm.stark.examples.FibonacciAir;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.verifier.StarkVerifier;
import org.junit.jupiter.api.Test;

class StarkRoundTripTest {

  private final CpuBackend backend = new CpuBackend();
  private final FriParameters params = FriParameters.DEFAULT;

  private void roundTrip(ExampleAir air, int logRows) throws Exception {
    ProvingKey key = ProvingKey.setup(air, logRows, params, backend);
    ExampleTrace trace = air.generate(logRows, 42);
    StarkProof proof = StarkProver.checked(backend).prove(key, trace.main(), trace.publicValues());
    StarkProof decoded = ProofCodec.decode(ProofCodec.encode(proof));
    new StarkVerifier(params).verify(air, key.verifyingKey(), decoded, trace.publicValues());
  }

  @Test
  void fibonacci() throws Exception {
    roundTrip(new FibonacciAir(), 1); // below the FRI final degree: no folding at all
    roundTrip(new FibonacciAir(), 3);
    roundTrip(new FibonacciAir(), 6);
  }

  @Test
  void memory() throws Exception {
    roundTrip(new MemoryAir(), 5);
  }

  @Test
  void checkedProverRefusesBadTrace() {
    FibonacciAir air = new FibonacciAir();
    ProvingKey key = ProvingKey.setup(air, 4, params, backend);
    ExampleTrace trace = air.generate(4, 0);
    trace.main()[0][5] ^= 2;
    assertThatThrownBy(() -> StarkProver.checked(backend).prove(key, trace.main(), trace.publicValues()))
        .isInstanceOf(UnsatisfiedAirException.class)
        .hasMessageContaining("row 4")
        .hasMessageContaining("next a is b");
    assertThat(trace.rows()).isEqualTo(16);
  }
}
