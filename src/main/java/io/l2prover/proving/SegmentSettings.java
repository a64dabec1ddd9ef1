package io.l2prover.proving;

import java.time.Duration;
import java.util.Objects;

/**
 * How a block's segments are handed out: how long one phase of one segment may take on a worker
 * before it is sent again to any worker ({@code PROVER_SEGMENT_TIMEOUT_MS}), how often one segment
 * is sent at most before the block fails, and the interval of the block's progress line
 * ({@code PROVER_PROGRESS_INTERVAL_MS}), and how many segment requests one coordinator keeps out
 * at once ({@code PROVER_SEGMENTS_IN_FLIGHT}: the workers that serve it, so none waits in a queue).
 */
public record SegmentSettings(Duration segmentTimeout, int attempts, Duration progressInterval, int inFlight) {

  /** Sends of one segment phase before the block fails. */
  public static final int DEFAULT_ATTEMPTS = 5;

  /** The defaults of conf/config.json for {@code workers} local workers: 30 minutes, 5 attempts, a line every 30 s. */
  public static SegmentSettings defaults(int workers) {
    return new SegmentSettings(Duration.ofMinutes(30), DEFAULT_ATTEMPTS, Duration.ofSeconds(30), workers);
  }

  public SegmentSettings {
    Objects.requireNonNull(segmentTimeout, "segmentTimeout");
    Objects.requireNonNull(progressInterval, "progressInterval");
    if (segmentTimeout.isNegative() || segmentTimeout.isZero() || progressInterval.isNegative()
        || progressInterval.isZero() || attempts < 1 || inFlight < 1) {
      throw new IllegalArgumentException("segment timeout, attempts, progress interval and in-flight must be positive");
    }
  }
}
