package io.l2prover.chain.witness;

import io.l2prover.chain.ChainException;
import io.l2prover.util.Bytes;
import io.l2prover.util.Hex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guest input as the JSON {@code input} of the prover protocol (DESIGN §3), snake_case with
 * 0x-hex byte strings: {@code {"chain_id", "parent_header", "block", "witness": {"nodes",
 * "codes"}, "version"}} ({@code version} written when it is not 1, read as 1 when absent). Unknown keys are ignored; missing ones are an error naming the key.
 */
public final class GuestInputJson {

  private GuestInputJson() {}

  /** A tree of maps, lists, strings and numbers that any JSON library serialises. */
  public static Map<String, Object> toJson(GuestInput input) {
    Map<String, Object> witness = new LinkedHashMap<>();
    witness.put("nodes", hexList(input.nodes()));
    witness.put("codes", hexList(input.codes()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chain_id", input.chainId());
    json.put("parent_header", input.parentHeader().toHex());
    json.put("block", input.block().toHex());
    json.put("witness", witness);
    if (input.version() != GuestInput.TRANSFERS) {
      json.put("version", input.version());
    }
    return json;
  }

  /** The inverse of {@link #toJson}, from the same kind of tree. */
  public static GuestInput fromJson(Map<?, ?> json) {
    Object chainId = required(json, "chain_id", "input");
    if (!(chainId instanceof Number number)) {
      throw new ChainException("input.chain_id must be a number");
    }
    Map<?, ?> witness = map(required(json, "witness", "input"), "input.witness");
    return new GuestInput(number.longValue(), bytes(required(json, "parent_header", "input"), "input.parent_header"),
        bytes(required(json, "block", "input"), "input.block"),
        bytesList(required(witness, "nodes", "input.witness"), "input.witness.nodes"),
        bytesList(required(witness, "codes", "input.witness"), "input.witness.codes"), version(json));
  }

  /** The optional {@code version} (1, a value-transfer witness, when absent). */
  private static int version(Map<?, ?> json) {
    Object version = json.get("version");
    if (version == null) {
      return GuestInput.TRANSFERS;
    }
    if (!(version instanceof Number number) || number.intValue() < GuestInput.TRANSFERS
        || number.intValue() > GuestInput.EVM) {
      throw new ChainException("input.version must be 1 or 2, got " + version);
    }
    return number.intValue();
  }

  private static List<String> hexList(List<Bytes> items) {
    List<String> out = new ArrayList<>(items.size());
    items.forEach(b -> out.add(b.toHex()));
    return out;
  }

  private static Object required(Map<?, ?> json, String key, String where) {
    Object value = json.get(key);
    if (value == null) {
      throw new ChainException(where + " lacks the required field '" + key + "'");
    }
    return value;
  }

  private static Map<?, ?> map(Object value, String where) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new ChainException(where + " must be an object");
    }
    return m;
  }

  private static Bytes bytes(Object value, String where) {
    if (!(value instanceof String text) || !text.startsWith("0x")) {
      throw new ChainException(where + " must be a 0x-hex string");
    }
    try {
      return Bytes.of(Hex.parse(text, ChainException::new));
    } catch (ChainException e) {
      throw new ChainException(where + ": " + e.getMessage());
    }
  }

  private static List<Bytes> bytesList(Object value, String where) {
    if (!(value instanceof List<?> list)) {
      throw new ChainException(where + " must be an array");
    }
    List<Bytes> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(bytes(list.get(i), where + "[" + i + "]"));
    }
    return out;
  }
}
