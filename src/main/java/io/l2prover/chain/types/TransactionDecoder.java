package io.l2prover.chain.types;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.rlp.RlpException;
import io.l2prover.chain.rlp.RlpReader;
import io.l2prover.util.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Decodes transaction envelopes (EIP-2718) strictly; blob and set-code types are refused. */
public final class TransactionDecoder {

  private static final int BLOB_TX_TYPE = 3;
  private static final int SET_CODE_TX_TYPE = 4;

  private TransactionDecoder() {}

  /** Decodes a canonical envelope (what {@link Transaction#encode()} writes). */
  public static Transaction decode(byte[] envelope) {
    if (envelope.length == 0) {
      throw new RlpException("empty transaction");
    }
    int first = envelope[0] & 0xff;
    if (first >= 0xc0) {
      RlpReader reader = RlpReader.of(envelope);
      Transaction tx = readLegacy(reader.enterList());
      reader.requireEnd("legacy transaction");
      return tx;
    }
    RlpReader reader = RlpReader.of(Arrays.copyOfRange(envelope, 1, envelope.length));
    Transaction tx = switch (first) {
      case 1 -> readTyped(TxType.ACCESS_LIST, reader.enterList());
      case 2 -> readTyped(TxType.DYNAMIC_FEE, reader.enterList());
      case BLOB_TX_TYPE -> refuseBlob(reader.enterList());
      case SET_CODE_TX_TYPE -> throw new UnsupportedException("EIP-7702 set-code transaction (type 4)");
      default -> throw new RlpException("unknown transaction type 0x" + Integer.toHexString(first));
    };
    reader.requireEnd("typed transaction");
    return tx;
  }

  /** Reads one transaction as a block body lists it: a list (legacy) or a byte string (typed). */
  public static Transaction readFromBlock(RlpReader reader) {
    if (reader.nextIsList()) {
      return readLegacy(reader.enterList());
    }
    byte[] envelope = reader.readBytes();
    if (envelope.length == 0 || (envelope[0] & 0xff) >= 0x80) {
      throw new RlpException("a typed transaction in a block must start with a type byte below 0x80");
    }
    return decode(envelope);
  }

  private static Transaction readLegacy(RlpReader r) {
    long nonce = r.readU64("nonce");
    U256 gasPrice = u256(r, "gas price");
    long gasLimit = r.readU64("gas limit");
    Optional<Address> to = readTo(r);
    U256 value = u256(r, "value");
    Bytes data = Bytes.of(r.readBytes());
    long v = r.readU64("v");
    U256 sigR = u256(r, "signature r");
    U256 sigS = u256(r, "signature s");
    r.requireEnd("legacy transaction");
    OptionalLong chainId;
    int yParity;
    if (v == 27 || v == 28) {
      chainId = OptionalLong.empty();
      yParity = (int) (v - 27);
    } else if (v >= 35) {
      chainId = OptionalLong.of((v - 35) / 2);
      yParity = (int) ((v - 35) % 2);
    } else {
      throw new RlpException("legacy transaction v = " + v + " is neither 27/28 nor EIP-155");
    }
    return new Transaction(TxType.LEGACY, chainId, nonce, gasPrice, gasPrice, gasLimit, to, value,
        data, List.of(), yParity, sigR, sigS);
  }

  private static Transaction readTyped(TxType type, RlpReader r) {
    long chainId = r.readU64("chain id");
    long nonce = r.readU64("nonce");
    U256 maxPriority;
    U256 maxFee;
    if (type == TxType.DYNAMIC_FEE) {
      maxPriority = u256(r, "max priority fee per gas");
      maxFee = u256(r, "max fee per gas");
    } else {
      maxFee = u256(r, "gas price");
      maxPriority = maxFee;
    }
    long gasLimit = r.readU64("gas limit");
    Optional<Address> to = readTo(r);
    U256 value = u256(r, "value");
    Bytes data = Bytes.of(r.readBytes());
    List<AccessListEntry> accessList = readAccessList(r);
    int yParity = readYParity(r);
    U256 sigR = u256(r, "signature r");
    U256 sigS = u256(r, "signature s");
    r.requireEnd(type + " transaction");
    return new Transaction(type, OptionalLong.of(chainId), nonce, maxPriority, maxFee, gasLimit, to,
        value, data, accessList, yParity, sigR, sigS);
  }

  /** EIP-4844: checks the shape, then refuses (blobs need the KZG point evaluation precompile). */
  private static Transaction refuseBlob(RlpReader r) {
    r.readU64("chain id");
    r.readU64("nonce");
    u256(r, "max priority fee per gas");
    u256(r, "max fee per gas");
    r.readU64("gas limit");
    r.readFixed(20, "blob transaction destination");
    u256(r, "value");
    r.readBytes();
    readAccessList(r);
    u256(r, "max fee per blob gas");
    RlpReader hashes = r.enterList();
    while (hashes.hasNext()) {
      hashes.readFixed(32, "blob versioned hash");
    }
    readYParity(r);
    u256(r, "signature r");
    u256(r, "signature s");
    r.requireEnd("blob transaction");
    throw new UnsupportedException("EIP-4844 blob transaction (type 3)");
  }

  private static Optional<Address> readTo(RlpReader r) {
    byte[] to = r.readBytes();
    if (to.length == 0) {
      return Optional.empty();
    }
    if (to.length != 20) {
      throw new RlpException("transaction destination must be 20 bytes or empty, found " + to.length);
    }
    return Optional.of(Address.of(to));
  }

  private static List<AccessListEntry> readAccessList(RlpReader r) {
    RlpReader list = r.enterList();
    List<AccessListEntry> entries = new ArrayList<>();
    while (list.hasNext()) {
      RlpReader entry = list.enterList();
      Address address = Address.of(entry.readFixed(20, "access list address"));
      RlpReader keys = entry.enterList();
      List<Hash32> storageKeys = new ArrayList<>();
      while (keys.hasNext()) {
        storageKeys.add(Hash32.of(keys.readFixed(32, "access list storage key")));
      }
      entry.requireEnd("access list entry");
      entries.add(new AccessListEntry(address, storageKeys));
    }
    return entries;
  }

  private static int readYParity(RlpReader r) {
    long parity = r.readU64("y parity");
    if (parity > 1) {
      throw new RlpException("y parity must be 0 or 1, found " + parity);
    }
    return (int) parity;
  }

  private static U256 u256(RlpReader r, String what) {
    BigInteger value = r.readUnsigned(what, 32);
    return U256.of(value);
  }
}
