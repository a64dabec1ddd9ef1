package io.l2prover.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** One part of a service that readiness ({@code /health}) reports on: up, or down with the reason. */
public interface HealthCheck {

  /** The key of this part in the health JSON ({@code state_file}, {@code cluster}, …). */
  String name();

  /**
   * Checks the part. Called on an event loop: a check that touches the disk does it in
   * {@code executeBlocking}. A failed future counts as down, its message the reason.
   */
  Future<HealthStatus> check(Vertx vertx);

  /** A part that is up for the life of the process once it started (the compute backend chosen at start). */
  static HealthCheck fixed(String name, String detail) {
    return of(name, vertx -> Future.succeededFuture(HealthStatus.up(detail)));
  }

  /** A check named {@code name} doing {@code check}. */
  static HealthCheck of(String name, java.util.function.Function<Vertx, Future<HealthStatus>> check) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Future<HealthStatus> check(Vertx vertx) {
        return check.apply(vertx);
      }
    };
  }
}
