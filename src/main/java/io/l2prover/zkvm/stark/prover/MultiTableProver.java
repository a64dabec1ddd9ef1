package io.l2prover.zkvm.stark.prover;

import io.l2prover.util.SideBySide;
import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxTrace;
import io.l2prover.zkvm.stark.air.ConstraintDigest;
import io.l2prover.zkvm.stark.air.ConstraintFailure;
import io.l2prover.zkvm.stark.air.DebugChecker;
import io.l2prover.zkvm.stark.air.LogUp;
import io.l2prover.zkvm.stark.air.Scope;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriProof;
import io.l2prover.zkvm.stark.fri.FriProver;
import io.l2prover.zkvm.stark.fri.FriShape;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import io.l2prover.zkvm.stark.proof.DeepLayout;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.PublicInteraction;
import io.l2prover.zkvm.stark.proof.SecurityReport;
import io.l2prover.zkvm.stark.proof.TableProof;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that several tables (chips) of different heights satisfy their AIRs under one
 * transcript (docs/stark-protocol.md, "Multi-table proofs"). Two phases, so that a receipt can
 * commit every segment before drawing the LogUp challenges they share:
 * {@link #commitMain} extends and commits each main trace; {@link #finish} takes the challenges,
 * builds and commits the LogUp traces, the quotients, opens everything at ζ and runs one FRI in
 * which each height's DEEP combination joins the fold at the layer of its size.
 * {@link #prove} does both with the challenges drawn from the proof's own transcript. Within a
 * phase the tables' own steps run side by side (largest first), while the transcript observes
 * their results in table order, so the proof does not depend on the scheduling.
 *
 * <p>The checked mode (default) refuses a trace that breaks its AIR (first failing row and
 * constraint) or whose LogUp sums do not balance; the unchecked mode proves whatever it is given,
 * so soundness tests can show the verifier rejects it.
 */
public final class MultiTableProver {

  private static final Logger LOG = LoggerFactory.getLogger(MultiTableProver.class);

  private final ComputeBackend backend;
  private final FriParameters params;
  private final boolean checked;
  private final QuotientBuilder quotients;
  private final Adversary adversary;

  /**
   * What a cheating prover may change between the honest steps, for soundness tests only (no
   * production path builds one): the aux trace it commits, the values it claims at ζ, and the
   * DEEP codewords it gives FRI. Public so that the tests of the circuits above the STARK core can
   * attack their own tables.
   */
  public interface Adversary {
    default AuxTrace aux(int table, AuxTrace honest) {
      return honest;
    }

    default Ext4[] valuesAtZeta(int table, Ext4[] honest, Ext4[] atZetaNext, Ext4 zeta, Ext4 alpha,
        Ext4[] challenges, Ext4[] claimedSums, int[] publicValues) {
      return honest;
    }

    default int[] deepCodeword(int layer, int[] honest) {
      return honest;
    }
  }

  private static final Adversary HONEST = new Adversary() {};

  private MultiTableProver(ComputeBackend backend, FriParameters params, boolean checked, Adversary adversary) {
    this.backend = backend;
    this.params = params;
    this.checked = checked;
    this.quotients = new QuotientBuilder(backend);
    this.adversary = adversary;
  }

  /** An unchecked prover that lets {@code adversary} tamper with its steps: for soundness tests. */
  public static MultiTableProver adversarial(ComputeBackend backend, FriParameters params, Adversary adversary) {
    return new MultiTableProver(backend, params, false, adversary);
  }

  public static MultiTableProver checked(ComputeBackend backend, FriParameters params) {
    return new MultiTableProver(backend, params, true, HONEST);
  }

  /** A prover that skips the constraint and balance checks: for soundness tests only. */
  public static MultiTableProver unchecked(ComputeBackend backend, FriParameters params) {
    return new MultiTableProver(backend, params, false, HONEST);
  }

  /**
   * One-shot proof: commits the main traces, draws the LogUp challenges from the same transcript
   * and finishes. Both scopes must balance within this proof (with {@code publicInteractions}).
   */
  public MultiTableProof prove(List<TableWitness> tables, List<PublicInteraction> publicInteractions) {
    MainCommitment main = commitMain(tables);
    Transcript t = main.transcript();
    Protocol.observe(t, publicInteractions);
    LookupChallenges challenges = LookupChallenges.draw(t, params);
    return finish(t, main, challenges, publicInteractions, true);
  }

  /** Phase 1: checks every main trace (in checked mode), extends and commits it. */
  public MainCommitment commitMain(List<TableWitness> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a multi-table proof needs at least one table");
    }
    List<TableState> states = tables.stream().map(TableState::new).toList();
    SideBySide.forEach(states, true, MultiTableProver::mainCost, s -> {
      TableWitness w = s.witness;
      if (w.present()) {
        long started = System.nanoTime();
        commitTableMain(s);
        s.nanos += System.nanoTime() - started;
      } else if (w.publicValues().length != w.air().publicValueCount()) {
        throw new IllegalArgumentException(w.air().name() + ": " + w.publicValues().length
            + " public values, AIR declares " + w.air().publicValueCount());
      }
    });
    List<Protocol.TableStatement> statement = new ArrayList<>();
    for (TableState s : states) {
      TableWitness w = s.witness;
      statement.add(new Protocol.TableStatement(w.air().name(),
          w.present() ? w.key().constraintDigest() : ConstraintDigest.of(w.air()),
          s.logRows(), w.present() ? w.key().tableKey().preprocessedRoot() : null, w.publicValues()));
    }
    int maxLogRows = states.stream().mapToInt(TableState::logRows).max().orElseThrow();
    if (maxLogRows == 0) {
      throw new IllegalArgumentException("a multi-table proof needs at least one present table");
    }
    byEntryLayer(states, FriShape.of(maxLogRows, params, Protocol.SHIFT)); // refuses tables too short to join FRI
    JointTree mainTree = JointTree.commit(backend, states, s -> s.mainLde, s -> s.key().air().mainWidth(),
        params.logBlowup());
    return new MainCommitment(params, statement, states, mainTree);
  }

  /** What a table's main commitment costs, roughly: its trace cells (absent tables none). */
  private static long mainCost(TableState s) {
    return s.present() ? (long) s.key().air().mainWidth() << s.logRows() : 0;
  }

  /** What a table's aux and quotient steps cost, roughly: its committed cells. */
  private static long finishCost(TableState s) {
    if (!s.present()) {
      return 0;
    }
    Air air = s.key().air();
    return (long) (air.mainWidth() + 4 * air.auxWidth() + 4 * air.quotientChunks()) << s.logRows();
  }

  private void commitTableMain(TableState s) {
    ProvingKey key = s.key();
    if (!key.params().equals(params)) {
      throw new IllegalArgumentException(key.air().name() + ": proving key made for other parameters (" + key.params()
          + ")");
    }
    Air air = key.air();
    int rows = 1 << key.logRows();
    TraceShape.check(air, s.witness.main(), rows, s.witness.publicValues());
    if (checked) {
      DebugChecker.checkMain(air, key.preprocessedColumns(), s.witness.main(), s.witness.publicValues())
          .ifPresent(f -> {
            throw new UnsatisfiedAirException(air.name(), f);
          });
    }
    s.mainEvals = Traces.rowMajor(s.witness.main(), rows);
    s.mainLde = backend.cosetLde(s.mainEvals, air.mainWidth(), key.logRows(), params.logBlowup(), Protocol.SHIFT);
  }

  /**
   * Phase 2 with challenges the caller drew (e.g. from every segment's {@link MainCommitment#digest()}):
   * only the LOCAL scope must balance within this proof; the GLOBAL sum is left to the caller.
   */
  public MultiTableProof finish(MainCommitment main, LookupChallenges challenges,
      List<PublicInteraction> publicInteractions) {
    return finish(main.transcript(), main, challenges, publicInteractions, false);
  }

  private MultiTableProof finish(Transcript t, MainCommitment main, LookupChallenges challenges,
      List<PublicInteraction> publicInteractions, boolean globalBalances) {
    if (!main.params().equals(params)) {
      throw new IllegalArgumentException("main commitment made with other parameters (" + main.params() + ")");
    }
    main.claimForFinish();
    challenges.observeInto(t);
    Protocol.observe(t, publicInteractions);
    List<TableState> tables = main.tables();
    Ext4[] lookup = challenges.asArray();
    List<Integer> withAux = IntStream.range(0, tables.size())
        .filter(i -> tables.get(i).present() && tables.get(i).key().air().auxPhase().isPresent()).boxed().toList();
    // An adversary's hooks see the tables one after another, in order.
    SideBySide.forEach(withAux, adversary == HONEST, i -> finishCost(tables.get(i)), i -> {
      TableState s = tables.get(i);
      long started = System.nanoTime();
      commitAux(i, s, lookup);
      s.nanos += System.nanoTime() - started;
    });
    JointTree auxTree = tables.stream().anyMatch(s -> s.present() && s.key().air().auxPhase().isPresent())
        ? JointTree.commit(backend, tables, s -> s.key().air().auxPhase().isPresent() ? s.auxLde : null,
            s -> 4 * s.key().air().auxWidth(), params.logBlowup())
        : null;
    if (auxTree != null) {
      t.observe(auxTree.root());
    }
    for (TableState s : tables) {
      for (Ext4 v : s.claimedSums) {
        t.observe(v);
      }
    }
    if (checked) {
      checkBalance(tables, challenges, publicInteractions, Scope.LOCAL);
      if (globalBalances) {
        checkBalance(tables, challenges, publicInteractions, Scope.GLOBAL);
      }
    }
    Ext4 alpha = t.sampleExt();
    List<TableState> present = tables.stream().filter(TableState::present).toList();
    SideBySide.forEach(present, true, MultiTableProver::finishCost, s -> {
      long started = System.nanoTime();
      int logRows = s.logRows();
      int width = 4 * s.key().air().quotientChunks();
      s.quotientEvals = quotients.chunks(s.key(), s.mainLde, s.auxLde, s.witness.publicValues(), lookup,
          s.claimedSums, alpha);
      s.quotientLde = backend.cosetLde(s.quotientEvals, width, logRows, params.logBlowup(), Protocol.SHIFT);
      s.nanos += System.nanoTime() - started;
    });
    JointTree quotientTree = JointTree.commit(backend, tables, s -> s.quotientLde,
        s -> 4 * s.key().air().quotientChunks(), params.logBlowup());
    t.observe(quotientTree.root());
    int oodWitness = t.grind(params.challengeGrindingBits());
    Ext4 zeta = t.sampleExt();
    if (zeta.a1() == 0 && zeta.a2() == 0 && zeta.a3() == 0) {
      throw new IllegalStateException("out-of-domain point fell in the base field (probability 2^-93); prove again");
    }
    // The openings side by side; the adversary's hook and the transcript take them in table order.
    SideBySide.forEach(present, true, MultiTableProver::finishCost, s -> {
      Ext4 zetaNext = zeta.mul(BabyBear.twoAdicGenerator(s.logRows()));
      s.atZetaNext = openAll(s.logRows(), zetaNext, s.evals(), s.widths(), 3);
      s.atZeta = openAll(s.logRows(), zeta, s.evals(), s.widths(), 4);
    });
    for (int i = 0; i < tables.size(); i++) {
      TableState s = tables.get(i);
      if (s.present()) {
        s.atZeta = adversary.valuesAtZeta(i, s.atZeta, s.atZetaNext, zeta, alpha, lookup, s.claimedSums,
            s.witness.publicValues());
        for (Ext4 v : s.atZeta) {
          t.observe(v);
        }
        for (Ext4 v : s.atZetaNext) {
          t.observe(v);
        }
      }
    }
    int deepWitness = t.grind(params.challengeGrindingBits());
    Ext4 gamma = t.sampleExt();

    int maxLogRows = tables.stream().mapToInt(TableState::logRows).max().orElseThrow();
    FriShape shape = FriShape.of(maxLogRows, params, Protocol.SHIFT);
    Map<Integer, List<TableState>> byLayer = byEntryLayer(tables, shape);
    int[][] entering = new int[shape.folds() + 1][];
    List<Integer> layers = List.copyOf(byLayer.keySet());
    SideBySide.forEach(layers, true, layer -> byLayer.get(layer).stream().mapToLong(MultiTableProver::finishCost).sum(),
        layer -> entering[layer] = deepCodeword(byLayer.get(layer), gamma, zeta));
    for (int layer : layers) {
      entering[layer] = adversary.deepCodeword(layer, entering[layer]);
    }
    FriProver.Committed fri = new FriProver(backend, params).commit(t, entering, shape);
    FriProver.Queries queries = fri.drawQueries(t);
    FriProof friProof = fri.prove(queries);

    JointTree mainTree = main.mainTree();
    List<TableProof> proofs = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      TableState s = tables.get(i);
      proofs.add(s.present() ? tableProof(i, s, queries.positions(), shape, mainTree, auxTree, quotientTree)
          : TableProof.absent(s.witness.air().name(), s.witness.publicValues()));
    }
    int[] leaves = queries.positions();
    MultiTableProof proof = new MultiTableProof(params, proofs, challenges.powWitness(), oodWitness, deepWitness,
        friProof, mainTree.opening(leaves, shape.logSize()),
        auxTree == null ? null : auxTree.opening(leaves, shape.logSize()), quotientTree.opening(leaves, shape.logSize()));
    if (LOG.isInfoEnabled()) {
      List<Air> airs = tables.stream().map(s -> s.witness.air()).toList();
      LOG.info("proved {} tables (tallest 2^{} rows): {}", proofs.stream().filter(TableProof::present).count(),
          maxLogRows, SecurityReport.of(params, airs, proof, publicInteractions.size()));
    }
    return proof;
  }

  /** Present tables grouped by the FRI layer their DEEP combination enters (tallest first). */
  static Map<Integer, List<TableState>> byEntryLayer(List<TableState> tables, FriShape shape) {
    Map<Integer, List<TableState>> out = new TreeMap<>();
    for (TableState s : tables) {
      if (!s.present()) {
        continue;
      }
      int layer = shape.logDegree() - s.logRows();
      if (layer > shape.folds()) {
        throw new IllegalArgumentException(s.key().air().name() + " at 2^" + s.logRows() + " rows is too short to join "
            + "a FRI batch whose tallest table has 2^" + shape.logDegree() + " rows: pad it to at least 2^"
            + shape.logFinalDegree() + " rows");
      }
      out.computeIfAbsent(layer, k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  private void commitAux(int index, TableState s, Ext4[] lookup) {
    ProvingKey key = s.key();
    Air air = key.air();
    if (air.challengeCount() > lookup.length) {
      throw new IllegalArgumentException(air.name() + ": aux phase wants " + air.challengeCount()
          + " challenges; a multi-table proof provides the LogUp pair (z, β)");
    }
    AuxTrace aux = adversary.aux(index,
        air.auxPhase().orElseThrow().build(key.preprocessedColumns(), s.witness.main(), lookup));
    if (checked) {
      DebugChecker.checkAuxRows(air, key.preprocessedColumns(), s.witness.main(), s.witness.publicValues(), aux, lookup)
          .ifPresent(f -> {
            throw new UnsatisfiedAirException(air.name(), f);
          });
    }
    int rows = 1 << key.logRows();
    int width = 4 * air.auxWidth();
    s.claimedSums = aux.auxPublics();
    s.auxEvals = Traces.rowMajor(aux.columns(), rows);
    s.auxLde = backend.cosetLde(s.auxEvals, width, key.logRows(), params.logBlowup(), Protocol.SHIFT);
  }

  private static void checkBalance(List<TableState> tables, LookupChallenges challenges,
      List<PublicInteraction> publicInteractions, Scope scope) {
    List<Ext4> sums = new ArrayList<>();
    for (TableState s : tables) {
      if (s.present() && s.key().air().auxPhase().isPresent()) {
        List<Scope> scopes = s.key().air().auxPhase().get().sumScopes();
        for (int i = 0; i < scopes.size(); i++) {
          if (scopes.get(i) == scope) {
            sums.add(s.claimedSums[i]);
          }
        }
      }
    }
    for (PublicInteraction pi : publicInteractions) {
      if (pi.scope() == scope) {
        sums.add(pi.term(challenges));
      }
    }
    LogUp.checkBalanced(sums).ifPresent(reason -> {
      throw new UnsatisfiedAirException("tables together",
          new ConstraintFailure(ConstraintFailure.NO_ROW, scope.name().toLowerCase() + " LogUp balance", reason));
    });
  }

  /**
   * The DEEP combination of every table entering at one layer (same height): the columns of all
   * of them in the order pre, main, aux of each table, then each table's quotient, so that the
   * columns also opened at ζω come first.
   */
  private int[] deepCodeword(List<TableState> group, Ext4 gamma, Ext4 zeta) {
    DeepLayout layout = DeepLayout.of(group.stream().map(TableState::widths).toList());
    int logRows = group.get(0).logRows();
    int[][] evals = new int[layout.matrices()][];
    Ext4[] atZeta = new Ext4[layout.columns()];
    Ext4[] atZetaNext = new Ext4[layout.nextColumns()];
    for (int t = 0; t < group.size(); t++) {
      TableState s = group.get(t);
      int[][] tableEvals = s.evals();
      for (int m = 0; m < 4; m++) {
        evals[layout.matrixIndex(t, m)] = tableEvals[m];
      }
      layout.scatter(t, s.atZeta, atZeta, s.atZetaNext, atZetaNext);
    }
    Ext4 zetaNext = zeta.mul(BabyBear.twoAdicGenerator(logRows));
    return DeepComposition.codeword(backend, logRows, params.logBlowup(), Protocol.SHIFT, evals, layout.widths(), layout.nextColumns(), gamma, zeta, zetaNext, atZeta, atZetaNext);
  }

  private static TableProof tableProof(int index, TableState s, int[] positions, FriShape shape, JointTree mainTree,
      JointTree auxTree, JointTree quotientTree) {
    int layer = shape.logDegree() - s.logRows();
    MerkleTree pre = s.key().preprocessedTree();
    List<int[][]> rows = new ArrayList<>();
    for (JointTree tree : new JointTree[] {mainTree, auxTree, quotientTree}) {
      if (tree != null && tree.holds(index)) {
        rows.add(tree.rows(index, positions, shape.logSize()));
      }
    }
    return new TableProof(s.key().air().name(), s.logRows(), s.witness.publicValues(), s.claimedSums, s.atZeta,
        s.atZetaNext, pre == null ? null : pre.openBatch(Protocol.queriedRows(Protocol.shifted(positions, layer), 0)),
        rows);
  }

  /** The first {@code matrices} matrices' columns, in order, at {@code point}. */
  private static Ext4[] openAll(int logRows, Ext4 point, int[][] evals, int[] widths, int matrices) {
    Barycentric at = new Barycentric(logRows, point);
    List<Ext4> out = new ArrayList<>();
    for (int m = 0; m < matrices; m++) {
      out.addAll(List.of(at.evaluate(evals[m], widths[m])));
    }
    return out.toArray(Ext4[]::new);
  }
}
