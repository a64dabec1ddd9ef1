package io.l2prover.app.bench;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.QemuRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bench exec}: runs one CPU-heavy guest under our executor and under qemu-riscv32 in the
 * same process and prints both speeds in MIPS and their ratio. Both runs must agree on the
 * journal and exit code, or the benchmark fails.
 */
public final class ExecBench extends FlagRole {

  private static final String USAGE = """
      usage: bench exec [--rounds N] [--runs N] [--elf FILE --input FILE]
        --rounds N   work for the bundled bench guest (default 100, about 6.8 million instructions each)
        --runs N     timed runs on each machine after one warm-up run of ours (default 3; best is reported)
      Wall-clock and CPU time are both reported; on a busy machine the CPU-time ratio is the fair one.
      Our CPU time is the executing thread's (JIT compiler threads excluded); qemu's includes its translator.
        --elf FILE   another guest instead (with --input FILE)
        --translate-after N  arrivals before hot code is translated to bytecode (default %d; 0 = interpret only)
      """;

  private final PrintStream out;

  public ExecBench() {
    this(System.out);
  }

  ExecBench(PrintStream out) {
    super("exec", "bench exec", "executor speed: MIPS of ours and of qemu-riscv32 on the same guest, and the ratio",
        Set.of("rounds", "runs", "elf", "input", "translate-after"), Set.of(), out);
    this.out = out;
  }

  @Override
  protected String usage() {
    return USAGE;
  }

  @Override
  protected int run(CliFlags flags) throws Exception {
    int runs = (int) flags.longValue("runs", 3, 1, 100);
    byte[] elf;
    byte[] input;
    String label;
    if (flags.has("elf")) {
      elf = flags.readFile("elf");
      input = flags.has("input") ? flags.readFile("input") : new byte[0];
      label = flags.required("elf");
    } else {
      int rounds = (int) flags.longValue("rounds", 100, 1, 1_000_000);
      elf = Guests.bundled("bench");
      input = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rounds).array();
      label = "bundled bench guest, " + rounds + " rounds";
    }
    Program program = Program.fromElf(elf);
    int translateAfter = (int) flags.longValue("translate-after", ExecutorOptions.DEFAULT_TRANSLATE_AFTER, 0,
        Integer.MAX_VALUE);
    ExecutorOptions options = ExecutorOptions.defaults().withTranslateAfter(translateAfter)
        .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());

    ExecutionResult warmUp = Executor.run(program, input, options);
    long instructions = warmUp.cycles();
    out.printf("guest: %s: %,d instructions, exit code %d, %d segments%n", label, instructions, warmUp.exitCode(),
        warmUp.segments().size());
    out.printf("warm-up run  : %.3f s wall %8.1f MIPS (translation and JIT compilation included)%n",
        warmUp.nanos() / 1e9, warmUp.mips());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long oursBest = Long.MAX_VALUE;
    long oursBestCpu = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long cpuBefore = threads.getCurrentThreadCpuTime();
      ExecutionResult r = Executor.run(program, input, options);
      oursBestCpu = Math.min(oursBestCpu, threads.getCurrentThreadCpuTime() - cpuBefore);
      oursBest = Math.min(oursBest, r.nanos());
    }
    double oursMips = mips(instructions, oursBest);
    double oursCpuMips = mips(instructions, oursBestCpu);
    out.printf("executor     : best of %d: %.3f s wall %8.1f MIPS | %.3f s CPU %8.1f MIPS%n", runs, oursBest / 1e9,
        oursMips, oursBestCpu / 1e9, oursCpuMips);

    Optional<QemuRunner> qemu = QemuRunner.find();
    if (qemu.isEmpty()) {
      out.println("qemu-riscv32 : not installed (apt-get install qemu-user); no ratio");
      return 0;
    }
    long qemuBest = Long.MAX_VALUE;
    long qemuBestCpu = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      QemuRunner.Run r = qemu.get().run(elf, input, 600);
      if (r.exitCode() != warmUp.exitCode() || !Arrays.equals(r.journal(), warmUp.journal())) {
        throw new UserError("bench exec: qemu-riscv32 and the executor disagree (exit " + r.exitCode() + " vs "
            + warmUp.exitCode() + ", or the journal differs); the executor has a bug");
      }
      qemuBest = Math.min(qemuBest, r.nanos());
      if (r.cpuNanos() > 0) {
        qemuBestCpu = Math.min(qemuBestCpu, r.cpuNanos());
      }
    }
    double qemuMips = mips(instructions, qemuBest);
    boolean haveCpu = qemuBestCpu != Long.MAX_VALUE;
    double qemuCpuMips = haveCpu ? mips(instructions, qemuBestCpu) : Double.NaN;
    out.printf("qemu-riscv32 : best of %d: %.3f s wall %8.1f MIPS | %.3f s CPU %8.1f MIPS (process start included)%n",
        runs, qemuBest / 1e9, qemuMips, haveCpu ? qemuBestCpu / 1e9 : Double.NaN, qemuCpuMips);
    out.printf("ratio        : %.3fx qemu-riscv32 by wall-clock time, %.3fx by CPU time%n", oursMips / qemuMips,
        oursCpuMips / qemuCpuMips);
    return 0;
  }

  private static double mips(long instructions, long nanos) {
    return instructions * 1000.0 / nanos;
  }
}
