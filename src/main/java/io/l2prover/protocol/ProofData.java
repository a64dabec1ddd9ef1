package io.l2prover.protocol;

import io.l2prover.zkvm.receipt.Receipt;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The messages of the prover protocol, one per TCP connection, in the JSON shape of ethrex's
 * {@code ProofData} enum (see {@link ProofDataCodec}).
 */
public sealed interface ProofData {

  /** The variant's name on the wire. */
  String variant();

  /** Client → server: give me the input of block {@code blockNumber} (or the next one to prove). */
  record Request(long blockNumber) implements ProofData {
    public Request {
      requireBlockNumber(blockNumber);
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
