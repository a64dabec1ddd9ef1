package io.l2prover.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** Logs "still …" with the elapsed time every interval while a long step of a role's start runs. */
final class ProgressTicker implements AutoCloseable {

  private final ScheduledExecutorService timer;
  private final long startNanos = System.nanoTime();

  private ProgressTicker(Logger log, String what, Duration interval) {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "progress");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> log.info("still {} ({} s so far)", what,
        (System.nanoTime() - startNanos) / 1_000_000_000), interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Starts ticking: the first line after one interval. */
  static ProgressTicker start(Logger log, String what, Duration interval) {
    return new ProgressTicker(log, what, interval);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
