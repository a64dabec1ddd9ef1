package io.l2prover.chain.gen;

import io.l2prover.chain.state.BlockEnv;
import io.l2prover.chain.state.BlockProcessor;
import io.l2prover.chain.state.BlockRoots;
import io.l2prover.chain.state.FeeRules;
import io.l2prover.chain.state.TransactionProcessor;
import io.l2prover.chain.state.WorldState;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.LogsBloom;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TransactionReceipt;
import io.l2prover.chain.types.U256;
import io.l2prover.chain.types.Withdrawal;
import io.l2prover.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seals a Cancun block on top of a parent: applies signed transfers one by one to the parent's
 * state (so the caller can look at the state between them) and then writes a header that
 * commits to the result. Used by the generator and by tests that need one particular block.
 */
public final class BlockBuilder {

  /** Seconds between generated blocks. */
  public static final long BLOCK_TIME = 12;

  private final BlockHeader parent;
  private final WorldState state;
  private final BlockEnv env;
  private final List<Transaction> transactions = new ArrayList<>();
  private final List<TransactionReceipt> receipts = new ArrayList<>();
  private final List<Withdrawal> withdrawals = new ArrayList<>();
  private long gasUsed;

  /**
   * @param state the state at {@code parent.stateRoot()}; the builder changes it in place
   */
  public BlockBuilder(long chainId, BlockHeader parent, WorldState state, Address coinbase) {
    this.parent = parent;
    this.state = state;
    this.env = new BlockEnv(chainId, parent.number() + 1, coinbase, parent.gasLimit(), FeeRules.baseFee(parent));
  }

  /** What the transactions of this block see: number, coinbase, gas limit, base fee. */
  public BlockEnv env() {
    return env;
  }

  /** The state as the transactions added so far left it. */
  public WorldState state() {
    return state;
  }

  /** Applies {@code tx}, signed by {@code sender}; fails as a validator would on an invalid one. */
  public BlockBuilder add(Transaction tx, Address sender) {
    gasUsed += TransactionProcessor.apply(tx, sender, transactions.size(), env, state, env.gasLimit() - gasUsed).gasUsed();
    transactions.add(tx);
    receipts.add(TransactionReceipt.of(tx.type(), true, gasUsed, List.of()));
    return this;
  }

  /** Adds a withdrawal (EIP-4895); withdrawals are applied after all transactions, at {@link #build()}. */
  public BlockBuilder withdraw(Withdrawal withdrawal) {
    withdrawals.add(withdrawal);
    return this;
  }

  /** The block, with a deterministic randao and beacon root derived from its number. */
  public Block build() {
    withdrawals.forEach(w -> BlockProcessor.applyWithdrawal(w, state));
    long number = env.number();
    BlockHeader header = new BlockHeader(parent.hash(), BlockHeader.EMPTY_OMMERS_HASH, env.coinbase(),
        state.root(), BlockRoots.transactionsRoot(transactions), BlockRoots.receiptsRoot(receipts),
        LogsBloom.EMPTY, U256.ZERO, number, env.gasLimit(), gasUsed, parent.timestamp() + BLOCK_TIME,
        Bytes.EMPTY, hashOf("randao " + number), Bytes.of(new byte[8]), Optional.of(env.baseFee()),
        Optional.of(BlockRoots.withdrawalsRoot(withdrawals)), Optional.of(0L), Optional.of(FeeRules.excessBlobGas(parent)),
        Optional.of(hashOf("beacon " + number)), Optional.empty());
    return new Block(header, transactions, List.of(), Optional.of(withdrawals));
  }

  /** keccak256 of an ASCII text: the generated blocks' randao and beacon roots. */
  static Hash32 hashOf(String text) {
    return Keccak.hash(text.getBytes(StandardCharsets.US_ASCII));
  }
}
