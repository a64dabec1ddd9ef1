package io.l2prover.zkvm.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.util.Bytes;
import org.junit.jupiter.api.Test;

class ReceiptVerifierTest {

  private static final ImageId IMAGE = ImageId.DEV_INPUT_DIGEST;
  private static final Bytes JOURNAL = Bytes.fromHex("0xc0ffee", "journal");

  @Test
  void aFakeReceiptPassesOnlyInDevMode() throws Exception {
    Receipt fake = new Receipt(ReceiptKind.FAKE, IMAGE, JOURNAL, Bytes.EMPTY, "dev");
    assertThat(ReceiptVerifier.allowingDevMode().verify(fake, IMAGE)).isEqualTo(JOURNAL);
    assertThatThrownBy(() -> fake.verify(IMAGE)).isInstanceOf(ReceiptRejectedException.class)
        .hasMessageContaining("fake (dev-mode) receipt refused")
        .extracting(e -> ((ReceiptRejectedException) e).reason()).isEqualTo(ReceiptRejectedException.Reason.FAKE_REFUSED);
  }

  @Test
  void aReceiptForAnotherImageIsRefused() {
    ImageId other = ImageId.fromHex("0x" + "00".repeat(32));
    Receipt fake = new Receipt(ReceiptKind.FAKE, other, JOURNAL, Bytes.EMPTY, "");
    assertThatThrownBy(() -> ReceiptVerifier.allowingDevMode().verify(fake, IMAGE))
        .hasMessageContaining("was expected")
        .extracting(e -> ((ReceiptRejectedException) e).reason()).isEqualTo(ReceiptRejectedException.Reason.WRONG_IMAGE);
  }

  @Test
  void aFakeReceiptWithASealIsRefused() {
    Receipt fake = new Receipt(ReceiptKind.FAKE, IMAGE, JOURNAL, Bytes.fromHex("0x01", "seal"), "");
    assertThatThrownBy(() -> ReceiptVerifier.allowingDevMode().verify(fake, IMAGE)).hasMessageContaining("empty seal")
        .extracting(e -> ((ReceiptRejectedException) e).reason()).isEqualTo(ReceiptRejectedException.Reason.BAD_ENCODING);
  }

  @Test
  void groth16ReceiptsAreRefusedUntilTheirVerifierExistsAndAGarbageSealIsMalformed() {
    Receipt groth16 = new Receipt(ReceiptKind.GROTH16, IMAGE, JOURNAL, Bytes.fromHex("0x01", "seal"), "");
    assertThatThrownBy(() -> ReceiptVerifier.allowingDevMode().verify(groth16, IMAGE))
        .hasMessageContaining("not available in this build")
        .extracting(e -> ((ReceiptRejectedException) e).reason()).isEqualTo(ReceiptRejectedException.Reason.UNSUPPORTED_KIND);
    Receipt composite = new Receipt(ReceiptKind.COMPOSITE, IMAGE, JOURNAL, Bytes.fromHex("0x01", "seal"), "");
    assertThatThrownBy(() -> ReceiptVerifier.strict().verify(composite, IMAGE))
        .isInstanceOf(ReceiptRejectedException.class).hasMessageContaining("malformed composite seal")
        .extracting(e -> ((ReceiptRejectedException) e).reason()).isEqualTo(ReceiptRejectedException.Reason.BAD_ENCODING);
  }

  @Test
  void kindNames() {
    assertThatThrownBy(() -> ReceiptKind.fromWireName("stark")).hasMessageContaining("fake, composite, groth16");
  }
}
