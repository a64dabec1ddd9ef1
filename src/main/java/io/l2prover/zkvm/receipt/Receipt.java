package io.l2prover.zkvm.receipt;

import io.l2prover.util.Bytes;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A zkVM receipt: the claim "the program {@code imageId} ran and wrote {@code journal}" and the
 * {@code seal} that backs it (empty for {@link ReceiptKind#FAKE}). {@code note} says in words what
 * kind of evidence this is, so a dev-mode receipt can never be mistaken for a proof.
 */
public record Receipt(ReceiptKind kind, ImageId imageId, Bytes journal, Bytes seal, String note) {

  public Receipt {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(seal, "seal");
    note = note == null ? "" : note;
  }

  /** Verifies with the default verifier, which refuses {@code fake} receipts, and returns the journal. */
  public Bytes verify(ImageId expected) throws ReceiptRejectedException {
    return ReceiptVerifier.strict().verify(this, expected);
  }

  /** The receipt JSON of the wire protocol: {@code kind, image_id, journal, seal, note}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("kind", kind.wireName())
        .put("image_id", imageId.value().toHex())
        .put("journal", journal.toHex())
        .put("seal", seal.toHex())
        .put("note", note);
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
