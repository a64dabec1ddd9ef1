package io.l2prover.proving;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * At most {@code limit} segment requests out at once; the others wait here, not in a worker's
 * queue, so a request's timeout counts the work and at most one job ahead of it, not a long queue.
 * Used on one event loop only.
 */
final class InFlight {

  private final int limit;
  private final Deque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  InFlight(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("at least one request in flight, not " + limit);
    }
    this.limit = limit;
  }

  <T> Future<T> run(Supplier<Future<T>> task) {
    Promise<T> done = Promise.promise();
    Runnable start = () -> {
      running++;
      task.get().onComplete(result -> {
        running--;
        if (!waiting.isEmpty()) {
          waiting.poll().run();
        }
        done.handle(result);
      });
    };
    if (running < limit) {
      start.run();
    } else {
      waiting.add(start);
    }
    return done.future();
  }
}
