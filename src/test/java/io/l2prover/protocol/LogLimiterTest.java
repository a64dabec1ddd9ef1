package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLimiterTest {

  @Test
  void logsAtMostOncePerInterval() {
    AtomicLong now = new AtomicLong(1_000);
    LogLimiter limiter = new LogLimiter(LoggerFactory.getLogger(LogLimiterTest.class), Duration.ofNanos(100), now::get);
    assertThat(limiter.warn("first")).isTrue();
    now.addAndGet(50);
    assertThat(limiter.warn("second")).isFalse();
    assertThat(limiter.warn("third")).isFalse();
    now.addAndGet(50);
    assertThat(limiter.warn("fourth, after two left out")).isTrue();
    now.addAndGet(99);
    assertThat(limiter.warn("fifth")).isFalse();
  }
}
