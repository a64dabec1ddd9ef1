package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.examples.ExampleAirs;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuotientUploadTest {

  private final SplittableRandom random = new SplittableRandom(11);

  @Test
  void acceptsEveryExampleAirsProgram() {
    for (Air air : ExampleAirs.all()) {
      QuotientUpload.check(KernelVectorFilesTest.randomQuotientTask(air, 4, 2, random));
    }
  }

  @Test
  void packsTheSmallArraysInOrder() {
    QuotientTask t = task(new int[] {0, 0, 5, 0, 7, 1, 0, 0});
    QuotientUpload u = QuotientUpload.of(t);
    assertThat(Arrays.copyOfRange(u.program(), u.codeOffset(), u.codeOffset() + 8)).isEqualTo(t.code());
    assertThat(u.program()[u.outputsOffset()]).isEqualTo(1);
    assertThat(Arrays.copyOfRange(u.program(), u.alphaOffset(), u.alphaOffset() + 4)).isEqualTo(t.alphaPowers());
    assertThat(u.mainOffset()).isEqualTo(t.preprocessed().length);
    assertThat(u.traceWords()).isEqualTo(t.preprocessed().length + t.main().length + t.aux().length);
  }

  @Test
  void rejectsWhatTheKernelCouldNotReport() {
    assertThatThrownBy(() -> QuotientUpload.check(task(new int[] {16, 0, 0, 0, 7, 1, 0, 0})))
        .hasMessage("unknown opcode 16 at 0");
    assertThatThrownBy(() -> QuotientUpload.check(task(new int[] {2, 0, 3, 0, 7, 1, 0, 0})))
        .hasMessageContaining("out of range"); // main column 3 of 2
    assertThatThrownBy(() -> QuotientUpload.check(task(new int[] {0, 0, 5, 0, 7, 1, 0, 1})))
        .hasMessageContaining("out of range"); // reads register 1 before it is written
  }

  @Test
  void keepsRegisterFilesWithinTheBudget() {
    assertThat(QuotientUpload.threads(10, 5)).isEqualTo(256);
    assertThat(QuotientUpload.threads(1 << 20, 5)).isEqualTo(1 << 20);
    assertThat(QuotientUpload.threads(1 << 24, 4096)).isEqualTo((1 << 30) / (16 * 4096));
  }

  /** Two registers: r0 from `code`, r1 = r0 + r0 (or what the code says); main width 2, 2^3 rows, blowup 2. */
  private QuotientTask task(int[] code) {
    int lde = 1 << 5;
    int points = 1 << 4;
    return new QuotientTask(code, 2, new int[] {1}, new int[] {0}, 3, 2, 4, new int[0], 0, new int[2 * lde], 2,
        new int[0], 0, new int[0], new int[0], new int[0], new int[] {1, 0, 0, 0}, new int[points], new int[points],
        new int[points], new int[points]);
  }
}
