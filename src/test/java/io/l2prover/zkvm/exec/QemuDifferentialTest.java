package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every test guest gives the same stdout, stderr, journal and exit code on our executor and on qemu-riscv32. */
class QemuDifferentialTest {

  static final Optional<QemuRunner> QEMU = QemuRunner.find();

  static void assumeQemu() {
    assumeTrue(QEMU.isPresent(), "qemu-riscv32 not found: differential test skipped (apt-get install qemu-user)");
  }

  static Stream<Arguments> guests() {
    return Stream.of(
        Arguments.of("rv32im", new byte[0]),
        Arguments.of("loadstore", new byte[0]),
        Arguments.of("sha256", GuestProgramsTest.randomBytes(3000)),
        Arguments.of("keccak", GuestProgramsTest.randomBytes(3000)),
        Arguments.of("sort", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(5000).putInt(99).array()),
        Arguments.of("hello", "differential".getBytes()),
        Arguments.of("bench", new byte[] {1, 0, 0, 0}),
        Arguments.of("faults", new byte[0]),
        Arguments.of("precompiles", new byte[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guests")
  void guestBehavesAsOnQemu(String guest, byte[] input) throws Exception {
    assumeQemu();
    byte[] elf = Guests.bundled(guest);
    QemuRunner.Run reference = QEMU.get().run(elf, input, 60);
    for (int translateAfter : new int[] {0, 1, ExecutorOptions.DEFAULT_TRANSLATE_AFTER}) {
      ExecutionResult ours = Executor.run(elf, input, ExecutorOptions.defaults().withTranslateAfter(translateAfter));
      assertThat(new String(ours.stdout())).as("translateAfter %d", translateAfter)
          .isEqualTo(new String(reference.stdout()));
      assertThat(new String(ours.stderr())).isEqualTo(new String(reference.stderr()));
      assertThat(ours.journal()).isEqualTo(reference.journal());
      assertThat(ours.exitCode()).isEqualTo(reference.exitCode());
    }
  }
}
