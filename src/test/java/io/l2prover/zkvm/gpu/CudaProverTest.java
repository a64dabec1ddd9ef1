package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.ExampleAir;
import io.l2prover.zkvm.stark.examples.ExampleAirs;
import io.l2prover.zkvm.stark.examples.ExampleTrace;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import io.l2prover.zkvm.stark.prover.StarkProver;
import io.l2prover.zkvm.stark.verifier.StarkVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whole proofs on the GPU: for every example AIR, the proof made with the CUDA backend verifies
 * and is byte-identical to the CPU backend's (same commitments, so the same transcript and
 * queries). Tagged {@code gpu}; skipped with the probe's reason without a usable GPU.
 */
@Tag("gpu")
class CudaProverTest {

  private static CudaBackend gpu;
  private final CpuBackend cpu = new CpuBackend();

  @BeforeAll
  static void openDevice() {
    gpu = GpuTestDevice.openOrSkip(CudaProverTest.class, "GPU proof tests");
  }

  @AfterAll
  static void closeDevice() {
    GpuTestDevice.close(gpu);
  }

  @Test
  void gpuProofsVerifyAndEqualCpuProofs() throws InvalidProofException {
    FriParameters params = FriParameters.DEFAULT;
    for (ExampleAir air : ExampleAirs.all()) {
      int logRows = air.minLogRows() + 2;
      ExampleTrace trace = air.generate(logRows, 7);
      ProvingKey gpuKey = ProvingKey.setup(air, logRows, params, gpu);
      ProvingKey cpuKey = ProvingKey.setup(air, logRows, params, cpu);
      StarkProof onGpu = StarkProver.unchecked(gpu).prove(gpuKey, trace.main(), trace.publicValues());
      StarkProof onCpu = StarkProver.unchecked(cpu).prove(cpuKey, trace.main(), trace.publicValues());
      new StarkVerifier(params).verify(air, gpuKey.verifyingKey(), onGpu, trace.publicValues());
      assertThat(ProofCodec.encode(onGpu)).as("%s proof at 2^%d rows", air.name(), logRows)
          .isEqualTo(ProofCodec.encode(onCpu));
    }
  }
}
