package io.l2prover.zkvm.rv32im;

import io.l2prover.util.SideBySide;
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
import java.util.stream.IntStream;

/**
 * Proves an execution from its tables: every segment's and the memory proof's main traces are
 * committed first (side by side on the common fork-join pool), the LogUp challenges are drawn from all those commitments and the statement,
 * then every proof is finished with them. Heavy steps run on the {@link ComputeBackend}.
 */
public final class Rv32imProver {

  /** Progress, for callers that show it (one call per finished proof). */
  public interface Progress {
    void proved(String what, int logRows, long millis);

    /** What each table of that proof cost (called after {@link #proved}). */
    default void tables(String what, List<MainCommitment.TableTime> times) {}
  }

  /** Phase 2 of one segment's proof, as {@link #prove} makes it: {@link #finishSegment}, or that and a check. */
  @FunctionalInterface
  public interface SegmentFinish {
    MultiTableProof finish(MainCommitment main, LookupChallenges challenges, ExecutionTraces.SegmentTables segment);
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
    return prove(circuit, tables, progress, this::finishSegment);
  }

  /** As above, each segment finished by {@code finish}. */
  public ExecutionProof prove(Rv32imCircuit circuit, ExecutionTraces.Tables tables, Progress progress,
      SegmentFinish finish) {
    Rv32imKeys k = keys(circuit);
    // The witnesses (and the proving keys they set up) one after another; the commitments of the
    // segments and the memory side by side, largest first.
    List<List<TableWitness>> witnesses = new ArrayList<>();
    for (ExecutionTraces.SegmentTables s : tables.segments()) {
      witnesses.add(witnesses(circuit.segmentChips(), s.tables()));
    }
    witnesses.add(witnesses(circuit.memoryChips(), tables.memory()));
    MainCommitment[] commitments = new MainCommitment[witnesses.size()];
    SideBySide.forEach(IntStream.range(0, witnesses.size()).boxed().toList(), true,
        i -> witnesses.get(i).stream().filter(TableWitness::present).mapToLong(w -> 1L << w.key().logRows()).sum(),
        i -> commitments[i] = prover.commitMain(witnesses.get(i)));
    List<MainCommitment> segments = List.of(commitments).subList(0, tables.segments().size());
    MainCommitment memory = commitments[tables.segments().size()];
    List<Digest> digests = segments.stream().map(MainCommitment::digest).toList();
    LookupChallenges challenges = challenges(k, tables.exitCode(), tables.journal(), digests, memory.digest());
    List<MultiTableProof> proofs = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      ExecutionTraces.SegmentTables s = tables.segments().get(i);
      long started = System.nanoTime();
      proofs.add(finish.finish(segments.get(i), challenges, s));
      progress.proved("segment " + s.index(), proofs.get(i).maxLogRows(), (System.nanoTime() - started) / 1_000_000);
      progress.tables("segment " + s.index(), segments.get(i).tableTimes());
    }
    long started = System.nanoTime();
    MultiTableProof memoryProof = finishMemory(memory, challenges);
    progress.proved("memory", memoryProof.maxLogRows(), (System.nanoTime() - started) / 1_000_000);
    progress.tables("memory", memory.tableTimes());
    return new ExecutionProof(proofs, memoryProof);
  }

  /** Phase 1 of a segment proof: commits its main traces (deterministic: the same tables, the same digest). */
  public MainCommitment commitSegment(Rv32imCircuit circuit, ExecutionTraces.SegmentTables segment) {
    return prover.commitMain(witnesses(circuit.segmentChips(), segment.tables()));
  }

  /** Phase 1 of the memory proof. */
  public MainCommitment commitMemory(Rv32imCircuit circuit, List<ChipTrace> memory) {
    return prover.commitMain(witnesses(circuit.memoryChips(), memory));
  }

  /**
   * The LogUp challenges every proof of one execution finishes with: drawn from the statement and
   * every segment's and the memory proof's main commitment, in execution order.
   */
  public LookupChallenges challenges(Rv32imKeys keys, int exitCode, byte[] journal, List<Digest> segments,
      Digest memory) {
    return ExecutionTranscript.draw(params, keys.imageId(), exitCode, journal, segments, memory);
  }

  /** Phase 2 of a segment proof, under the execution's challenges. */
  public MultiTableProof finishSegment(MainCommitment main, LookupChallenges challenges,
      ExecutionTraces.SegmentTables segment) {
    return prover.finish(main, challenges,
        JournalTerms.of(segment.journalStart(), segment.journal(), 0, segment.journal().length));
  }

  /** Phase 2 of the memory proof. */
  public MultiTableProof finishMemory(MainCommitment main, LookupChallenges challenges) {
    return prover.finish(main, challenges, List.of());
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
      if (!t.present()) {
        out.add(TableWitness.absent(chip));
        continue;
      }
      int logRows = Integer.numberOfTrailingZeros(t.rows());
      out.add(TableWitness.of(key(chip, logRows), t.main(), t.publicValues()));
    }
    return out;
  }
}
