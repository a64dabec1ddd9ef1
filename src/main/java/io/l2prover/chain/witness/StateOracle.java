package io.l2prover.chain.witness;

import io.l2prover.chain.types.Hash32;
import io.l2prover.util.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The block guest's state oracle for one witness-recording run: answers the guest's questions
 * (a trie node or a code by hash) from a {@link StateStore}, remembers every answer (they become
 * the execution witness), and collects what the guest hands back (the nodes and codes of the new
 * state, and its {@link BlockResult}). Calls: {@code native/guest/include/l2vm.h},
 * {@code L2VM_SYS_ORACLE_*}.
 */
final class StateOracle implements HostOracle {

  static final int NODE = 0x1100;
  static final int CODE = 0x1101;
  static final int PUT = 0x1102;
  private static final int KIND_NODE = 0;
  private static final int KIND_CODE = 1;
  private static final int KIND_RESULT = 2;
  /** Linux's -ENOENT: the host does not know the item. */
  private static final int ENOENT = -2;
  private static final int EINVAL = -22;

  private final StateStore store;
  private final Map<Hash32, Bytes> nodesAsked = new LinkedHashMap<>();
  private final Map<Hash32, Bytes> codesAsked = new LinkedHashMap<>();
  private final List<byte[]> nodesMade = new ArrayList<>();
  private final List<Bytes> codesMade = new ArrayList<>();
  private BlockResult result;

  StateOracle(StateStore store) {
    this.store = store;
  }

  @Override
  public int call(int number, int a0, int a1, int a2, GuestMemory memory) {
    return switch (number) {
      case NODE -> answer(memory, a0, a1, a2, hash -> store.get(hash).map(Bytes::of), nodesAsked);
      case CODE -> answer(memory, a0, a1, a2, store::code, codesAsked);
      case PUT -> put(a0, memory.read(a1, a2));
      default -> ENOSYS;
    };
  }

  private interface Lookup {
    Optional<Bytes> find(Hash32 hash);
  }

  private static int answer(GuestMemory memory, int hashAddress, int buffer, int capacity, Lookup lookup,
      Map<Hash32, Bytes> asked) {
    Hash32 hash = Hash32.of(memory.read(hashAddress, 32));
    Optional<Bytes> item = lookup.find(hash);
    if (item.isEmpty()) {
      return ENOENT;
    }
    byte[] data = item.get().toArray();
    if (Integer.compareUnsigned(data.length, capacity) <= 0) {
      memory.write(buffer, data);
      asked.put(hash, item.get()); // asked again with a bigger buffer when it did not fit
    }
    return data.length;
  }

  private int put(int kind, byte[] data) {
    switch (kind) {
      case KIND_NODE -> nodesMade.add(data);
      case KIND_CODE -> codesMade.add(Bytes.of(data));
      case KIND_RESULT -> {
        if (data.length != BlockResult.LENGTH) {
          return EINVAL;
        }
        result = BlockResult.decode(data);
      }
      default -> {
        return EINVAL;
      }
    }
    return 0;
  }

  /** The trie nodes the guest asked for, in the order it asked. */
  List<Bytes> nodesAsked() {
    return List.copyOf(nodesAsked.values());
  }

  /** The codes the guest asked for, in the order it asked. */
  List<Bytes> codesAsked() {
    return List.copyOf(codesAsked.values());
  }

  List<byte[]> nodesMade() {
    return List.copyOf(nodesMade);
  }

  List<Bytes> codesMade() {
    return List.copyOf(codesMade);
  }

  Optional<BlockResult> result() {
    return Optional.ofNullable(result);
  }
}
