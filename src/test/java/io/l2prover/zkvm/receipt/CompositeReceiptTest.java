package io.l2prover.zkvm.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A composite receipt of a real guest run: it verifies for its program, journal and exit code only. */
class CompositeReceiptTest {

  static Program hello;
  static CompositeProver.Proved proved;
  static ImageId image;

  @BeforeAll
  static void proveHello() {
    hello = Program.fromElf(Guests.bundled("hello"));
    CompositeProver prover = new CompositeProver(new CpuBackend());
    proved = prover.prove(hello, new byte[0], ExecutorOptions.defaults().withPo2(10)
        .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream()), step -> {});
    image = prover.imageId(hello);
  }

  @Test
  void theReceiptVerifiesWithTheExecutorsJournalAndExitCode() throws Exception {
    Receipt receipt = proved.receipt();
    assertThat(receipt.kind()).isEqualTo(ReceiptKind.COMPOSITE);
    assertThat(receipt.imageId()).isEqualTo(image);
    ReceiptVerifier.Verified v = ReceiptVerifier.strict().verifyExecution(receipt, image);
    assertThat(v.exitCode()).hasValue(proved.execution().exitCode());
    assertThat(v.journal()).isEqualTo(Bytes.of(proved.execution().journal()));
    assertThat(proved.execution().segments()).hasSizeGreaterThan(1);
    assertThat(proved.security().minimumBits()).isGreaterThan(0);
  }

  @Test
  void theImageIdIsComputedFromTheElfAloneAndDiffersBetweenPrograms() {
    CompositeProver prover = new CompositeProver(new CpuBackend());
    assertThat(prover.imageId(hello)).isEqualTo(image);
    assertThat(prover.imageId(Program.fromElf(Guests.bundled("loadstore")))).isNotEqualTo(image);
  }

  @Test
  void anotherImageIdJournalOrSealIsRefused() {
    Receipt r = proved.receipt();
    ImageId other = new CompositeProver(new CpuBackend()).imageId(Program.fromElf(Guests.bundled("loadstore")));
    assertThatThrownBy(() -> ReceiptVerifier.strict().verify(r, other)).isInstanceOf(ReceiptRejectedException.class);
    Receipt relabelled = new Receipt(r.kind(), other, r.journal(), r.seal(), r.note());
    assertThatThrownBy(() -> ReceiptVerifier.strict().verify(relabelled, other))
        .hasMessageContaining("does not hash to image");
    byte[] journal = r.journal().toArray();
    journal[0] ^= 1;
    Receipt forgedJournal = new Receipt(r.kind(), r.imageId(), Bytes.of(journal), r.seal(), r.note());
    assertThatThrownBy(() -> ReceiptVerifier.strict().verify(forgedJournal, image))
        .isInstanceOf(ReceiptRejectedException.class);
    byte[] longer = Arrays.copyOf(r.journal().toArray(), r.journal().length() + 1);
    Receipt extended = new Receipt(r.kind(), r.imageId(), Bytes.of(longer), r.seal(), r.note());
    assertThatThrownBy(() -> ReceiptVerifier.strict().verify(extended, image))
        .isInstanceOf(ReceiptRejectedException.class);
  }

  @Test
  void aReceiptFileRoundTripsAndRefusesTrailingOrMissingBytes() throws Exception {
    byte[] file = ReceiptFile.encode(proved.receipt());
    assertThat(ReceiptFile.decode(file)).isEqualTo(proved.receipt());
    assertThatThrownBy(() -> ReceiptFile.decode(Arrays.copyOf(file, file.length + 1)))
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> ReceiptFile.decode(Arrays.copyOf(file, file.length - 1)))
        .isInstanceOf(ReceiptFormatException.class);
  }

  @Test
  void everyRandomBitFlipOfTheReceiptIsRejected() {
    byte[] file = ReceiptFile.encode(proved.receipt());
    // The free-text note at the end claims nothing; every other bit is the claim or its evidence.
    int claimBits = 8 * (file.length - proved.receipt().note().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    // Each verification runs on one thread (mostly Merkle paths): the flips are checked on every core.
    int[] bits = new Random(20261207).ints(1000, 0, claimBits).toArray();
    Arrays.stream(bits).parallel().forEach(bit -> {
      byte[] flipped = file.clone();
      flipped[bit >>> 3] ^= (byte) (1 << (bit & 7));
      assertThatThrownBy(() -> ReceiptVerifier.strict().verify(ReceiptFile.decode(flipped), image))
          .as("bit %d of %d", bit, claimBits)
          .isInstanceOfAny(ReceiptFormatException.class, ReceiptRejectedException.class);
    });
  }
}
