package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soundness terms of one multi-table proof, each computed from the real heights, degrees,
 * widths and interaction counts (formulas and sources in docs/stark-protocol.md, "Security"):
 * the FRI queries, FRI folding, DEEP batching (γ), out-of-domain point (ζ), constraint batching
 * (α), LogUp (z, β) and the Merkle digests. Each term is −log2 of its error bound plus the
 * proof-of-work bits ground before its challenge; the proof's security is the minimum.
 */
public record SecurityReport(List<Term> terms) {

  /** log2 |F⁴| for BabyBear's quartic extension. */
  static final double LOG_EXT_FIELD = 4 * Math.log(BabyBear.P) / Math.log(2);

  /** One term: its name, its bits, and the error bound it comes from. */
  public record Term(String name, double bits, String formula) {}

  /**
   * What the terms need to know about one present table.
   *
   * @param columns every committed base column (preprocessed, main, aux and quotient coordinates)
   * @param nextColumns the columns also opened at ζω (preprocessed, main, aux coordinates)
   */
  public record TableShape(int logRows, int maxDegree, int constraints, int columns, int nextColumns,
      int interactions, int maxTuple) {

    public static TableShape of(Air air, int logRows) {
      int aux = 4 * air.auxWidth();
      int next = air.preprocessedWidth() + air.mainWidth() + aux;
      return new TableShape(logRows, air.maxConstraintDegree(), air.allConstraints().size(),
          next + 4 * air.quotientChunks(), next, air.auxPhase().map(AuxPhase::interactionCount).orElse(0),
          air.auxPhase().map(AuxPhase::maxTupleLength).orElse(0));
    }
  }

  public SecurityReport {
    terms = List.copyOf(terms);
  }

  /** The report for the present tables of {@code proof} ({@code airs} in the proof's table order). */
  public static SecurityReport of(FriParameters params, List<Air> airs, MultiTableProof proof, int publicInteractions) {
    List<TableShape> shapes = new ArrayList<>();
    for (int t = 0; t < airs.size(); t++) {
      int logRows = proof.tables().get(t).logRows();
      if (logRows > 0) {
        shapes.add(TableShape.of(airs.get(t), logRows));
      }
    }
    return of(params, shapes, publicInteractions);
  }

  public static SecurityReport of(FriParameters params, List<TableShape> tables, int publicInteractions) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a security report needs at least one table");
    }
    int g = params.challengeGrindingBits();
    int maxLog = tables.stream().mapToInt(TableShape::logRows).max().orElseThrow();
    int logBlowup = params.logBlowup();
    List<Term> out = new ArrayList<>();
    out.add(new Term("FRI queries", params.queries() * logBlowup + params.grindingBits(),
        "queries·log2(blowup) + grinding (conjectured: each query passes a far word w.p. ≈ 1/blowup)"));

    int folds = Math.max(0, maxLog - params.logFinalDegree());
    double foldPoints = 0;
    for (int k = 0; k < folds; k++) {
      foldPoints += Math.pow(2, maxLog + logBlowup - k);
    }
    out.add(term("FRI folding", 2 * Math.max(foldPoints, 1), g,
        "Σ_layers 2·|L_k| / |F⁴| (fold by β and entry by β², proximity gaps in unique decoding)"));

    Map<Integer, Integer> columnsByHeight = new TreeMap<>();
    double oodPoints = 0;
    double constraints = 0;
    double lookups = publicInteractions;
    int maxTuple = 0;
    for (TableShape s : tables) {
      columnsByHeight.merge(s.logRows(), s.columns() + s.nextColumns(), Integer::sum);
      double n = Math.pow(2, s.logRows());
      oodPoints += (s.maxDegree() + 1) * n;
      constraints += s.constraints();
      lookups += n * s.interactions();
      maxTuple = Math.max(maxTuple, s.maxTuple());
    }
    double deepPoints = 0;
    for (var e : columnsByHeight.entrySet()) {
      deepPoints += e.getValue() * Math.pow(2, e.getKey() + logBlowup);
    }
    out.add(term("DEEP batching (γ)", deepPoints, g, "Σ_heights (openings at ζ and ζω)·|D_h| / |F⁴|"));
    out.add(term("out-of-domain (ζ)", oodPoints, g, "Σ_tables (degree + 1)·n_t / |F⁴|"));
    out.add(term("constraint batching (α)", Math.max(constraints, 1), 0, "Σ_tables constraints / |F⁴|"));
    if (lookups > 0) {
      out.add(term("LogUp (z, β)", lookups * (maxTuple + 2), g,
          "(Σ_tables n_t·interactions_t + public terms)·(max tuple + 2) / |F⁴|"));
    }
    out.add(new Term("Merkle digests", Math.floor(8 * Math.log(BabyBear.P) / Math.log(2) / 2),
        "collision resistance of 8-element Poseidon2 digests"));
    return new SecurityReport(out);
  }

  private static Term term(String name, double numerator, int grindingBits, String formula) {
    double bits = LOG_EXT_FIELD - Math.log(numerator) / Math.log(2) + grindingBits;
    return new Term(name, bits, formula + (grindingBits > 0 ? " + " + grindingBits + " grinding bits" : ""));
  }

  /**
   * The report of several proofs that a verifier accepts together (the segments of one execution):
   * a cheating prover needs only one of them to slip, so each term's error probabilities add up
   * over the proofs (a union bound), which also covers lookup challenges the proofs share.
   */
  public static SecurityReport union(List<SecurityReport> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("a union of no security reports");
    }
    Map<String, Double> error = new java.util.LinkedHashMap<>();
    Map<String, String> formula = new java.util.HashMap<>();
    for (SecurityReport r : reports) {
      for (Term t : r.terms()) {
        error.merge(t.name(), Math.pow(2, -t.bits()), Double::sum);
        formula.putIfAbsent(t.name(), t.formula());
      }
    }
    List<Term> out = new ArrayList<>();
    error.forEach((name, e) -> out.add(new Term(name, -Math.log(e) / Math.log(2),
        formula.get(name) + ", summed over " + reports.size() + " proofs")));
    return new SecurityReport(out);
  }

  /** The proof's conjectured security: the smallest term. */
  public double minimumBits() {
    return terms.stream().mapToDouble(Term::bits).min().orElseThrow();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "security %.1f bits (", minimumBits()));
    for (int i = 0; i < terms.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f", terms.get(i).name(), terms.get(i).bits()));
    }
    return b.append(')').toString();
  }
}
