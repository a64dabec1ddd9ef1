package io.l2prover.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.types.Keccak;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeccakTest {

  @Test
  void matchesKnownDigests() {
    assertThat(Keccak.hash(new byte[0]).toHex())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(Keccak.hash("abc".getBytes(StandardCharsets.US_ASCII)).toHex())
        .isEqualTo("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  }

  @Test
  void hashesTheEmptyListToTheOmmersHash() {
    assertThat(Keccak.hash(new byte[] {(byte) 0xc0}).toHex())
        .isEqualTo("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
  }
}
