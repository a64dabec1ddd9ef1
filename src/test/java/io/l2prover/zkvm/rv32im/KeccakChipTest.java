package io.l2prover.zkvm.rv32im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Keccak-f chip: its trace against FIPS 202's known answers, a guest calling keccak_f proven
 * and verified end to end, and forged calls (each named by the one check that catches it) rejected.
 */
class KeccakChipTest {

  static final FriParameters PARAMS = FriParameters.DEFAULT;

  /** Keccak-f[1600] of the all-zero state (the Keccak team's KeccakF-1600-IntermediateValues.txt). */
  private static final long[] ZERO_PERMUTED = {
      0xF1258F7940E1DDE7L, 0x84D5CCF933C0478AL, 0xD598261EA65AA9EEL, 0xBD1547306F80494DL, 0x8B284E056253D057L,
      0xFF97A42D7F8E6FD4L, 0x90FEE5A0A44647C4L, 0x8C5BDA0CD6192E76L, 0xAD30A6F71B19059CL, 0x30935AB7D08FFC64L,
      0xEB5AA93F2317D635L, 0xA9A6E6260D712103L, 0x81A57C16DBCF555FL, 0x43B831CD0347C826L, 0x01F22F1A11A5569FL,
      0x05E5635A21D9AE61L, 0x64BEFEF28CC970F2L, 0x613670957BC46611L, 0xB87C5A554FD00ECBL, 0x8C3EE88A1CCF32C8L,
      0x940C7922AE3A2614L, 0x1841F924A2C509E4L, 0x16F53526E70465C2L, 0x75F644E97F30A13BL, 0xEAF1FF7B5CECA249L};
  /** The first lane of the zero state permuted twice (same source). */
  private static final long ZERO_PERMUTED_TWICE_LANE0 = 0x2D5C954DF96ECB3CL;
  /** Keccak-256 of the empty message: the first 32 bytes of the padded block permuted once. */
  private static final String KECCAK256_EMPTY = "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

  private static Rv32imCircuit circuit;
  private static ExecutionTraces.Tables honest;
  private static Rv32imProver cheater;
  private static Rv32imKeys keys;

  @BeforeAll
  static void traceTwoCalls() {
    SmallSegments.Proven run = SmallSegments.proven(TestPrograms.keccakCalls(2), 10);
    circuit = run.circuit();
    honest = run.tables();
    cheater = Rv32imProver.unchecked(new CpuBackend(), PARAMS);
    keys = cheater.keys(circuit);
  }

  @Test
  void theChipsRoundsGiveFips202sKnownAnswers() {
    KeccakChip chip = new KeccakChip();
    ChipTrace t = chip.trace(List.of(new KeccakChip.Event(0, 0, 0, 0, new int[KeccakChip.WORDS],
        new long[KeccakChip.WORDS])));
    List<String> names = chip.columnNames();
    for (int lane = 0; lane < 25; lane++) {
      assertThat(lane(t, names, "out", KeccakChip.ROUNDS - 1, lane)).as("lane " + lane).isEqualTo(ZERO_PERMUTED[lane]);
    }
    // The padding after the call permutes the zero state again: round 0 of the next block starts from zero.
    int[] state = new int[KeccakChip.WORDS];
    for (int i = 0; i < 25; i++) {
      state[2 * i] = (int) ZERO_PERMUTED[i];
      state[2 * i + 1] = (int) (ZERO_PERMUTED[i] >>> 32);
    }
    ChipTrace again = chip.trace(List.of(new KeccakChip.Event(0, 0, 0, 0, state, new long[KeccakChip.WORDS])));
    assertThat(lane(again, names, "out", KeccakChip.ROUNDS - 1, 0)).isEqualTo(ZERO_PERMUTED_TWICE_LANE0);
  }

  @Test
  void aGuestHashingTheEmptyMessageGetsKeccak256sDigest() {
    Program program = Program.fromElf(TestPrograms.keccakCalls(1));
    ExecutionResult r = Executor.run(program, new byte[0], SmallSegments.options(10)
        .withPrecompiles(Syscall.PROVEN_PRECOMPILES));
    assertThat(HexFormat.of().formatHex(Arrays.copyOf(r.journal(), 32))).isEqualTo(KECCAK256_EMPTY);
  }

