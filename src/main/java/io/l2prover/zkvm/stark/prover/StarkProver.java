package io.l2prover.zkvm.stark.prover;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.proof.StarkProof;
import java.util.List;

/**
 * Proves that a trace satisfies an AIR: a {@link MultiTableProver} one-shot proof of that single
 * table, whose LogUp sums must balance on their own (docs/stark-protocol.md).
 *
 * <p>The checked mode (default) runs the debug checker first and refuses a bad trace with the
 * failing row and constraint; the unchecked mode proves whatever it is given, so soundness tests
 * can show the verifier rejects it.
 */
public final class StarkProver {

  private final ComputeBackend backend;
  private final boolean checked;

  private StarkProver(ComputeBackend backend, boolean checked) {
    this.backend = backend;
    this.checked = checked;
  }

  public static StarkProver checked(ComputeBackend backend) {
    return new StarkProver(backend, true);
  }

  /** A prover that skips the constraint check: for soundness tests only. */
  public static StarkProver unchecked(ComputeBackend backend) {
    return new StarkProver(backend, false);
  }

  /** Proves {@code main} (column-major) with {@code publicValues} for the AIR and height of {@code key}. */
  public StarkProof prove(ProvingKey key, int[][] main, int[] publicValues) {
    MultiTableProver prover = checked
        ? MultiTableProver.checked(backend, key.params())
        : MultiTableProver.unchecked(backend, key.params());
    return new StarkProof(prover.prove(List.of(TableWitness.of(key, main, publicValues)), List.of()));
  }
}
