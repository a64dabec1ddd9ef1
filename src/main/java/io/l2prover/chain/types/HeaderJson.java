package io.l2prover.chain.types;

import io.l2prover.util.Hex;
import java.util.LinkedHashMap;
import java.util.Map;

/** A header in the JSON-RPC shape ({@code eth_getBlockByNumber}): camelCase, 0x-hex quantities. */
public final class HeaderJson {

  private HeaderJson() {}

  /** The header's fields plus its {@code hash}, as strings, in JSON-RPC order. */
  public static Map<String, String> toJson(BlockHeader h) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("hash", h.hash().toHex());
    json.put("parentHash", h.parentHash().toHex());
    json.put("sha3Uncles", h.ommersHash().toHex());
    json.put("miner", h.coinbase().toHex());
    json.put("stateRoot", h.stateRoot().toHex());
    json.put("transactionsRoot", h.transactionsRoot().toHex());
    json.put("receiptsRoot", h.receiptsRoot().toHex());
    json.put("logsBloom", h.logsBloom().toHex());
    json.put("difficulty", h.difficulty().toHexQuantity());
    json.put("number", Hex.quantity(h.number()));
    json.put("gasLimit", Hex.quantity(h.gasLimit()));
    json.put("gasUsed", Hex.quantity(h.gasUsed()));
    json.put("timestamp", Hex.quantity(h.timestamp()));
    json.put("extraData", h.extraData().toHex());
    json.put("mixHash", h.mixHash().toHex());
    json.put("nonce", h.nonce().toHex());
    h.baseFeePerGas().ifPresent(v -> json.put("baseFeePerGas", v.toHexQuantity()));
    h.withdrawalsRoot().ifPresent(v -> json.put("withdrawalsRoot", v.toHex()));
    h.blobGasUsed().ifPresent(v -> json.put("blobGasUsed", Hex.quantity(v)));
    h.excessBlobGas().ifPresent(v -> json.put("excessBlobGas", Hex.quantity(v)));
    h.parentBeaconBlockRoot().ifPresent(v -> json.put("parentBeaconBlockRoot", v.toHex()));
    h.requestsHash().ifPresent(v -> json.put("requestsHash", v.toHex()));
    return json;
  }
}
