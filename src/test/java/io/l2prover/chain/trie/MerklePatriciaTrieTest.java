package io.l2prover.chain.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static Hash32 rootOf(Map<String, String> entries) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    entries.forEach((k, v) -> trie.put(ascii(k), ascii(v)));
    return trie.rootHash();
  }

  @Test
  void emptyTrieHasTheWellKnownRoot() {
    assertThat(MerklePatriciaTrie.empty().rootHash().toHex())
        .isEqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  }

  /** Vectors of ethereum/tests TrieTests (trieanyorder.json). */
  @Test
  void matchesTheEthereumTestsVectors() {
    assertThat(rootOf(Map.of("doe", "reindeer", "dog", "puppy", "dogglesworth", "cat")).toHex())
        .isEqualTo("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3");
    assertThat(rootOf(Map.of("do", "verb", "horse", "stallion", "doge", "coin", "dog", "puppy")).toHex())
        .isEqualTo("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84");
    assertThat(rootOf(Map.of("foo", "bar", "food", "bass")).toHex())
        .isEqualTo("0x17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3");
    assertThat(rootOf(Map.of("be", "e", "dog", "puppy", "bed", "d")).toHex())
        .isEqualTo("0x3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b");
    assertThat(rootOf(Map.of("test", "test", "te", "testy")).toHex())
        .isEqualTo("0x8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928");
  }

  @Test
  void getsUpdatesAndDeletes() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    trie.put(ascii("dog"), ascii("puppy"));
    trie.put(ascii("do"), ascii("verb"));
    assertThat(trie.get(ascii("dog"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(ascii("puppy")));
    assertThat(trie.get(ascii("d"))).isEmpty();
    assertThat(trie.get(ascii("doge"))).isEmpty();
    trie.put(ascii("dog"), ascii("hound"));
    assertThat(trie.get(ascii("dog"))).hasValueSatisfying(v -> assertThat(v).isEqualTo(ascii("hound")));
    trie.remove(ascii("dog"));
    trie.remove(ascii("cat"));
    assertThat(trie.rootHash()).isEqualTo(rootOf(Map.of("do", "verb")));
    trie.put(ascii("do"), new byte[0]);
    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Property(tries = 60)
  void rootDependsOnlyOnContents(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 120) int size) {
    Random random = new Random(seed);
    TreeMap<String, byte[]> entries = randomEntries(random, size);
    List<String> keys = new ArrayList<>(entries.keySet());
    Collections.shuffle(keys, random);
    MerklePatriciaTrie shuffled = MerklePatriciaTrie.empty();
    keys.forEach(k -> shuffled.put(ascii(k), entries.get(k)));
    // insert extra keys and delete them again: deletion must undo insertion exactly
    List<String> extra = new ArrayList<>(randomEntries(random, size / 2 + 1).keySet());
    extra.removeAll(entries.keySet());
    extra.forEach(k -> shuffled.put(ascii(k), ascii("x" + k)));
    extra.forEach(k -> shuffled.remove(ascii(k)));
    MerklePatriciaTrie sorted = MerklePatriciaTrie.empty();
    entries.forEach((k, v) -> sorted.put(ascii(k), v));
    assertThat(shuffled.rootHash()).isEqualTo(sorted.rootHash());
    entries.forEach((k, v) -> assertThat(shuffled.get(ascii(k))).hasValueSatisfying(got -> assertThat(got).isEqualTo(v)));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Long> seeds() {
    return net.jqwik.api.Arbitraries.longs();
  }

  @Test
  void proofsShowPresenceAndAbsence() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (int i = 0; i < 200; i++) {
      trie.put(Keccak.digest(new byte[] {(byte) i}), ascii("value-" + i));
    }
    Hash32 root = trie.rootHash();
    byte[] present = Keccak.digest(new byte[] {7});
    assertThat(MerklePatriciaTrie.verifyProof(root, present, trie.proof(present)))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(ascii("value-7")));
    byte[] absent = Keccak.digest(ascii("nope"));
    assertThat(MerklePatriciaTrie.verifyProof(root, absent, trie.proof(absent))).isEmpty();
    List<byte[]> truncated = trie.proof(present).subList(0, 1);
    assertThatThrownBy(() -> MerklePatriciaTrie.verifyProof(root, present, truncated))
        .isInstanceOf(MissingNodeException.class);
  }

  @Test
  void aPartialTrieOverRecordedNodesReproducesUpdatesIncludingCollapses() {
    Random random = new Random(42);
    MerklePatriciaTrie full = MerklePatriciaTrie.empty();
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] key = Keccak.digest(new byte[] {(byte) i, (byte) (i >> 8)});
      keys.add(key);
      full.put(key, ascii("v" + random.nextInt()));
    }
    MapNodeStore store = new MapNodeStore();
    full.commitTo(store);
    Hash32 before = full.rootHash();

    RecordingNodeStore recorder = new RecordingNodeStore(store);
    MerklePatriciaTrie tracked = MerklePatriciaTrie.at(before, recorder);
    List<java.util.function.Consumer<MerklePatriciaTrie>> ops = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] key = keys.get(random.nextInt(keys.size()));
      int kind = random.nextInt(3);
      byte[] value = ascii("new" + i);
      byte[] fresh = Keccak.digest(ascii("fresh" + i));
      ops.add(t -> {
        switch (kind) {
          case 0 -> t.remove(key);
          case 1 -> t.put(key, value);
          default -> t.put(fresh, value);
        }
      });
    }
    ops.forEach(op -> op.accept(tracked));
    Hash32 after = tracked.rootHash();

    MerklePatriciaTrie partial = MerklePatriciaTrie.at(before, MapNodeStore.of(recorder.recorded()));
    ops.forEach(op -> op.accept(partial));
    assertThat(partial.rootHash()).isEqualTo(after);
    assertThat(recorder.recorded().size()).isLessThan(store.size());
  }

  private static TreeMap<String, byte[]> randomEntries(Random random, int size) {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    while (entries.size() < size) {
      int length = 1 + random.nextInt(6);
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < length; i++) {
        key.append((char) ('a' + random.nextInt(4)));
      }
      byte[] value = new byte[1 + random.nextInt(40)];
      random.nextBytes(value);
      entries.put(key.toString(), value);
    }
    return entries;
  }
}
