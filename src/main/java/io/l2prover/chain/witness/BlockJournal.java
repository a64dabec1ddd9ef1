package io.l2prover.chain.witness;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.chain.types.Hash32;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The block guest's public output (its journal, fd 3), 148 bytes: parent hash (32), block hash
 * (32), parent state root (32), new state root (32), block number (u64 LE), gas used (u64 LE),
 * transaction count (u32 LE).
 */
public record BlockJournal(
    Hash32 parentHash,
    Hash32 blockHash,
    Hash32 parentStateRoot,
    Hash32 newStateRoot,
    long blockNumber,
    long gasUsed,
    long txCount) {

  /** The journal's size in bytes. */
  public static final int SIZE = 4 * 32 + 8 + 8 + 4;

  public BlockJournal {
    if (txCount < 0 || txCount > 0xffff_ffffL) {
      throw new IllegalArgumentException("transaction count must fit in a u32");
    }
  }

  /** The journal a correct guest commits for {@code block} on top of {@code parent}. */
  public static BlockJournal expected(BlockHeader parent, BlockHeader header, int txCount) {
    return new BlockJournal(header.parentHash(), header.hash(), parent.stateRoot(),
        header.stateRoot(), header.number(), header.gasUsed(), txCount);
  }

  public byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    out.put(parentHash.toArray()).put(blockHash.toArray()).put(parentStateRoot.toArray())
        .put(newStateRoot.toArray());
    out.putLong(blockNumber).putLong(gasUsed).putInt((int) txCount);
    return out.array();
  }

  /** Decodes exactly {@link #SIZE} bytes. */
  public static BlockJournal decode(byte[] journal) {
    if (journal.length != SIZE) {
      throw new ChainException("a block journal is " + SIZE + " bytes, got " + journal.length);
    }
    ByteBuffer in = ByteBuffer.wrap(journal).order(ByteOrder.LITTLE_ENDIAN);
    Hash32 parentHash = hash(journal, 0);
    Hash32 blockHash = hash(journal, 32);
    Hash32 parentStateRoot = hash(journal, 64);
    Hash32 newStateRoot = hash(journal, 96);
    long number = in.getLong(128);
    long gasUsed = in.getLong(136);
    long txCount = Integer.toUnsignedLong(in.getInt(144));
    if (number < 0 || gasUsed < 0) {
      throw new ChainException("block journal holds a block number or gas used above 2^63");
    }
    return new BlockJournal(parentHash, blockHash, parentStateRoot, newStateRoot, number, gasUsed, txCount);
  }

  private static Hash32 hash(byte[] journal, int offset) {
    return Hash32.of(Arrays.copyOfRange(journal, offset, offset + 32));
  }
}
