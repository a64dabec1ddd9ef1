package io.l2prover.client;

import io.l2prover.bus.JsonMessageCodec;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What the client just did, published on {@code prover.progress}.
 *
 * @param millis how long the phase took ({@code PROVED}: proving; {@code ACKNOWLEDGED}: the whole
 *     block from Response to durable state)
 */
public record ProgressEvent(long blockNumber, Phase phase, long millis, String detail) {

  public static final JsonMessageCodec<ProgressEvent> CODEC =
      new JsonMessageCodec<>(ProgressEvent.class, ProgressEvent::toJson, ProgressEvent::fromJson);

  /** The phases of one block, in order, and the ways a round can end without one. */
  public enum Phase {
    /** The server handed out the block's input. */
    RECEIVED,
    /** The prover returned a receipt. */
    PROVED,
    /** The server acknowledged the proof and the state file records it. */
    ACKNOWLEDGED,
    /** The server has nothing to prove right now. */
    IDLE,
    /** A step failed and will be retried. */
    RETRY
  }

  public ProgressEvent {
    Objects.requireNonNull(phase, "phase");
    detail = detail == null ? "" : detail;
  }

  public JsonObject toJson() {
    return new JsonObject().put("block_number", blockNumber).put("phase", phase.name())
        .put("millis", millis).put("detail", detail);
  }

  public static ProgressEvent fromJson(JsonObject json) {
    return new ProgressEvent(json.getLong("block_number"), Phase.valueOf(json.getString("phase")),
        json.getLong("millis"), json.getString("detail"));
  }
}
