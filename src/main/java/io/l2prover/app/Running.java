package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a long-lived role: wait for its deployment, then serve until the process is stopped. */
final class Running {

  private static final Logger LOG = LoggerFactory.getLogger(Running.class);

  private Running() {}

  /**
   * Blocks until SIGTERM/SIGINT, then closes {@code vertx}.
   *
   * @throws UserError when the deployment fails (bad state file, port in use, …)
   */
  static int untilStopped(Vertx vertx, Future<?> deployment, String what) throws InterruptedException {
    try {
      deployment.await(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      vertx.close();
      throw new UserError(what + " did not start: " + e.getMessage());
    }
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("{} stopping", what);
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("{} did not stop cleanly: {}", what, e.getMessage());
      }
      closed.countDown();
    }, "shutdown"));
    closed.await();
    return 0;
  }
}
