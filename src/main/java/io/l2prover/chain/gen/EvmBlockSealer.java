package io.l2prover.chain.gen;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.witness.BlockResult;
import io.l2prover.chain.witness.Recording;
import io.l2prover.chain.witness.StateStore;
import io.l2prover.chain.witness.WitnessRecorder;
import io.l2prover.chain.state.BlockRoots;
import io.l2prover.chain.state.FeeRules;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * Seals a block of any transactions (contract creations and calls included) with the block
 * guest as its only EVM: a witness-recording run of a draft block gives the fields only execution
 * knows (state root, receipts root, logs bloom, gas used), the header is filled in from them, and
 * a second recording run must then take the block; its new state goes into the store.
 */
public final class EvmBlockSealer {

  private final WitnessRecorder recorder;
  private final long chainId;

  public EvmBlockSealer(WitnessRecorder recorder, long chainId) {
    this.recorder = recorder;
    this.chainId = chainId;
  }

  /** The sealed block and the recording run that took it. */
  public record Sealed(Block block, Recording recording) {}

  /** Seals {@code transactions} on {@code parent}, whose state is in {@code store}. */
  public Sealed seal(BlockHeader parent, List<Transaction> transactions, Address coinbase, StateStore store) {
    Block draft = block(parent, transactions, coinbase, Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]), 0);
    Recording first = recorder.record(chainId, Bytes.of(parent.encode()), Bytes.of(draft.encode()), store);
    BlockResult result = first.result().orElseThrow(() -> new ChainException(
        "the block guest did not execute block " + draft.number() + ": " + first.reason()));
    Block block = block(parent, transactions, coinbase, result.stateRoot(), result.receiptsRoot(), result.logsBloom(),
        result.gasUsed());
    Recording taken = recorder.record(chainId, Bytes.of(parent.encode()), Bytes.of(block.encode()), store);
    if (!taken.accepted()) {
      throw new ChainException("the block guest rejects sealed block " + block.number() + ": " + taken.reason());
    }
    taken.commitTo(store);
    store.addNode(block.header().encode()); // by its hash, for BLOCKHASH in later blocks
    return new Sealed(block, taken);
  }

  private static Block block(BlockHeader parent, List<Transaction> transactions, Address coinbase, Hash32 stateRoot,
      Hash32 receiptsRoot, Bytes bloom, long gasUsed) {
    long number = parent.number() + 1;
    BlockHeader header = new BlockHeader(parent.hash(), BlockHeader.EMPTY_OMMERS_HASH, coinbase, stateRoot,
        BlockRoots.transactionsRoot(transactions), receiptsRoot, bloom, U256.ZERO, number, parent.gasLimit(), gasUsed,
        parent.timestamp() + BlockBuilder.BLOCK_TIME, Bytes.EMPTY, BlockBuilder.hashOf("randao " + number), Bytes.of(new byte[8]),
        Optional.of(FeeRules.baseFee(parent)), Optional.of(BlockRoots.withdrawalsRoot(List.of())), Optional.of(0L),
        Optional.of(FeeRules.excessBlobGas(parent)), Optional.of(BlockBuilder.hashOf("beacon " + number)), Optional.empty());
    return new Block(header, transactions, List.of(), Optional.of(List.of()));
  }
}
