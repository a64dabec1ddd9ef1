package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.field.Ext4;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The LogUp lookup argument as an aux phase. Each interaction contributes, on every row,
 * m / (z - fp) where m is its multiplicity expression and fp = bus + β v0 + β^2 v1 + ... the
 * fingerprint of its value tuple; lookups use positive m, tables negative m. A multiset of
 * looked-up tuples is contained in the table exactly when the sum over all rows and interactions
 * is zero (for random z, except with probability about rows·interactions/|F_ext|).
 *
 * <p>Aux columns: one h_i = m_i / (z - fp_i) per interaction (constraint h_i (z - fp_i) = m_i on
 * every row, degree 1 + deg fp_i), then an accumulator s with s_0 = Σ h_i(0),
 * s_{r+1} = s_r + Σ h_i(r+1), and s_{last} = S, the claimed sum. The verifier checks the
 * cross-table condition Σ S = 0 over the tables in the proof (here: S = 0).
 */
public final class LogUp implements AuxPhase {

  /** Challenge index of the lookup point z. */
  public static final int Z = 0;

  /** Challenge index of the tuple combiner β. */
  public static final int BETA = 1;

  /** One side of a lookup: a multiplicity and a tuple of values on a bus, read from the current row. */
  public record Interaction(String name, int bus, Expr multiplicity, List<Expr> values) {
    public Interaction {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("interaction '" + name + "' has no values");
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

    /** bus + β v0 + β^2 v1 + ..., in Horner form. */
    Expr fingerprint() {
      Expr beta = new Expr.Challenge(BETA);
      Expr acc = null;
      for (int i = values.size() - 1; i >= 0; i--) {
        acc = acc == null ? values.get(i) : values.get(i).plus(acc.times(beta));
      }
      return Expr.constant(bus).plus(beta.times(acc));
    }
  }

  private final List<Interaction> interactions;
  private final List<Constraint> constraints;

  public LogUp(List<Interaction> interactions) {
    if (interactions.isEmpty()) {
      throw new IllegalArgumentException("LogUp needs at least one interaction");
    }
    this.interactions = List.copyOf(interactions);
    this.constraints = buildConstraints();
  }

  private int accumulator() {
    return interactions.size();
  }

  private static Expr aux(int i) {
    return new Expr.Column(TracePart.AUX, i, false);
  }

  private List<Constraint> buildConstraints() {
    List<Constraint> out = new ArrayList<>();
    Expr z = new Expr.Challenge(Z);
    List<Expr> hs = new ArrayList<>();
    for (int i = 0; i < interactions.size(); i++) {
      Interaction it = interactions.get(i);
      out.add(Constraint.everyRow(
          "logup " + it.name() + " term", aux(i).times(z.minus(it.fingerprint())).minus(it.multiplicity())));
      hs.add(aux(i));
    }
    Expr rowSum = Expr.sum(hs);
    Expr acc = aux(accumulator());
    out.add(Constraint.firstRow("logup sum starts", acc.minus(rowSum)));
    out.add(Constraint.transition("logup sum accumulates", acc.shifted().minus(acc).minus(rowSum.shifted())));
    out.add(Constraint.lastRow("logup sum is claimed", acc.minus(new Expr.AuxPublic(0))));
    return List.copyOf(out);
  }

  @Override
  public int challengeCount() {
    return 2;
  }

  @Override
  public int width() {
    return interactions.size() + 1;
  }

  @Override
  public int auxPublicCount() {
    return 1;
  }

  @Override
  public List<Constraint> constraints() {
    return constraints;
  }

  @Override
  public AuxTrace build(int[][] preprocessed, int[][] main, Ext4[] challenges) {
    int rows = main.length > 0 ? main[0].length : preprocessed[0].length;
    int k = interactions.size();
    Ext4[][] h = new Ext4[k][];
    RowReader reader = new RowReader(preprocessed, main, challenges);
    for (int i = 0; i < k; i++) {
      Interaction it = interactions.get(i);
      Expr fp = it.fingerprint();
      Ext4[] denominators = new Ext4[rows];
      Ext4[] numerators = new Ext4[rows];
      for (int r = 0; r < rows; r++) {
        reader.row = r;
        Ext4 d = challenges[Z].sub(fp.fold(reader));
        if (d.isZero()) {
          throw new IllegalStateException("LogUp point z equals a fingerprint at row " + r + " (probability ~2^-120)");
        }
        denominators[r] = d;
        numerators[r] = it.multiplicity().fold(reader);
      }
      Ext4[] inv = batchInverse(denominators);
      for (int r = 0; r < rows; r++) {
        inv[r] = inv[r].mul(numerators[r]);
      }
      h[i] = inv;
    }
    int[][] columns = new int[4 * width()][rows];
    Ext4 acc = Ext4.ZERO;
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < k; i++) {
        put(columns, i, r, h[i][r]);
        acc = acc.add(h[i][r]);
      }
      put(columns, k, r, acc);
    }
    return new AuxTrace(columns, new Ext4[] {acc});
  }

  private static void put(int[][] columns, int c, int row, Ext4 v) {
    columns[4 * c][row] = v.a0();
    columns[4 * c + 1][row] = v.a1();
    columns[4 * c + 2][row] = v.a2();
    columns[4 * c + 3][row] = v.a3();
  }

  /** Montgomery's trick over the extension: one inversion for the whole column. */
  private static Ext4[] batchInverse(Ext4[] values) {
    Ext4[] out = new Ext4[values.length];
    Ext4 acc = Ext4.ONE;
    for (int i = 0; i < values.length; i++) {
      out[i] = acc;
      acc = acc.mul(values[i]);
    }
    Ext4 inv = acc.inv();
    for (int i = values.length - 1; i >= 0; i--) {
      out[i] = out[i].mul(inv);
      inv = inv.mul(values[i]);
    }
    return out;
  }

  @Override
  public Optional<String> checkAuxPublics(Ext4[] auxPublics) {
    return checkBalanced(List.of(auxPublics[0]));
  }

  /**
   * The cross-table condition: the claimed sums of all tables that share buses (each table's
   * accumulator ends at its sum) must add up to zero. A proof of one AIR passes its own sum.
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

  /** Reads current-row cells of the committed traces while building the aux trace. */
  private static final class RowReader implements Ext4Algebra {
    private final int[][] preprocessed;
    private final int[][] main;
    private final Ext4[] challenges;
    int row;

    RowReader(int[][] preprocessed, int[][] main, Ext4[] challenges) {
      this.preprocessed = preprocessed;
      this.main = main;
      this.challenges = challenges;
    }

    @Override
    public Ext4 column(TracePart part, int index, boolean next) {
      return switch (part) {
        case PREPROCESSED -> Ext4.of(preprocessed[index][row]);
        case MAIN -> Ext4.of(main[index][row]);
        case AUX -> throw new IllegalArgumentException("LogUp values cannot read aux columns");
      };
    }

    @Override
    public Ext4 publicValue(int index) {
      throw new IllegalArgumentException("LogUp values cannot read public values");
    }

    @Override
    public Ext4 challenge(int index) {
      return challenges[index];
    }

    @Override
    public Ext4 auxPublic(int index) {
      throw new IllegalArgumentException("LogUp values cannot read aux publics");
    }
  }
}
