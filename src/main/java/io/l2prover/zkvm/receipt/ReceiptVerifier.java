package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;

/**
 * The verify entry point for every receipt kind. {@code fake} receipts carry no evidence, so they
 * pass only a verifier built with {@link #allowingDevMode()}; the others need the STARK verifier,
 * which this build does not contain yet, so they are refused with a message saying so.
 */
public final class ReceiptVerifier {

  private static final ReceiptVerifier STRICT = new ReceiptVerifier(false);
  private static final ReceiptVerifier DEV = new ReceiptVerifier(true);

  private final boolean devModeAllowed;

  private ReceiptVerifier(boolean devModeAllowed) {
    this.devModeAllowed = devModeAllowed;
  }

  /** Refuses {@code fake} receipts. */
  public static ReceiptVerifier strict() {
    return STRICT;
  }

  /** Accepts {@code fake} receipts (dev mode). */
  public static ReceiptVerifier allowingDevMode() {
    return DEV;
  }

  /** {@link #allowingDevMode()} when {@code devMode}, otherwise {@link #strict()}. */
  public static ReceiptVerifier forDevMode(boolean devMode) {
    return devMode ? DEV : STRICT;
  }

  public boolean devModeAllowed() {
    return devModeAllowed;
  }

  /**
   * Checks {@code receipt} against the program the caller expects and returns its journal.
   *
   * @throws ReceiptRejectedException saying which check failed
   */
  public Bytes verify(Receipt receipt, ImageId expected) throws ReceiptRejectedException {
    if (!receipt.imageId().equals(expected)) {
      throw new ReceiptRejectedException("receipt is for image " + receipt.imageId()
          + " but image " + expected + " was expected");
    }
    switch (receipt.kind()) {
      case FAKE -> {
        if (!devModeAllowed) {
          throw new ReceiptRejectedException(
              "fake (dev-mode) receipt refused: nothing was proven; enable dev mode to accept it");
        }
        if (receipt.seal().length() != 0) {
          throw new ReceiptRejectedException("a fake receipt must have an empty seal");
        }
        return receipt.journal();
      }
      case COMPOSITE, GROTH16 -> throw new ReceiptRejectedException("verification of "
          + receipt.kind().wireName() + " receipts is not available in this build yet");
      default -> throw new IllegalStateException("unhandled receipt kind " + receipt.kind());
    }
  }
}
