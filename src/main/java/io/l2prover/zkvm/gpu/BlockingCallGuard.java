package io.l2prover.zkvm.gpu;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Says why the calling thread must not wait for the device (an event loop, say). The service
 * layer supplies its guards through {@link ServiceLoader}, so the zkVM names no framework.
 */
public interface BlockingCallGuard {

  /** Why the current thread must not block on the device, or empty when it may. */
  Optional<String> refusal();

  /** The guards on the class path (META-INF/services). */
  static List<BlockingCallGuard> installed() {
    return ServiceLoader.load(BlockingCallGuard.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
