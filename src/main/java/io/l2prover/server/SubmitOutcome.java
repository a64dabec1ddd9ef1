package io.l2prover.server;

import io.l2prover.bus.JsonMessageCodec;
import io.vertx.core.json.JsonObject;

/** What the server did with a Submit, published on {@code server.submits} for metrics. */
public record SubmitOutcome(long blockNumber, boolean accepted, long millis, String detail) {

  public static final JsonMessageCodec<SubmitOutcome> CODEC =
      new JsonMessageCodec<>(SubmitOutcome.class, SubmitOutcome::toJson, SubmitOutcome::fromJson);

  public SubmitOutcome {
    detail = detail == null ? "" : detail;
  }

  public JsonObject toJson() {
    return new JsonObject().put("block_number", blockNumber).put("accepted", accepted).put("millis", millis)
        .put("detail", detail);
  }

  public static SubmitOutcome fromJson(JsonObject json) {
    return new SubmitOutcome(json.getLong("block_number"), json.getBoolean("accepted"), json.getLong("millis"),
        json.getString("detail"));
  }
}
