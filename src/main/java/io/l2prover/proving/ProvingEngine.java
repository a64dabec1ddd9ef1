package io.l2prover.proving;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import java.util.Objects;

/**
 * What the proving workers run: the prover, and the compute backend chosen for it once at start
 * ({@code PROVER_GPU}). Real mode's segment workers prove on it; the dev-mode provers execute the
 * block guest without proving and leave it unused.
 */
public record ProvingEngine(Prover prover, ComputeBackend backend) implements AutoCloseable {

  public ProvingEngine {
    Objects.requireNonNull(prover, "prover");
    Objects.requireNonNull(backend, "backend");
  }

  /** One line for the startup log: the receipts and the backend. */
  public String describe() {
    return prover.description() + "; compute backend: " + backend.name();
  }

  /** Frees the backend's device memory, if it holds any. */
  @Override
  public void close() throws Exception {
    if (backend instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
