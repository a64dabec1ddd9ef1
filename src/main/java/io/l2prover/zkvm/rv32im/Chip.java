package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import io.l2prover.zkvm.stark.air.Expr;
import io.l2prover.zkvm.stark.air.LogUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table of the RV32IM proof: named columns, constraints, and the bus interactions that tie
 * it to the other tables. A subclass declares its columns as fields (allocated from
 * {@link #layout} in declaration order) and states its constraints and interactions in its
 * constructor through the final helpers here; nothing can be added once the chip is built.
 */
public abstract class Chip implements Air {

  /** The columns of the main trace; subclasses allocate from it in their field initialisers. */
  protected final Layout layout = new Layout();

  private final String name;
  private final List<Constraint> constraints = new ArrayList<>();
  private final List<LogUp.Interaction> interactions = new ArrayList<>();
  private AuxPhase logUp;

  protected Chip(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int mainWidth() {
    return layout.width();
  }

  @Override
  public int preprocessedWidth() {
    return 0;
  }

  @Override
  public int publicValueCount() {
    return 0;
  }

  @Override
  public final List<Constraint> constraints() {
    return List.copyOf(constraints);
  }

  /** What this chip sends (positive multiplicity) and receives (negative) on the buses. */
  public final List<LogUp.Interaction> interactions() {
    return List.copyOf(interactions);
  }

  /**
   * Whether a proof may leave this table out (no rows, nothing on its buses): only a chip that
   * nothing else depends on being there, whose absence just means no row asks it for anything.
   * Every other table is in every proof ({@link Rv32imVerifier} refuses one without it).
   */
  public boolean mayBeAbsent() {
    return false;
  }

  /** Column names by index, for error messages. */
  public final List<String> columnNames() {
    return layout.names();
  }

  @Override
  public final synchronized Optional<AuxPhase> auxPhase() {
    if (interactions.isEmpty()) {
      return Optional.empty();
    }
    if (logUp == null) {
      logUp = new LogUp(interactions);
    }
    return Optional.of(logUp);
  }

  /** {@code e} vanishes on every row. */
  protected final void require(String constraint, Expr e) {
    constraints.add(Constraint.everyRow(name + ": " + constraint, e));
  }

  /** {@code e} (which may read the next row) vanishes on every row but the last. */
  protected final void requireTransition(String constraint, Expr e) {
    constraints.add(Constraint.transition(name + ": " + constraint, e));
  }

  protected final void requireFirst(String constraint, Expr e) {
    constraints.add(Constraint.firstRow(name + ": " + constraint, e));
  }

  protected final void requireLast(String constraint, Expr e) {
    constraints.add(Constraint.lastRow(name + ": " + constraint, e));
  }

  /** {@code c} is 0 or 1. */
  protected final void requireBoolean(Col c) {
    require(c.name() + " is boolean", c.cur().times(c.cur().minus(1)));
  }

  /** Puts the tuple on the bus {@code multiplicity} times (a lookup). */
  protected final void send(String what, Bus bus, Expr multiplicity, List<Expr> values) {
    interactions.add(new LogUp.Interaction(name + ": " + what, bus.id(), multiplicity, values, bus.scope()));
  }

  /** Takes the tuple off the bus {@code multiplicity} times (a table entry). */
  protected final void receive(String what, Bus bus, Expr multiplicity, List<Expr> values) {
    interactions.add(new LogUp.Interaction(name + ": " + what, bus.id(), multiplicity.negate(), values, bus.scope()));
  }

  /** Concatenates scalar expressions and lists of expressions into one tuple. */
  protected static List<Expr> tuple(Object... parts) {
    List<Expr> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Expr e) {
        out.add(e);
      } else if (p instanceof List<?> list) {
        for (Object o : list) {
          out.add((Expr) o);
        }
      } else if (p instanceof Integer i) {
        out.add(Expr.constant(i));
      } else {
        throw new IllegalArgumentException("not an expression: " + p);
      }
    }
    return out;
  }
}
