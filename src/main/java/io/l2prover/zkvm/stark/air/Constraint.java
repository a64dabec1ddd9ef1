package io.l2prover.zkvm.stark.air;

import java.util.Objects;

/** A named polynomial that must vanish on the rows {@code when} selects. */
public record Constraint(String name, When when, Expr expr) {

  public Constraint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(expr, "expr");
    if (when != When.TRANSITION && expr.readsNextRow()) {
      throw new IllegalArgumentException("constraint '" + name + "' reads the next row but is not a transition");
    }
  }

  /** The degree the quotient bound counts: the expression's degree plus its row selector's. */
  public int degree() {
    return expr.degree() + when.selectorDegree();
  }

  public static Constraint everyRow(String name, Expr expr) {
    return new Constraint(name, When.EVERY_ROW, expr);
  }

  public static Constraint transition(String name, Expr expr) {
    return new Constraint(name, When.TRANSITION, expr);
  }

  public static Constraint firstRow(String name, Expr expr) {
    return new Constraint(name, When.FIRST_ROW, expr);
  }

  public static Constraint lastRow(String name, Expr expr) {
    return new Constraint(name, When.LAST_ROW, expr);
  }
}
