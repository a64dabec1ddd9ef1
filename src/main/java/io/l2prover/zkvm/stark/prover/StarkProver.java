package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.AuxTrace;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.air.DebugChecker;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.fri.FriProof;
import io.l2prover.zkvm.stark.fri.FriProver;
import io.l2prover.zkvm.stark.fri.FriShape;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that a trace satisfies an AIR. The steps and the transcript order are those of
 * docs/stark-protocol.md: commit main, draw aux challenges, commit aux, draw α, commit the
 * quotient chunks, draw ζ, send every column at ζ (and ζω), draw γ, FRI on the DEEP
 * combination, open every commitment at the queries. LDEs, Merkle trees, quotient evaluation
 * and FRI folds run on the {@link ComputeBackend}.
 *
 * <p>The checked mode (default) runs the {@link DebugChecker} first and refuses a bad trace
 * with the failing row and constraint; the unchecked mode proves whatever it is given, so
 * soundness tests can show the verifier rejects it.
 */
public final class StarkProver {

  private static final Logger LOG = LoggerFactory.getLogger(StarkProver.class);

  private final ComputeBackend backend;
  private final boolean checked;
  private final Ntt ntt = Ntt.parallel();

  private StarkProver(ComputeBackend backend, boolean checked) {
    this.backend = backend;
    this.checked = checked;
  }

  public static StarkProver checked(ComputeBackend backend) {
    return new StarkProver(backend, true);
  }

  /** A prover that skips the constraint check: for soundness tests only. */
  public static StarkProver unchecked(ComputeBackend backend) {
    return new StarkProver(backend, false);
  }

  /** Proves {@code main} (column-major) with {@code publicValues} for the AIR and height of {@code key}. */
  public StarkProof prove(ProvingKey key, int[][] main, int[] publicValues) {
    Air air = key.air();
    FriParameters params = key.params();
    int logRows = key.logRows();
    int rows = 1 << logRows;
    int logBlowup = params.logBlowup();
    int logLde = logRows + logBlowup;
    int ldeRows = 1 << logLde;
    checkShape(air, main, rows, publicValues);
    int[][] pre = key.preprocessedColumns();
    if (checked) {
      DebugChecker.checkMain(air, pre, main, publicValues).ifPresent(f -> {
        throw new UnsatisfiedAirException(air.name(), f);
      });
    }
    Transcript transcript = Protocol.start(air.name(), logRows, params,
        key.preprocessedTree() == null ? null : key.preprocessedTree().root(), publicValues);

    int mainWidth = air.mainWidth();
    int[] mainEvals = Traces.rowMajor(main, rows);
    int[] mainLde = backend.cosetLde(mainEvals, mainWidth, logRows, logBlowup, Protocol.SHIFT);
    MerkleTree mainTree = commit(mainLde, mainWidth, ldeRows);
    transcript.observe(mainTree.root());

    Ext4[] challenges = new Ext4[air.challengeCount()];
    for (int i = 0; i < challenges.length; i++) {
      challenges[i] = transcript.sampleExt();
    }
    int auxWidth = 4 * air.auxWidth();
    int[] auxEvals = new int[0];
    int[] auxLde = new int[0];
    MerkleTree auxTree = null;
    Ext4[] auxPublics = new Ext4[0];
    Optional<AuxPhase> phase = air.auxPhase();
    if (phase.isPresent()) {
      AuxTrace aux = phase.get().build(pre, main, challenges);
      if (checked) {
        DebugChecker.checkAux(air, pre, main, publicValues, aux, challenges).ifPresent(f -> {
          throw new UnsatisfiedAirException(air.name(), f);
        });
      }
      auxPublics = aux.auxPublics();
      auxEvals = Traces.rowMajor(aux.columns(), rows);
      auxLde = backend.cosetLde(auxEvals, auxWidth, logRows, logBlowup, Protocol.SHIFT);
      auxTree = commit(auxLde, auxWidth, ldeRows);
      transcript.observe(auxTree.root());
      for (Ext4 v : auxPublics) {
        transcript.observe(v);
      }
    }
    Ext4 alpha = transcript.sampleExt();

    int chunks = air.quotientChunks();
    int quotientWidth = 4 * chunks;
    int[] quotientEvals = quotientChunks(key, mainLde, auxLde, publicValues, challenges, auxPublics, alpha);
    int[] quotientLde = backend.cosetLde(quotientEvals, quotientWidth, logRows, logBlowup, Protocol.SHIFT);
    MerkleTree quotientTree = commit(quotientLde, quotientWidth, ldeRows);
    transcript.observe(quotientTree.root());

    Ext4 zeta = transcript.sampleExt();
    if (zeta.a1() == 0 && zeta.a2() == 0 && zeta.a3() == 0) {
      throw new IllegalStateException("out-of-domain point fell in the base field (probability 2^-93); prove again");
    }
    Ext4 zetaNext = zeta.mul(BabyBear.twoAdicGenerator(logRows));
    int preWidth = air.preprocessedWidth();
    int[][] evals = {key.preprocessedEvals(), mainEvals, auxEvals, quotientEvals};
    int[] widths = {preWidth, mainWidth, auxWidth, quotientWidth};
    Ext4[] atZeta = openAll(logRows, zeta, evals, widths, 4);
    Ext4[] atZetaNext = openAll(logRows, zetaNext, evals, widths, 3);
    for (Ext4 v : atZeta) {
      transcript.observe(v);
    }
    for (Ext4 v : atZetaNext) {
      transcript.observe(v);
    }
    Ext4 gamma = transcript.sampleExt();

    int[][] ldes = {key.preprocessedLde(), mainLde, auxLde, quotientLde};
    int[] codeword = DeepComposition.codeword(logLde, Protocol.SHIFT, ldes, widths, preWidth + mainWidth + auxWidth,
        gamma, zeta, zetaNext, atZeta, atZetaNext);
    FriShape shape = new FriShape(logRows, logBlowup, params.logFinalDegree(), Protocol.SHIFT);
    FriProver.Committed fri = new FriProver(backend, params).commit(transcript, codeword, shape);
    FriProver.Queries queries = fri.drawQueries(transcript);
    FriProof friProof = fri.prove(queries);

    int[] rowsToOpen = Protocol.queriedRows(queries.positions());
    List<MerkleBatchOpening> openings = new ArrayList<>();
    for (MerkleTree tree : new MerkleTree[] {key.preprocessedTree(), mainTree, auxTree, quotientTree}) {
      if (tree != null) {
        openings.add(tree.openBatch(rowsToOpen));
      }
    }
    LOG.info("proved {} at 2^{} rows, conjectured security {} bits ({})", air.name(), logRows,
        params.conjecturedSecurityBits(), params);
    return new StarkProof(air.name(), logRows, params, publicValues, mainTree.root(),
        auxTree == null ? null : auxTree.root(), auxPublics, quotientTree.root(), atZeta, atZetaNext, openings, friProof);
  }

