package io.l2prover.chain.trie;

import io.l2prover.chain.rlp.RlpException;
import io.l2prover.chain.rlp.RlpReader;
import io.l2prover.chain.types.Hash32;
import java.util.ArrayList;
import java.util.List;

/** Decodes the RLP of a trie node; children given by hash become unresolved references. */
final class TrieNodeDecoder {

  private static final int BRANCH_ITEMS = 17;

  private TrieNodeDecoder() {}

  static TrieNode decode(byte[] rlp) {
    RlpReader outer = RlpReader.of(rlp);
    RlpReader list = outer.enterList();
    outer.requireEnd("trie node");
    List<byte[]> items = new ArrayList<>(BRANCH_ITEMS);
    while (list.hasNext()) {
      items.add(list.readRaw());
    }
    if (items.size() == 2) {
      Nibbles.Decoded path = Nibbles.fromCompact(string(items.get(0)));
      if (path.leaf()) {
        return new TrieNode.Leaf(path.path(), string(items.get(1)));
      }
      if (path.path().length == 0) {
        throw new RlpException("trie extension node with an empty path");
      }
      return new TrieNode.Extension(path.path(), child(items.get(1)));
    }
    if (items.size() != BRANCH_ITEMS) {
      throw new RlpException("trie node with " + items.size() + " items (must be 2 or 17)");
    }
    TrieNode[] children = new TrieNode[16];
    for (int i = 0; i < 16; i++) {
      children[i] = child(items.get(i));
    }
    byte[] value = string(items.get(16));
    return new TrieNode.Branch(children, value.length == 0 ? null : value);
  }

  private static byte[] string(byte[] raw) {
    return RlpReader.of(raw).readBytes();
  }

  private static TrieNode child(byte[] raw) {
    if ((raw[0] & 0xff) >= 0xc0) {
      if (raw.length >= 32) {
        throw new RlpException("trie node embeds a child of " + raw.length + " bytes (must be hashed)");
      }
      return decode(raw);
    }
    byte[] value = string(raw);
    if (value.length == 0) {
      return TrieNode.Empty.INSTANCE;
    }
    if (value.length != 32) {
      throw new RlpException("trie child reference of " + value.length + " bytes (must be 0 or 32)");
    }
    return new TrieNode.HashRef(Hash32.of(value));
  }
}
