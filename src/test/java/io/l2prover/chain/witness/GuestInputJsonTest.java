package io.l2prover.chain.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.util.Bytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestInputJsonTest {

  private static final GuestInput SAMPLE = new GuestInput(1729, Bytes.fromHex("0xc0"),
      Bytes.fromHex("0xc1c0"), List.of(Bytes.fromHex("0xaa")), List.of());

  @Test
  void roundTripsThroughJsonText() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String text = mapper.writeValueAsString(GuestInputJson.toJson(SAMPLE));
    assertThat(text).isEqualTo("{\"chain_id\":1729,\"parent_header\":\"0xc0\",\"block\":\"0xc1c0\","
        + "\"witness\":{\"nodes\":[\"0xaa\"],\"codes\":[]}}");
    assertThat(GuestInputJson.fromJson(mapper.readValue(text, Map.class))).isEqualTo(SAMPLE);
  }

  @Test
  void carriesAnExecutionWitnessVersion() throws Exception {
    GuestInput evm = new GuestInput(1729, Bytes.fromHex("0xc0"), Bytes.fromHex("0xc1c0"), List.of(), List.of(),
        GuestInput.EVM);
    ObjectMapper mapper = new ObjectMapper();
    String text = mapper.writeValueAsString(GuestInputJson.toJson(evm));
    assertThat(text).endsWith(",\"version\":2}");
    assertThat(GuestInputJson.fromJson(mapper.readValue(text, Map.class))).isEqualTo(evm);
  }

  @Test
  void namesTheMissingOrMalformedField() {
    assertThatThrownBy(() -> GuestInputJson.fromJson(Map.of("chain_id", 1)))
        .hasMessageContaining("'witness'");
    assertThatThrownBy(() -> GuestInputJson.fromJson(Map.of("chain_id", 1, "parent_header", "zz",
        "block", "0x", "witness", Map.of("nodes", List.of(), "codes", List.of()))))
        .hasMessageContaining("input.parent_header");
  }
}
