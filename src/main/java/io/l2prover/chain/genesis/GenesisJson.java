package io.l2prover.chain.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.rlp.Rlp;
import io.l2prover.chain.state.ChainConfig;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.U256;
import io.l2prover.util.Bytes;
import io.l2prover.util.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads and writes genesis JSON in the geth/ethrex format. Quantities may be 0x-hex or decimal,
 * as strings or numbers; unknown keys are ignored.
 */
public final class GenesisJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private GenesisJson() {}

  /** Parses the genesis file at {@code path}. */
  public static Genesis read(Path path) {
    try {
      return parse(Files.readString(path));
    } catch (NoSuchFileException e) {
      throw new ChainException("genesis file " + path + " does not exist");
    } catch (IOException e) {
      throw new ChainException("cannot read genesis file " + path + ": " + e.getMessage());
    } catch (ChainException e) {
      throw new ChainException("genesis file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Parses genesis JSON text. */
  public static Genesis parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ChainException("not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ChainException("a genesis must be a JSON object");
    }
    JsonNode config = required(root, "config");
    long chainId = number(required(config, "chainId"), "config.chainId").toLongExact();
    ChainConfig chainConfig = new ChainConfig(chainId, forkTime(config, "shanghaiTime"),
        forkTime(config, "cancunTime"), forkTime(config, "pragueTime"));
    Map<Address, GenesisAccount> alloc = accounts(root.path("alloc"));
    return new Genesis(chainConfig, alloc,
        root.has("coinbase") ? address(root.get("coinbase").asText(), "coinbase") : Address.ZERO,
        root.has("difficulty") ? number(root.get("difficulty"), "difficulty") : U256.ZERO,
        root.has("extraData") ? data(root.get("extraData").asText()) : Bytes.EMPTY,
        number(required(root, "gasLimit"), "gasLimit").toLongExact(),
        headerNonce(root.path("nonce")),
        root.has("mixhash") ? hash(root.get("mixhash").asText(), "mixhash")
            : root.has("mixHash") ? hash(root.get("mixHash").asText(), "mixHash") : Hash32.ZERO,
        root.has("timestamp") ? number(root.get("timestamp"), "timestamp").toLongExact() : 0,
        root.has("baseFeePerGas") && !root.get("baseFeePerGas").isNull()
            ? Optional.of(number(root.get("baseFeePerGas"), "baseFeePerGas")) : Optional.empty());
  }

  /** Writes {@code genesis} as JSON (hex quantities, alloc sorted by address). */
  public static String write(Genesis genesis) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode config = root.putObject("config");
    config.put("chainId", genesis.config().chainId());
    for (String fork : new String[] {"homesteadBlock", "eip150Block", "eip155Block", "eip158Block",
        "byzantiumBlock", "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock",
        "londonBlock", "mergeNetsplitBlock", "terminalTotalDifficulty"}) {
      config.put(fork, 0);
    }
    config.put("terminalTotalDifficultyPassed", true);
    genesis.config().shanghaiTime().ifPresent(t -> config.put("shanghaiTime", t));
    genesis.config().cancunTime().ifPresent(t -> config.put("cancunTime", t));
    genesis.config().pragueTime().ifPresent(t -> config.put("pragueTime", t));
    ObjectNode alloc = root.putObject("alloc");
    new TreeMap<>(genesis.alloc()).forEach((address, account) -> {
      ObjectNode a = alloc.putObject(address.toHex());
      a.put("balance", account.balance().toHexQuantity());
      if (account.nonce() != 0) {
        a.put("nonce", Hex.quantity(account.nonce()));
      }
      if (account.code().length() > 0) {
        a.put("code", account.code().toHex());
      }
      if (!account.storage().isEmpty()) {
        ObjectNode storage = a.putObject("storage");
        new TreeMap<>(account.storage()).forEach((k, v) -> storage.put(k.toHex(), Hex.encode(v.toBytes32())));
      }
    });
    root.put("coinbase", genesis.coinbase().toHex());
    root.put("difficulty", genesis.difficulty().toHexQuantity());
    root.put("extraData", genesis.extraData().toHex());
    root.put("gasLimit", Hex.quantity(genesis.gasLimit()));
    root.put("nonce", genesis.nonce().toHex());
    root.put("mixhash", genesis.mixHash().toHex());
    root.put("parentHash", Hash32.ZERO.toHex());
    root.put("timestamp", Hex.quantity(genesis.timestamp()));
    genesis.baseFeePerGas().ifPresent(f -> root.put("baseFeePerGas", f.toHexQuantity()));
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("JSON serialisation of a tree cannot fail", e);
    }
  }

  /**
   * Accounts keyed by address in the genesis {@code alloc} form (hex or decimal balance and
   * nonce, hex code, storage as hex slot to hex value), which ethereum/tests' {@code pre} and
   * {@code postState} share.
   */
  public static Map<Address, GenesisAccount> accounts(JsonNode allocNode) {
    Map<Address, GenesisAccount> alloc = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = allocNode.fields(); it.hasNext(); ) {
      var entry = it.next();
      alloc.put(address(entry.getKey(), "alloc key"), account(entry.getKey(), entry.getValue()));
    }
    return alloc;
  }

  private static GenesisAccount account(String address, JsonNode node) {
    String where = "alloc[" + address + "]";
    U256 balance = node.has("balance") ? number(node.get("balance"), where + ".balance") : U256.ZERO;
    long nonce = node.has("nonce") ? unsigned64(number(node.get("nonce"), where + ".nonce"), where + ".nonce") : 0;
    Bytes code = node.has("code") ? data(node.get("code").asText()) : Bytes.EMPTY;
    Map<Hash32, U256> storage = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("storage").fields(); it.hasNext(); ) {
      var slot = it.next();
      storage.put(Hash32.of(leftPad(Hex.parse(slot.getKey(), ChainException::new), where + ".storage key")),
          U256.of(new BigInteger(1, leftPad(Hex.parse(slot.getValue().asText(), ChainException::new), where + ".storage value"))));
    }
    return new GenesisAccount(balance, nonce, code, storage);
  }

  /** A nonce up to 2^64 - 1 (EIP-2681; ethereum/tests has accounts at the limit), in a long's 64 bits. */
  private static long unsigned64(U256 value, String where) {
    if (value.toBigInteger().bitLength() > 64) {
      throw new ChainException(where + " " + value.toBigInteger() + " is over 2^64 - 1");
    }
    return value.toBigInteger().longValue();
  }

  private static Bytes data(String hex) {
    return Bytes.of(Hex.parse(hex, ChainException::new));
  }

  private static byte[] leftPad(byte[] value, String where) {
    if (value.length > 32) {
      throw new ChainException(where + " is longer than 32 bytes");
    }
    byte[] out = new byte[32];
    System.arraycopy(value, 0, out, 32 - value.length, value.length);
    return out;
  }

  private static Bytes headerNonce(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Bytes.of(new byte[8]);
    }
    long value = number(node, "nonce").toLongExact();
    byte[] out = new byte[8];
    byte[] minimal = Rlp.minimalBigEndian(value);
    System.arraycopy(minimal, 0, out, 8 - minimal.length, minimal.length);
    return Bytes.of(out);
  }

  private static OptionalLong forkTime(JsonNode config, String name) {
    JsonNode node = config.get(name);
    return node == null || node.isNull() ? OptionalLong.empty()
        : OptionalLong.of(number(node, "config." + name).toLongExact());
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new ChainException("missing required field '" + field + "'");
    }
    return value;
  }

  private static U256 number(JsonNode node, String where) {
    try {
      if (node.isIntegralNumber()) {
        return U256.of(node.bigIntegerValue());
      }
      if (node.isTextual()) {
        return U256.parse(node.asText());
      }
    } catch (ChainException e) {
      throw new ChainException(where + ": " + e.getMessage());
    }
    throw new ChainException(where + " must be a number or a numeric string, found " + node);
  }

  private static Address address(String text, String where) {
    try {
      return Address.fromHex(text);
    } catch (ChainException e) {
      throw new ChainException(where + " '" + text + "' is not a 20-byte address");
    }
  }

  private static Hash32 hash(String text, String where) {
    try {
      return Hash32.fromHex(text);
    } catch (ChainException e) {
      throw new ChainException(where + " '" + text + "' is not a 32-byte hash");
    }
  }
}
