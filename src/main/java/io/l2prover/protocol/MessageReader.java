package io.l2prover.protocol;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.function.LongPredicate;

/**
 * Reads one message from a socket: complete at the end of its JSON value or when the peer closes
 * its write side, whichever comes first. Fails on garbage, truncation, a message over the limit,
 * {@code idleTimeout} without a byte, and on the server side a message that misses its deadline
 * or bytes the buffer budget cannot take. Lives on the socket's event loop.
 */
final class MessageReader {

  /** Which end reads: the server reads requests (half-close aware, under a deadline and a budget). */
  enum Side { SERVER, CLIENT }

  private final Vertx vertx;
  private final NetSocket socket;
  private final ProtocolLimits limits;
  private final Side side;
  private final LongPredicate reserve;
  private final JsonValueFramer framer;
  private final Promise<Object> frame = Promise.promise();
  private final long startNanos = System.nanoTime();
  private long lastActivityNanos = startNanos;
  private long timerId = -1;
  /** What this message has been charged against the budget so far. */
  private long charged;

  /**
   * @param reserve asked after each piece with the change of the message's estimated heap
   *     ({@link JsonValueFramer#heapBytes()}; negative when a long string became a smaller tree);
   *     false refuses the message (the server's buffer budget)
   */
  MessageReader(Vertx vertx, NetSocket socket, ProtocolLimits limits, Side side, LongPredicate reserve) {
    this.vertx = vertx;
    this.socket = socket;
    this.limits = limits;
    this.side = side;
    this.reserve = reserve;
    this.framer = new JsonValueFramer(limits.maxMessageBytes());
  }

  Future<ProofData> start() {
    socket.handler(this::onData);
    socket.endHandler(v -> onEnd());
    if (side == Side.SERVER) {
      HalfClose.allowHalfClosure(socket, this::onEnd);
    }
    socket.exceptionHandler(e -> fail(new ProtocolException("connection failed: " + e.getMessage(), e)));
    socket.closeHandler(v -> fail(framer.bytesReceived() == 0
        ? ProtocolException.nothingReceived(nothing())
        : new ProtocolException("connection closed in the middle of a message")));
    armTimer(side == Side.SERVER
        ? Math.min(limits.idleTimeout().toMillis(), limits.deadlineMillis(0))
        : limits.idleTimeout().toMillis());
    return frame.future()
        .andThen(ar -> vertx.cancelTimer(timerId))
        .compose(tree -> MessageIo.decode(vertx, tree, framer.bytesReceived()));
  }

  /** True once the whole message has arrived (or the read has failed). */
  boolean finished() {
    return frame.future().isComplete();
  }

  long bytesReceived() {
    return framer.bytesReceived();
  }

  /** Ends the read with {@code e} unless it has finished; the caller closes the socket. */
  void abort(ProtocolException e) {
    fail(e);
  }

  private String nothing() {
    return side == Side.SERVER
        ? "connection closed before any message was sent"
        : "connection closed by the server without a reply (its log says why)";
  }

  private void onData(Buffer chunk) {
    if (finished()) {
      return;
    }
    lastActivityNanos = System.nanoTime();
    try {
      boolean complete = framer.feed(chunk);
      // Charged after the piece is parsed: what it cost is only known then, and a piece is small.
      long heap = framer.heapBytes();
      if (!reserve.test(heap - charged)) {
        fail(ProtocolException.shed(Shed.OVER_BUDGET, (side == Side.SERVER
            ? "the messages the server holds would take more memory than its budget (PROVER_SERVER_BUFFER_BUDGET_BYTES)"
            : "the reply would take more than " + limits.bufferBudgetBytes() + " bytes of memory")
            + "; closing the connection after " + framer.bytesReceived() + " bytes"));
        return;
      }
      charged = heap;
      if (complete) {
        socket.pause();
        frame.tryComplete(framer.value());
      }
    } catch (ProtocolException e) {
      fail(e);
    }
  }

  private void onEnd() {
    if (framer.bytesReceived() == 0) {
      fail(ProtocolException.nothingReceived(nothing()));
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
      if (finished()) {
        return;
      }
      long now = System.nanoTime();
      long idleLeft = limits.idleTimeout().toMillis() - (now - lastActivityNanos) / 1_000_000;
      long deadlineLeft = side == Side.SERVER
          ? limits.deadlineMillis(framer.bytesReceived()) - (now - startNanos) / 1_000_000
          : Long.MAX_VALUE;
      if (idleLeft <= 0) {
        fail(new ProtocolException("no data for " + limits.idleTimeout().toMillis()
            + " ms after " + framer.bytesReceived() + " bytes; closing the connection"));
      } else if (deadlineLeft <= 0) {
        fail(ProtocolException.shed(Shed.DEADLINE, "message incomplete after " + (now - startNanos) / 1_000_000
            + " ms and " + framer.bytesReceived() + " bytes, past its deadline (PROVER_SERVER_MESSAGE_DEADLINE_MS, "
            + "PROVER_SERVER_MIN_BYTES_PER_SECOND); closing the connection"));
      } else {
        armTimer(Math.min(idleLeft, deadlineLeft));
      }
    });
  }
}
