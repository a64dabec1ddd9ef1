package io.l2prover.protocol;

import io.l2prover.util.Bytes;
import io.l2prover.util.Hex;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON for {@link ProofData}, byte-compatible with serde's externally tagged enums as ethrex
 * writes them: compact, one key naming the variant, snake_case fields in declaration order, e.g.
 * {@code {"Request":{"block_number":5}}}. Unknown fields are ignored; missing or mistyped ones are
 * a {@link ProtocolException} naming the field.
 */
public final class ProofDataCodec {

  private ProofDataCodec() {}

  /** The compact JSON bytes of {@code message}. */
  public static Buffer encode(ProofData message) {
    return toJson(message).toBuffer();
  }

  public static JsonObject toJson(ProofData message) {
    JsonObject body;
    if (message instanceof ProofData.Request r) {
      body = new JsonObject().put("block_number", r.blockNumber());
      if (r.proverId() != null) {
        body.put("prover_id", r.proverId());
      }
    } else if (message instanceof ProofData.Response r) {
      body = new JsonObject()
          .put("block_number", r.blockNumber())
          .put("input", r.isEmpty() ? null : inputToJson(r.input()));
    } else if (message instanceof ProofData.Submit s) {
      body = new JsonObject().put("block_number", s.blockNumber()).put("receipt", ReceiptJson.toJson(s.receipt()));
    } else if (message instanceof ProofData.SubmitAck a) {
      body = new JsonObject().put("block_header", a.blockHeader());
    } else {
      throw new IllegalStateException("unhandled message type " + message.getClass());
    }
    return new JsonObject().put(message.variant(), body);
  }

  /** Parses one message, with the read constraints of a message limit of its own length. */
  public static ProofData decode(Buffer bytes) throws ProtocolException {
    JsonValueFramer framer = new JsonValueFramer(Math.max(1, bytes.length()));
    framer.feed(bytes);
    return fromJson(framer.endOfInput());
  }

  /** Interprets an already parsed JSON value as a message. */
  @SuppressWarnings("unchecked")
  public static ProofData fromJson(Object value) throws ProtocolException {
    JsonObject outer = asObject(value, "message");
    if (outer.size() != 1) {
      throw new ProtocolException("message must be an object with exactly one key naming the "
          + "variant (Request, Response, Submit, SubmitAck), got " + outer.size() + " keys");
    }
    String variant = outer.fieldNames().iterator().next();
    Object body = outer.getValue(variant);
    try {
      return switch (variant) {
        case "Request" -> request(asObject(body, variant));
        case "Response" -> response(asObject(body, variant));
        case "Submit" -> submit(asObject(body, variant));
        case "SubmitAck" -> submitAck(asObject(body, variant));
        default -> throw new ProtocolException("unknown variant '" + variant
            + "'; expected one of Request, Response, Submit, SubmitAck");
      };
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ProtocolException(variant + ": " + e.getMessage());
    }
  }

  /** The input JSON: {@code {"parent_header":"0x..","block":"0x..","witness":{...}}}. */
  public static JsonObject inputToJson(ProverInput input) {
    ExecutionWitness witness = input.witness();
    return new JsonObject()
        .put("parent_header", input.parentHeader().toHex())
        .put("block", input.block().toHex())
        .put("witness", new JsonObject()
            .put("nodes", hexArray(witness.nodes()))
            .put("codes", hexArray(witness.codes()))
            .put("chain_config", witness.chainConfig()));
  }

  public static ProverInput inputFromJson(JsonObject json) throws ProtocolException {
    String where = "Response.input";
    JsonObject witness = asObject(required(json, "witness", where), where + ".witness");
    return new ProverInput(
        hex(json, "parent_header", where),
        hex(json, "block", where),
        new ExecutionWitness(
            hexList(witness, "nodes", where + ".witness"),
            hexList(witness, "codes", where + ".witness"),
            asObject(required(witness, "chain_config", where + ".witness"), where + ".witness.chain_config")));
  }

  /** {@code prover_id} is optional: older clients and ethrex's send none. */
  private static ProofData.Request request(JsonObject body) throws ProtocolException {
    Object id = body.getValue("prover_id");
    if (id != null && !(id instanceof String)) {
      throw new ProtocolException("Request.prover_id must be a string");
    }
    return new ProofData.Request(blockNumber(body, "Request"), (String) id);
  }

  private static ProofData.Response response(JsonObject body) throws ProtocolException {
    Object number = body.getValue("block_number");
    Object input = body.getValue("input");
    if (number == null && input == null) {
      return ProofData.Response.empty();
    }
    if (number == null || input == null) {
      throw new ProtocolException("Response must carry both block_number and input, or neither");
    }
    return new ProofData.Response(blockNumber(body, "Response"), inputFromJson(asObject(input, "Response.input")));
  }

  /**
   * Our servers send the acknowledged header; ethrex's send only {@code block_number}, which
   * becomes a header that holds just its {@code number}.
   */
  private static ProofData.SubmitAck submitAck(JsonObject body) throws ProtocolException {
    if (body.getValue("block_header") == null && body.getValue("block_number") != null) {
      return new ProofData.SubmitAck(new JsonObject().put("number", Hex.quantity(blockNumber(body, "SubmitAck"))));
    }
    return new ProofData.SubmitAck(asObject(required(body, "block_header", "SubmitAck"), "SubmitAck.block_header"));
  }

  private static ProofData.Submit submit(JsonObject body) throws ProtocolException {
    long number = blockNumber(body, "Submit");
    JsonObject receipt = asObject(required(body, "receipt", "Submit"), "Submit.receipt");
    return new ProofData.Submit(number, ReceiptJson.fromJson(receipt));
  }

  private static long blockNumber(JsonObject body, String where) throws ProtocolException {
    Object value = required(body, "block_number", where);
    if (value instanceof Integer || value instanceof Long) {
      long number = ((Number) value).longValue();
      if (number >= 0) {
        return number;
      }
    }
    if (value instanceof BigInteger) {
      throw new ProtocolException(where + ".block_number " + value + " is too large");
    }
    throw new ProtocolException(where + ".block_number must be a non-negative integer, got " + value);
  }

  private static Object required(JsonObject body, String field, String where) throws ProtocolException {
    Object value = body.getValue(field);
    if (value == null) {
      throw new ProtocolException(where + " is missing the field '" + field + "'");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static JsonObject asObject(Object value, String where) throws ProtocolException {
    if (value instanceof JsonObject object) {
      return object;
    }
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    throw new ProtocolException(where + " must be a JSON object");
  }

  private static Bytes hex(JsonObject body, String field, String where) throws ProtocolException {
    Object value = required(body, field, where);
    if (!(value instanceof String text)) {
      throw new ProtocolException(where + "." + field + " must be a 0x-hex string");
    }
    return Bytes.fromHex(text, where + "." + field);
  }

  private static List<Bytes> hexList(JsonObject body, String field, String where) throws ProtocolException {
    Object value = required(body, field, where);
    if (!(value instanceof JsonArray array)) {
      throw new ProtocolException(where + "." + field + " must be an array of 0x-hex strings");
    }
    List<Bytes> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String text)) {
        throw new ProtocolException(where + "." + field + "[" + i + "] must be a 0x-hex string");
      }
      items.add(Bytes.fromHex(text, where + "." + field + "[" + i + "]"));
    }
    return items;
  }

  private static JsonArray hexArray(List<Bytes> items) {
    JsonArray array = new JsonArray();
    items.forEach(b -> array.add(b.toHex()));
    return array;
  }
}
