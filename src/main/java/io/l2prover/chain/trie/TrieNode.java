package io.l2prover.chain.trie;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable Merkle Patricia Trie node. A node's {@link #reference()} is what its parent embeds:
 * the node's own RLP when shorter than 32 bytes, otherwise the RLP string of its keccak-256.
 */
abstract sealed class TrieNode {

  private byte[] encoded;

  /** The RLP of this node; computed once, as nodes never change. */
  final byte[] encode() {
    if (encoded == null) {
      encoded = computeEncoding();
    }
    return encoded;
  }

  abstract byte[] computeEncoding();

  /** The item a parent node holds for this child. */
  byte[] reference() {
    byte[] rlp = encode();
    return rlp.length < 32 ? rlp : Rlp.bytes(Keccak.digest(rlp));
  }

  /** The node's hash (the trie root when this is the root). */
  Hash32 hash() {
    return Keccak.hash(encode());
  }

  /** No node at all: the empty trie, an empty branch slot. */
  static final class Empty extends TrieNode {
    static final Empty INSTANCE = new Empty();

    private Empty() {}

    @Override
    byte[] computeEncoding() {
      return Rlp.emptyString();
    }

    @Override
    byte[] reference() {
      return Rlp.emptyString();
    }
  }

  /** A key's remaining path and its value. */
  static final class Leaf extends TrieNode {
    final byte[] path;
    final byte[] value;

    Leaf(byte[] path, byte[] value) {
      this.path = path;
      this.value = value;
    }

    @Override
    byte[] computeEncoding() {
      return Rlp.list(Rlp.bytes(Nibbles.compact(path, true)), Rlp.bytes(value));
    }
  }

  /** A shared path segment above a branch. */
  static final class Extension extends TrieNode {
    final byte[] path;
    final TrieNode child;

    Extension(byte[] path, TrieNode child) {
      this.path = path;
      this.child = child;
    }

    @Override
    byte[] computeEncoding() {
      return Rlp.list(Rlp.bytes(Nibbles.compact(path, false)), child.reference());
    }
  }

  /** Sixteen children, one per nibble, and the value of a key that ends here. */
  static final class Branch extends TrieNode {
    final TrieNode[] children;
    final byte[] value;

    Branch(TrieNode[] children, byte[] value) {
      this.children = children;
      this.value = value;
    }

    static Branch empty() {
      TrieNode[] children = new TrieNode[16];
      Arrays.fill(children, Empty.INSTANCE);
      return new Branch(children, null);
    }

    Branch with(int index, TrieNode child) {
      TrieNode[] copy = children.clone();
      copy[index] = child;
      return new Branch(copy, value);
    }

    Branch withValue(byte[] newValue) {
      return new Branch(children, newValue);
    }

    @Override
    byte[] computeEncoding() {
      List<byte[]> items = new ArrayList<>(17);
      for (TrieNode child : children) {
        items.add(child.reference());
      }
      items.add(value == null ? Rlp.emptyString() : Rlp.bytes(value));
      return Rlp.list(items);
    }
  }

  /** A child known only by its hash; resolved from a {@link NodeStore} when a path crosses it. */
  static final class HashRef extends TrieNode {
    final Hash32 hash;

    HashRef(Hash32 hash) {
      this.hash = hash;
    }

    @Override
    byte[] computeEncoding() {
      throw new IllegalStateException("an unresolved node has no encoding here");
    }

    @Override
    byte[] reference() {
      return Rlp.bytes(hash.toArray());
    }

    @Override
    Hash32 hash() {
      return hash;
    }
  }
}
