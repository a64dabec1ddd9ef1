package io.l2prover.health;

import java.util.Objects;

/** What one {@link HealthCheck} found: up with a detail, or down with the reason. */
public record HealthStatus(boolean up, String detail) {

  public HealthStatus {
    Objects.requireNonNull(detail, "detail");
  }

  public static HealthStatus up(String detail) {
    return new HealthStatus(true, detail);
  }

  public static HealthStatus down(String reason) {
    return new HealthStatus(false, reason);
  }
}
