package io.l2prover.chain.witness;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.types.Hash32;
import io.l2prover.util.Bytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What the block guest computed for a block in a witness-recording run, before comparing it
 * with the header: the fields a block builder fills in (docs/guest-input.md, the oracle's put of
 * kind 2: gas used u64 LE, blob gas used u64 LE, logs bloom, receipts root, state root).
 */
public record BlockResult(long gasUsed, long blobGasUsed, Bytes logsBloom, Hash32 receiptsRoot, Hash32 stateRoot) {

  /** The size of the encoding the guest hands over. */
  public static final int LENGTH = 16 + 256 + 64;

  public static BlockResult decode(byte[] data) {
    if (data.length != LENGTH) {
      throw new ChainException("the block guest's result has " + data.length + " bytes, not " + LENGTH);
    }
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    long gas = in.getLong();
    long blobGas = in.getLong();
    return new BlockResult(gas, blobGas, Bytes.of(Arrays.copyOfRange(data, 16, 272)),
        Hash32.of(Arrays.copyOfRange(data, 272, 304)), Hash32.of(Arrays.copyOfRange(data, 304, 336)));
  }
}
