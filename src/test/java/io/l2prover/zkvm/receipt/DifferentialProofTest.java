package io.l2prover.zkvm.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.QemuRunner;
import io.l2prover.zkvm.exec.RandomPrograms;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guests proven and verified: the receipt's exit code and journal equal the executor's and
 * qemu-riscv32's. CI proves hello and a few random programs; {@code make prove-guests}
 * ({@code -Dprove.guests=all}) proves every bundled guest that exits.
 */
class DifferentialProofTest {

  private static final Optional<QemuRunner> QEMU = QemuRunner.find();

  static Stream<String> guests() {
    List<String> small = List.of("hello");
    List<String> all = List.of("hello", "loadstore", "rv32im", "sha256", "keccak", "precompiles", "sort");
    String chosen = System.getProperty("prove.guests", "");
    if (chosen.isEmpty()) {
      return small.stream();
    }
    return "all".equals(chosen) ? all.stream() : Stream.of(chosen.split(",")).filter(all::contains);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guests")
  void bundledGuestsProveWhatTheyRun(String guest) throws Exception {
    assertProvesLikeItRuns(Guests.bundled(guest), guest.equals("hello") ? 12 : 18);
  }

  @Property(tries = 3, shrinking = ShrinkingMode.OFF)
  void randomProgramsProveWhatTheyRun(@ForAll long seed) throws Exception {
    assertProvesLikeItRuns(RandomPrograms.elf(seed), 10);
  }

  private static void assertProvesLikeItRuns(byte[] elf, int po2) throws Exception {
    Program program = Program.fromElf(elf);
    ExecutorOptions options = ExecutorOptions.defaults().withPo2(po2)
        .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    ExecutionResult executed = Executor.run(program, new byte[0], options.withPrecompiles(false));
    CompositeProver prover = new CompositeProver(new CpuBackend());
    CompositeProver.Proved proved = prover.prove(program, new byte[0], options, step -> {});
    ReceiptVerifier.Verified verified = ReceiptVerifier.strict().verifyExecution(proved.receipt(), prover.imageId(program));
    assertThat(verified.exitCode()).hasValue(executed.exitCode());
    assertThat(verified.journal()).isEqualTo(Bytes.of(executed.journal()));
    if (QEMU.isPresent()) {
      QemuRunner.Run qemu = QEMU.get().run(elf, new byte[0], 600);
      assertThat(verified.exitCode()).hasValue(qemu.exitCode());
      assertThat(verified.journal()).isEqualTo(Bytes.of(qemu.journal()));
    }
  }
}
