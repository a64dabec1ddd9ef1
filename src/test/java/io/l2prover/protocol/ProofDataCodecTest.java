package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofDataCodecTest {

  private static final String IMAGE = "0x" + "ab".repeat(32);

  /** The exact bytes serde_json writes for ethrex's ProofData variants. */
  @Test
  void writesAndReadsTheShapesEthrexWrites() throws Exception {
    roundTrip("{\"Request\":{\"block_number\":5}}", new ProofData.Request(5));
    roundTrip("{\"Response\":{\"block_number\":null,\"input\":null}}", ProofData.Response.empty());
    roundTrip("{\"SubmitAck\":{\"block_header\":{\"number\":\"0x5\",\"hash\":\"0x01\"}}}",
        new ProofData.SubmitAck(new JsonObject().put("number", "0x5").put("hash", "0x01")));
    roundTrip("{\"Submit\":{\"block_number\":7,\"receipt\":{\"kind\":\"fake\",\"image_id\":\"" + IMAGE
            + "\",\"journal\":\"0x0102\",\"seal\":\"0x\",\"note\":\"dev\"}}}",
        new ProofData.Submit(7, new Receipt(ReceiptKind.FAKE, ImageId.fromHex(IMAGE), Bytes.fromHex("0x0102", "j"),
            Bytes.EMPTY, "dev")));
    roundTrip("{\"Response\":{\"block_number\":3,\"input\":{\"parent_header\":\"0xaa\",\"block\":\"0xbb\","
            + "\"witness\":{\"nodes\":[\"0x01\",\"0x0203\"],\"codes\":[],\"chain_config\":{\"chainId\":1729}}}}}",
        new ProofData.Response(3L, new ProverInput(Bytes.fromHex("0xaa", "p"), Bytes.fromHex("0xbb", "b"),
            new ExecutionWitness(List.of(Bytes.fromHex("0x01", "n"), Bytes.fromHex("0x0203", "n")), List.of(),
                new JsonObject().put("chainId", 1729)))));
  }

  @Test
  void aRequestCarriesAnOptionalProverIdThatOlderPeersOmit() throws Exception {
    roundTrip("{\"Request\":{\"block_number\":5,\"prover_id\":\"p-1.a:B_2\"}}", new ProofData.Request(5, "p-1.a:B_2"));
    assertThat(ProofDataCodec.decode(Buffer.buffer("{\"Request\":{\"block_number\":5,\"prover_id\":null}}")))
        .isEqualTo(new ProofData.Request(5));
    assertError("{\"Request\":{\"block_number\":5,\"prover_id\":7}}", "prover_id must be a string");
    assertError("{\"Request\":{\"block_number\":5,\"prover_id\":\"\"}}", "prover_id must be 1 to 64 characters");
    assertError("{\"Request\":{\"block_number\":5,\"prover_id\":\"a b\"}}", "prover_id must be 1 to 64");
    assertError("{\"Request\":{\"block_number\":5,\"prover_id\":\"" + "x".repeat(65) + "\"}}",
        "prover_id must be 1 to 64");
  }

  @Test
  void readsEthrexsNumberOnlySubmitAck() throws Exception {
    assertThat(ProofDataCodec.decode(Buffer.buffer("{\"SubmitAck\":{\"block_number\":26}}")))
        .isEqualTo(new ProofData.SubmitAck(new JsonObject().put("number", "0x1a")));
  }

  @Test
  void readsPrettyPrintedJsonAndIgnoresUnknownFields() throws Exception {
    ProofData decoded = ProofDataCodec.decode(Buffer.buffer(
        "{ \"Request\" : {\n  \"block_number\" : 12, \"client_version\": \"x\" } }"));
    assertThat(decoded).isEqualTo(new ProofData.Request(12));
  }

  @Test
  void rejectsWhatIsNotAMessageNamingTheProblem() {
    assertError("[1,2]", "must be a JSON object");
    assertError("{\"Request\":{}}", "Request is missing the field 'block_number'");
    assertError("{\"Request\":{\"block_number\":\"5\"}}", "block_number must be a non-negative integer");
    assertError("{\"Request\":{\"block_number\":1.5}}", "block_number must be a non-negative integer");
    assertError("{\"Request\":{\"block_number\":18446744073709551615}}", "too large");
    assertError("{\"Prove\":{\"block_number\":5}}", "unknown variant 'Prove'");
    assertError("{\"Request\":{\"block_number\":1},\"Submit\":{}}", "exactly one key");
    assertError("{\"Response\":{\"block_number\":3,\"input\":null}}", "both block_number and input, or neither");
    assertError("{\"Submit\":{\"block_number\":3,\"receipt\":{\"kind\":\"magic\"}}}", "unknown receipt kind 'magic'");
    assertError("{\"Submit\":{\"block_number\":3,\"receipt\":{\"kind\":\"fake\"}}}", "missing the field 'image_id'");
    assertError("{\"Response\":{\"block_number\":3,\"input\":{\"parent_header\":\"0xzz\",\"block\":\"0x\","
        + "\"witness\":{\"nodes\":[],\"codes\":[],\"chain_config\":{}}}}}", "parent_header contains a character");
    assertError("{\"Response\":{\"block_number\":3,\"input\":{\"parent_header\":\"0x\",\"block\":\"0x\","
        + "\"witness\":{\"nodes\":[7],\"codes\":[],\"chain_config\":{}}}}}", "nodes[0] must be a 0x-hex string");
    assertError("{\"Request\":", "message truncated");
    assertError("{\"Request\" 5}", "not valid JSON");
    assertError("{\"SubmitAck\":{}}", "SubmitAck is missing the field 'block_header'");
  }

  private static void roundTrip(String json, ProofData message) throws ProtocolException {
    assertThat(ProofDataCodec.encode(message).toString()).isEqualTo(json);
    assertThat(ProofDataCodec.decode(Buffer.buffer(json))).isEqualTo(message);
  }

  private static void assertError(String json, String expected) {
    assertThatThrownBy(() -> ProofDataCodec.decode(Buffer.buffer(json)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(expected);
  }
}
