package io.l2prover.chain.state;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.TxType;
import io.l2prover.chain.types.U256;

/**
 * Applies one value transfer to the state, following the execution specs (Cancun): validity
 * checks, fee payment at the effective gas price, nonce increment, value transfer, refund of
 * unused gas, priority fee to the coinbase (EIP-1559: the base fee is burnt), and EIP-161 clearing
 * of touched empty accounts. Contract creation and calls into code need an EVM and are refused
 * as unsupported.
 */
public final class TransactionProcessor {

  /** The highest precompile address in Cancun (0x0a, the EIP-4844 point evaluation). */
  private static final int LAST_PRECOMPILE = 0x0a;

  /** What one transaction did: the gas it used. */
  public record Outcome(long gasUsed) {}

  private TransactionProcessor() {}

  /**
   * Applies {@code tx} from {@code sender}.
   *
   * @param index the transaction's position in the block, for messages
   * @param gasAvailable the block gas not used by the transactions before it
   */
  public static Outcome apply(
      Transaction tx, Address sender, int index, BlockEnv env, WorldState state, long gasAvailable) {
    long intrinsic = IntrinsicGas.of(tx);
    check(env, index, tx.gasLimit() >= intrinsic,
        "gas limit " + tx.gasLimit() + " is below the intrinsic gas " + intrinsic);
    check(env, index, tx.gasLimit() <= gasAvailable,
        "gas limit " + tx.gasLimit() + " exceeds the " + gasAvailable + " gas left in the block");
    check(env, index, tx.chainId().isEmpty() || tx.chainId().getAsLong() == env.chainId(),
        "chain id " + tx.chainId().orElse(-1) + " is not the chain's " + env.chainId() + " (EIP-155)");
    if (tx.isContractCreation()) {
      throw new UnsupportedException("contract creation (block " + env.number() + ", transaction " + index + ")");
    }
    U256 baseFee = env.baseFee();
    check(env, index, tx.maxFeePerGas().compareTo(baseFee) >= 0,
        "max fee per gas " + tx.maxFeePerGas() + " is below the base fee " + baseFee);
    if (tx.type() == TxType.DYNAMIC_FEE) {
      check(env, index, tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) <= 0,
          "max priority fee " + tx.maxPriorityFeePerGas() + " exceeds the max fee " + tx.maxFeePerGas());
    }
    U256 priorityFee = tx.maxPriorityFeePerGas().min(tx.maxFeePerGas().subtract(baseFee));
    U256 effectiveGasPrice = priorityFee.add(baseFee);

    Account senderAccount = state.account(sender).orElse(Account.EMPTY);
    check(env, index, !senderAccount.hasCode(), "sender " + sender + " has code (EIP-3607)");
    check(env, index, senderAccount.nonce() == tx.nonce(),
        "nonce " + tx.nonce() + " of " + sender + " is not the account nonce " + senderAccount.nonce());
    U256 maxCost = tx.maxFeePerGas().multiply(tx.gasLimit()).add(tx.value());
    check(env, index, senderAccount.balance().compareTo(maxCost) >= 0,
        "balance " + senderAccount.balance() + " of " + sender + " is below gas limit * max fee + value = " + maxCost);

    Address to = tx.to().get();
    Account recipient = state.account(to).orElse(Account.EMPTY);
    if (recipient.hasCode()) {
      throw new UnsupportedException("call to an account with code (" + to + ", block "
          + env.number() + ", transaction " + index + ")");
    }
    if (isPrecompile(to)) {
      throw new UnsupportedException("call to the precompile " + to + " (block " + env.number()
          + ", transaction " + index + ")");
    }

    // Without code to run, the call uses no gas beyond the intrinsic cost.
    long gasUsed = intrinsic;
    U256 senderPays = effectiveGasPrice.multiply(gasUsed).add(tx.value());
    state.put(sender, senderAccount.withNonce(senderAccount.nonce() + 1)
        .withBalance(senderAccount.balance().subtract(senderPays)));
    if (!tx.value().isZero()) {
      Account credited = state.account(to).orElse(Account.EMPTY);
      state.put(to, credited.withBalance(credited.balance().add(tx.value())));
    }

    U256 minerFee = priorityFee.multiply(gasUsed);
    Address coinbase = env.coinbase();
    Account coinbaseAccount = state.account(coinbase).orElse(null);
    U256 coinbaseBalance = (coinbaseAccount == null ? U256.ZERO : coinbaseAccount.balance()).add(minerFee);
    if (!coinbaseBalance.isZero()) {
      Account base = coinbaseAccount == null ? Account.EMPTY : coinbaseAccount;
      state.put(coinbase, base.withBalance(coinbaseBalance));
    } else if (coinbaseAccount != null && coinbaseAccount.isEmpty()) {
      state.delete(coinbase);
    }
    // EIP-161: the call touched the recipient; if it is empty now, it must not exist (a zero-value
    // transfer to an absent address creates nothing).
    clearIfEmpty(state, to);
    return new Outcome(gasUsed);
  }

  private static void clearIfEmpty(WorldState state, Address address) {
    if (state.account(address).map(Account::isEmpty).orElse(false)) {
      state.delete(address);
    }
  }

  private static boolean isPrecompile(Address address) {
    byte[] bytes = address.toArray();
    for (int i = 0; i < 19; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    int last = bytes[19] & 0xff;
    return last >= 1 && last <= LAST_PRECOMPILE;
  }

  private static void check(BlockEnv env, int index, boolean rule, String violation) {
    if (!rule) {
      throw new InvalidBlockException(env.number(), "transaction " + index + ": " + violation);
    }
  }
}
