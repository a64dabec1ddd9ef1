package io.l2prover.zkvm.receipt;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What stands behind a receipt's claim. */
public enum ReceiptKind {
  /** Dev mode: the guest was executed (or its input hashed), nothing was proven. */
  FAKE("fake"),
  /** One STARK per execution segment, linked at the segment boundaries. */
  COMPOSITE("composite"),
  /** A BN254 Groth16 SNARK of the STARK verification. */
  GROTH16("groth16");

  private final String wireName;

  ReceiptKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in receipt JSON. */
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name; the error lists the names that exist. */
  public static ReceiptKind fromWireName(String name) {
    for (ReceiptKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown receipt kind '" + name + "'; expected one of "
        + Arrays.stream(values()).map(ReceiptKind::wireName).collect(Collectors.joining(", ")));
  }
}
