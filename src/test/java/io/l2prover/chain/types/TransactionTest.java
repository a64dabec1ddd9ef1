package io.l2prover.chain.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.rlp.RlpException;
import io.l2prover.util.Bytes;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TransactionTest {

  /** The example of EIP-155 itself. */
  static final String EIP155_SIGNED =
      "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025"
          + "a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb7"
          + "03304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

  @Test
  void decodesTheEip155Example() {
    Transaction tx = TransactionDecoder.decode(HexFormat.of().parseHex(EIP155_SIGNED));
    assertThat(tx.type()).isEqualTo(TxType.LEGACY);
    assertThat(tx.chainId()).hasValue(1);
    assertThat(tx.nonce()).isEqualTo(9);
    assertThat(tx.gasPrice()).isEqualTo(U256.of(20_000_000_000L));
    assertThat(tx.legacyV()).isEqualTo(37);
    assertThat(tx.signingHash().toHex())
        .isEqualTo("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    assertThat(HexFormat.of().formatHex(tx.encode())).isEqualTo(EIP155_SIGNED);
  }

  @Test
  void typedTransactionsRoundTrip() {
    var entry = new AccessListEntry(Address.fromHex("0x" + "11".repeat(20)), List.of(Hash32.ZERO));
    for (TxType type : List.of(TxType.ACCESS_LIST, TxType.DYNAMIC_FEE)) {
      U256 tip = type == TxType.DYNAMIC_FEE ? U256.of(2) : U256.of(7);
      var tx = new Transaction(type, OptionalLong.of(1729), 3, tip, U256.of(7), 30_000,
          Optional.of(Address.fromHex("0x" + "22".repeat(20))), U256.of(5), Bytes.fromHex("0x0102"),
          List.of(entry), 1, U256.of(11), U256.of(12));
      byte[] envelope = tx.encode();
      assertThat(envelope[0]).isEqualTo((byte) type.typeByte());
      assertThat(TransactionDecoder.decode(envelope)).isEqualTo(tx);
      assertThat(tx.signingHash()).isNotEqualTo(tx.hash());
    }
  }

  @Test
  void refusesBlobTransactionsAfterDecodingThem() {
    byte[] envelope = blobTransaction();
    assertThatThrownBy(() -> TransactionDecoder.decode(envelope))
        .isInstanceOf(UnsupportedException.class).hasMessageStartingWith("unsupported: EIP-4844");
  }

  @Test
  void rejectsMalformedTransactions() {
    assertThatThrownBy(() -> TransactionDecoder.decode(new byte[] {0x05, (byte) 0xc0}))
        .isInstanceOf(RlpException.class).hasMessageContaining("unknown transaction type");
    byte[] badParity = Rlp.list(Rlp.u64(1), Rlp.u64(0), Rlp.u64(1), Rlp.u64(2), Rlp.u64(21000),
        Rlp.bytes(new byte[20]), Rlp.u64(0), Rlp.bytes(new byte[0]), Rlp.list(), Rlp.u64(2),
        Rlp.u64(1), Rlp.u64(1));
    byte[] envelope = TxType.DYNAMIC_FEE.envelope(badParity);
    assertThatThrownBy(() -> TransactionDecoder.decode(envelope)).hasMessageContaining("y parity");
    byte[] shortTo = Rlp.list(Rlp.u64(0), Rlp.u64(1), Rlp.u64(21000), Rlp.bytes(new byte[19]),
        Rlp.u64(0), Rlp.bytes(new byte[0]), Rlp.u64(27), Rlp.u64(1), Rlp.u64(1));
    assertThatThrownBy(() -> TransactionDecoder.decode(shortTo)).hasMessageContaining("20 bytes");
  }

  @Test
  void aBlockWithABlobTransactionNamesWhereItIs() {
    byte[] envelope = blobTransaction();
    BlockHeader header = new BlockHeader(Hash32.ZERO, Hash32.ZERO, Address.ZERO, Hash32.ZERO, Hash32.ZERO,
        Hash32.ZERO, Bytes.of(new byte[256]), U256.ZERO, 7, 1, 0, 1, Bytes.EMPTY, Hash32.ZERO,
        Bytes.of(new byte[8]), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    byte[] block = Rlp.list(header.encode(), Rlp.list(Rlp.bytes(envelope)), Rlp.list());
    assertThatThrownBy(() -> Block.decode(block)).isInstanceOf(UnsupportedException.class)
        .hasMessage("unsupported: EIP-4844 blob transaction (type 3) in block 7, transaction 0");
  }

  /** A well-formed EIP-4844 (type 3) transaction envelope, which this chain does not support. */
  private static byte[] blobTransaction() {
    byte[] payload = Rlp.list(Rlp.u64(1), Rlp.u64(0), Rlp.u64(1), Rlp.u64(2), Rlp.u64(21000),
        Rlp.bytes(new byte[20]), Rlp.u64(0), Rlp.bytes(new byte[0]), Rlp.list(), Rlp.u64(1),
        Rlp.list(Rlp.bytes(new byte[32])), Rlp.u64(0), Rlp.u64(1), Rlp.u64(1));
    byte[] envelope = new byte[payload.length + 1];
    envelope[0] = 3;
    System.arraycopy(payload, 0, envelope, 1, payload.length);
    return envelope;
  }
}
