package io.l2prover.proving;

import java.time.Duration;
import java.util.Objects;

/**
 * How a block's segments are handed out: how long one phase of one segment may take on a worker
 * before it is sent again to any worker ({@code PROVER_SEGMENT_TIMEOUT_MS}), how often one segment
 * is sent at most before the block fails, and the interval of the block's progress line
 * ({@code PROVER_PROGRESS_INTERVAL_MS}).
 */
public record SegmentSettings(Duration segmentTimeout, int attempts, Duration progressInterval) {

  /** Sends of one segment phase before the block fails. */
  public static final int DEFAULT_ATTEMPTS = 5;

  public SegmentSettings {
    Objects.requireNonNull(segmentTimeout, "segmentTimeout");
    Objects.requireNonNull(progressInterval, "progressInterval");
    if (segmentTimeout.isNegative() || segmentTimeout.isZero() || progressInterval.isNegative()
        || progressInterval.isZero() || attempts < 1) {
      throw new IllegalArgumentException("segment timeout, attempts and progress interval must be positive");
    }
  }
}
