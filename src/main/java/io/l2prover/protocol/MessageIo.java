package io.l2prover.protocol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Encodes and interprets one {@link ProofData}. Large messages are encoded and interpreted on a
 * worker thread so the event loop never spends seconds in JSON; {@link MessageReader} parses them
 * as their bytes arrive.
 */
final class MessageIo {

  /** Messages up to this size are coded on the event loop; bigger ones on a worker. */
  private static final int INLINE_CODING_BYTES = 256 * 1024;

  private MessageIo() {}

  /** Encodes {@code message}, off the event loop unless it carries no payload. */
  static Future<Buffer> encode(Vertx vertx, ProofData message) {
    if (message instanceof ProofData.Request || message instanceof ProofData.SubmitAck) {
      return Future.succeededFuture(ProofDataCodec.encode(message));
    }
    return vertx.executeBlocking(() -> ProofDataCodec.encode(message), false);
  }

  /** Interprets a parsed message of {@code size} bytes, on a worker when it is large. */
  static Future<ProofData> decode(Vertx vertx, Object tree, long size) {
    if (size <= INLINE_CODING_BYTES) {
      try {
        return Future.succeededFuture(ProofDataCodec.fromJson(tree));
      } catch (ProtocolException e) {
        return Future.failedFuture(e);
      }
    }
    return vertx.executeBlocking(() -> ProofDataCodec.fromJson(tree), false);
  }
}
