package io.l2prover.chain.state;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.rlp.RlpReader;
import io.l2prover.chain.trie.MerklePatriciaTrie;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import io.l2prover.chain.types.U256;

/** An account as the state trie stores it: RLP of [nonce, balance, storage root, code hash]. */
public record Account(long nonce, U256 balance, Hash32 storageRoot, Hash32 codeHash) {

  /** keccak-256 of the empty byte string: the code hash of an account without code. */
  public static final Hash32 EMPTY_CODE_HASH = Keccak.hash(new byte[0]);

  /** The account every address has before anything touches it. */
  public static final Account EMPTY =
      new Account(0, U256.ZERO, MerklePatriciaTrie.EMPTY_ROOT, EMPTY_CODE_HASH);

  /** Empty in the sense of EIP-161: no nonce, no balance, no code. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(EMPTY_CODE_HASH);
  }

  public boolean hasCode() {
    return !codeHash.equals(EMPTY_CODE_HASH);
  }

  public Account withNonce(long newNonce) {
    return new Account(newNonce, balance, storageRoot, codeHash);
  }

  public Account withBalance(U256 newBalance) {
    return new Account(nonce, newBalance, storageRoot, codeHash);
  }

  public byte[] encode() {
    // The nonce is unsigned (up to 2^64 - 1 by EIP-2681): minimalBigEndian reads a long's 64 bits.
    return Rlp.list(Rlp.bytes(Rlp.minimalBigEndian(nonce)), Rlp.bigInt(balance.toBigInteger()),
        Rlp.bytes(storageRoot.toArray()), Rlp.bytes(codeHash.toArray()));
  }

  public static Account decode(byte[] rlp) {
    RlpReader outer = RlpReader.of(rlp);
    RlpReader r = outer.enterList();
    Account account = new Account(r.readU64("account nonce"),
        U256.of(r.readUnsigned("account balance", 32)),
        Hash32.of(r.readFixed(32, "account storage root")),
        Hash32.of(r.readFixed(32, "account code hash")));
    r.requireEnd("account");
    outer.requireEnd("account");
    return account;
  }
}
