package io.l2prover.zkvm.stark.proof;

import io.l2prover.zkvm.stark.fri.FriProof;
import io.l2prover.zkvm.stark.merkle.MerkleBatchOpening;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the bytes of an encoded {@link MultiTableProof} go, by part, counted exactly as
 * {@link ProofCodec} writes them (the parts add up to the encoding's length): opened leaf values
 * and Merkle siblings per table and per FRI layer, values at ζ, the final polynomial, the rest.
 */
public final class ProofSizes {

  private static final int DIGEST = 4 * Digest.ELEMENTS;

  private ProofSizes() {}

  /**
   * Bytes by part, in a stable order: "statement" (header, names, public values, roots, claimed
   * sums, witnesses and list lengths), then per table "T leaves", "T siblings", "T at zeta", then
   * "fri leaves" (folded layers and the DEEP codewords committed with them), "fri siblings",
   * "fri final polynomial".
   */
  public static Map<String, Long> of(MultiTableProof proof) {
    Map<String, Long> parts = new LinkedHashMap<>();
    long statement = 4 + 2 + 7 + 1; // magic, version, parameters, table count
    for (TableProof t : proof.tables()) {
      statement += 2 + t.name().length() + 1 + 4 + 4L * t.publicValues().length;
      if (!t.present()) {
        continue;
      }
      statement += 1 + 16L * t.claimedSums().length + 1 + 1;
      parts.put(t.name() + " at zeta", 8 + 16L * (t.valuesAtZeta().length + t.valuesAtZetaNext().length));
      long leaves = 0;
      for (int[][] rows : t.rows()) {
        statement += 2 + 4;
        for (int[] row : rows) {
          leaves += 4L * row.length;
        }
      }
      parts.put(t.name() + " leaves", leaves);
      if (t.preprocessed() != null) {
        add(parts, t.name() + " preprocessed", List.of(t.preprocessed()));
        statement += openingOverhead(t.preprocessed());
      }
    }
    statement += 1;
    for (var tree : new Object[][] {{"main", proof.main()}, {"aux", proof.aux()}, {"quotient", proof.quotient()}}) {
      TreeOpening opening = (TreeOpening) tree[1];
      if (opening != null) {
        statement += DIGEST + 4;
        parts.put(tree[0] + " tree siblings", (long) DIGEST * opening.siblings().size());
      }
    }
    FriProof fri = proof.fri();
    statement += 12 + 1 + (long) DIGEST * fri.layerRoots().size() + 1 + 1 + 4L * fri.roundWitnesses().length + 4;
    add(parts, "fri", fri.layerOpenings());
    for (MerkleBatchOpening o : fri.layerOpenings()) {
      statement += openingOverhead(o);
    }
    parts.put("fri final polynomial", 4 + 16L * fri.finalPolynomial().length);
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("statement", statement);
    out.putAll(parts);
    return out;
  }

  private static void add(Map<String, Long> parts, String prefix, List<MerkleBatchOpening> openings) {
    long leaves = 0;
    long siblings = 0;
    for (MerkleBatchOpening o : openings) {
      for (List<int[]> leaf : o.rows()) {
        for (int[] row : leaf) {
          leaves += 4L * row.length;
        }
      }
      siblings += (long) DIGEST * o.siblings().size();
    }
    parts.merge(prefix + " leaves", leaves, Long::sum);
    parts.merge(prefix + " siblings", siblings, Long::sum);
  }

  /** Index list, widths and counts of one opening: what is neither a leaf value nor a sibling. */
  private static long openingOverhead(MerkleBatchOpening o) {
    return 4 + 4L * o.indices().length + 1 + 2L * o.rows().get(0).size() + 4;
  }
}
