package io.l2prover.chain.types;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction receipt (post-Byzantium: a status code, EIP-658). Typed receipts are encoded as
 * the transaction's type byte followed by the RLP (EIP-2718).
 */
public record TransactionReceipt(TxType type, boolean success, long cumulativeGasUsed, Bytes logsBloom, List<Log> logs) {

  public TransactionReceipt {
    logs = List.copyOf(logs);
  }

  /** A receipt whose bloom is computed from its logs. */
  public static TransactionReceipt of(TxType type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new TransactionReceipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs);
  }

  /** The receipt as the receipts trie stores it. */
  public byte[] encode() {
    List<byte[]> logItems = new ArrayList<>(logs.size());
    logs.forEach(l -> logItems.add(l.encode()));
    byte[] payload = Rlp.list(Rlp.u64(success ? 1 : 0), Rlp.u64(cumulativeGasUsed),
        Rlp.bytes(logsBloom.toArray()), Rlp.list(logItems));
    return type.envelope(payload);
  }
}
