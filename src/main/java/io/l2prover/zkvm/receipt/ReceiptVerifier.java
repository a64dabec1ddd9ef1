package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ReceiptRejectedException.Reason;
import io.l2prover.zkvm.rv32im.Rv32imKeys;
import io.l2prover.zkvm.rv32im.Rv32imVerifier;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The verify entry point for every receipt kind. {@code fake} receipts carry no evidence, so they
 * pass only a verifier built with {@link #allowingDevMode()}; {@code composite} receipts pass when
 * their program commitment hashes to the expected image ID and every STARK proof in their seal
 * verifies for the receipt's journal and exit code; {@code groth16} receipts are not produced
 * yet and are refused with a message saying so.
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
   * What a verified receipt proves: the guest's exit code and its journal; and what it rests on:
   * the segment proofs and their conjectured security in bits (none, absent for a fake receipt).
   */
  public record Verified(OptionalInt exitCode, Bytes journal, int segments, OptionalDouble securityBits) {}

  /**
   * Checks {@code receipt} against the program the caller expects and returns its journal.
   *
   * @throws ReceiptRejectedException saying which check failed
   */
  public Bytes verify(Receipt receipt, ImageId expected) throws ReceiptRejectedException {
    return verifyExecution(receipt, expected).journal();
  }

  /**
   * As {@link #verify}, also returning the exit code a composite receipt proves.
   *
   * @throws ReceiptRejectedException saying which check failed
   */
  public Verified verifyExecution(Receipt receipt, ImageId expected) throws ReceiptRejectedException {
    if (!receipt.imageId().equals(expected)) {
      throw new ReceiptRejectedException(Reason.WRONG_IMAGE, "receipt is for image " + receipt.imageId()
          + " but image " + expected + " was expected");
    }
    switch (receipt.kind()) {
      case FAKE -> {
        if (!devModeAllowed) {
          throw new ReceiptRejectedException(Reason.FAKE_REFUSED,
              "fake (dev-mode) receipt refused: nothing was proven; enable dev mode to accept it");
        }
        if (receipt.seal().length() != 0) {
          throw new ReceiptRejectedException(Reason.BAD_ENCODING, "a fake receipt must have an empty seal");
        }
        return new Verified(OptionalInt.empty(), receipt.journal(), 0, OptionalDouble.empty());
      }
      case COMPOSITE -> {
        CompositeSeal seal = CompositeSeal.decode(receipt.seal().toArray());
        Rv32imKeys keys = Rv32imKeys.of(seal.commitment(), FriParameters.DEFAULT, new CpuBackend());
        if (!ImageId.of(keys.imageId()).equals(expected)) {
          throw new ReceiptRejectedException(Reason.WRONG_IMAGE,
              "the receipt's program commitment does not hash to image " + expected);
        }
        try {
          new Rv32imVerifier(FriParameters.DEFAULT).verify(keys, seal.proof(), seal.exitCode(),
              receipt.journal().toArray());
        } catch (InvalidProofException e) {
          throw new ReceiptRejectedException(Reason.INVALID_PROOF, "the proof does not verify: " + e.getMessage());
        }
        return new Verified(OptionalInt.of(seal.exitCode()), receipt.journal(), seal.proof().segments().size(),
            OptionalDouble.of(seal.proof().security(keys, receipt.journal().length()).minimumBits()));
      }
      case GROTH16 -> throw new ReceiptRejectedException(Reason.UNSUPPORTED_KIND,
          "verification of groth16 receipts is not available in this "
          + "build yet");
      default -> throw new IllegalStateException("unhandled receipt kind " + receipt.kind());
    }
  }
}
