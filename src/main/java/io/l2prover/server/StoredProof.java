package io.l2prover.server;

import io.l2prover.protocol.ReceiptJson;
import io.l2prover.zkvm.receipt.Receipt;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** An accepted proof as the server keeps it: block number and hash, and the receipt. */
public record StoredProof(long blockNumber, String blockHash, Receipt receipt) {

  public StoredProof {
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(receipt, "receipt");
  }

  public JsonObject toJson() {
    return new JsonObject().put("block_number", blockNumber).put("block_hash", blockHash)
        .put("receipt", ReceiptJson.toJson(receipt));
  }

  public static StoredProof fromJson(JsonObject json) {
    Object number = json.getValue("block_number");
    if (!(number instanceof Number n)) {
      throw new IllegalArgumentException("'block_number' is missing or not a number");
    }
    JsonObject receipt = json.getJsonObject("receipt");
    if (receipt == null) {
      throw new IllegalArgumentException("'receipt' is missing");
    }
    String hash = json.getString("block_hash");
    if (hash == null) {
      throw new IllegalArgumentException("'block_hash' is missing");
    }
    return new StoredProof(n.longValue(), hash, ReceiptJson.fromJson(receipt));
  }
}
