package io.l2prover.chain.state;

import io.l2prover.chain.types.AccessListEntry;
import io.l2prover.chain.types.Transaction;
import io.l2prover.util.Bytes;

/** The gas a transaction costs before any execution (Yellow Paper g0, with EIP-2028/2930). */
public final class IntrinsicGas {

  public static final long TX_BASE = 21_000;
  public static final long TX_CREATE = 32_000;
  public static final long DATA_ZERO_BYTE = 4;
  /** EIP-2028. */
  public static final long DATA_NONZERO_BYTE = 16;
  /** EIP-2930. */
  public static final long ACCESS_LIST_ADDRESS = 2_400;
  /** EIP-2930. */
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  /** EIP-3860: per 32-byte word of init code. */
  public static final long INIT_CODE_WORD = 2;

  private IntrinsicGas() {}

  public static long of(Transaction tx) {
    long gas = TX_BASE;
    Bytes data = tx.data();
    for (int i = 0; i < data.length(); i++) {
      gas += data.get(i) == 0 ? DATA_ZERO_BYTE : DATA_NONZERO_BYTE;
    }
    if (tx.isContractCreation()) {
      gas += TX_CREATE + INIT_CODE_WORD * ((data.length() + 31L) / 32);
    }
    for (AccessListEntry entry : tx.accessList()) {
      gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * entry.storageKeys().size();
    }
    return gas;
  }
}
