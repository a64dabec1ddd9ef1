package io.l2prover.chain.trie;

import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Merkle Patricia Trie of the Yellow Paper (appendix D). Nodes are immutable; updates rebuild
 * the path they touch. Parts of the trie may be known only by hash and are read from a
 * {@link NodeStore} when a path crosses them, which makes the same class serve full state, a
 * partial trie over a witness, and proof verification.
 */
public final class MerklePatriciaTrie {

  /** The root of the empty trie: keccak-256 of the RLP empty string. */
  public static final Hash32 EMPTY_ROOT = Keccak.hash(Rlp.emptyString());

  private final NodeStore store;
  private TrieNode root;

  private MerklePatriciaTrie(TrieNode root, NodeStore store) {
    this.root = root;
    this.store = store;
  }

  /** A new empty trie. */
  public static MerklePatriciaTrie empty() {
    return new MerklePatriciaTrie(TrieNode.Empty.INSTANCE, new MapNodeStore());
  }

  /** The trie with root {@code rootHash}, whose nodes are read from {@code store} as needed. */
  public static MerklePatriciaTrie at(Hash32 rootHash, NodeStore store) {
    TrieNode root = rootHash.equals(EMPTY_ROOT) ? TrieNode.Empty.INSTANCE : new TrieNode.HashRef(rootHash);
    return new MerklePatriciaTrie(root, store);
  }

  /** The value stored under {@code key}, if any. */
  public Optional<byte[]> get(byte[] key) {
    byte[] path = Nibbles.fromKey(key);
    TrieNode node = root;
    int pos = 0;
    while (true) {
      node = resolve(node);
      if (node instanceof TrieNode.Empty) {
        return Optional.empty();
      } else if (node instanceof TrieNode.Leaf leaf) {
        return matches(leaf.path, path, pos) && pos + leaf.path.length == path.length
            ? Optional.of(leaf.value.clone())
            : Optional.empty();
      } else if (node instanceof TrieNode.Extension ext) {
        if (!matches(ext.path, path, pos)) {
          return Optional.empty();
        }
        pos += ext.path.length;
        node = ext.child;
      } else {
        TrieNode.Branch branch = (TrieNode.Branch) node;
        if (pos == path.length) {
          return Optional.ofNullable(branch.value).map(byte[]::clone);
        }
        node = branch.children[path[pos++]];
      }
    }
  }

  /** Stores {@code value} under {@code key}; an empty value removes the key, as in Ethereum. */
  public void put(byte[] key, byte[] value) {
    if (value.length == 0) {
      remove(key);
      return;
    }
    root = insert(root, Nibbles.fromKey(key), 0, value.clone());
  }

  /** Removes {@code key}; nothing happens when it is absent. */
  public void remove(byte[] key) {
    root = delete(root, Nibbles.fromKey(key), 0);
  }

  /** The root hash. */
  public Hash32 rootHash() {
    return root.hash();
  }

  /**
   * A Merkle proof for {@code key}: the RLP of every hashed node on its path from the root (the
   * shape of {@code eth_getProof}); it proves the value or its absence.
   */
  public List<byte[]> proof(byte[] key) {
    byte[] path = Nibbles.fromKey(key);
    List<byte[]> nodes = new ArrayList<>();
    TrieNode node = root;
    int pos = 0;
    boolean hashed = true;
    while (true) {
      boolean wasRef = node instanceof TrieNode.HashRef;
      node = resolve(node);
      if (node instanceof TrieNode.Empty) {
        return nodes;
      }
      if (hashed || wasRef || node.encode().length >= 32) {
        nodes.add(node.encode().clone());
      }
      hashed = false;
      if (node instanceof TrieNode.Leaf) {
        return nodes;
      } else if (node instanceof TrieNode.Extension ext) {
        if (!matches(ext.path, path, pos)) {
          return nodes;
        }
        pos += ext.path.length;
        node = ext.child;
      } else {
        TrieNode.Branch branch = (TrieNode.Branch) node;
        if (pos == path.length) {
          return nodes;
        }
        node = branch.children[path[pos++]];
      }
    }
  }

  /**
   * Checks a proof against {@code rootHash}: the value under {@code key}, or empty when the proof
   * shows the key absent. Fails with {@link MissingNodeException} when the proof is incomplete.
   */
  public static Optional<byte[]> verifyProof(Hash32 rootHash, byte[] key, List<byte[]> proof) {
    return at(rootHash, MapNodeStore.of(proof)).get(key);
  }

  /** Adds every node this trie holds in memory and a parent refers to by hash (and the root). */
  public void commitTo(MapNodeStore sink) {
    collect(root, sink, true);
  }

  private static void collect(TrieNode node, MapNodeStore sink, boolean isRoot) {
    if (node instanceof TrieNode.HashRef || node instanceof TrieNode.Empty) {
      return;
    }
    byte[] encoded = node.encode();
    if (isRoot || encoded.length >= 32) {
      sink.put(node.hash(), encoded);
    }
    if (node instanceof TrieNode.Extension ext) {
      collect(ext.child, sink, false);
    } else if (node instanceof TrieNode.Branch branch) {
      for (TrieNode child : branch.children) {
        collect(child, sink, false);
      }
    }
  }

