package io.l2prover.zkvm.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Trace recording: one step per cycle, consistent with the untraced run, and complete enough to check the run from. */
class TraceTest {

  private static final byte[] HELLO = Guests.bundled("hello");
  private static final byte[] INPUT = "trace me".getBytes();

  static Stream<Arguments> guests() {
    return Stream.of(
        Arguments.of("hello", INPUT),
        Arguments.of("rv32im", new byte[0]),
        Arguments.of("loadstore", new byte[0]),
        Arguments.of("sha256", GuestProgramsTest.randomBytes(300)),
        Arguments.of("keccak", GuestProgramsTest.randomBytes(200)),
        Arguments.of("sort", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(300).putInt(7).array()));
  }

  @Test
  void tracedRunMatchesTheUntracedOneAndRecordsEveryCycle() {
    ExecutionResult plain = Executor.run(HELLO, INPUT, ExecutorOptions.defaults().withPo2(8));
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult traced = Executor.run(HELLO, INPUT, ExecutorOptions.defaults().withPo2(8).withTrace(trace));
    assertThat(traced.cycles()).isEqualTo(plain.cycles());
    assertThat(traced.journal()).isEqualTo(plain.journal());
    assertThat(traced.stdout()).isEqualTo(plain.stdout());
    assertThat(traced.segments()).hasSameSizeAs(plain.segments());
    for (int i = 0; i < plain.segments().size(); i++) {
      assertThat(traced.segments().get(i).end()).isEqualTo(plain.segments().get(i).end());
      assertThat(traced.segments().get(i).touchedPages()).isEqualTo(plain.segments().get(i).touchedPages());
    }
    assertThat((long) trace.size()).isEqualTo(plain.cycles());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guests")
  void everyStepFollowsFromTheSemanticsAndTheEventsBeforeIt(String guest, byte[] input) {
    byte[] elf = Guests.bundled(guest);
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult r = Executor.run(elf, input, ExecutorOptions.defaults().withTrace(trace));
    TraceChecker checker = new TraceChecker(Program.fromElf(elf), input);
    checker.check(trace);
    checker.finish(r);
  }

  @Test
  void systemCallsReportWholeWordsOfUnalignedBuffers() {
    int buffer = TinyElf.DATA + 0x100;
    byte[] elf = TinyElf.of(new Rv32Asm()
        .li(10, 0).li(11, buffer + 1).li(12, 6).li(17, 63).ecall() // read(0, buffer + 1, 6)
        .write(3, buffer + 3, 5)
        .exit(7)
        .words(), 0x1000);
    byte[] input = {1, 2, 3, 4, 5, 6, 7, 8};
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult r = Executor.run(elf, input, ExecutorOptions.defaults().withTrace(trace));
    assertThat(r.journal()).containsExactly(3, 4, 5, 6, 0);
    Ecall read = trace.step(8).ecall();
    assertThat(read).isEqualTo(new Ecall(63, 0, buffer + 1, 6, 6, false, List.of(
        new WordAccess(buffer, 0, 0x03020100, true),
        new WordAccess(buffer + 4, 0, 0x00060504, true)), 1));
    assertThat(trace.step(8).rd()).isEqualTo(10);
    assertThat(trace.step(8).rdValue()).isEqualTo(6);
    Ecall write = trace.step(17).ecall();
    assertThat(write).isEqualTo(new Ecall(64, 3, buffer + 3, 5, 5, false, List.of(
        new WordAccess(buffer, 0x03020100, 0x03020100, false),
        new WordAccess(buffer + 4, 0x00060504, 0x00060504, false)), 1));
    TraceStep exit = trace.step(trace.size() - 1);
    assertThat(exit.ecall()).isEqualTo(new Ecall(93, 7, buffer + 3, 5, 0, true, List.of(), 1));
    assertThat(exit.nextPc()).isEqualTo(exit.pc());
    assertThat(exit.rd()).isEqualTo(TraceSink.NO_REGISTER);
    TraceChecker checker = new TraceChecker(Program.fromElf(elf), input);
    checker.check(trace);
    checker.finish(r);
  }

  @Test
  void loadsAndStoresReportTheirByteAddressWidthAndWord() {
    int data = TinyElf.DATA;
    byte[] elf = TinyElf.of(new Rv32Asm()
        .li(5, data).li(6, 0x1234abcd)
        .word(Rv32Asm.s(6, 6, 5, 1)) // sh t1, 6(t0)
        .word(Rv32Asm.i(7, 5, 4, 7, 0x03)) // lbu t2, 7(t0)
        .exit(0)
        .words(), 0x1000);
    TraceBuffer trace = new TraceBuffer();
    Executor.run(elf, new byte[0], ExecutorOptions.defaults().withTrace(trace));
    assertThat(trace.step(4).memory()).isEqualTo(new MemoryAccess(data + 6, 2, true, 0, 0xabcd0000));
    assertThat(trace.step(4).memory().wordAddress()).isEqualTo(data + 4);
    assertThat(trace.step(4).rd()).isEqualTo(TraceSink.NO_REGISTER);
    assertThat(trace.step(5).memory()).isEqualTo(new MemoryAccess(data + 7, 1, false, 0xabcd0000, 0xabcd0000));
    assertThat(trace.step(5).rd()).isEqualTo(7);
    assertThat(trace.step(5).rdValue()).isEqualTo(0xab);
  }
}
