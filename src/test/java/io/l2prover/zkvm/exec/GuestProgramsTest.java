package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled test guests on our executor: known answers inside the guests, and host-side checks of their journals. */
class GuestProgramsTest {

  private static ExecutionResult run(String guest, byte[] input) {
    return Executor.run(Guests.bundled(guest), input, ExecutorOptions.defaults());
  }

  private static String out(ExecutionResult r) {
    return new String(r.stdout(), StandardCharsets.UTF_8);
  }

  /** Interpreted, and translated to bytecode at first sight: both engines must pass the guest's own checks. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void instructionCoverageGuestFindsNoMismatch(int translateAfter) {
    ExecutionResult r = Executor.run(Guests.bundled("rv32im"), new byte[0],
        ExecutorOptions.defaults().withTranslateAfter(translateAfter));
    assertThat(out(r)).contains("div min/-1 overflow", "mulhsu", "sra shamt 32 masked").doesNotContain("MISMATCH");
    assertThat(r.exitCode()).isZero();
    assertThat(r.journal()).containsExactly(0, 0, 0, 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void loadStoreGuestFindsNoMismatch(int translateAfter) {
    ExecutionResult r = Executor.run(Guests.bundled("loadstore"), new byte[0],
        ExecutorOptions.defaults().withTranslateAfter(translateAfter));
    assertThat(out(r)).contains("lb         +3 = ffffff80").doesNotContain("MISMATCH");
    assertThat(r.exitCode()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 55, 56, 64, 135, 136, 137, 1000, 5000})
  void sha256GuestMatchesTheJdk(int length) throws Exception {
    byte[] input = randomBytes(length);
    ExecutionResult r = run("sha256", input);
    assertThat(r.exitCode()).as("known answers in the guest").isZero();
    assertThat(r.journal()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(input));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 135, 136, 137, 272, 1000, 5000})
  void keccakGuestMatchesBouncyCastle(int length) {
    byte[] input = randomBytes(length);
    ExecutionResult r = run("keccak", input);
    assertThat(r.exitCode()).as("known answers in the guest").isZero();
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(input, 0, input.length);
    byte[] expected = new byte[32];
    keccak.doFinal(expected, 0);
    assertThat(r.journal()).isEqualTo(expected);
  }

  @Test
  void sortGuestSortsAndCommitsItsChecksum() {
    byte[] input = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(3000).putInt(12345).array();
    ExecutionResult r = run("sort", input);
    assertThat(r.exitCode()).isZero();
    assertThat(out(r)).contains("sorted 3000 values").endsWith("ok\n");
    assertThat(r.journal()).hasSize(4);
  }

  /** On: every call against known answers inside the guest; off: -ENOSYS and the software paths, same journal. */
  @Test
  void precompilesGuestPassesWithPrecompilesOnAndOffAndCommitsTheSameJournal() {
    ExecutionResult on = run("precompiles", new byte[0]);
    ExecutionResult off = Executor.run(Guests.bundled("precompiles"), new byte[0],
        ExecutorOptions.defaults().withPrecompiles(false));
    assertThat(on.exitCode()).as(new String(on.stderr(), StandardCharsets.UTF_8)).isZero();
    assertThat(off.exitCode()).as(new String(off.stderr(), StandardCharsets.UTF_8)).isZero();
    assertThat(on.journal()).hasSize(2 * 32 + 12 * 65).isEqualTo(off.journal());
    assertThat(on.cycles()).as("the precompiles pay").isLessThan(off.cycles() / 10);
  }

  @Test
  void helloGuestReadsInputAndWritesEveryStream() {
    ExecutionResult r = run("hello", "xyz".getBytes(StandardCharsets.US_ASCII));
    assertThat(out(r)).isEqualTo("hello from the guest: 3 input bytes, checksum 0001d199\n");
    assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).isEqualTo("hello on stderr\n");
    assertThat(r.journal()).containsExactly(3, 0, 0, 0, 0x99, 0xd1, 0x01, 0x00);
    assertThat(r.exitCode()).isEqualTo('x');
    assertThat(r.phaseMarks()).extracting(PhaseMark::id).containsExactly(1L, 2L);
    assertThat(r.phaseMarks().get(0).cycle()).isPositive().isLessThan(r.phaseMarks().get(1).cycle());
    assertThat(r.cyclesByPhase()).containsOnlyKeys(ExecutionResult.UNMARKED, 1L, 2L);
  }

  @ParameterizedTest(name = "fault {0}")
  @CsvSource(delimiter = '|', value = {
      "1|illegal instruction (the zkVM runs RV32IM only)|instruction 0xffffffff",
      "2|ebreak|instruction 0x00100073: ebreak",
      "3|outside the guest's executable segments|pc 0x70000000 (no instruction there)",
      "4|misaligned 4-byte load at address|lw a0, 0(a0)",
      "5|unknown syscall 4660 (a7)|ecall",
      "6|read past the end of the input (1 bytes|ecall",
      "7|ran 100000 cycles without exiting|after 100000 cycles",
      "8|in a page that is not writable|sw ",
      "9|misaligned 2-byte store|sh ",
      "10|outside the guest's executable segments|no instruction there",
      "11|read from unmapped address 0x7fff0000|lw "})
  void faultsNameThePcAndTheInstruction(int kind, String reason, String where) {
    byte[] elf = Guests.bundled("faults");
    assertThatThrownBy(() -> Executor.run(elf, new byte[] {(byte) kind}, ExecutorOptions.defaults().withMaxCycles(100_000)))
        .isInstanceOf(GuestFault.class)
        .hasMessageStartingWith("guest fault at pc 0x")
        .hasMessageContaining(reason)
        .hasMessageContaining(where)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aGuestUsingMoreMemoryThanAllowedFaults() {
    byte[] input = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(300_000).putInt(1).array();
    assertThatThrownBy(() -> Executor.run(Guests.bundled("sort"), input, ExecutorOptions.defaults().withMaxMemoryMiB(2)))
        .isInstanceOf(GuestFault.class)
        .hasMessageContaining("the guest uses more than 2 MiB of memory");
    assertThat(Executor.run(Guests.bundled("sort"), input, ExecutorOptions.defaults().withMaxMemoryMiB(8)).exitCode())
        .isZero();
  }

  @Test
  void faultsGuestWithoutInputListsItsKinds() {
    ExecutionResult r = run("faults", new byte[0]);
    assertThat(r.exitCode()).isZero();
    assertThat(out(r)).startsWith("1 illegal instruction\n");
  }

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length * 31L + 7).nextBytes(bytes);
    return bytes;
  }
}