  private TrieNode resolve(TrieNode node) {
    if (node instanceof TrieNode.HashRef ref) {
      byte[] encoded = store.get(ref.hash).orElseThrow(() -> new MissingNodeException(ref.hash));
      return TrieNodeDecoder.decode(encoded);
    }
    return node;
  }

  private TrieNode insert(TrieNode node, byte[] path, int pos, byte[] value) {
    node = resolve(node);
    if (node instanceof TrieNode.Empty) {
      return new TrieNode.Leaf(Arrays.copyOfRange(path, pos, path.length), value);
    }
    if (node instanceof TrieNode.Leaf leaf) {
      int common = Nibbles.commonPrefix(leaf.path, 0, path, pos);
      if (common == leaf.path.length && pos + common == path.length) {
        return new TrieNode.Leaf(leaf.path, value);
      }
      TrieNode.Branch branch = TrieNode.Branch.empty();
      branch = place(branch, leaf.path, common, leaf.value);
      branch = place(branch, path, pos + common, value);
      return withPrefix(Arrays.copyOfRange(leaf.path, 0, common), branch);
    }
    if (node instanceof TrieNode.Extension ext) {
      int common = Nibbles.commonPrefix(ext.path, 0, path, pos);
      if (common == ext.path.length) {
        return new TrieNode.Extension(ext.path, insert(ext.child, path, pos + common, value));
      }
      TrieNode.Branch branch = TrieNode.Branch.empty();
      byte[] below = Arrays.copyOfRange(ext.path, common + 1, ext.path.length);
      branch = branch.with(ext.path[common],
          below.length == 0 ? ext.child : new TrieNode.Extension(below, ext.child));
      branch = place(branch, path, pos + common, value);
      return withPrefix(Arrays.copyOfRange(ext.path, 0, common), branch);
    }
    TrieNode.Branch branch = (TrieNode.Branch) node;
    if (pos == path.length) {
      return branch.withValue(value);
    }
    int index = path[pos];
    return branch.with(index, insert(branch.children[index], path, pos + 1, value));
  }

  /** Puts the key whose remaining path is {@code path[from..]} into a new branch. */
  private static TrieNode.Branch place(TrieNode.Branch branch, byte[] path, int from, byte[] value) {
    if (from == path.length) {
      return branch.withValue(value);
    }
    return branch.with(path[from],
        new TrieNode.Leaf(Arrays.copyOfRange(path, from + 1, path.length), value));
  }

  private static TrieNode withPrefix(byte[] prefix, TrieNode node) {
    return prefix.length == 0 ? node : new TrieNode.Extension(prefix, node);
  }

  private TrieNode delete(TrieNode node, byte[] path, int pos) {
    node = resolve(node);
    if (node instanceof TrieNode.Empty) {
      return node;
    }
    if (node instanceof TrieNode.Leaf leaf) {
      boolean hit = matches(leaf.path, path, pos) && pos + leaf.path.length == path.length;
      return hit ? TrieNode.Empty.INSTANCE : leaf;
    }
    if (node instanceof TrieNode.Extension ext) {
      if (!matches(ext.path, path, pos)) {
        return ext;
      }
      TrieNode child = delete(ext.child, path, pos + ext.path.length);
      if (child == ext.child) {
        return ext;
      }
      return join(ext.path, child);
    }
    TrieNode.Branch branch = (TrieNode.Branch) node;
    TrieNode.Branch updated;
    if (pos == path.length) {
      if (branch.value == null) {
        return branch;
      }
      updated = branch.withValue(null);
    } else {
      int index = path[pos];
      TrieNode child = delete(branch.children[index], path, pos + 1);
      if (child == branch.children[index]) {
        return branch;
      }
      updated = branch.with(index, child);
    }
    return normalise(updated);
  }

  /** A branch left with fewer than two entries collapses into a leaf or an extension. */
  private TrieNode normalise(TrieNode.Branch branch) {
    int count = branch.value == null ? 0 : 1;
    int only = -1;
    for (int i = 0; i < 16; i++) {
      if (!(branch.children[i] instanceof TrieNode.Empty)) {
        count++;
        only = i;
      }
    }
    if (count >= 2) {
      return branch;
    }
    if (count == 0) {
      return TrieNode.Empty.INSTANCE;
    }
    if (only < 0) {
      return new TrieNode.Leaf(Nibbles.EMPTY, branch.value);
    }
    // The remaining child's kind decides the shape, so it must be resolved: a witness has to
    // carry this sibling even though no key under it was read.
    return join(new byte[] {(byte) only}, resolve(branch.children[only]));
  }

  /** {@code prefix} followed by {@code child}, merging paths where the child has one. */
  private TrieNode join(byte[] prefix, TrieNode child) {
    if (child instanceof TrieNode.Empty) {
      return child;
    }
    if (child instanceof TrieNode.Leaf leaf) {
      return new TrieNode.Leaf(Nibbles.concat(prefix, leaf.path), leaf.value);
    }
    if (child instanceof TrieNode.Extension ext) {
      return new TrieNode.Extension(Nibbles.concat(prefix, ext.path), ext.child);
    }
    if (child instanceof TrieNode.HashRef) {
      return join(prefix, resolve(child));
    }
    return new TrieNode.Extension(prefix, child);
  }

  private static boolean matches(byte[] segment, byte[] path, int pos) {
    if (pos + segment.length > path.length) {
      return false;
    }
    return Arrays.equals(segment, 0, segment.length, path, pos, pos + segment.length);
  }
}
