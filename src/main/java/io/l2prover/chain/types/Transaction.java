package io.l2prover.chain.types;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A signed transaction of one of the supported envelope types. Legacy and EIP-2930 transactions
 * carry one gas price, held here as both {@link #maxPriorityFeePerGas} and {@link #maxFeePerGas},
 * which gives them the EIP-1559 fee rules unchanged (effective price = gas price).
 *
 * @param chainId absent only for a legacy transaction signed before EIP-155 (v = 27 or 28)
 * @param to absent for a contract creation
 * @param yParity the parity of the signature point's y coordinate (0 or 1)
 */
public record Transaction(
    TxType type,
    OptionalLong chainId,
    long nonce,
    U256 maxPriorityFeePerGas,
    U256 maxFeePerGas,
    long gasLimit,
    Optional<Address> to,
    U256 value,
    Bytes data,
    List<AccessListEntry> accessList,
    int yParity,
    U256 r,
    U256 s) {

  public Transaction {
    Objects.requireNonNull(type, "type");
    accessList = List.copyOf(accessList);
    if (type != TxType.DYNAMIC_FEE && !maxPriorityFeePerGas.equals(maxFeePerGas)) {
      throw new IllegalArgumentException(type + " transactions have a single gas price");
    }
    if (type == TxType.LEGACY && !accessList.isEmpty()) {
      throw new IllegalArgumentException("legacy transactions have no access list");
    }
    if (type != TxType.LEGACY && chainId.isEmpty()) {
      throw new IllegalArgumentException(type + " transactions always carry a chain id");
    }
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("y parity must be 0 or 1");
    }
  }

  /** The gas price of a legacy or EIP-2930 transaction (the fee cap of an EIP-1559 one). */
  public U256 gasPrice() {
    return maxFeePerGas;
  }

  /** Whether this transaction creates a contract. */
  public boolean isContractCreation() {
    return to.isEmpty();
  }

  /** The legacy {@code v}: {@code 27 + yParity}, or {@code chainId * 2 + 35 + yParity} (EIP-155). */
  public long legacyV() {
    return chainId.isPresent() ? chainId.getAsLong() * 2 + 35 + yParity : 27 + yParity;
  }

  /**
   * The canonical encoding (EIP-2718): the RLP list for legacy transactions, the type byte
   * followed by the RLP payload for typed ones. Its keccak-256 is the transaction hash.
   */
  public byte[] encode() {
    List<byte[]> fields = unsignedFields();
    if (type == TxType.LEGACY) {
      fields.add(Rlp.u64(legacyV()));
    } else {
      fields.add(Rlp.u64(yParity));
    }
    fields.add(Rlp.bigInt(r.toBigInteger()));
    fields.add(Rlp.bigInt(s.toBigInteger()));
    return type.envelope(Rlp.list(fields));
  }

  /** The item as it appears in a block body: legacy as a list, typed as a byte string. */
  public byte[] encodeForBlock() {
    byte[] envelope = encode();
    return type == TxType.LEGACY ? envelope : Rlp.bytes(envelope);
  }

  /** The transaction hash. */
  public Hash32 hash() {
    return Keccak.hash(encode());
  }

  /**
   * The hash the sender signed: legacy per EIP-155 (chain id, 0, 0 appended) or the original
   * six fields before it; typed transactions as type byte plus the RLP of the unsigned fields.
   */
  public Hash32 signingHash() {
    List<byte[]> fields = unsignedFields();
    if (type == TxType.LEGACY && chainId.isPresent()) {
      fields.add(Rlp.u64(chainId.getAsLong()));
      fields.add(Rlp.emptyString());
      fields.add(Rlp.emptyString());
    }
    return Keccak.hash(type.envelope(Rlp.list(fields)));
  }

  /** The same transaction with another signature (the generator signs an unsigned template). */
  public Transaction withSignature(int newYParity, U256 newR, U256 newS) {
    return new Transaction(type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to,
        value, data, accessList, newYParity, newR, newS);
  }

  private List<byte[]> unsignedFields() {
    List<byte[]> fields = new ArrayList<>(14);
    if (type != TxType.LEGACY) {
      fields.add(Rlp.u64(chainId.getAsLong()));
    }
    fields.add(Rlp.u64(nonce));
    if (type == TxType.DYNAMIC_FEE) {
      fields.add(Rlp.bigInt(maxPriorityFeePerGas.toBigInteger()));
    }
    fields.add(Rlp.bigInt(maxFeePerGas.toBigInteger()));
    fields.add(Rlp.u64(gasLimit));
    fields.add(to.map(a -> Rlp.bytes(a.toArray())).orElse(Rlp.emptyString()));
    fields.add(Rlp.bigInt(value.toBigInteger()));
    fields.add(Rlp.bytes(data.toArray()));
    if (type != TxType.LEGACY) {
      fields.add(encodeAccessList(accessList));
    }
    return fields;
  }

  static byte[] encodeAccessList(List<AccessListEntry> accessList) {
    List<byte[]> entries = new ArrayList<>(accessList.size());
    for (AccessListEntry entry : accessList) {
      List<byte[]> keys = new ArrayList<>(entry.storageKeys().size());
      entry.storageKeys().forEach(k -> keys.add(Rlp.bytes(k.toArray())));
      entries.add(Rlp.list(Rlp.bytes(entry.address().toArray()), Rlp.list(keys)));
    }
    return Rlp.list(entries);
  }
}
