package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.proof.TableKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chips every RV32IM circuit has, whatever the guest (all but its program and image tables),
 * built once per JVM with the keys of their constraints. Chips are immutable descriptions, so one
 * instance serves every circuit; building the keys once matters because a verifier rebuilds the
 * keys for every receipt, and the Keccak table's constraint digest alone (its 3446 expression
 * trees, node by node) takes about 200 ms.
 */
final class SharedChips {

  static final CpuChip CPU = new CpuChip();
  static final LoadStoreChip LOAD_STORE = new LoadStoreChip();
  static final EcallChip ECALL = new EcallChip();
  static final IoChip IO = new IoChip();
  static final MemoryBoundaryChip BOUNDARY = new MemoryBoundaryChip();
  static final KeccakChip KECCAK = new KeccakChip();
  /** The one-row precompile chips, in call order. */
  static final List<RowPrecompileChip> ROW_PRECOMPILES = List.of(new MulModChip(), new Secp256k1AddChip(),
      new Secp256k1DoubleChip(), new HintChip());
  /** In build order: chips that ask other ALU chips for operations come first. */
  static final List<AluChip> ALU = List.of(new ShiftChip(), new DivRemChip(), new MulChip(), new AddSubChip(),
      new LtChip(), new BitwiseChip());
  static final ByteTable BYTES = new ByteTable();
  static final MemoryInitChip MEMORY_INIT = new MemoryInitChip();

  /** The key of each chip above without preprocessed columns (the byte table's comes with its commitment). */
  private static final Map<Chip, TableKey> KEYS = keys();

  private SharedChips() {}

  /** The key of {@code chip}'s constraints: computed once for a shared chip, else now. */
  static TableKey key(Chip chip) {
    TableKey shared = KEYS.get(chip);
    return shared != null ? shared : TableKey.of(chip);
  }

  private static Map<Chip, TableKey> keys() {
    List<Chip> chips = new ArrayList<>(List.of(CPU, LOAD_STORE, ECALL, IO, BOUNDARY, KECCAK, MEMORY_INIT));
    chips.addAll(ROW_PRECOMPILES);
    ALU.forEach(a -> chips.add((Chip) a));
    Map<Chip, TableKey> out = new IdentityHashMap<>();
    chips.forEach(c -> out.put(c, TableKey.of(c)));
    return Collections.unmodifiableMap(out);
  }
}
