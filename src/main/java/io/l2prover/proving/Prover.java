package io.l2prover.proving;

import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;

/**
 * Turns a block's proving input into a receipt. Implementations may block for a long time; the
 * {@link ProvingVerticle} calls them on its worker threads only.
 */
public interface Prover {

  /** One line for logs and the demo: what this prover's receipts stand for. */
  String description();

  /** The program whose execution this prover proves; the verifier expects receipts for it. */
  ImageId imageId();

  /**
   * Proves {@code job}.
   *
   * @throws Exception when the input cannot be proven; the message says why
   */
  Receipt prove(ProvingJob job) throws Exception;
}
