package io.l2prover.chain.witness;

import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.util.Bytes;
import java.util.List;

/**
 * Everything the block guest reads from fd 0: chain id, the parent header and the block (RLP),
 * and the witness (trie nodes and codes). See docs/guest-input.md for the byte layout.
 */
public record GuestInput(long chainId, Bytes parentHeader, Bytes block, List<Bytes> nodes, List<Bytes> codes) {

  public GuestInput {
    nodes = List.copyOf(nodes);
    codes = List.copyOf(codes);
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
