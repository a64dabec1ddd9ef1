package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxPhase;
import io.l2prover.zkvm.stark.air.Constraint;
import java.util.List;
import java.util.Optional;

/** An AIR posing as another: same name and columns, its last main constraint dropped. */
record WeakerAir(Air inner) implements Air {

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public int preprocessedWidth() {
    return inner.preprocessedWidth();
  }

  @Override
  public int mainWidth() {
    return inner.mainWidth();
  }

  @Override
  public int publicValueCount() {
    return inner.publicValueCount();
  }

  @Override
  public List<Constraint> constraints() {
    List<Constraint> all = inner.constraints();
    return all.subList(0, all.size() - 1);
  }

  @Override
  public int minLogRows() {
    return inner.minLogRows();
  }

  @Override
  public Optional<AuxPhase> auxPhase() {
    return inner.auxPhase();
  }
}
