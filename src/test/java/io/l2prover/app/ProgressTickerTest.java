package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProgressTickerTest {

  @Test
  void saysItIsStillWorkingUntilClosed() throws Exception {
    var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("progress-ticker-test");
    logger.setLevel(Level.INFO);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try (ProgressTicker ticker = ProgressTicker.start(logger, "validating the chain", Duration.ofMillis(10))) {
      for (int i = 0; i < 500 && log.list.size() < 2; i++) {
        Thread.sleep(10);
      }
    }
    assertThat(log.list.size()).isGreaterThanOrEqualTo(2);
    assertThat(log.list.get(0).getFormattedMessage()).matches("still validating the chain \\(\\d+ s so far\\)");
    int afterClose = log.list.size();
    Thread.sleep(50);
    assertThat(log.list).hasSize(afterClose);
  }
}
