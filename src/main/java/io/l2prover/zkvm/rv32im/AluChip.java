package io.l2prover.zkvm.rv32im;

import java.util.List;
import java.util.Set;

/** A chip that takes (op, a, b, op(a, b)) tuples off the ALU bus for some operations. */
public interface AluChip {

  /** The operations this chip proves. */
  Set<AluOp> ops();

  /**
   * The trace proving {@code events} (all for operations in {@link #ops()}); operations it asks
   * of other ALU chips in turn go to {@code requests}.
   */
  ChipTrace trace(List<AluEvent> events, AluEvents requests);
}
