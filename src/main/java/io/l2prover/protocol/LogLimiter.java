package io.l2prover.protocol;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a recurring warning at most once per interval and says how many were left out since, so a
 * peer that repeats what provokes it cannot flood the log.
 */
final class LogLimiter {

  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private long lastNanos;
  private boolean logged;
  private long suppressed;

  LogLimiter(Logger log, Duration interval, LongSupplier nanoClock) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Logs {@code line} unless a line was logged less than an interval ago. @return whether it was */
  boolean warn(String line) {
    long now = nanoClock.getAsLong();
    if (logged && now - lastNanos < intervalNanos) {
      suppressed++;
      return false;
    }
    log.warn(suppressed == 0 ? line : line + " (and " + suppressed + " more since the last such line)");
    logged = true;
    lastNanos = now;
    suppressed = 0;
    return true;
  }
}
