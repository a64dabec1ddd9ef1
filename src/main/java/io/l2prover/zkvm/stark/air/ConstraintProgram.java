package io.l2prover.zkvm.stark.air;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An AIR's constraints compiled to a flat, array-only instruction list (common subexpressions
 * shared), so that a backend (CPU loop or GPU kernel) can evaluate them at millions of points
 * without walking trees. Registers hold extension values; those marked base only ever use their
 * first coordinate (the others stay zero).
 *
 * <p>Each instruction is {@value #STRIDE} ints: opcode, destination register, operand a, operand b.
 */
public final class ConstraintProgram {

  public static final int STRIDE = 4;

  public static final int CONST = 0; // dst, value
  public static final int PRE = 1; // dst, column, next (0/1)
  public static final int MAIN = 2; // dst, column, next
  public static final int AUX = 3; // dst, ext column, next: reads base columns 4c..4c+3
  public static final int PUB = 4; // dst, index
  public static final int CHAL = 5; // dst, index (extension)
  public static final int AUX_PUB = 6; // dst, index (extension)
  public static final int ADD_B = 7;
  public static final int ADD_E = 8;
  public static final int SUB_B = 9;
  public static final int SUB_E = 10;
  public static final int MUL_BB = 11;
  public static final int MUL_EB = 12; // a extension, b base
  public static final int MUL_EE = 13;
  public static final int NEG_B = 14;
  public static final int NEG_E = 15;

  private final int[] code;
  private final int registers;
  private final int[] outputs;
  private final int[] when;

  private ConstraintProgram(int[] code, int registers, int[] outputs, int[] when) {
    this.code = code;
    this.registers = registers;
    this.outputs = outputs;
    this.when = when;
  }

  /** Compiles the constraints in order; output i is constraint i's value. */
  public static ConstraintProgram compile(List<Constraint> constraints) {
    Compiler compiler = new Compiler();
    int[] outputs = new int[constraints.size()];
    int[] when = new int[constraints.size()];
    for (int i = 0; i < constraints.size(); i++) {
      outputs[i] = constraints.get(i).expr().fold(compiler);
      when[i] = constraints.get(i).when().ordinal();
    }
    int[] code = new int[compiler.code.size()];
    for (int i = 0; i < code.length; i++) {
      code[i] = compiler.code.get(i);
    }
    return new ConstraintProgram(code, compiler.isExt.size(), outputs, when);
  }

  /** The instructions, {@link #STRIDE} ints each (a copy is not made: do not modify). */
  public int[] code() {
    return code;
  }

  public int registers() {
    return registers;
  }

  /** The register holding each constraint's value. */
  public int[] outputs() {
    return outputs;
  }

  /** Each constraint's {@link When} ordinal. */
  public int[] when() {
    return when;
  }

  public int constraintCount() {
    return outputs.length;
  }

  /** Builds the instruction list, reusing the register of any instruction already emitted. */
  private static final class Compiler implements ExprAlgebra<Integer> {
    final List<Integer> code = new ArrayList<>();
    final List<Boolean> isExt = new ArrayList<>();
    final Map<List<Integer>, Integer> seen = new HashMap<>();

    private int emit(int op, int a, int b, boolean ext) {
      List<Integer> key = Arrays.asList(op, a, b);
      Integer existing = seen.get(key);
      if (existing != null) {
        return existing;
      }
      int dst = isExt.size();
      isExt.add(ext);
      code.add(op);
      code.add(dst);
      code.add(a);
      code.add(b);
      seen.put(key, dst);
      return dst;
    }

    private boolean ext(int reg) {
      return isExt.get(reg);
    }

    @Override
    public Integer constant(int value) {
      return emit(CONST, value, 0, false);
    }

    @Override
    public Integer column(TracePart part, int index, boolean next) {
      int n = next ? 1 : 0;
      return switch (part) {
        case PREPROCESSED -> emit(PRE, index, n, false);
        case MAIN -> emit(MAIN, index, n, false);
        case AUX -> emit(AUX, index, n, true);
      };
    }

    @Override
    public Integer publicValue(int index) {
      return emit(PUB, index, 0, false);
    }

    @Override
    public Integer challenge(int index) {
      return emit(CHAL, index, 0, true);
    }

    @Override
    public Integer auxPublic(int index) {
      return emit(AUX_PUB, index, 0, true);
    }

    @Override
    public Integer add(Integer l, Integer r) {
      boolean e = ext(l) || ext(r);
      return emit(e ? ADD_E : ADD_B, l, r, e);
    }

    @Override
    public Integer sub(Integer l, Integer r) {
      boolean e = ext(l) || ext(r);
      return emit(e ? SUB_E : SUB_B, l, r, e);
    }

    @Override
    public Integer mul(Integer l, Integer r) {
      if (ext(l) && ext(r)) {
        return emit(MUL_EE, l, r, true);
      }
      if (ext(l)) {
        return emit(MUL_EB, l, r, true);
      }
      if (ext(r)) {
        return emit(MUL_EB, r, l, true);
      }
      return emit(MUL_BB, l, r, false);
    }

    @Override
    public Integer neg(Integer inner) {
      return ext(inner) ? emit(NEG_E, inner, 0, true) : emit(NEG_B, inner, 0, false);
    }
  }
}
