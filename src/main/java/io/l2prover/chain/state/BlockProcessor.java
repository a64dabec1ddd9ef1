package io.l2prover.chain.state;

import io.l2prover.chain.crypto.Senders;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.LogsBloom;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TransactionReceipt;
import io.l2prover.chain.types.U256;
import io.l2prover.chain.types.Withdrawal;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a block body on a state: every transaction in order (recovering its sender), then the
 * withdrawals (EIP-4895). Computes what the header must then commit to; checks nothing about the
 * header itself (that is {@link BlockExecutor}'s job).
 */
public final class BlockProcessor {

  /** One gwei in wei: withdrawal amounts are in gwei. */
  private static final long GWEI = 1_000_000_000L;

  /** What a body did to the state. */
  public record Outcome(List<Address> senders, List<TransactionReceipt> receipts, long gasUsed, Bytes logsBloom) {

    public Outcome {
      senders = List.copyOf(senders);
      receipts = List.copyOf(receipts);
    }
  }

  private BlockProcessor() {}

  public static Outcome process(
      BlockEnv env, List<Transaction> transactions, List<Withdrawal> withdrawals, WorldState state) {
    List<Address> senders = new ArrayList<>(transactions.size());
    List<TransactionReceipt> receipts = new ArrayList<>(transactions.size());
    long gasUsed = 0;
    for (int i = 0; i < transactions.size(); i++) {
      Transaction tx = transactions.get(i);
      Address sender = recover(env, i, tx);
      senders.add(sender);
      var outcome = TransactionProcessor.apply(tx, sender, i, env, state, env.gasLimit() - gasUsed);
      gasUsed += outcome.gasUsed();
      receipts.add(TransactionReceipt.of(tx.type(), true, gasUsed, List.of()));
    }
    for (Withdrawal withdrawal : withdrawals) {
      applyWithdrawal(withdrawal, state);
    }
    List<Bytes> blooms = new ArrayList<>(receipts.size());
    receipts.forEach(r -> blooms.add(r.logsBloom()));
    return new Outcome(senders, receipts, gasUsed, LogsBloom.union(blooms));
  }

  /** EIP-4895: credits the amount (gwei) to the address; an account left empty is deleted. */
  public static void applyWithdrawal(Withdrawal withdrawal, WorldState state) {
    Account account = state.account(withdrawal.address()).orElse(Account.EMPTY);
    U256 amount = U256.of(withdrawal.amountGwei()).multiply(GWEI);
    Account credited = account.withBalance(account.balance().add(amount));
    if (credited.isEmpty()) {
      state.delete(withdrawal.address());
    } else {
      state.put(withdrawal.address(), credited);
    }
  }

  private static Address recover(BlockEnv env, int index, Transaction tx) {
    try {
      return Senders.recover(tx);
    } catch (io.l2prover.chain.ChainException e) {
      throw new InvalidBlockException(env.number(), "transaction " + index + ": " + e.getMessage());
    }
  }
}
