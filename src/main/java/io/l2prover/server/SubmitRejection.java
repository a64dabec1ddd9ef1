package io.l2prover.server;

import io.l2prover.zkvm.receipt.ReceiptRejectedException;
import java.util.Locale;

/**
 * Why the server refused a Submit: a small fixed set, the {@code reason} label of
 * {@code l2prover_server_submits_rejected_total}. Every way a receipt fails its checks
 * ({@link ReceiptRejectedException.Reason}) is one of them, under the same name.
 */
public enum SubmitRejection {
  /** The Submit names a block the chain does not have. */
  UNKNOWN_BLOCK,
  BAD_ENCODING,
  WRONG_IMAGE,
  FAKE_REFUSED,
  INVALID_PROOF,
  UNSUPPORTED_KIND,
  JOURNAL_MISMATCH,
  /** The receipt passed, but the server could not store it durably (the prover submits it again). */
  STORE_FAILED,
  /** The server failed for another reason while checking (building the block's expected journal). */
  SERVER_ERROR;

  /** The rejection of a receipt that failed {@code reason}'s check. */
  public static SubmitRejection of(ReceiptRejectedException.Reason reason) {
    return valueOf(reason.name());
  }

  /** The Prometheus label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
