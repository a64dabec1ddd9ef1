package io.l2prover.chain.types;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.rlp.RlpException;
import io.l2prover.chain.rlp.RlpReader;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An execution-layer block header. The trailing fields arrived with forks and are present from
 * that fork on: base fee (EIP-1559, London), withdrawals root (EIP-4895, Shanghai), blob gas used
 * and excess blob gas (EIP-4844, Cancun), parent beacon block root (EIP-4788, Cancun), requests
 * hash (EIP-7685, Prague). Each one present implies all earlier ones are.
 */
public record BlockHeader(
    Hash32 parentHash,
    Hash32 ommersHash,
    Address coinbase,
    Hash32 stateRoot,
    Hash32 transactionsRoot,
    Hash32 receiptsRoot,
    Bytes logsBloom,
    U256 difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash32 mixHash,
    Bytes nonce,
    Optional<U256> baseFeePerGas,
    Optional<Hash32> withdrawalsRoot,
    Optional<Long> blobGasUsed,
    Optional<Long> excessBlobGas,
    Optional<Hash32> parentBeaconBlockRoot,
    Optional<Hash32> requestsHash) {

  /** keccak-256 of the RLP of an empty list: the ommers hash of every post-merge block. */
  public static final Hash32 EMPTY_OMMERS_HASH =
      Hash32.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  private static final int BASE_FIELDS = 15;

  public BlockHeader {
    Objects.requireNonNull(parentHash, "parentHash");
    if (logsBloom.length() != 256) {
      throw new IllegalArgumentException("logs bloom must be 256 bytes");
    }
    if (nonce.length() != 8) {
      throw new IllegalArgumentException("header nonce must be 8 bytes");
    }
    List<Optional<?>> optional =
        List.of(baseFeePerGas, withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot,
            requestsHash);
    for (int i = 1; i < optional.size(); i++) {
      if (optional.get(i).isPresent() && optional.get(i - 1).isEmpty()) {
        throw new IllegalArgumentException("header fork fields must be a contiguous prefix");
      }
    }
  }

  /** Decodes the RLP of a header; every field is checked for canonical form and size. */
  public static BlockHeader decode(byte[] rlp) {
    RlpReader outer = RlpReader.of(rlp);
    BlockHeader header = read(outer);
    outer.requireEnd("block header");
    return header;
  }

  /** Reads one header (an RLP list) from {@code reader}. */
  public static BlockHeader read(RlpReader reader) {
    RlpReader r = reader.enterList();
    Hash32 parentHash = Hash32.of(r.readFixed(32, "parent hash"));
    Hash32 ommersHash = Hash32.of(r.readFixed(32, "ommers hash"));
    Address coinbase = Address.of(r.readFixed(20, "coinbase"));
    Hash32 stateRoot = Hash32.of(r.readFixed(32, "state root"));
    Hash32 txRoot = Hash32.of(r.readFixed(32, "transactions root"));
    Hash32 receiptsRoot = Hash32.of(r.readFixed(32, "receipts root"));
    Bytes bloom = Bytes.of(r.readFixed(256, "logs bloom"));
    U256 difficulty = U256.of(r.readUnsigned("difficulty", 32));
    long number = r.readU64("block number");
    long gasLimit = r.readU64("gas limit");
    long gasUsed = r.readU64("gas used");
    long timestamp = r.readU64("timestamp");
    Bytes extraData = Bytes.of(r.readBytes());
    Hash32 mixHash = Hash32.of(r.readFixed(32, "mix hash"));
    Bytes nonce = Bytes.of(r.readFixed(8, "nonce"));
    Optional<U256> baseFee =
        r.hasNext() ? Optional.of(U256.of(r.readUnsigned("base fee", 32))) : Optional.empty();
    Optional<Hash32> withdrawalsRoot = optionalHash(r, "withdrawals root");
    Optional<Long> blobGasUsed =
        r.hasNext() ? Optional.of(r.readU64("blob gas used")) : Optional.empty();
    Optional<Long> excessBlobGas =
        r.hasNext() ? Optional.of(r.readU64("excess blob gas")) : Optional.empty();
    Optional<Hash32> beaconRoot = optionalHash(r, "parent beacon block root");
    Optional<Hash32> requestsHash = optionalHash(r, "requests hash");
    r.requireEnd("block header (more fields than any known fork)");
    return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, txRoot, receiptsRoot,
        bloom, difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFee,
        withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }

  private static Optional<Hash32> optionalHash(RlpReader r, String what) {
    return r.hasNext() ? Optional.of(Hash32.of(r.readFixed(32, what))) : Optional.empty();
  }

  /** The RLP of this header. */
  public byte[] encode() {
    List<byte[]> items = new ArrayList<>(BASE_FIELDS + 6);
    items.add(Rlp.bytes(parentHash.toArray()));
    items.add(Rlp.bytes(ommersHash.toArray()));
    items.add(Rlp.bytes(coinbase.toArray()));
    items.add(Rlp.bytes(stateRoot.toArray()));
    items.add(Rlp.bytes(transactionsRoot.toArray()));
    items.add(Rlp.bytes(receiptsRoot.toArray()));
    items.add(Rlp.bytes(logsBloom.toArray()));
    items.add(Rlp.bigInt(difficulty.toBigInteger()));
    items.add(Rlp.u64(number));
    items.add(Rlp.u64(gasLimit));
    items.add(Rlp.u64(gasUsed));
    items.add(Rlp.u64(timestamp));
    items.add(Rlp.bytes(extraData.toArray()));
    items.add(Rlp.bytes(mixHash.toArray()));
    items.add(Rlp.bytes(nonce.toArray()));
    baseFeePerGas.ifPresent(v -> items.add(Rlp.bigInt(v.toBigInteger())));
    withdrawalsRoot.ifPresent(v -> items.add(Rlp.bytes(v.toArray())));
    blobGasUsed.ifPresent(v -> items.add(Rlp.u64(v)));
    excessBlobGas.ifPresent(v -> items.add(Rlp.u64(v)));
    parentBeaconBlockRoot.ifPresent(v -> items.add(Rlp.bytes(v.toArray())));
    requestsHash.ifPresent(v -> items.add(Rlp.bytes(v.toArray())));
    return Rlp.list(items);
  }

  /** The block hash: keccak-256 of the header's RLP. */
  public Hash32 hash() {
    return Keccak.hash(encode());
  }

  /** Fails with a clear message when a header that must be post-London has no base fee. */
  public U256 requireBaseFee() {
    return baseFeePerGas.orElseThrow(
        () -> new RlpException("block " + number + " has no base fee (pre-London header)"));
  }
}
