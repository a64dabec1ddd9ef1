package io.l2prover.client;

import io.l2prover.bus.Addresses;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** What tests watch of a client: its {@code prover.progress} events. */
public final class ProgressFixtures {

  private ProgressFixtures() {}

  /** Completes when the client has had block {@code number} acknowledged and saved. */
  public static CompletableFuture<Void> acknowledged(Vertx vertx, long number) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.eventBus().<ProgressEvent>consumer(Addresses.PROGRESS, m -> {
      if (m.body().phase() == ProgressEvent.Phase.ACKNOWLEDGED && m.body().blockNumber() == number) {
        done.complete(null);
      }
    });
    return done;
  }

  /** Every progress event from now on, in arrival order. */
  public static List<ProgressEvent> recordProgress(Vertx vertx) {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    vertx.eventBus().<ProgressEvent>consumer(Addresses.PROGRESS, m -> events.add(m.body()));
    return events;
  }
}
