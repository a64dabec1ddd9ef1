package io.l2prover.chain;

import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.gen.DeterministicKeys;
import io.l2prover.chain.state.BlockRoots;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Breaks one thing in a valid generated block, for rejection tests. */
public final class BlockTamper {

  private BlockTamper() {}

  /** The header fields tests change; everything else is copied. */
  public static final class HeaderFields {
    public Hash32 parentHash;
    public Hash32 stateRoot;
    public Hash32 transactionsRoot;
    public Hash32 receiptsRoot;
    public Optional<U256> baseFee;
    public long gasUsed;
    public long gasLimit;
    public long timestamp;
    public Bytes extraData;
    public U256 difficulty;
    public Optional<Long> excessBlobGas;

    HeaderFields(BlockHeader h) {
      parentHash = h.parentHash();
      stateRoot = h.stateRoot();
      transactionsRoot = h.transactionsRoot();
      receiptsRoot = h.receiptsRoot();
      baseFee = h.baseFeePerGas();
      gasUsed = h.gasUsed();
      gasLimit = h.gasLimit();
      timestamp = h.timestamp();
      extraData = h.extraData();
      difficulty = h.difficulty();
      excessBlobGas = h.excessBlobGas();
    }

    BlockHeader build(BlockHeader h) {
      return new BlockHeader(parentHash, h.ommersHash(), h.coinbase(), stateRoot, transactionsRoot,
          receiptsRoot, h.logsBloom(), difficulty, h.number(), gasLimit, gasUsed, timestamp,
          extraData, h.mixHash(), h.nonce(), baseFee, h.withdrawalsRoot(), h.blobGasUsed(),
          excessBlobGas, h.parentBeaconBlockRoot(), h.requestsHash());
    }
  }

  /** {@code header} with the changes {@code change} makes. */
  public static BlockHeader header(BlockHeader header, Consumer<HeaderFields> change) {
    HeaderFields fields = new HeaderFields(header);
    change.accept(fields);
    return fields.build(header);
  }

  /** {@code block} with a changed header. */
  public static Block withHeader(Block block, Consumer<HeaderFields> change) {
    return new Block(header(block.header(), change), block.transactions(), block.ommers(), block.withdrawals());
  }

  /** {@code block} with transaction {@code index} replaced and the transactions root recomputed. */
  public static Block withTransaction(Block block, int index, Transaction tx) {
    List<Transaction> txs = new ArrayList<>(block.transactions());
    txs.set(index, tx);
    Hash32 root = BlockRoots.transactionsRoot(txs);
    return new Block(header(block.header(), f -> f.transactionsRoot = root), txs, block.ommers(), block.withdrawals());
  }

  /** {@code tx} with new fields, signed again by its sender (a generated, deterministic key). */
  public static Transaction resigned(Transaction tx, long nonce, Optional<Address> to, U256 value, long gas, long chainId) {
    Transaction changed = new Transaction(tx.type(), OptionalLong.of(chainId), nonce,
        tx.maxPriorityFeePerGas(), tx.maxFeePerGas(), gas, to, value, tx.data(), tx.accessList(), 0,
        U256.ONE, U256.ONE);
    return Senders.sign(changed, keyOf(Senders.recover(tx)));
  }

  /** {@code tx} with its value changed and the old signature kept. */
  public static Transaction withValue(Transaction tx, U256 value) {
    return new Transaction(tx.type(), tx.chainId(), tx.nonce(), tx.maxPriorityFeePerGas(),
        tx.maxFeePerGas(), tx.gasLimit(), tx.to(), value, tx.data(), tx.accessList(), tx.yParity(),
        tx.r(), tx.s());
  }

  private static BigInteger keyOf(Address address) {
    for (int i = 0; i < 1000; i++) {
      BigInteger key = DeterministicKeys.privateKey(i);
      if (Secp256k1.addressOf(key).equals(address)) {
        return key;
      }
    }
    throw new IllegalStateException("no deterministic key for " + address);
  }
}
