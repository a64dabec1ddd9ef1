package io.l2prover.proving;

import io.l2prover.bus.JsonMessageCodec;
import io.l2prover.protocol.ProofDataCodec;
import io.l2prover.protocol.ProtocolException;
import io.l2prover.protocol.ProverInput;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** The body of a {@code prover.prove} request: prove block {@code blockNumber} from {@code input}. */
public record ProvingJob(long blockNumber, ProverInput input) {

  public static final JsonMessageCodec<ProvingJob> CODEC =
      new JsonMessageCodec<>(ProvingJob.class, ProvingJob::toJson, ProvingJob::fromJson);

  public ProvingJob {
    Objects.requireNonNull(input, "input");
  }

  public JsonObject toJson() {
    return new JsonObject().put("block_number", blockNumber).put("input", ProofDataCodec.inputToJson(input));
  }

  public static ProvingJob fromJson(JsonObject json) {
    try {
      return new ProvingJob(json.getLong("block_number"), ProofDataCodec.inputFromJson(json.getJsonObject("input")));
    } catch (ProtocolException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
