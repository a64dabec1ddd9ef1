package io.l2prover.chain.state;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TransactionReceipt;
import io.l2prover.chain.types.Withdrawal;
import java.util.List;
import java.util.function.Function;

/** The roots of a block's index-keyed tries: key RLP(index), value the item's encoding. */
public final class BlockRoots {

  private BlockRoots() {}

  public static Hash32 transactionsRoot(List<Transaction> transactions) {
    return indexed(transactions, Transaction::encode);
  }

  public static Hash32 receiptsRoot(List<TransactionReceipt> receipts) {
    return indexed(receipts, TransactionReceipt::encode);
  }

  /** EIP-4895. */
  public static Hash32 withdrawalsRoot(List<Withdrawal> withdrawals) {
    return indexed(withdrawals, Withdrawal::encode);
  }

  private static <T> Hash32 indexed(List<T> items, Function<T, byte[]> encode) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (int i = 0; i < items.size(); i++) {
      trie.put(Rlp.u64(i), encode.apply(items.get(i)));
    }
    return trie.rootHash();
  }
}
