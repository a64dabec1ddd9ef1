package io.l2prover.proving;

import io.l2prover.zkvm.stark.backend.ComputeBackend;
import java.util.List;
import java.util.Objects;

/**
 * What the proving workers run: the prover, and the compute backends chosen for it once at start
 * ({@code PROVER_GPU}): one, shared by the workers, or one per GPU that {@code PROVER_GPU_DEVICES}
 * lists, each for one worker. Real mode's segment workers prove on them (the first also proves
 * what the coordinator proves); the dev-mode provers execute the block guest without proving and
 * leave them unused.
 */
public record ProvingEngine(Prover prover, List<ComputeBackend> backends) implements AutoCloseable {

  public ProvingEngine {
    Objects.requireNonNull(prover, "prover");
    backends = List.copyOf(backends);
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("a proving engine needs a compute backend");
    }
  }

  /** One backend, shared by every worker. */
  public ProvingEngine(Prover prover, ComputeBackend backend) {
    this(prover, List.of(Objects.requireNonNull(backend, "backend")));
  }

  /** The first backend: the one the coordinator proves on, and every worker's when there is one. */
  public ComputeBackend backend() {
    return backends.get(0);
  }

  /** Whether each worker has a backend (a GPU) of its own. */
  public boolean perDevice() {
    return backends.size() > 1;
  }

  /** One line for the startup log: the receipts and the backend. */
  public String describe() {
    return prover.description() + "; compute backend: " + backend().name()
        + (perDevice() ? " (" + backends.size() + " devices, one worker each)" : "");
  }

  /** Frees the backends' device memory, if they hold any. */
  @Override
  public void close() throws Exception {
    for (ComputeBackend backend : backends) {
      if (backend instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
