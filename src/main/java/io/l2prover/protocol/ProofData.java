package io.l2prover.protocol;

import io.l2prover.zkvm.receipt.Receipt;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages of the prover protocol, one per TCP connection, in the JSON shape of ethrex's
 * {@code ProofData} enum (see {@link ProofDataCodec}).
 */
public sealed interface ProofData {

  /** The variant's name on the wire. */
  String variant();

  /**
   * Client → server: give me the input of a block to prove; {@code blockNumber} is the one after
   * the client's last acknowledged block. {@code proverId} names the prover across connections, so
   * that the block it is handed stays leased to it; {@code null} for a peer that sends none (an
   * older client, ethrex's), which the server treats as a new prover each time.
   */
  record Request(long blockNumber, String proverId) implements ProofData {
    /** The longest prover ID, in characters. */
    public static final int MAX_PROVER_ID_LENGTH = 64;

    public Request {
      requireBlockNumber(blockNumber);
      if (proverId != null && !validProverId(proverId)) {
        throw new IllegalArgumentException("prover_id must be 1 to " + MAX_PROVER_ID_LENGTH
            + " characters of A-Z a-z 0-9 . _ : -");
      }
    }

    /** A Request without a prover ID. */
    public Request(long blockNumber) {
      this(blockNumber, null);
    }

    public Optional<String> prover() {
      return Optional.ofNullable(proverId);
    }

    /** Whether {@code id} may be sent as a prover ID: printable in a log line, bounded in length. */
    public static boolean validProverId(String id) {
      return !id.isEmpty() && id.length() <= MAX_PROVER_ID_LENGTH && id.chars().allMatch(c ->
          c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':'
              || c == '-');
    }

    @Override
    public String variant() {
      return "Request";
    }
  }

  /**
   * Server → client: the input of block {@code blockNumber}, which may be later than the one
   * asked for; both are {@code null} when there is nothing to prove yet.
   */
  record Response(Long blockNumber, ProverInput input) implements ProofData {
    public Response {
      if ((blockNumber == null) != (input == null)) {
        throw new IllegalArgumentException("a Response has both a block number and an input, or neither");
      }
      if (blockNumber != null) {
        requireBlockNumber(blockNumber);
      }
    }

    /** The Response that says "nothing to prove now, ask again later". */
    public static Response empty() {
      return new Response(null, null);
    }

    public boolean isEmpty() {
      return blockNumber == null;
    }

    @Override
    public String variant() {
      return "Response";
    }
  }

  /** Client → server: the receipt proving block {@code blockNumber}. */
  record Submit(long blockNumber, Receipt receipt) implements ProofData {
    public Submit {
      requireBlockNumber(blockNumber);
      Objects.requireNonNull(receipt, "receipt");
    }

    @Override
    public String variant() {
      return "Submit";
    }
  }

  /** Server → client: the proof was accepted; {@code blockHeader} is in the JSON-RPC shape. */
  record SubmitAck(JsonObject blockHeader) implements ProofData {
    public SubmitAck {
      blockHeader = Objects.requireNonNull(blockHeader, "blockHeader").copy();
    }

    @Override
    public JsonObject blockHeader() {
      return blockHeader.copy();
    }

    @Override
    public String variant() {
      return "SubmitAck";
    }
  }

  private static void requireBlockNumber(long blockNumber) {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("a block number cannot be negative: " + blockNumber);
    }
  }
}
