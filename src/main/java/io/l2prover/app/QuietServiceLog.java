package io.l2prover.app;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * Turns this application's INFO lines down to WARN while a role prints the same events itself
 * (the demo), unless {@code L2PROVER_LOG_LEVEL} asks for a level; {@link #close()} restores it.
 */
final class QuietServiceLog implements AutoCloseable {

  private static final String ROOT = "io.l2prover";

  private final ch.qos.logback.classic.Logger logger;
  private final Level before;

  private QuietServiceLog(ch.qos.logback.classic.Logger logger) {
    this.logger = logger;
    this.before = logger == null ? null : logger.getLevel();
    if (logger != null) {
      logger.setLevel(Level.WARN);
    }
  }

  /** Quiet unless the user set {@code L2PROVER_LOG_LEVEL} or the logging backend is not logback. */
  static QuietServiceLog unlessAsked(String logLevelSetting) {
    boolean asked = logLevelSetting != null && !logLevelSetting.isBlank();
    return new QuietServiceLog(!asked && LoggerFactory.getLogger(ROOT) instanceof ch.qos.logback.classic.Logger l
        ? l : null);
  }

  @Override
  public void close() {
    if (logger != null) {
      logger.setLevel(before);
    }
  }
}
