package io.l2prover.app;

import io.l2prover.zkvm.gpu.BlockingCallGuard;
import io.vertx.core.Context;
import java.util.Optional;

/** Keeps GPU work off Vert.x event loops (installed through META-INF/services). */
public final class EventLoopGuard implements BlockingCallGuard {

  @Override
  public Optional<String> refusal() {
    return Context.isOnEventLoopThread()
        ? Optional.of("a Vert.x event loop: run it in a worker (executeBlocking)")
        : Optional.empty();
  }
}
