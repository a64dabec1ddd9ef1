package io.l2prover.proving;

import io.l2prover.bus.JsonMessageCodec;
import io.l2prover.protocol.ReceiptJson;
import io.l2prover.zkvm.receipt.Receipt;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** The reply to a {@code prover.prove} request: the receipt and how long proving took. */
public record ProvingResult(long blockNumber, Receipt receipt, long provingMillis) {

  public static final JsonMessageCodec<ProvingResult> CODEC =
      new JsonMessageCodec<>(ProvingResult.class, ProvingResult::toJson, ProvingResult::fromJson);

  public ProvingResult {
    Objects.requireNonNull(receipt, "receipt");
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("block_number", blockNumber)
        .put("receipt", ReceiptJson.toJson(receipt))
        .put("proving_millis", provingMillis);
  }

  public static ProvingResult fromJson(JsonObject json) {
    return new ProvingResult(json.getLong("block_number"), ReceiptJson.fromJson(json.getJsonObject("receipt")),
        json.getLong("proving_millis"));
  }
}
