package io.l2prover.zkvm.receipt;

import java.util.Locale;
import java.util.Objects;

/** A receipt failed verification; the reason says which kind of check, the message which check and why. */
public final class ReceiptRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The kinds of check a receipt can fail: a small fixed set, so that callers can count them. */
  public enum Reason {
    /** The seal does not decode (or a fake receipt's seal is not empty). */
    BAD_ENCODING,
    /** Another program than the expected one: the receipt's image ID, or the commitment its seal carries. */
    WRONG_IMAGE,
    /** A fake receipt where dev mode is off: it proves nothing. */
    FAKE_REFUSED,
    /** A STARK proof in the seal does not verify (for this journal and exit code). */
    INVALID_PROOF,
    /** A receipt kind this build cannot verify. */
    UNSUPPORTED_KIND,
    /** A verified receipt whose journal is not the one the caller expects. */
    JOURNAL_MISMATCH;

    /** The reason in lower case (a Prometheus label value). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  public ReceiptRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
