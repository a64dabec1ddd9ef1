package io.l2prover.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReceiptJsonTest {

  private static final ImageId IMAGE = new ImageId(Bytes.of(new byte[32]));

  @Test
  void jsonRoundTrip() {
    Receipt receipt = new Receipt(ReceiptKind.GROTH16, IMAGE, Bytes.fromHex("0x0a0b", "journal"),
        Bytes.fromHex("0x0102", "seal"), "n");
    assertThat(ReceiptJson.fromJson(ReceiptJson.toJson(receipt))).isEqualTo(receipt);
  }

  @Test
  void aMissingFieldIsNamed() {
    JsonObject json = ReceiptJson.toJson(new Receipt(ReceiptKind.FAKE, IMAGE, Bytes.EMPTY, Bytes.EMPTY, ""));
    json.remove("journal");
    assertThatThrownBy(() -> ReceiptJson.fromJson(json)).hasMessageContaining("'journal'");
  }
}
