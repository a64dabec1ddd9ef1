package io.l2prover.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one JSON value from a byte stream that arrives in pieces and builds its tree as the bytes
 * come, so a message is complete either when the peer half-closes (ethrex's framing) or as soon as
 * the value's last byte arrives (peers that keep their write side open). The work per piece is
 * proportional to the piece, the raw bytes are not kept, and garbage is refused at the first bad
 * byte. {@link #heapBytes()} estimates the memory the message holds so far, for the server's
 * budget: received bytes are not what a tree costs ({@code [{},{},…]} is tens of heap bytes per
 * input byte). Jackson's read constraints follow the size limit: a string may be as long as a message
 * (Jackson's default of 20 M characters would refuse a large seal), nesting is at most
 * {@link #MAX_NESTING} deep, and field names are not interned (a peer's names never reach the
 * JVM's string table).
 */
public final class JsonValueFramer {

  /** Deeper than any message of the protocol (a receipt sits 3 levels down). */
  public static final int MAX_NESTING = 64;

  /** Heap estimates (64-bit JVM, compressed references), rounded up. */
  private static final int OBJECT_BYTES = 96;   // JsonObject, LinkedHashMap and its first table
  private static final int ARRAY_BYTES = 64;    // JsonArray, ArrayList and its first array
  private static final int ENTRY_BYTES = 48;    // a LinkedHashMap entry, or a list slot with growth slack
  private static final int STRING_BYTES = 48;   // String and array headers
  private static final int BOXED_BYTES = 24;    // Integer, Long, Double
  /**
   * Bytes of a token still in the parser: Jackson keeps a string's characters (2 bytes each) and
   * builds the String from them (up to 2 more), so a token costs up to 4 heap bytes per byte.
   */
  private static final int PENDING_BYTES_PER_BYTE = ProtocolLimits.HEAP_BYTES_PER_MESSAGE_BYTE;

  private final long maxBytes;
  private final JsonParser parser;
  private final Deque<Object> open = new ArrayDeque<>();
  private String fieldName;
  private long received;
  /** Input offset just after the last complete token. */
  private long tokenEnd;
  private long treeBytes;
  private Object value;
  private boolean complete;

  /** @param maxBytes the largest message accepted, in bytes (at most {@link Integer#MAX_VALUE}) */
  public JsonValueFramer(long maxBytes) {
    if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxBytes must be between 1 and " + Integer.MAX_VALUE);
    }
    this.maxBytes = maxBytes;
    try {
      this.parser = factory(maxBytes).createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a JSON parser", e);
    }
  }

  /** The JSON factory whose read constraints match a message limit of {@code maxBytes}. */
  static JsonFactory factory(long maxBytes) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength((int) maxBytes)
            .maxDocumentLength(maxBytes)
            .maxNestingDepth(MAX_NESTING)
            .build())
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .build();
  }

  /** True once a whole JSON value has arrived; later bytes are not looked at. */
  public boolean isComplete() {
    return complete;
  }

  /**
   * Feeds the next piece of the stream.
   *
   * @return true when the value is now complete
   * @throws ProtocolException when the bytes are not JSON or exceed the size limit
   */
  public boolean feed(Buffer chunk) throws ProtocolException {
    if (complete) {
      return true;
    }
    if (received + chunk.length() > maxBytes) {
      throw new ProtocolException("message is larger than the limit of " + maxBytes + " bytes");
    }
    received += chunk.length();
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
    while (!complete && (token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      switch (token) {
        case FIELD_NAME -> {
          fieldName = parser.currentName();
          treeBytes += ENTRY_BYTES + stringBytes(fieldName);
        }
        case START_OBJECT -> {
          treeBytes += OBJECT_BYTES;
          push(new JsonObject());
        }
        case START_ARRAY -> {
          treeBytes += ARRAY_BYTES;
          push(new JsonArray());
        }
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          complete = open.isEmpty();
        }
        default -> attach(scalar(token));
      }
      tokenEnd = parser.currentLocation().getByteOffset();
    }
    return complete;
  }

  private void push(Object container) {
    attach(container);
    open.push(container);
  }

  /** Adds {@code item} to the innermost open container, or makes it the value at the top level. */
  private void attach(Object item) {
    if (open.peek() instanceof JsonArray) {
      treeBytes += ENTRY_BYTES;
    }
    if (open.isEmpty()) {
      value = item;
      complete = !(item instanceof JsonObject || item instanceof JsonArray);
    } else if (open.peek() instanceof JsonObject object) {
      object.put(fieldName, item);
    } else {
      ((JsonArray) open.peek()).add(item);
    }
  }

  private Object scalar(JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> {
        String text = parser.getText();
        treeBytes += stringBytes(text);
        yield text;
      }
      case VALUE_NUMBER_INT -> {
        treeBytes += BOXED_BYTES + parser.getTextLength();
        yield switch (parser.getNumberType()) {
          case INT -> parser.getIntValue();
          case LONG -> parser.getLongValue();
          default -> parser.getBigIntegerValue();
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        treeBytes += BOXED_BYTES;
        yield parser.getDoubleValue();
      }
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  /** A String's heap: one byte per character when all are Latin-1 (compact strings), else two. */
  private static long stringBytes(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return STRING_BYTES + 2L * text.length();
      }
    }
    return STRING_BYTES + text.length();
  }

  /**
   * An estimate of the heap this message holds: its tree so far, and the bytes of the token
   * the parser is still reading at {@value #PENDING_BYTES_PER_BYTE} bytes each.
   */
  public long heapBytes() {
    return treeBytes + PENDING_BYTES_PER_BYTE * Math.max(0, received - tokenEnd);
  }

  private ProtocolException malformed(IOException e) {
    String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    String what = e instanceof StreamConstraintsException ? "message exceeds a read limit" : "message is not valid JSON";
    return new ProtocolException(what + " near byte " + parser.currentLocation().getByteOffset() + ": " + reason);
  }

  /**
   * The peer closed its write side.
   *
   * @return the complete value
   * @throws ProtocolException when nothing or only part of a value arrived
   */
  public Object endOfInput() throws ProtocolException {
    if (!complete && received > 0) {
      // A top-level number is only known to be complete once the input ends.
      ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).endOfInput();
      try {
        drain();
      } catch (IOException e) {
        throw truncatedOr(e);
      }
    }
    if (complete) {
      return value;
    }
    if (received == 0) {
      throw ProtocolException.nothingReceived("connection closed before any message was sent");
    }
    throw truncated();
  }

  /** The complete value: a JsonObject, a JsonArray or a scalar. */
  public Object value() {
    if (!complete) {
      throw new IllegalStateException("the value is not complete yet");
    }
    return value;
  }

  private ProtocolException truncatedOr(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("end-of-input") ? truncated() : malformed(e);
  }

  private ProtocolException truncated() {
    return new ProtocolException("message truncated: the connection closed after " + received
        + " bytes, in the middle of a JSON value");
  }

  public long bytesReceived() {
    return received;
  }
}
