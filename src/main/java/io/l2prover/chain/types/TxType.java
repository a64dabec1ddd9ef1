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

  /** {@code payload} in this type's EIP-2718 envelope: the type byte first; legacy has no envelope. */
  public byte[] envelope(byte[] payload) {
    if (this == LEGACY) {
      return payload;
    }
    byte[] out = new byte[payload.length + 1];
    out[0] = (byte) typeByte;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }
}
