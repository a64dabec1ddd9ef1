package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.ConstraintDigest;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifying keys of an RV32IM proof: one {@link TableKey} per table of a segment proof and
 * of the memory proof, the program's commitment, and the image ID that hashes them together with
 * every table's constraint digest (so a change to the circuit changes every image ID).
 */
public final class Rv32imKeys {

  /** Bumped when the meaning of a table changes in a way its constraint digest does not show. */
  public static final int CIRCUIT_VERSION = 1;

  private final ImageCommitment commitment;
  private final List<TableKey> segmentKeys;
  private final List<TableKey> memoryKeys;
  private final Digest imageId;

  private Rv32imKeys(ImageCommitment commitment, List<TableKey> segmentKeys, List<TableKey> memoryKeys) {
    this.commitment = commitment;
    this.segmentKeys = List.copyOf(segmentKeys);
    this.memoryKeys = List.copyOf(memoryKeys);
    this.imageId = hash(commitment, segmentKeys, memoryKeys);
  }

  /** The keys of a guest, from its program alone: commits its program and image tables. */
  public static Rv32imKeys of(Rv32imCircuit circuit, ProvingKey programKey, ProvingKey imageKey, ProvingKey bytesKey) {
    ImageCommitment c = new ImageCommitment(circuit.program().entry(), programKey.logRows(),
        programKey.tableKey().preprocessedRoot(), imageKey.logRows(), imageKey.tableKey().preprocessedRoot());
    return of(circuit, c, List.of(programKey.tableKey(), imageKey.tableKey(), bytesKey.tableKey()));
  }

  /** The keys a verifier rebuilds from a receipt's program commitment. */
  public static Rv32imKeys of(ImageCommitment c, FriParameters params, ComputeBackend backend) {
    Rv32imCircuit circuit = Rv32imCircuit.ofHeights(c.programLogRows(), c.imageLogRows());
    TableKey bytesKey = params.equals(FriParameters.DEFAULT)
        ? new TableKey(circuit.bytes(), ConstraintDigest.of(circuit.bytes()), ByteTable.LOG_ROWS, DefaultByteTable.ROOT)
        : ProvingKey.setup(circuit.bytes(), ByteTable.LOG_ROWS, params, backend).tableKey();
    TableKey programKey = new TableKey(circuit.programTable(), ConstraintDigest.of(circuit.programTable()),
        c.programLogRows(), c.programRoot());
    TableKey imageKey = new TableKey(circuit.imageTable(), ConstraintDigest.of(circuit.imageTable()),
        c.imageLogRows(), c.imageRoot());
    return of(circuit, c, List.of(programKey, imageKey, bytesKey));
  }

  /** The byte table's commitment under the default parameters, computed once: every verifier needs it. */
  private static final class DefaultByteTable {
    static final Digest ROOT = ProvingKey.setup(new ByteTable(), ByteTable.LOG_ROWS, FriParameters.DEFAULT,
        new io.l2prover.zkvm.stark.backend.CpuBackend()).tableKey().preprocessedRoot();
  }

  private static Rv32imKeys of(Rv32imCircuit circuit, ImageCommitment c, List<TableKey> preprocessed) {
    return new Rv32imKeys(c, keys(circuit.segmentChips(), preprocessed), keys(circuit.memoryChips(), preprocessed));
  }

  /** Each chip's key: its preprocessed key where it has one, else the key of its constraints alone. */
  private static List<TableKey> keys(List<Chip> chips, List<TableKey> preprocessed) {
    List<TableKey> out = new ArrayList<>();
    for (Chip chip : chips) {
      out.add(preprocessed.stream().filter(k -> k.air() == chip).findFirst().orElseGet(() -> SharedChips.key(chip)));
    }
    return out;
  }

  private static Digest hash(ImageCommitment c, List<TableKey> segment, List<TableKey> memory) {
    List<Integer> words = new ArrayList<>(List.of(CIRCUIT_VERSION, c.entry() & 0x7fffffff, c.entry() >>> 31,
        c.programLogRows(), c.imageLogRows()));
    for (TableKey k : segment) {
      add(words, k);
    }
    for (TableKey k : memory) {
      add(words, k);
    }
    return Poseidon2Hash.babyBear().hash(words.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void add(List<Integer> words, TableKey k) {
    words.add(k.logRows());
    for (int i = 0; i < Digest.ELEMENTS; i++) {
      words.add(k.constraintDigest().get(i));
    }
    for (int i = 0; i < Digest.ELEMENTS; i++) {
      words.add(k.preprocessedRoot() == null ? 0 : k.preprocessedRoot().get(i));
    }
  }

  public ImageCommitment commitment() {
    return commitment;
  }

  public List<TableKey> segmentKeys() {
    return segmentKeys;
  }

  public List<TableKey> memoryKeys() {
    return memoryKeys;
  }

  /** The image ID: a digest of the program's commitment and of the circuit. */
  public Digest imageId() {
    return imageId;
  }
}