  private MerkleTree commit(int[] lde, int width, int height) {
    return MerkleTree.commit(backend, new int[][] {lde}, new int[] {width}, height);
  }

  private static void checkShape(Air air, int[][] main, int rows, int[] publicValues) {
    if (main.length != air.mainWidth()) {
      throw new IllegalArgumentException(air.name() + ": main trace has " + main.length + " columns, AIR declares "
          + air.mainWidth());
    }
    for (int[] column : main) {
      if (column.length != rows) {
        throw new IllegalArgumentException(air.name() + ": main column of " + column.length + " rows, key is for " + rows);
      }
      for (int v : column) {
        if (v < 0 || v >= BabyBear.P) {
          throw new IllegalArgumentException(air.name() + ": trace value " + Integer.toUnsignedString(v) + " not canonical");
        }
      }
    }
    if (publicValues.length != air.publicValueCount()) {
      throw new IllegalArgumentException(air.name() + ": " + publicValues.length + " public values, AIR declares "
          + air.publicValueCount());
    }
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

  /**
   * The quotient Q = Σ α^i sel_i C_i / Z_H, evaluated on the first 2^(logRows + logQ) LDE rows
   * (a coset of size at least (d−1)·n), interpolated, and split into d−1 chunks of degree below
   * n with Q(x) = Σ_c x^(c n) Q_c(x). Returns the chunks' values on H (natural order), chunk c's
   * coordinates in columns 4c .. 4c+3.
   */
  private int[] quotientChunks(ProvingKey key, int[] mainLde, int[] auxLde, int[] publicValues, Ext4[] challenges,
      Ext4[] auxPublics, Ext4 alpha) {
    Air air = key.air();
    int logRows = key.logRows();
    int rows = 1 << logRows;
    int chunks = air.quotientChunks();
    int logQ = 32 - Integer.numberOfLeadingZeros(chunks - 1);
    int logSize = logRows + logQ;
    int size = 1 << logSize;
    ConstraintProgram program = key.program();

    int[] first = new int[size];
    int[] last = new int[size];
    int[] transition = new int[size];
    int[] inverseVanishing = new int[size];
    Selectors.onCoset(logRows, logSize, Protocol.SHIFT, first, last, transition, inverseVanishing);

    int[] alphaPowers = new int[4 * program.constraintCount()];
    Ext4 a = Ext4.ONE;
    for (int i = 0; i < program.constraintCount(); i++) {
      ExtArrays.put(alphaPowers, i, a);
      a = a.mul(alpha);
    }
    QuotientTask task = new QuotientTask(program.code(), program.registers(), program.outputs(), program.when(),
        logRows, key.params().logBlowup(), logSize, key.preprocessedLde(), air.preprocessedWidth(), mainLde,
        air.mainWidth(), auxLde, 4 * air.auxWidth(), publicValues, flatten(challenges), flatten(auxPublics),
        alphaPowers, first, last, transition, inverseVanishing);
    int[] q = backend.evaluateQuotient(task);

    // Coefficients of Q(shift·X), then of Q: coefficient j times shift^-j.
    ntt.inverseFromBitReversed(q, 4, size);
    int shiftInv = BabyBear.inv(Protocol.SHIFT);
    int s = 1;
    for (int j = 0; j < size; j++) {
      for (int k = 0; k < 4; k++) {
        q[4 * j + k] = BabyBear.mul(q[4 * j + k], s);
      }
      s = BabyBear.mul(s, shiftInv);
    }
    int width = 4 * chunks;
    int[] split = new int[width * rows];
    for (int c = 0; c < chunks; c++) {
      for (int i = 0; i < rows; i++) {
        System.arraycopy(q, 4 * (c * rows + i), split, i * width + 4 * c, 4);
      }
    }
    ntt.forward(split, width, rows);
    return split;
  }

  private static int[] flatten(Ext4[] values) {
    int[] out = new int[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      ExtArrays.put(out, i, values[i]);
    }
    return out;
  }
}
