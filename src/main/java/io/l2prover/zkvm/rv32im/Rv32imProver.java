package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.prover.MainCommitment;
import io.l2prover.zkvm.stark.prover.MultiTableProver;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import io.l2prover.zkvm.stark.prover.TableWitness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves an execution from its tables: every segment's and the memory proof's main traces are
 * committed first, the LogUp challenges are drawn from all those commitments and the statement,
 * then every proof is finished with them. Heavy steps run on the {@link ComputeBackend}.
 */
public final class Rv32imProver {

  /** Progress, for callers that show it (one call per finished proof). */
  public interface Progress {
    void proved(String what, int logRows, long millis);

    /** What each table of that proof cost (called after {@link #proved}). */
    default void tables(String what, List<MainCommitment.TableTime> times) {}
  }

  private final ComputeBackend backend;
  private final FriParameters params;
  private final MultiTableProver prover;
  private final Map<Chip, Map<Integer, ProvingKey>> keys;

  private Rv32imProver(ComputeBackend backend, FriParameters params, MultiTableProver prover,
      Map<Chip, Map<Integer, ProvingKey>> keys) {
    this.backend = backend;
    this.params = params;
    this.prover = prover;
    this.keys = keys;
  }

  public static Rv32imProver checked(ComputeBackend backend, FriParameters params) {
    return new Rv32imProver(backend, params, MultiTableProver.checked(backend, params), new IdentityHashMap<>());
  }

  /** A prover that proves whatever tables it is given: for soundness tests only. */
  public static Rv32imProver unchecked(ComputeBackend backend, FriParameters params) {
    return new Rv32imProver(backend, params, MultiTableProver.unchecked(backend, params), new IdentityHashMap<>());
  }

  /**
   * An unchecked prover whose every segment and memory proof lets {@code adversary} tamper with
   * its steps (table indices as in {@link Rv32imCircuit#segmentChips()} and
   * {@link Rv32imCircuit#memoryChips()}): for soundness tests only. It shares {@code keysFrom}'s
   * proving keys, so a test pays for the guest's keys once.
   */
  public static Rv32imProver adversarial(Rv32imProver keysFrom, MultiTableProver.Adversary adversary) {
    return new Rv32imProver(keysFrom.backend, keysFrom.params,
        MultiTableProver.adversarial(keysFrom.backend, keysFrom.params, adversary), keysFrom.keys);
  }

  public FriParameters params() {
    return params;
  }

  /** The guest's keys and image ID (commits its program and image tables). */
  public Rv32imKeys keys(Rv32imCircuit circuit) {
    return Rv32imKeys.of(circuit, key(circuit.programTable(), circuit.programTable().logRows()),
        key(circuit.imageTable(), circuit.imageTable().logRows()), key(circuit.bytes(), ByteTable.LOG_ROWS));
  }

  private ProvingKey key(Chip chip, int logRows) {
    return keys.computeIfAbsent(chip, c -> new HashMap<>())
        .computeIfAbsent(logRows, lr -> ProvingKey.setup(chip, lr, params, backend));
  }

  public ExecutionProof prove(Rv32imCircuit circuit, ExecutionTraces.Tables tables, Progress progress) {
    Rv32imKeys k = keys(circuit);
    List<MainCommitment> segments = new ArrayList<>();
    for (ExecutionTraces.SegmentTables s : tables.segments()) {
      segments.add(prover.commitMain(witnesses(circuit.segmentChips(), s.tables())));
    }
    MainCommitment memory = prover.commitMain(witnesses(circuit.memoryChips(), tables.memory()));
    List<Digest> digests = segments.stream().map(MainCommitment::digest).toList();
    LookupChallenges challenges = ExecutionTranscript.draw(params, k.imageId(), tables.exitCode(), tables.journal(),
        digests, memory.digest());
    List<MultiTableProof> proofs = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      ExecutionTraces.SegmentTables s = tables.segments().get(i);
      long started = System.nanoTime();
      proofs.add(prover.finish(segments.get(i), challenges,
          JournalTerms.of(s.journalStart(), s.journal(), 0, s.journal().length)));
      progress.proved("segment " + s.index(), proofs.get(i).maxLogRows(), (System.nanoTime() - started) / 1_000_000);
      progress.tables("segment " + s.index(), segments.get(i).tableTimes());
    }
    long started = System.nanoTime();
    MultiTableProof memoryProof = prover.finish(memory, challenges, List.of());
    progress.proved("memory", memoryProof.maxLogRows(), (System.nanoTime() - started) / 1_000_000);
    progress.tables("memory", memory.tableTimes());
    return new ExecutionProof(proofs, memoryProof);
  }

  private List<TableWitness> witnesses(List<Chip> chips, List<ChipTrace> traces) {
    Map<Chip, ChipTrace> byChip = new IdentityHashMap<>();
    for (ChipTrace t : traces) {
      byChip.put(t.chip(), t);
    }
    List<TableWitness> out = new ArrayList<>();
    for (Chip chip : chips) {
      ChipTrace t = byChip.get(chip);
      if (t == null) {
        throw new IllegalArgumentException("no trace for table " + chip.name());
      }
      int logRows = Integer.numberOfTrailingZeros(t.rows());
      out.add(TableWitness.of(key(chip, logRows), t.main(), t.publicValues()));
    }
    return out;
  }
}
