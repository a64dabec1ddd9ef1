package io.l2prover.chain.witness;

import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.util.Bytes;
import java.util.List;

/**
 * Everything the block guest reads from fd 0: chain id, the parent header and the block (RLP),
 * the witness (trie nodes and codes), and the layout version that says what the witness covers
 * ({@link #TRANSFERS}, {@link #EVM}, or {@link #ORACLE} for a witness-recording run). See
 * docs/guest-input.md for the byte layout.
 */
public record GuestInput(long chainId, Bytes parentHeader, Bytes block, List<Bytes> nodes, List<Bytes> codes,
    int version) {

  /** Version 1: a witness for value transfers (what {@link WitnessBuilder} records). */
  public static final int TRANSFERS = 1;
  /** Version 2: an EVM execution witness (what a witness-recording run collected). */
  public static final int EVM = 2;
  /** Version 3: a witness-recording run, the guest asking the host's state oracle; never proven. */
  public static final int ORACLE = 3;

  public GuestInput {
    nodes = List.copyOf(nodes);
    codes = List.copyOf(codes);
    if (version < TRANSFERS || version > ORACLE) {
      throw new IllegalArgumentException("guest input version " + version + " is not 1, 2 or 3");
    }
  }

  /** A version 1 input (a witness for value transfers). */
  public GuestInput(long chainId, Bytes parentHeader, Bytes block, List<Bytes> nodes, List<Bytes> codes) {
    this(chainId, parentHeader, block, nodes, codes, TRANSFERS);
  }

  /** The input for {@code block} on top of {@code parent} with its witness. */
  public static GuestInput of(long chainId, BlockHeader parent, Block block, Witness witness) {
    return new GuestInput(chainId, Bytes.of(parent.encode()), Bytes.of(block.encode()),
        witness.nodes(), witness.codes());
  }

  /** The parent header, decoded. */
  public BlockHeader decodeParentHeader() {
    return BlockHeader.decode(parentHeader.toArray());
  }

  /** The block, decoded. */
  public Block decodeBlock() {
    return Block.decode(block.toArray());
  }
}
