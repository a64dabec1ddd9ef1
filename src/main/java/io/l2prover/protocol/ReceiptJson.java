package io.l2prover.protocol;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.vertx.core.json.JsonObject;

/** The receipt JSON of the wire protocol, proof files and the event bus: {@code kind, image_id, journal, seal, note}. */
public final class ReceiptJson {

  private ReceiptJson() {}

  /** {@code receipt} as JSON. */
  public static JsonObject toJson(Receipt receipt) {
    return new JsonObject()
        .put("kind", receipt.kind().wireName())
        .put("image_id", receipt.imageId().value().toHex())
        .put("journal", receipt.journal().toHex())
        .put("seal", receipt.seal().toHex())
        .put("note", receipt.note());
  }

  /**
   * Reads receipt JSON; unknown fields are ignored.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  public static Receipt fromJson(JsonObject json) {
    return new Receipt(
        ReceiptKind.fromWireName(requiredString(json, "kind")),
        new ImageId(Bytes.fromHex(requiredString(json, "image_id"), "receipt.image_id")),
        Bytes.fromHex(requiredString(json, "journal"), "receipt.journal"),
        Bytes.fromHex(requiredString(json, "seal"), "receipt.seal"),
        json.getValue("note") instanceof String s ? s : "");
  }

  private static String requiredString(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException(value == null
          ? "receipt is missing the field '" + field + "'"
          : "receipt field '" + field + "' must be a string");
    }
    return s;
  }
}
