package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JsonValueFramerTest {

  private static final String MESSAGE =
      "{\"Submit\":{\"block_number\":7,\"receipt\":{\"kind\":\"fake\",\"note\":\"a } in a string { [\"}}}";

  @Property(tries = 200)
  void findsTheEndOfAValueHoweverTheBytesAreSplit(@ForAll @IntRange(min = 1, max = 90) int first,
      @ForAll @IntRange(min = 1, max = 30) int chunk) throws Exception {
    JsonValueFramer framer = new JsonValueFramer(1 << 20);
    byte[] bytes = (MESSAGE + "  trailing").getBytes();
    int end = MESSAGE.length();
    boolean complete = false;
    int pos = 0;
    int size = first;
    while (pos < bytes.length && !complete) {
      int next = Math.min(bytes.length, pos + size);
      complete = framer.feed(Buffer.buffer().appendBytes(bytes, pos, next - pos));
      assertThat(complete).isEqualTo(next >= end);
      pos = next;
      size = chunk;
    }
    assertThat(framer.value().toString()).isEqualTo(MESSAGE);
  }

  @Test
  void aValueEndedByTheEndOfInputIsComplete() throws Exception {
    JsonValueFramer framer = new JsonValueFramer(100);
    assertThat(framer.feed(Buffer.buffer("{\"Request\":{\"block_number\":5}"))).isFalse();
    assertThat(framer.feed(Buffer.buffer("}"))).isTrue();
    assertThat(framer.endOfInput().toString()).isEqualTo("{\"Request\":{\"block_number\":5}}");
  }

  @Test
  void reportsTruncationEmptinessGarbageAndOversize() throws Exception {
    JsonValueFramer truncated = new JsonValueFramer(100);
    truncated.feed(Buffer.buffer("{\"Request\":{\"block_"));
    assertThatThrownBy(truncated::endOfInput).hasMessageContaining("truncated").hasMessageContaining("19 bytes");

    assertThatThrownBy(() -> new JsonValueFramer(100).endOfInput()).hasMessageContaining("before any message")
        .matches(e -> ((ProtocolException) e).isNothingReceived(), "is a connection that sent nothing");
    assertThatThrownBy(truncated::endOfInput).matches(e -> !((ProtocolException) e).isNothingReceived(), "sent bytes");

    assertThatThrownBy(() -> new JsonValueFramer(100).feed(Buffer.buffer("GET / HTTP/1.1\r\n")))
        .hasMessageContaining("not valid JSON");

    JsonValueFramer big = new JsonValueFramer(10);
    big.feed(Buffer.buffer("{\"Requ"));
    assertThatThrownBy(() -> big.feed(Buffer.buffer("est\":1}"))).hasMessageContaining("limit of 10 bytes");
  }

  @Test
  void aStringMayBeAsLongAsTheMessageLimitAllowsBeyondJacksonsDefault() throws Exception {
    // Jackson refuses strings over 20 M characters by default; a seal or witness may be longer.
    int length = 21_000_000;
    JsonValueFramer framer = new JsonValueFramer(length + 100);
    byte[] hex = new byte[length];
    java.util.Arrays.fill(hex, (byte) 'a');
    framer.feed(Buffer.buffer("{\"seal\":\"0x"));
    for (int at = 0; at < length; at += 1 << 16) {
      framer.feed(Buffer.buffer().appendBytes(hex, at, Math.min(1 << 16, length - at)));
    }
    assertThat(framer.feed(Buffer.buffer("\"}"))).isTrue();
    assertThat(((io.vertx.core.json.JsonObject) framer.value()).getString("seal")).hasSize(length + 2);
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedAsItArrives() {
    JsonValueFramer framer = new JsonValueFramer(1000);
    assertThatThrownBy(() -> framer.feed(Buffer.buffer("[".repeat(JsonValueFramer.MAX_NESTING + 1))))
        .hasMessageContaining("exceeds a read limit");
  }

  @Test
  void buildsTheTreeWithTheNumberTypesTheCodecExpects() throws Exception {
    JsonValueFramer framer = new JsonValueFramer(1000);
    framer.feed(Buffer.buffer("{\"a\":[1,5000000000,18446744073709551616,1.5,true,null,\"s\",{}],\"b\":{\"c\":[]}}"));
    var tree = (io.vertx.core.json.JsonObject) framer.value();
    assertThat(tree.getJsonArray("a").getList()).containsExactly(1, 5_000_000_000L,
        new java.math.BigInteger("18446744073709551616"), 1.5, true, null, "s", new io.vertx.core.json.JsonObject());
    assertThat(tree.encode()).isEqualTo("{\"a\":[1,5000000000,18446744073709551616,1.5,true,null,\"s\",{}],\"b\":{\"c\":[]}}");
  }

  @Test
  void estimatesTheHeapOfTheTreeNotTheBytesReceived() throws Exception {
    // Three bytes per empty object in the input, tens of bytes each on the heap.
    JsonValueFramer objects = new JsonValueFramer(1 << 20);
    objects.feed(Buffer.buffer("[" + "{},".repeat(10_000) + "{}]"));
    assertThat(objects.heapBytes()).isGreaterThan(30L * 30_000);

    // A long string: up to four heap bytes per byte while the parser reads it, about one after.
    JsonValueFramer string = new JsonValueFramer(1 << 20);
    string.feed(Buffer.buffer("[\"" + "a".repeat(100_000)));
    assertThat(string.heapBytes()).isGreaterThanOrEqualTo(4L * 100_000);
    string.feed(Buffer.buffer("\"]"));
    assertThat(string.heapBytes()).isBetween(100_000L, 101_000L);
  }
}
