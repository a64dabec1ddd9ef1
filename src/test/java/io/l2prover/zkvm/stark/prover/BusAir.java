package io.l2prover.zkvm.stark.prover;

import static io.l2prover.zkvm.stark.air.Expr.main;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.Expr;
import io.l2prover.zkvm.stark.air.LogUp;
import io.l2prover.zkvm.stark.air.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test table that sends (sign +1) or receives (sign −1) its rows' tuples (main columns
 * 0 .. width−1) on one bus in one scope, with no other constraint.
 */
record BusAir(String name, int bus, int sign, int width, Scope scope) implements Air {

  @Override
  public int preprocessedWidth() {
    return 0;
  }

  @Override
  public int mainWidth() {
    return width;
  }

  @Override
  public int publicValueCount() {
    return 0;
  }

  @Override
  public List<Constraint> constraints() {
    return List.of();
  }

  @Override
  public Optional<AuxPhase> auxPhase() {
    List<Expr> values = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      values.add(main(c));
    }
    return Optional.of(new LogUp(List.of(new LogUp.Interaction(name, bus, Expr.constant(sign), values, scope))));
  }

  /** Rows holding (offset + r, 0, 0, ...). */
  int[][] trace(int logRows, int offset) {
    int[][] main = new int[width][1 << logRows];
    for (int r = 0; r < 1 << logRows; r++) {
      main[0][r] = offset + r;
    }
    return main;
  }
}
