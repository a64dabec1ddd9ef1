package io.l2prover.state;

import io.l2prover.bus.JsonMessageCodec;
import io.l2prover.util.Hex;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * What the client remembers across restarts: the header of the last block whose proof the server
 * acknowledged, in the JSON-RPC shape, as ethrex's {@code prover_state.json} holds it.
 */
public record ProverState(JsonObject blockHeader) {

  /** The block a client with no state asks for first (block 0, the genesis, needs no proof). */
  public static final long FIRST_BLOCK = 1;

  public static final JsonMessageCodec<ProverState> CODEC =
      new JsonMessageCodec<>(ProverState.class, ProverState::toJson, ProverState::fromJson);

  public ProverState {
    if (blockHeader != null) {
      blockHeader = blockHeader.copy();
      if (blockNumberOf(blockHeader) == Long.MAX_VALUE) {
        // The next block's number would overflow: a client would ask for a negative block forever.
        throw new IllegalArgumentException("block_header.number is " + Long.MAX_VALUE
            + ", the largest block number: there is no next block to prove");
      }
    }
  }

  /** Nothing proven yet. */
  public static ProverState empty() {
    return new ProverState(null);
  }

  public static ProverState afterAck(JsonObject blockHeader) {
    return new ProverState(Objects.requireNonNull(blockHeader, "blockHeader"));
  }

  @Override
  public JsonObject blockHeader() {
    return blockHeader == null ? null : blockHeader.copy();
  }

  public Optional<Long> lastProvenBlock() {
    return blockHeader == null ? Optional.empty() : Optional.of(blockNumberOf(blockHeader));
  }

  /** The block to ask for next. */
  public long nextBlock() {
    return lastProvenBlock().map(n -> n + 1).orElse(FIRST_BLOCK);
  }

  /** The file content: {@code {"block_header":{...}}}, or {@code {"block_header":null}}. */
  public JsonObject toJson() {
    return new JsonObject().put("block_header", blockHeader);
  }

  /**
   * Reads the file content.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static ProverState fromJson(JsonObject json) {
    if (!json.containsKey("block_header")) {
      throw new IllegalArgumentException("the field 'block_header' is missing");
    }
    Object header = json.getValue("block_header");
    if (header == null) {
      return empty();
    }
    if (!(header instanceof JsonObject object)) {
      throw new IllegalArgumentException("'block_header' must be an object or null");
    }
    return new ProverState(object);
  }

  /** The {@code number} of a JSON-RPC header. */
  public static long blockNumberOf(JsonObject header) {
    Object number = header.getValue("number");
    if (!(number instanceof String text)) {
      throw new IllegalArgumentException("the block header has no 'number' quantity");
    }
    return Hex.parseQuantity(text, "block_header.number");
  }
}