  @Test
  void aGuestCallingKeccakFIsProvenAndVerified() throws InvalidProofException {
    assertThat(honest.exitCode()).as("the probe's answer").isEqualTo(Syscall.PROVEN_PRECOMPILES);
    assertThat(ExecutionTracesTest.check(honest)).isEmpty();
    Rv32imProver prover = Rv32imProver.checked(new CpuBackend(), PARAMS);
    new Rv32imVerifier(PARAMS).verify(prover.keys(circuit), prover.prove(circuit, honest, (w, l, t) -> { }),
        honest.exitCode(), honest.journal());
    byte[] otherJournal = honest.journal().clone();
    otherJournal[0] ^= 1;
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, honest, (w, l, t) -> { }),
        honest.exitCode(), otherJournal)).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void aSegmentWithoutACallLeavesTheTableOut() throws InvalidProofException {
    SmallSegments.Proven run = SmallSegments.proven(TestPrograms.callThenExitWithResult(Syscall.PHASE.number()), 10);
    Rv32imCircuit c = run.circuit();
    ExecutionTraces.Tables tables = run.tables();
    ChipTrace keccak = tables.segments().get(0).tables().stream().filter(t -> t.chip() instanceof KeccakChip)
        .findFirst().orElseThrow();
    assertThat(keccak.present()).isFalse();
    new Rv32imVerifier(PARAMS).verify(cheater.keys(c), cheater.prove(c, tables, (w, l, t) -> { }), tables.exitCode(),
        tables.journal());
  }

  /** A forged call and the check the debug checker must name first. */
  record Forged(Rv32imSoundnessTest.Mutation mutation, String check, boolean busesBalance) {
    @Override
    public String toString() {
      return mutation.name();
    }
  }

  static Stream<Forged> forgeries() {
    IntPredicate set = v -> v == 1;
    return Stream.of(
        new Forged(new Rv32imSoundnessTest.Mutation("a wrong output word", "keccak", "finish", set, "out[0]", 1),
            "keccak: chi and iota: the output, lane 0 byte 0", false),
        new Forged(new Rv32imSoundnessTest.Mutation("a bit out of range", "keccak", "start", set, "a_prime[5]", 2),
            "keccak: a_prime[5] is boolean", true),
        new Forged(new Rv32imSoundnessTest.Mutation("a byte out of range (its bits kept)", "keccak", "start", set, "a[3]",
            256), "keccak: theta: the input is a_prime xor c xor c_prime, lane 0 byte 3", false),
        new Forged(new Rv32imSoundnessTest.Mutation("a result written elsewhere", "keccak", "finish", set,
            "state_word_address", 1), "keccak: one call, one state", false),
        new Forged(new Rv32imSoundnessTest.Mutation("a wrong round constant (round 0's bit 0 left out)", "keccak", "start",
            set, "out[0]", -1), "keccak: chi and iota: the output, lane 0 byte 0", true),
        new Forged(new Rv32imSoundnessTest.Mutation("a probe denying the secp256k1 calls (mask 0x6)", "ecall", "is_probe",
            set, "result[0]", -0xf8), "ecall: the probe answers the proven calls, byte 0", false),
        new Forged(new Rv32imSoundnessTest.Mutation("a misaligned state", "keccak", "start", set, "call_a0[0]", 2),
            "keccak: the state is word aligned", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void everyForgedCallIsNamedAndRejected(Forged f) {
    ExecutionTraces.Tables forged = Rv32imSoundnessTest.mutate(honest, f.mutation());
    assertThat(ExecutionTracesTest.check(forged)).as("the debug checker's first failure").get(STRING)
        .contains(f.check());
    if (f.busesBalance()) {
      assertThat(ExecutionTracesTest.balance(forged)).as("every bus still balances").isEmpty();
    }
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, forged, (w, l, t) -> { }),
        forged.exitCode(), forged.journal())).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void aStateReadFromOtherMemoryThanTheCallNamedIsRejected() {
    // The whole call moved one word up (all 24 rows agree): only the tie to the call's a0 is left.
    ExecutionTraces.Tables forged = Rv32imSoundnessTest.shiftRows(honest, "keccak", "state_word_address", 0,
        KeccakChip.ROUNDS - 1, 1);
    assertThat(ExecutionTracesTest.check(forged)).as("the debug checker's first failure").get(STRING)
        .contains("keccak: the state's word address");
    assertThatThrownBy(() -> new Rv32imVerifier(PARAMS).verify(keys, cheater.prove(circuit, forged, (w, l, t) -> { }),
        forged.exitCode(), forged.journal())).isInstanceOf(InvalidProofException.class);
  }

  /** Lane {@code lane} of the byte columns {@code name} on row {@code row}. */
  private static long lane(ChipTrace t, List<String> names, String name, int row, int lane) {
    long v = 0;
    for (int j = 0; j < 8; j++) {
      v |= (long) t.main()[names.indexOf(name + "[" + (8 * lane + j) + "]")][row] << (8 * j);
    }
    return v;
  }
}
