package io.l2prover.chain.types;

/** Transaction envelope types (EIP-2718). */
public enum TxType {
  /** The untyped original, with EIP-155 replay protection when v encodes a chain id. */
  LEGACY(-1),
  /** EIP-2930: optional access lists. */
  ACCESS_LIST(1),
  /** EIP-1559: fee market. */
  DYNAMIC_FEE(2);

  private final int typeByte;

  TxType(int typeByte) {
    this.typeByte = typeByte;
  }

  /** The EIP-2718 type byte; -1 for legacy, which has none. */
  public int typeByte() {
    return typeByte;
  }
}
