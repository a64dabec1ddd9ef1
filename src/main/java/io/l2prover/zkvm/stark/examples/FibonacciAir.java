package io.l2prover.zkvm.stark.examples;

import static io.l2prover.zkvm.stark.air.Expr.main;
import static io.l2prover.zkvm.stark.air.Expr.mainNext;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.List;

/**
 * Fibonacci over BabyBear: row r holds (F_r, F_{r+1}) from public starting values; the last
 * row's second cell is the public result. Columns a, b; publics a0, b0, result.
 */
public final class FibonacciAir implements ExampleAir {

  private static final int A = 0;
  private static final int B = 1;

  @Override
  public String name() {
    return "fibonacci";
  }

  @Override
  public int preprocessedWidth() {
    return 0;
  }

  @Override
  public int mainWidth() {
    return 2;
  }

  @Override
  public int publicValueCount() {
    return 3;
  }

  @Override
  public List<Constraint> constraints() {
    return List.of(
        Constraint.firstRow("a starts at a0", main(A).minus(new Expr.Public(0))),
        Constraint.firstRow("b starts at b0", main(B).minus(new Expr.Public(1))),
        Constraint.transition("next a is b", mainNext(A).minus(main(B))),
        Constraint.transition("next b is a + b", mainNext(B).minus(main(A).plus(main(B)))),
        Constraint.lastRow("b ends at the result", main(B).minus(new Expr.Public(2))));
  }

  @Override
  public ExampleTrace generate(int logRows, long seed) {
    int rows = 1 << logRows;
    int[][] cols = new int[2][rows];
    int a = 0;
    int b = 1;
    for (int r = 0; r < rows; r++) {
      cols[A][r] = a;
      cols[B][r] = b;
      int next = BabyBear.add(a, b);
      a = b;
      b = next;
    }
    return new ExampleTrace(cols, new int[] {0, 1, cols[B][rows - 1]});
  }
}
