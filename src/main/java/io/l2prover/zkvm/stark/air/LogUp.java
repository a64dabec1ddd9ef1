package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The LogUp lookup argument as an aux phase. Each interaction contributes, on every row,
 * m / (z - fp) where m is its multiplicity expression and
 * fp = bus + β·len + β^2 v0 + β^3 v1 + ... the fingerprint of its value tuple of length len;
 * lookups use positive m, tables negative m. As a polynomial in β the fingerprint determines
 * (bus, len, values), so (v) and (v, 0) on one bus, or one tuple on two buses, never collide
 * identically. A multiset of looked-up tuples is contained in the table exactly when the sum
 * over all rows and interactions of one scope is zero (for random z, β except with probability
 * about N·(len + 2)/|F_ext| for N terms; see docs/stark-protocol.md).
 *
 * <p>Aux columns: interactions of one {@link Scope} are grouped, in declaration order, so that a
 * group's constraint stays within the degree bound; group column h = Σ m_i / (z - fp_i) with the
 * constraint h·Π(z - fp_i) - Σ_i m_i Π_{j≠i}(z - fp_j) = 0 on every row. Then one running-sum
 * accumulator per scope used (LOCAL first): s_0 = Σ h(0), s_{r+1} = s_r + Σ h(r+1),
 * s_{last} = S_scope, the claimed sum (aux public k for the k-th scope used).
 */
public final class LogUp implements AuxPhase {

  /** Challenge index of the lookup point z. */
  public static final int Z = 0;

  /** Challenge index of the tuple combiner β. */
  public static final int BETA = 1;

  /** The group degree bound used unless the AIR asks for another (a degree-3 AIR pays nothing more). */
  public static final int DEFAULT_MAX_DEGREE = 3;

  /** The longest value tuple an interaction may carry. */
  public static final int MAX_TUPLE = 64;

  /**
   * One side of a lookup: a multiplicity and a tuple of values on a bus, read from the current
   * row, balanced within {@code scope}.
   */
  public record Interaction(String name, int bus, Expr multiplicity, List<Expr> values, Scope scope) {
    public Interaction {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(scope, "scope");
      values = List.copyOf(values);
      if (values.isEmpty() || values.size() > MAX_TUPLE) {
        throw new IllegalArgumentException("interaction '" + name + "' has " + values.size() + " values, needs 1.."
            + MAX_TUPLE);
      }
      if (bus < 0 || bus >= 1 << 16) {
        throw new IllegalArgumentException("interaction '" + name + "' bus " + bus + " outside 0..65535");
      }
      for (Expr e : values) {
        if (e.readsNextRow()) {
          throw new IllegalArgumentException("interaction '" + name + "' reads the next row");
        }
      }
      if (multiplicity.readsNextRow()) {
        throw new IllegalArgumentException("interaction '" + name + "' multiplicity reads the next row");
      }
    }

    /** A {@link Scope#LOCAL} interaction (balanced within one multi-table proof). */
    public Interaction(String name, int bus, Expr multiplicity, List<Expr> values) {
      this(name, bus, multiplicity, values, Scope.LOCAL);
    }

    /** A {@link Scope#GLOBAL} interaction (balanced across the proofs of a receipt). */
    public static Interaction global(String name, int bus, Expr multiplicity, List<Expr> values) {
      return new Interaction(name, bus, multiplicity, values, Scope.GLOBAL);
    }

    /**
     * bus + β·len + β^2 v0 + β^3 v1 + ..., as a sum of value × power of β (not in Horner form), so
     * that each value costs one extension-by-base product and the powers of β, which read no trace
     * cell, are shared by every interaction of the AIR and computed once per evaluation.
     */
    Expr fingerprint() {
      Expr beta = new Expr.Challenge(BETA);
      Expr acc = Expr.constant(bus).plus(beta.times(Expr.constant(values.size())));
      Expr power = beta;
      for (Expr v : values) {
        power = power.times(beta);
        acc = acc.plus(power.times(v));
      }
      return acc;
    }

    /** Degree of the fingerprint in the trace columns. */
    int fingerprintDegree() {
      int d = 0;
      for (Expr v : values) {
        d = Math.max(d, v.degree());
      }
      return d;
    }

    /** An upper bound on |m| on one row (see {@link MultiplicityBound}). */
    public long multiplicityBound() {
      return multiplicity.fold(new MultiplicityBound());
    }
  }

