package io.l2prover.proving;

import io.l2prover.guest.InputDigest;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;

/**
 * Dev mode: a {@code fake} receipt, made without proving anything. Until the block guest runs in
 * the zkVM, its journal is the {@link InputDigest} of the input, which ties the receipt to the
 * exact block the server handed out; the receipt's note says so.
 */
public final class DevProver implements Prover {

  /** The note every receipt of this prover carries. */
  public static final String NOTE =
      "dev mode: nothing was executed or proven; journal = SHA-256 of the guest input bytes (InputDigest)";

  @Override
  public String description() {
    return "fake receipts (dev mode): journal = SHA-256 of the guest input, nothing executed or proven";
  }

  @Override
  public ImageId imageId() {
    return ImageId.DEV_INPUT_DIGEST;
  }

  @Override
  public Receipt prove(ProvingJob job) {
    return new Receipt(ReceiptKind.FAKE, imageId(), InputDigest.of(job.input()), Bytes.EMPTY, NOTE);
  }
}
