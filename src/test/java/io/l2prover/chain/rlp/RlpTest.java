package io.l2prover.chain.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RlpTest {

  private static final HexFormat HEX = HexFormat.of();

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void encodesTheYellowPaperExamples() {
    assertThat(HEX.formatHex(Rlp.bytes(ascii("dog")))).isEqualTo("83646f67");
    assertThat(HEX.formatHex(Rlp.list(Rlp.bytes(ascii("cat")), Rlp.bytes(ascii("dog")))))
        .isEqualTo("c88363617483646f67");
    assertThat(Rlp.bytes(new byte[0])).containsExactly(0x80);
    assertThat(Rlp.list()).containsExactly(0xc0);
    assertThat(Rlp.u64(0)).containsExactly(0x80);
    assertThat(Rlp.u64(15)).containsExactly(0x0f);
    assertThat(HEX.formatHex(Rlp.u64(1024))).isEqualTo("820400");
    assertThat(HEX.formatHex(Rlp.bytes(new byte[] {0}))).isEqualTo("00");
    assertThat(HEX.formatHex(Rlp.bigInt(BigInteger.ONE.shiftLeft(64)))).isEqualTo("89010000000000000000");
    // the set-theoretical representation of three: [ [], [[]], [ [], [[]] ] ]
    byte[] empty = Rlp.list();
    byte[] one = Rlp.list(empty);
    assertThat(HEX.formatHex(Rlp.list(empty, one, Rlp.list(empty, one)))).isEqualTo("c7c0c1c0c3c0c1c0");
    String lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";
    assertThat(HEX.formatHex(Rlp.bytes(ascii(lorem)))).startsWith("b838").hasSize(2 * (2 + 56));
  }

  @Test
  void decodesWhatItEncodes() {
    byte[] encoded = Rlp.list(Rlp.bytes(ascii("cat")), Rlp.list(Rlp.u64(1024)), Rlp.u64(0));
    RlpReader outer = RlpReader.of(encoded);
    RlpReader list = outer.enterList();
    assertThat(new String(list.readBytes(), StandardCharsets.US_ASCII)).isEqualTo("cat");
    assertThat(list.enterList().readU64("n")).isEqualTo(1024);
    assertThat(list.readU64("zero")).isZero();
    list.requireEnd("list");
    outer.requireEnd("outer");
  }

  @Test
  void rejectsASingleSmallByteWithAPrefix() {
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("8105")).readBytes())
        .isInstanceOf(RlpException.class).hasMessageContaining("single byte");
  }

  @Test
  void rejectsLongFormForShortItems() {
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("b80161")).readBytes())
        .hasMessageContaining("short form required");
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("f80180")).enterList())
        .hasMessageContaining("short form required");
  }

  @Test
  void rejectsLengthsWithLeadingZeros() {
    byte[] item = new byte[3 + 56];
    item[0] = (byte) 0xb9;
    item[1] = 0;
    item[2] = 56;
    assertThatThrownBy(() -> RlpReader.of(item).readBytes()).hasMessageContaining("leading zero");
  }

  @Test
  void rejectsIntegersWithLeadingZeros() {
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("820001")).readU64("nonce"))
        .hasMessageContaining("nonce has a leading zero");
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("00")).readU64("nonce"))
        .hasMessageContaining("leading zero");
  }

  @Test
  void rejectsTruncatedAndTrailingInput() {
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("83646f")).readBytes())
        .hasMessageContaining("runs past the end");
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("c383646f67")).enterList().readBytes())
        .hasMessageContaining("runs past the end");
    RlpReader reader = RlpReader.of(HEX.parseHex("8001"));
    reader.readBytes();
    assertThatThrownBy(() -> reader.requireEnd("item")).hasMessageContaining("trailing");
  }

  @Test
  void rejectsTheWrongKindOfItem() {
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("c0")).readBytes()).hasMessageContaining("found a list");
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("80")).enterList()).hasMessageContaining("found a byte string");
    assertThatThrownBy(() -> RlpReader.of(HEX.parseHex("88ff02030405060708")).readU64("x"))
        .hasMessageContaining("2^63");
  }

  @Property(tries = 300)
  void byteStringsRoundTrip(@ForAll byte[] value) {
    byte[] encoded = Rlp.bytes(value);
    RlpReader reader = RlpReader.of(encoded);
    assertThat(reader.readBytes()).isEqualTo(value);
    reader.requireEnd("item");
  }

  @Property(tries = 300)
  void integersRoundTrip(@ForAll long value) {
    long positive = value & Long.MAX_VALUE;
    assertThat(RlpReader.of(Rlp.u64(positive)).readU64("n")).isEqualTo(positive);
  }
}