  /** The fingerprint of a concrete tuple, as {@link Interaction} computes it in the trace. */
  public static Ext4 fingerprint(int bus, int[] values, Ext4 beta) {
    Ext4 acc = Ext4.ZERO;
    for (int i = values.length - 1; i >= 0; i--) {
      acc = acc.mul(beta).add(Ext4.of(values[i]));
    }
    return Ext4.of(bus).add(beta.mul(Ext4.of(values.length).add(beta.mul(acc))));
  }

  private final List<Interaction> interactions;
  private final List<Scope> scopes;
  private final List<List<Interaction>> groups;
  private final List<Scope> groupScopes;
  private final List<Constraint> constraints;

  public LogUp(List<Interaction> interactions) {
    this(interactions, DEFAULT_MAX_DEGREE);
  }

  /** Groups interactions so that each group's constraint has degree at most {@code maxDegree} (at least 2). */
  public LogUp(List<Interaction> interactions, int maxDegree) {
    if (interactions.isEmpty()) {
      throw new IllegalArgumentException("LogUp needs at least one interaction");
    }
    if (maxDegree < 2) {
      throw new IllegalArgumentException("LogUp group degree must be at least 2, got " + maxDegree);
    }
    this.interactions = List.copyOf(interactions);
    List<Scope> used = new ArrayList<>();
    List<List<Interaction>> gs = new ArrayList<>();
    List<Scope> gScopes = new ArrayList<>();
    for (Scope scope : Scope.values()) {
      List<Interaction> current = new ArrayList<>();
      for (Interaction it : this.interactions) {
        if (it.scope() != scope) {
          continue;
        }
        current.add(it);
        if (current.size() > 1 && groupDegree(current) > maxDegree) {
          current.remove(current.size() - 1);
          gs.add(List.copyOf(current));
          gScopes.add(scope);
          current = new ArrayList<>(List.of(it));
        }
      }
      if (!current.isEmpty()) {
        gs.add(List.copyOf(current));
        gScopes.add(scope);
        used.add(scope);
      }
    }
    this.scopes = List.copyOf(used);
    this.groups = List.copyOf(gs);
    this.groupScopes = List.copyOf(gScopes);
    this.constraints = buildConstraints();
  }

  /** Degree of h·Π(z - fp_i) - Σ m_i Π_{j≠i}(z - fp_j). */
  static int groupDegree(List<Interaction> group) {
    int all = 0;
    for (Interaction it : group) {
      all += it.fingerprintDegree();
    }
    int d = 1 + all;
    for (Interaction it : group) {
      d = Math.max(d, it.multiplicity().degree() + all - it.fingerprintDegree());
    }
    return d;
  }

  public List<Interaction> interactions() {
    return interactions;
  }

  /** How many extension columns hold the grouped terms (the accumulators follow them). */
  public int groupCount() {
    return groups.size();
  }

  private static Expr aux(int i) {
    return new Expr.Column(TracePart.AUX, i, false);
  }

