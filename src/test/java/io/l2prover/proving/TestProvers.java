package io.l2prover.proving;

import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;

/** Provers for tests: the dev input-digest image id, with the proving step given as a lambda. */
public final class TestProvers {

  /** What a test prover does with a job. */
  @FunctionalInterface
  public interface Step {
    Receipt prove(ProvingJob job) throws Exception;
  }

  private TestProvers() {}

  /** A prover described as "test prover" whose {@link Prover#prove} is {@code step}. */
  public static Prover of(Step step) {
    return new Prover() {
      @Override
      public String description() {
        return "test prover";
      }

      @Override
      public ImageId imageId() {
        return ImageId.DEV_INPUT_DIGEST;
      }

      @Override
      public Receipt prove(ProvingJob job) throws Exception {
        return step.prove(job);
      }
    };
  }
}
