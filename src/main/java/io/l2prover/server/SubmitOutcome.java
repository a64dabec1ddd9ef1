package io.l2prover.server;

import io.l2prover.bus.JsonMessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server did with a Submit, published on {@code server.submits} for metrics: accepted
 * (no rejection; detail is the receipt kind), or rejected for a reason (detail says why).
 */
public record SubmitOutcome(long blockNumber, Optional<SubmitRejection> rejection, long millis, String detail) {

  public static final JsonMessageCodec<SubmitOutcome> CODEC =
      new JsonMessageCodec<>(SubmitOutcome.class, SubmitOutcome::toJson, SubmitOutcome::fromJson);

  public SubmitOutcome {
    Objects.requireNonNull(rejection, "rejection");
    detail = detail == null ? "" : detail;
  }

  public static SubmitOutcome accepted(long blockNumber, long millis, String receiptKind) {
    return new SubmitOutcome(blockNumber, Optional.empty(), millis, receiptKind);
  }

  public static SubmitOutcome rejected(long blockNumber, SubmitRejection reason, String detail) {
    return new SubmitOutcome(blockNumber, Optional.of(reason), 0, detail);
  }

  public boolean accepted() {
    return rejection.isEmpty();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("block_number", blockNumber).put("accepted", accepted())
        .put("millis", millis).put("detail", detail);
    rejection.ifPresent(r -> json.put("reason", r.name()));
    return json;
  }

  public static SubmitOutcome fromJson(JsonObject json) {
    return new SubmitOutcome(json.getLong("block_number"),
        Optional.ofNullable(json.getString("reason")).map(SubmitRejection::valueOf), json.getLong("millis"),
        json.getString("detail"));
  }
}
