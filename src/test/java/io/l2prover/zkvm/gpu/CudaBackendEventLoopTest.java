package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GPU calls block, so the backend refuses an event-loop thread before touching the device. */
class CudaBackendEventLoopTest {

  @Test
  void refusesEventLoopThreads() throws Exception {
    CudaBackend backend = new CudaBackend(new CudaStatus(true, "", "Test GPU", 9, 0, 13000));
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      vertx.runOnContext(v -> {
        try {
          backend.foldFri(new int[8], 1, 1, new int[4]);
          failure.complete(null);
        } catch (RuntimeException e) {
          failure.complete(e);
        }
      });
      assertThat(failure.get(10, TimeUnit.SECONDS))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("event loop");
    } finally {
      vertx.close().await();
    }
  }
}
