package io.l2prover.chain.crypto;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Transaction;
import java.math.BigInteger;

/** Transaction sender recovery and signing. */
public final class Senders {

  private Senders() {}

  /**
   * The sender of {@code tx}. Every transaction type, legacy included, must have s ≤ n/2: the
   * rule of EIP-2 (Homestead), in force on every chain this project handles.
   */
  public static Address recover(Transaction tx) {
    try {
      return Secp256k1.recoverAddress(tx.signingHash(), tx.yParity(), tx.r(), tx.s(), true);
    } catch (ChainException e) {
      throw new ChainException("transaction " + tx.hash() + ": " + e.getMessage(), e);
    }
  }

  /** {@code unsigned} with its signature by {@code privateKey} filled in. */
  public static Transaction sign(Transaction unsigned, BigInteger privateKey) {
    Signature sig = Secp256k1.sign(unsigned.signingHash(), privateKey);
    return unsigned.withSignature(sig.yParity(), sig.r(), sig.s());
  }
}
