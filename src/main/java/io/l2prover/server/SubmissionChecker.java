package io.l2prover.server;

import io.l2prover.protocol.ProverInput;
import io.l2prover.proving.InputDigest;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptRejectedException;
import io.l2prover.zkvm.receipt.ReceiptVerifier;

/**
 * Decides whether a receipt proves the block the server served. The receipt must verify (a
 * {@code fake} one only in dev mode) against the expected image, and its journal must be what
 * that image writes for this block's input. Today the only image is the dev input digest; the
 * block guest's image and journal layout replace it when the guest lands.
 */
public final class SubmissionChecker {

  private final ReceiptVerifier verifier;
  private final ImageId expectedImage;

  public SubmissionChecker(boolean devMode) {
    this.verifier = ReceiptVerifier.forDevMode(devMode);
    this.expectedImage = ImageId.DEV_INPUT_DIGEST;
  }

  public boolean devMode() {
    return verifier.devModeAllowed();
  }

  /** Blocking (hashes the whole input). */
  public void check(long blockNumber, Receipt receipt, ProverInput servedInput) throws ReceiptRejectedException {
    Bytes journal = verifier.verify(receipt, expectedImage);
    Bytes expected = InputDigest.of(servedInput);
    if (!journal.equals(expected)) {
      throw new ReceiptRejectedException("the receipt's journal " + journal + " is not the one of block "
          + blockNumber + " (" + expected + "): it proves some other input");
    }
  }
}
