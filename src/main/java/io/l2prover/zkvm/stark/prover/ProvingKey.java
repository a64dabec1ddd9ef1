package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.ConstraintDigest;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.Protocol;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.VerifyingKey;

/**
 * The per-(AIR, height) data a prover reuses across proofs: the preprocessed columns, their LDE
 * and commitment, and the compiled constraints. Its {@link #verifyingKey()} is what verifiers need.
 */
public final class ProvingKey {

  private final Air air;
  private final int logRows;
  private final FriParameters params;
  private final int[][] preprocessedColumns;
  private final int[] preprocessedEvals;
  private final int[] preprocessedLde;
  private final MerkleTree preprocessedTree;
  private final ConstraintProgram program;
  private final Digest constraintDigest;

  private ProvingKey(Air air, int logRows, FriParameters params, int[][] columns, int[] evals, int[] lde,
      MerkleTree tree) {
    this.air = air;
    this.logRows = logRows;
    this.params = params;
    this.preprocessedColumns = columns;
    this.preprocessedEvals = evals;
    this.preprocessedLde = lde;
    this.preprocessedTree = tree;
    this.program = ConstraintProgram.compile(air.allConstraints());
    this.constraintDigest = ConstraintDigest.of(air);
  }

  /** Builds and commits the preprocessed trace of {@code air} at 2^logRows rows. */
  public static ProvingKey setup(Air air, int logRows, FriParameters params, ComputeBackend backend) {
    if (logRows < air.minLogRows() || logRows > 24) {
      throw new IllegalArgumentException(air.name() + " needs between 2^" + air.minLogRows() + " and 2^24 rows, asked for 2^"
          + logRows);
    }
    if ((long) Math.max(air.mainWidth(), 4 * Math.max(air.auxWidth(), air.quotientChunks()))
        << (logRows + params.logBlowup()) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(air.name() + " is too wide for 2^" + logRows + " rows: an LDE must fit one "
          + "Java array (splitting wide traces across commitments is not built yet)");
    }
    if (air.quotientChunks() > params.blowup()) {
      throw new IllegalArgumentException(air.name() + " has constraint degree " + air.maxConstraintDegree()
          + ": its quotient needs " + air.quotientChunks() + " chunks, more than the blowup " + params.blowup());
    }
    int width = air.preprocessedWidth();
    int[][] columns = air.preprocessedTrace(logRows);
    if (width == 0) {
      return new ProvingKey(air, logRows, params, columns, new int[0], new int[0], null);
    }
    int[] evals = Traces.rowMajor(columns, 1 << logRows);
    int[] lde = backend.cosetLde(evals, width, logRows, params.logBlowup(), Protocol.SHIFT);
    MerkleTree tree = MerkleTree.commit(backend, new int[][] {lde}, new int[] {width}, 1 << (logRows + params.logBlowup()));
    return new ProvingKey(air, logRows, params, columns, evals, lde, tree);
  }

  public VerifyingKey verifyingKey() {
    return new VerifyingKey(air.name(), logRows, preprocessedRoot(), constraintDigest);
  }

  /**
   * The verifier's key for this table in a multi-table proof: with preprocessed columns the
   * height is fixed to this key's; without, any height is accepted.
   */
  public TableKey tableKey() {
    Digest root = preprocessedRoot();
    return new TableKey(air, constraintDigest, root == null ? 0 : logRows, root);
  }

  private Digest preprocessedRoot() {
    return preprocessedTree == null ? null : preprocessedTree.root();
  }

  public Digest constraintDigest() {
    return constraintDigest;
  }

  public Air air() {
    return air;
  }

  public int logRows() {
    return logRows;
  }

  public FriParameters params() {
    return params;
  }

  int[][] preprocessedColumns() {
    return preprocessedColumns;
  }

  int[] preprocessedEvals() {
    return preprocessedEvals;
  }

  int[] preprocessedLde() {
    return preprocessedLde;
  }

  MerkleTree preprocessedTree() {
    return preprocessedTree;
  }

  ConstraintProgram program() {
    return program;
  }
}
