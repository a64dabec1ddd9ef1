package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;
import java.util.Objects;

/**
 * A zkVM receipt: the claim "the program {@code imageId} ran and wrote {@code journal}" and the
 * {@code seal} that backs it (empty for {@link ReceiptKind#FAKE}). {@code note} says in words what
 * kind of evidence this is, so a dev-mode receipt can never be mistaken for a proof. Its JSON is the protocol's
 * ({@code io.l2prover.protocol.ReceiptJson}).
 */
public record Receipt(ReceiptKind kind, ImageId imageId, Bytes journal, Bytes seal, String note) {

  public Receipt {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(seal, "seal");
    note = note == null ? "" : note;
  }

  /** Verifies with the default verifier, which refuses {@code fake} receipts, and returns the journal. */
  public Bytes verify(ImageId expected) throws ReceiptRejectedException {
    return ReceiptVerifier.strict().verify(this, expected);
  }
}
