package io.l2prover.zkvm.stark.air;

import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A canonical hash of everything a verifier evaluates for an AIR: name, widths, public value,
 * challenge and aux-public counts, the scope of each claimed sum, the degree, and every
 * constraint (row selector and expression tree, node by node, LogUp terms and accumulators
 * included). Bound into the transcript and the verifying key, so an AIR with other constraints
 * under the same name gets another key.
 */
public final class ConstraintDigest {

  private static final int TAG_CONST = 1;
  private static final int TAG_COLUMN = 2;
  private static final int TAG_PUBLIC = 3;
  private static final int TAG_CHALLENGE = 4;
  private static final int TAG_AUX_PUBLIC = 5;
  private static final int TAG_ADD = 6;
  private static final int TAG_SUB = 7;
  private static final int TAG_MUL = 8;
  private static final int TAG_NEG = 9;

  private ConstraintDigest() {}

  public static Digest of(Air air) {
    List<Integer> out = new ArrayList<>();
    label(out, air.name());
    out.add(air.preprocessedWidth());
    out.add(air.mainWidth());
    out.add(air.publicValueCount());
    out.add(air.auxWidth());
    out.add(air.challengeCount());
    out.add(air.auxPublicCount());
    List<Scope> scopes = air.auxPhase().map(AuxPhase::sumScopes).orElse(List.of());
    out.add(scopes.size());
    scopes.forEach(s -> out.add(s.ordinal()));
    out.add(air.maxConstraintDegree());
    List<Constraint> constraints = air.allConstraints();
    out.add(constraints.size());
    Serializer serializer = new Serializer(out);
    for (Constraint c : constraints) {
      label(out, c.name());
      out.add(c.when().ordinal());
      c.expr().fold(serializer);
    }
    int[] elements = new int[out.size() + 1];
    elements[0] = out.size();
    for (int i = 0; i < out.size(); i++) {
      elements[i + 1] = out.get(i);
    }
    return Poseidon2Hash.babyBear().hash(elements);
  }

  private static void label(List<Integer> out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.add(bytes.length);
    for (byte b : bytes) {
      out.add(b & 0xff);
    }
  }

  /** Writes an expression in postfix order (fold is bottom-up): operands, then the node's tag; with fixed arities this is unambiguous. */
  private static final class Serializer implements ExprAlgebra<Void> {
    private final List<Integer> out;

    Serializer(List<Integer> out) {
      this.out = out;
    }

    @Override
    public Void constant(int value) {
      out.add(TAG_CONST);
      out.add(value);
      return null;
    }

    @Override
    public Void column(TracePart part, int index, boolean next) {
      out.add(TAG_COLUMN);
      out.add(part.ordinal());
      out.add(index);
      out.add(next ? 1 : 0);
      return null;
    }

    @Override
    public Void publicValue(int index) {
      out.add(TAG_PUBLIC);
      out.add(index);
      return null;
    }

    @Override
    public Void challenge(int index) {
      out.add(TAG_CHALLENGE);
      out.add(index);
      return null;
    }

    @Override
    public Void auxPublic(int index) {
      out.add(TAG_AUX_PUBLIC);
      out.add(index);
      return null;
    }

    @Override
    public Void add(Void l, Void r) {
      out.add(TAG_ADD);
      return null;
    }

    @Override
    public Void sub(Void l, Void r) {
      out.add(TAG_SUB);
      return null;
    }

    @Override
    public Void mul(Void l, Void r) {
      out.add(TAG_MUL);
      return null;
    }

    @Override
    public Void neg(Void inner) {
      out.add(TAG_NEG);
      return null;
    }
  }
}
