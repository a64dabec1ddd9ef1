package io.l2prover.chain.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.ChainException;
import io.l2prover.util.Bytes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestInputEncoderTest {

  private static final GuestInput SAMPLE = new GuestInput(0x0102030405060708L,
      Bytes.fromHex("0xc0"), Bytes.fromHex("0xc1c0"),
      List.of(Bytes.fromHex("0xaa"), Bytes.fromHex("0xbbcc")), List.of(Bytes.fromHex("0x60")));

  @Test
  void writesTheDocumentedLayout() {
    String expected = "4c324249" + "01000000" + "0807060504030201"
        + "01000000" + "c0"
        + "02000000" + "c1c0"
        + "02000000" + "01000000" + "aa" + "02000000" + "bbcc"
        + "01000000" + "01000000" + "60";
    assertThat(HexFormat.of().formatHex(GuestInputEncoder.encode(SAMPLE))).isEqualTo(expected);
  }

  @Test
  void decodesWhatItWrites() {
    assertThat(GuestInputEncoder.decode(GuestInputEncoder.encode(SAMPLE))).isEqualTo(SAMPLE);
  }

  @Test
  void writesAndReadsTheVersionOfEachInput() {
    GuestInput evm = new GuestInput(SAMPLE.chainId(), SAMPLE.parentHeader(), SAMPLE.block(), SAMPLE.nodes(),
        SAMPLE.codes(), GuestInput.EVM);
    byte[] encoded = GuestInputEncoder.encode(evm);
    assertThat(encoded[4]).isEqualTo((byte) 2);
    assertThat(GuestInputEncoder.decode(encoded)).isEqualTo(evm);
  }

  @Test
  void rejectsDamagedInput() {
    byte[] good = GuestInputEncoder.encode(SAMPLE);
    byte[] badMagic = good.clone();
    badMagic[0] = 'X';
    assertThatThrownBy(() -> GuestInputEncoder.decode(badMagic))
        .isInstanceOf(ChainException.class).hasMessageContaining("magic");
    byte[] badVersion = good.clone();
    badVersion[4] = 4;
    assertThatThrownBy(() -> GuestInputEncoder.decode(badVersion)).hasMessageContaining("version 4");
    assertThatThrownBy(() -> GuestInputEncoder.decode(Arrays.copyOf(good, good.length - 1)))
        .hasMessageContaining("runs past its end");
    assertThatThrownBy(() -> GuestInputEncoder.decode(Arrays.copyOf(good, good.length + 1)))
        .hasMessageContaining("trailing");
    byte[] hugeCount = good.clone();
    int nodeCount = 4 + 4 + 8 + 4 + 1 + 4 + 2;
    hugeCount[nodeCount + 3] = 0x7f;
    assertThatThrownBy(() -> GuestInputEncoder.decode(hugeCount)).hasMessageContaining("more than its size");
  }
}
