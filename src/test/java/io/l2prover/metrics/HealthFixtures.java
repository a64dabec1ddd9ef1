package io.l2prover.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** A GET of the metrics port that keeps the status code, for readiness tests. */
public final class HealthFixtures {

  private HealthFixtures() {}

  /** The answer of {@code GET path}: its status code and its JSON body. */
  public record Answer(int status, JsonObject body) {}

  public static Answer get(Vertx vertx, int port, String path) throws Exception {
    return vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", path)
        .compose(req -> req.send().compose(resp -> resp.body()
            .map(body -> new Answer(resp.statusCode(), new JsonObject(body)))))
        .await(10, TimeUnit.SECONDS);
  }
}
