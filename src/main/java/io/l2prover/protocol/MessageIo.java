package io.l2prover.protocol;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * Reads and writes one {@link ProofData} on a socket. Large messages are encoded and decoded on a
 * worker thread so the event loop never spends seconds in JSON.
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

  static Future<ProofData> decode(Vertx vertx, Buffer bytes) {
    if (bytes.length() <= INLINE_CODING_BYTES) {
      try {
        return Future.succeededFuture(ProofDataCodec.decode(bytes));
      } catch (ProtocolException e) {
        return Future.failedFuture(e);
      }
    }
    return vertx.executeBlocking(() -> ProofDataCodec.decode(bytes), false);
  }

  /**
   * Reads one message from {@code socket}: complete at the end of its JSON value or when the
   * peer closes its write side, whichever comes first. Fails on garbage, truncation, a message
   * over the limit, or {@code limits.idleTimeout()} without a byte.
   *
   * @param halfCloseAware true on the server side, where {@link HalfClose#allowHalfClosure} is on
   */
  static Future<ProofData> read(Vertx vertx, NetSocket socket, ProtocolLimits limits, boolean halfCloseAware) {
    return new Reading(vertx, socket, limits).start(halfCloseAware);
  }

  /** The state of one read; lives on the socket's event loop. */
  private static final class Reading {
    private final Vertx vertx;
    private final NetSocket socket;
    private final ProtocolLimits limits;
    private final JsonValueFramer framer;
    private final Promise<Buffer> frame = Promise.promise();
    private long lastActivityNanos = System.nanoTime();
    private long timerId = -1;
    /** What an end of input before the first byte means on this side. */
    private String nothing;

    Reading(Vertx vertx, NetSocket socket, ProtocolLimits limits) {
      this.vertx = vertx;
      this.socket = socket;
      this.limits = limits;
      this.framer = new JsonValueFramer(limits.maxMessageBytes());
    }

    Future<ProofData> start(boolean halfCloseAware) {
      socket.handler(this::onData);
      socket.endHandler(v -> onEnd());
      if (halfCloseAware) {
        HalfClose.allowHalfClosure(socket, this::onEnd);
      }
      socket.exceptionHandler(e -> fail(new ProtocolException("connection failed: " + e.getMessage(), e)));
      nothing = halfCloseAware
          ? "connection closed before any message was sent"
          : "connection closed by the server without a reply (its log says why)";
      socket.closeHandler(v -> fail(framer.bytesReceived() == 0
          ? ProtocolException.nothingReceived(nothing)
          : new ProtocolException("connection closed in the middle of a message")));
      armTimer(limits.idleTimeout().toMillis());
      return frame.future()
          .andThen(ar -> vertx.cancelTimer(timerId))
          .compose(bytes -> decode(vertx, bytes));
    }

    private void onData(Buffer chunk) {
      lastActivityNanos = System.nanoTime();
      try {
        if (framer.feed(chunk)) {
          socket.pause();
          frame.tryComplete(framer.value());
        }
      } catch (ProtocolException e) {
        fail(e);
      }
    }

    private void onEnd() {
      if (framer.bytesReceived() == 0) {
        fail(ProtocolException.nothingReceived(nothing));
        return;
      }
      try {
        frame.tryComplete(framer.endOfInput());
      } catch (ProtocolException e) {
        fail(e);
      }
    }

    private void fail(ProtocolException e) {
      if (frame.tryFail(e)) {
        socket.pause();
      }
    }

    /** One timer per connection, re-armed for the remainder instead of once per chunk. */
    private void armTimer(long delayMillis) {
      timerId = vertx.setTimer(Math.max(1, delayMillis), id -> {
        if (frame.future().isComplete()) {
          return;
        }
        long idleMillis = (System.nanoTime() - lastActivityNanos) / 1_000_000;
        long left = limits.idleTimeout().toMillis() - idleMillis;
        if (left <= 0) {
          fail(new ProtocolException("no data for " + limits.idleTimeout().toMillis()
              + " ms after " + framer.bytesReceived() + " bytes; closing the connection"));
        } else {
          armTimer(left);
        }
      });
    }
  }
}
