package io.l2prover.server;

import io.l2prover.guest.InputDigest;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptRejectedException;
import io.l2prover.zkvm.receipt.ReceiptRejectedException.Reason;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import java.util.Objects;

/**
 * Decides whether a receipt proves block {@code n} of the chain the server serves. The receipt
 * must verify (a {@code fake} one only in dev mode) against one of the programs the server knows,
 * and its journal must be what that program writes for block {@code n}:
 *
 * <ul>
 *   <li>the block guest: the block's {@code BlockJournal} as the chain layer computes it;
 *   <li>the dev input digest ({@link ImageId#DEV_INPUT_DIGEST}): the SHA-256 of the block's guest
 *       input.
 * </ul>
 */
public final class SubmissionChecker {

  private final ReceiptVerifier verifier;
  private final ImageId blockGuest;

  public SubmissionChecker(boolean devMode, ImageId blockGuest) {
    this.verifier = ReceiptVerifier.forDevMode(devMode);
    this.blockGuest = Objects.requireNonNull(blockGuest, "blockGuest");
  }

  /** The block guest's image ID, which real receipts verify against. */
  public ImageId blockGuest() {
    return blockGuest;
  }

  /** Blocking: may build the block's input and hash it. */
  public void check(long blockNumber, Receipt receipt, ChainSource chain) throws ReceiptRejectedException {
    ImageId image = receipt.imageId();
    Bytes expected;
    if (image.equals(blockGuest)) {
      verifier.verify(receipt, blockGuest);
      expected = chain.expectedJournal(blockNumber);
    } else if (image.equals(ImageId.DEV_INPUT_DIGEST)) {
      verifier.verify(receipt, ImageId.DEV_INPUT_DIGEST);
      expected = InputDigest.of(chain.input(blockNumber));
    } else {
      throw new ReceiptRejectedException(Reason.WRONG_IMAGE, "receipt is for image " + image
          + "; this server knows the block guest (" + blockGuest + ") and the dev input digest ("
          + ImageId.DEV_INPUT_DIGEST + ")");
    }
    if (!receipt.journal().equals(expected)) {
      throw new ReceiptRejectedException(Reason.JOURNAL_MISMATCH, "the receipt's journal " + receipt.journal()
          + " is not the one of block " + blockNumber + " (" + expected + "): it proves something else");
    }
  }
}
