package io.l2prover.chain.state;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;

/**
 * Validates a block statelessly against its parent header and the parent state, applying it to
 * that state: header rules, body commitments (transactions and withdrawals roots, ommers), the
 * transactions and withdrawals, then gas used, logs bloom, receipts root and state root.
 */
public final class BlockExecutor {

  /** EIP-4788: the beacon roots contract the Cancun system call targets. */
  public static final Address BEACON_ROOTS_ADDRESS =
      Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");

  private final ChainConfig config;
  private final HeaderValidator headers;

  public BlockExecutor(ChainConfig config) {
    this.config = config;
    this.headers = new HeaderValidator(config);
  }

  /** What executing a valid block produced. */
  public record Result(Hash32 stateRoot, BlockProcessor.Outcome outcome) {}

  /**
   * Checks {@code block} against {@code parent} and applies it to {@code state}, which must be
   * the state at {@code parent.stateRoot()}.
   *
   * @throws InvalidBlockException for a block that breaks a rule
   * @throws UnsupportedException for a valid block this implementation cannot run
   */
  public Result execute(BlockHeader parent, Block block, WorldState state) {
    BlockHeader header = block.header();
    long n = header.number();
    headers.validate(parent, header);
    require(n, block.ommers().isEmpty(), "ommers are not allowed after the merge (EIP-3675)");
    require(n, block.withdrawals().isPresent(), "body has no withdrawals list (EIP-4895)");
    Hash32 txRoot = BlockRoots.transactionsRoot(block.transactions());
    require(n, txRoot.equals(header.transactionsRoot()),
        "transactions root " + header.transactionsRoot() + " is not the computed " + txRoot);
    Hash32 withdrawalsRoot = BlockRoots.withdrawalsRoot(block.withdrawals().get());
    require(n, withdrawalsRoot.equals(header.withdrawalsRoot().get()),
        "withdrawals root " + header.withdrawalsRoot().get() + " is not the computed " + withdrawalsRoot);
    require(n, header.blobGasUsed().get() == 0,
        "blob gas used " + header.blobGasUsed().get() + " in a block without blob transactions (EIP-4844)");
    // EIP-4788's system call runs the beacon roots contract; without that contract in the state
    // the call changes nothing, with it we would need an EVM.
    if (state.account(BEACON_ROOTS_ADDRESS).map(Account::hasCode).orElse(false)) {
      throw new UnsupportedException("the EIP-4788 beacon roots contract is deployed (needs an EVM)");
    }
    if (!state.root().equals(parent.stateRoot())) {
      throw new IllegalArgumentException("state is not at the parent's state root");
    }

    BlockProcessor.Outcome outcome = BlockProcessor.process(BlockEnv.of(config.chainId(), header),
        block.transactions(), block.withdrawals().get(), state);

    require(n, outcome.gasUsed() == header.gasUsed(),
        "gas used " + header.gasUsed() + " is not the computed " + outcome.gasUsed());
    require(n, outcome.logsBloom().equals(header.logsBloom()), "logs bloom is not the computed one");
    Hash32 receiptsRoot = BlockRoots.receiptsRoot(outcome.receipts());
    require(n, receiptsRoot.equals(header.receiptsRoot()),
        "receipts root " + header.receiptsRoot() + " is not the computed " + receiptsRoot);
    Hash32 stateRoot = state.root();
    require(n, stateRoot.equals(header.stateRoot()),
        "state root " + header.stateRoot() + " is not the computed " + stateRoot);
    return new Result(stateRoot, outcome);
  }

  private static void require(long blockNumber, boolean rule, String violation) {
    if (!rule) {
      throw new InvalidBlockException(blockNumber, violation);
    }
  }
}