  private List<Constraint> buildConstraints() {
    List<Constraint> out = new ArrayList<>();
    Expr z = new Expr.Challenge(Z);
    for (int g = 0; g < groups.size(); g++) {
      List<Interaction> group = groups.get(g);
      List<Expr> dens = group.stream().map(it -> z.minus(it.fingerprint())).toList();
      Expr all = product(dens, -1);
      List<Expr> nums = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        Expr others = product(dens, i);
        nums.add(others == null ? group.get(i).multiplicity() : group.get(i).multiplicity().times(others));
      }
      String names = String.join(", ", group.stream().map(Interaction::name).toList());
      out.add(Constraint.everyRow("logup terms " + names, aux(g).times(all).minus(Expr.sum(nums))));
    }
    for (int s = 0; s < scopes.size(); s++) {
      Scope scope = scopes.get(s);
      List<Expr> hs = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        if (groupScopes.get(g) == scope) {
          hs.add(aux(g));
        }
      }
      Expr rowSum = Expr.sum(hs);
      Expr acc = aux(groups.size() + s);
      String label = "logup " + scope.name().toLowerCase();
      out.add(Constraint.firstRow(label + " sum starts", acc.minus(rowSum)));
      out.add(Constraint.transition(label + " sum accumulates", acc.shifted().minus(acc).minus(rowSum.shifted())));
      out.add(Constraint.lastRow(label + " sum is claimed", acc.minus(new Expr.AuxPublic(s))));
    }
    return List.copyOf(out);
  }

  /** The product of {@code factors} without index {@code skip} (null if nothing is left). */
  private static Expr product(List<Expr> factors, int skip) {
    Expr acc = null;
    for (int i = 0; i < factors.size(); i++) {
      if (i != skip) {
        acc = acc == null ? factors.get(i) : acc.times(factors.get(i));
      }
    }
    return acc;
  }

  @Override
  public int challengeCount() {
    return 2;
  }

  @Override
  public int width() {
    return groups.size() + scopes.size();
  }

  @Override
  public int auxPublicCount() {
    return scopes.size();
  }

  @Override
  public List<Scope> sumScopes() {
    return scopes;
  }

  @Override
  public long rowMultiplicityBound(Scope scope) {
    long total = 0;
    for (Interaction it : interactions) {
      if (it.scope() == scope) {
        total = Math.min(MultiplicityBound.UNBOUNDED, total + it.multiplicityBound());
      }
    }
    return total;
  }

  @Override
  public int maxTupleLength() {
    return interactions.stream().mapToInt(it -> it.values().size()).max().orElse(0);
  }

  @Override
  public int interactionCount() {
    return interactions.size();
  }

  @Override
  public List<Constraint> constraints() {
    return constraints;
  }

  @Override
  public AuxTrace build(int[][] preprocessed, int[][] main, Ext4[] challenges) {
    int rows = main.length > 0 ? main[0].length : preprocessed[0].length;
    // Group column g holds h_g(r) at h[g][4r .. 4r+4); groups are independent, so built in parallel.
    int[][] h = IntStream.range(0, groups.size()).parallel().mapToObj(g -> {
      ColumnReader reader = new ColumnReader(preprocessed, main, rows);
      int[] sum = new int[4 * rows];
      for (Interaction it : groups.get(g)) {
        int[] terms = terms(it, reader, rows, challenges[Z], challenges[BETA]);
        for (int i = 0; i < sum.length; i++) {
          sum[i] = BabyBear.add(sum[i], terms[i]);
        }
      }
      return sum;
    }).toArray(int[][]::new);
    int[][] columns = new int[4 * width()][rows];
    Ext4[] sums = new Ext4[scopes.size()];
    for (int s = 0; s < scopes.size(); s++) {
      int[] acc = new int[4];
      for (int r = 0; r < rows; r++) {
        for (int g = 0; g < groups.size(); g++) {
          if (groupScopes.get(g) == scopes.get(s)) {
            for (int k = 0; k < 4; k++) {
              acc[k] = BabyBear.add(acc[k], h[g][4 * r + k]);
            }
          }
        }
        for (int k = 0; k < 4; k++) {
          columns[4 * (groups.size() + s) + k][r] = acc[k];
        }
      }
      sums[s] = Ext4.of(acc);
    }
    for (int g = 0; g < groups.size(); g++) {
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < 4; k++) {
          columns[4 * g + k][r] = h[g][4 * r + k];
        }
      }
    }
    return new AuxTrace(columns, sums);
  }

  /**
   * m / (z - fp) of one interaction on every row, 4 ints per row (one inversion for the whole
   * column). The values and the multiplicity are base-field expressions, evaluated as such; the
   * fingerprint is bus + β·len + Σ v_i β^(i+2) with the powers of β computed once.
   */
  private static int[] terms(Interaction it, ColumnReader reader, int rows, Ext4 z, Ext4 beta) {
    List<Expr> values = it.values();
    int[] powers = new int[4 * values.size()];
    Ext4 power = beta;
    for (int i = 0; i < values.size(); i++) {
      power = power.mul(beta);
      System.arraycopy(power.toArray(), 0, powers, 4 * i, 4);
    }
    // z - bus - β·len: the part of z - fp that does not depend on the row.
    int[] head = z.sub(Ext4.of(it.bus()).add(beta.mul(values.size()))).toArray();
    int[] denominators = new int[4 * rows];
    long p = BabyBear.P;
    // Each value and the multiplicity over every row at once (a plain column is read in place).
    int[][] columns = values.stream().map(e -> e.fold(reader)).toArray(int[][]::new);
    int[] multiplicities = it.multiplicity().fold(reader);
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < 4; k++) {
        long d = head[k];
        for (int i = 0; i < columns.length; i++) {
          // subtract pow·v: add (p - pow)·v, below 2^62, then reduce
          d = (d + (p - powers[4 * i + k]) * columns[i][r]) % p;
        }
        denominators[4 * r + k] = (int) d;
      }
    }
    batchInverse(denominators, rows);
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < 4; k++) {
        denominators[4 * r + k] = BabyBear.mul(denominators[4 * r + k], multiplicities[r]);
      }
    }
    return denominators;
  }

  /** Montgomery's trick over the extension, in place on 4-int elements: one inversion for all. */
  private static void batchInverse(int[] values, int count) {
    int[] prefix = new int[4 * count];
    int[] acc = {1, 0, 0, 0};
    for (int i = 0; i < count; i++) {
      System.arraycopy(acc, 0, prefix, 4 * i, 4);
      if (values[4 * i] == 0 && values[4 * i + 1] == 0 && values[4 * i + 2] == 0 && values[4 * i + 3] == 0) {
        throw new IllegalStateException("LogUp point z equals a fingerprint at row " + i + " (probability ~2^-120)");
      }
      Ext4.mulInto(acc, 0, values, 4 * i, acc, 0);
    }
    int[] inv = Ext4.of(acc).inv().toArray();
    int[] next = new int[4];
    for (int i = count - 1; i >= 0; i--) {
      Ext4.mulInto(inv, 0, values, 4 * i, next, 0);
      Ext4.mulInto(prefix, 4 * i, inv, 0, values, 4 * i);
      System.arraycopy(next, 0, inv, 0, 4);
    }
  }

  @Override
  public Optional<String> checkAuxPublics(Ext4[] auxPublics) {
    for (int s = 0; s < scopes.size(); s++) {
      Optional<String> reason = checkBalanced(List.of(auxPublics[s]));
      if (reason.isPresent()) {
        return Optional.of(scopes.get(s).name().toLowerCase() + " " + reason.get());
      }
    }
    return Optional.empty();
  }

  /**
   * The balance condition: the claimed sums of all tables that share buses (each table's
   * accumulator ends at its sum), plus any terms the verifier computes, must add up to zero.
   */
  public static Optional<String> checkBalanced(List<Ext4> claimedSums) {
    Ext4 total = Ext4.ZERO;
    for (Ext4 s : claimedSums) {
      total = total.add(s);
    }
    return total.isZero()
        ? Optional.empty()
        : Optional.of("LogUp sums do not balance: lookups and tables differ by " + total);
  }

  /**
   * Evaluates LogUp values and multiplicities (base-field expressions of the current row) over
   * every row at once while building the aux trace: a column is the trace's own array (never
   * written), every other node a new array. Column by column, with no boxed value per cell.
   */
  private static final class ColumnReader implements ExprAlgebra<int[]> {
    private final int[][] preprocessed;
    private final int[][] main;
    private final int rows;

    ColumnReader(int[][] preprocessed, int[][] main, int rows) {
      this.preprocessed = preprocessed;
      this.main = main;
      this.rows = rows;
    }

    @Override
    public int[] constant(int value) {
      int[] out = new int[rows];
      Arrays.fill(out, value);
      return out;
    }

    @Override
    public int[] column(TracePart part, int index, boolean next) {
      return switch (part) {
        case PREPROCESSED -> preprocessed[index];
        case MAIN -> main[index];
        case AUX -> throw new IllegalArgumentException("LogUp values cannot read aux columns");
      };
    }

    @Override
    public int[] publicValue(int index) {
      throw new IllegalArgumentException("LogUp values cannot read public values");
    }

    @Override
    public int[] challenge(int index) {
      throw new IllegalArgumentException("LogUp values cannot read challenges");
    }

    @Override
    public int[] auxPublic(int index) {
      throw new IllegalArgumentException("LogUp values cannot read aux publics");
    }

    @Override
    public int[] add(int[] left, int[] right) {
      int[] out = new int[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = BabyBear.add(left[r], right[r]);
      }
      return out;
    }

    @Override
    public int[] sub(int[] left, int[] right) {
      int[] out = new int[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = BabyBear.sub(left[r], right[r]);
      }
      return out;
    }

    @Override
    public int[] mul(int[] left, int[] right) {
      int[] out = new int[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = BabyBear.mul(left[r], right[r]);
      }
      return out;
    }

    @Override
    public int[] neg(int[] inner) {
      int[] out = new int[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = BabyBear.neg(inner[r]);
      }
      return out;
    }
  }
}
