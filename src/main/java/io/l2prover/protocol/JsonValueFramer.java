package io.l2prover.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Finds the end of one JSON value in a byte stream that arrives in pieces, so a message is
 * complete either when the peer half-closes (ethrex's framing) or as soon as the value's last
 * byte arrives (peers that keep their write side open). Jackson's non-blocking parser checks the
 * syntax on the fly, so garbage is refused at the first bad byte rather than at the size limit.
 */
public final class JsonValueFramer {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final long maxBytes;
  private final JsonParser parser;
  private final Buffer received = Buffer.buffer();
  private Buffer value;
  private int depth;

  /** @param maxBytes the largest message accepted, in bytes */
  public JsonValueFramer(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
    try {
      this.parser = FACTORY.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a JSON parser", e);
    }
  }

  /** True once a whole JSON value has arrived; later bytes are not looked at. */
  public boolean isComplete() {
    return value != null;
  }

  /**
   * Feeds the next piece of the stream.
   *
   * @return true when the value is now complete
   * @throws ProtocolException when the bytes are not JSON or exceed the size limit
   */
  public boolean feed(Buffer chunk) throws ProtocolException {
    if (value != null) {
      return true;
    }
    if (received.length() + (long) chunk.length() > maxBytes) {
      throw new ProtocolException("message is larger than the limit of " + maxBytes
          + " bytes (PROVER_MAX_MESSAGE_BYTES)");
    }
    received.appendBuffer(chunk);
    byte[] bytes = chunk.getBytes();
    try {
      ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(bytes, 0, bytes.length);
      return drain();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private boolean drain() throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
      if (depth == 0) {
        // Keep only the value itself: bytes after it belong to no message.
        long end = Math.min(parser.currentLocation().getByteOffset(), received.length());
        value = received.slice(0, (int) end);
        return true;
      }
    }
    return false;
  }

  private ProtocolException malformed(IOException e) {
    String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return new ProtocolException("message is not valid JSON near byte "
        + parser.currentLocation().getByteOffset() + ": " + reason);
  }

  /**
   * The peer closed its write side.
   *
   * @return the complete value
   * @throws ProtocolException when nothing or only part of a value arrived
   */
  public Buffer endOfInput() throws ProtocolException {
    if (value == null && received.length() > 0) {
      // A top-level number is only known to be complete once the input ends.
      ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).endOfInput();
      try {
        drain();
      } catch (IOException e) {
        throw truncatedOr(e);
      }
    }
    if (value != null) {
      return value;
    }
    if (received.length() == 0) {
      throw ProtocolException.nothingReceived("connection closed before any message was sent");
    }
    throw new ProtocolException("message truncated: the connection closed after "
        + received.length() + " bytes, in the middle of a JSON value");
  }

  /** The bytes of the complete value. */
  public Buffer value() {
    if (value == null) {
      throw new IllegalStateException("the value is not complete yet");
    }
    return value;
  }

  private ProtocolException truncatedOr(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("end-of-input")
        ? new ProtocolException("message truncated: the connection closed after "
            + received.length() + " bytes, in the middle of a JSON value")
        : malformed(e);
  }

  public long bytesReceived() {
    return received.length();
  }
}
