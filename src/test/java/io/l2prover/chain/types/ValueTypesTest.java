package io.l2prover.chain.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.ChainException;
import io.l2prover.util.Hex;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void hashesAndAddressesCheckTheirLengthAndCompareByValue() {
    assertThatThrownBy(() -> Hash32.of(new byte[31])).isInstanceOf(ChainException.class).hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> Address.fromHex("0x1234")).hasMessageContaining("20 bytes");
    assertThat(Address.fromHex("0x00000000000000000000000000000000000000AB"))
        .isEqualTo(Address.fromHex("0x00000000000000000000000000000000000000ab"));
    byte[] raw = new byte[32];
    Hash32 hash = Hash32.of(raw);
    raw[0] = 1;
    assertThat(hash).isEqualTo(Hash32.ZERO);
  }

  @Test
  void u256StaysInRange() {
    assertThat(U256.parse("0x10")).isEqualTo(U256.of(16));
    assertThat(U256.parse("16")).isEqualTo(U256.of(16));
    assertThat(U256.parse("0x")).isEqualTo(U256.ZERO);
    assertThatThrownBy(() -> U256.ZERO.subtract(U256.ONE)).hasMessageContaining("range");
    assertThatThrownBy(() -> U256.of(U256.MAX_VALUE).add(U256.ONE)).hasMessageContaining("range");
    assertThatThrownBy(() -> U256.parse("ten")).hasMessageContaining("not a number");
    assertThat(U256.of(BigInteger.ONE.shiftLeft(255)).toBytes32()[0]).isEqualTo((byte) 0x80);
    assertThat(U256.of(255).toHexQuantity()).isEqualTo("0xff");
  }

  @Test
  void hexHandlesOddDigitsAndRejectsGarbage() {
    assertThat(Hex.parse("0xabc")).containsExactly(0x0a, 0xbc);
    assertThat(Hex.quantity(0)).isEqualTo("0x0");
    assertThatThrownBy(() -> Hex.parse("0xzz")).hasMessageContaining("not hex");
  }
}
