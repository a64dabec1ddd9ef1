package io.l2prover.app;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.QemuRunner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * {@code bench-exec}: runs one CPU-heavy guest under our executor and under qemu-riscv32 in the
 * same process and prints both speeds in MIPS and their ratio. Both runs must agree on the
 * journal and exit code, or the benchmark fails.
 */
public final class ExecBenchRole implements Role {

  private static final String USAGE = """
      usage: bench-exec [--rounds N] [--runs N] [--elf FILE --input FILE]
        --rounds N   work for the bundled bench guest (default 100, about 6.8 million instructions each)
        --runs N     timed runs on each machine after one warm-up run of ours (default 3; best is reported)
        --elf FILE   another guest instead (with --input FILE)
      """;

  private final PrintStream out;

  public ExecBenchRole() {
    this(System.out);
  }

  ExecBenchRole(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "bench-exec";
  }

  @Override
  public String summary() {
    return "executor speed: MIPS of ours and of qemu-riscv32 on the same guest, and the ratio";
  }

  @Override
  public int run(String[] args) throws Exception {
    CliFlags flags = CliFlags.parse(name(), args, Set.of("rounds", "runs", "elf", "input"), Set.of("help"));
    if (flags.has("help")) {
      out.print(USAGE);
      return 0;
    }
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
    ExecutorOptions options = ExecutorOptions.defaults().withOutput(OutputStream.nullOutputStream(),
        OutputStream.nullOutputStream());

    ExecutionResult warmUp = Executor.run(program, input, options);
    long instructions = warmUp.cycles();
    out.printf("guest: %s: %,d instructions, exit code %d, %d segments%n", label, instructions, warmUp.exitCode(),
        warmUp.segments().size());
    long[] ours = new long[runs];
    for (int i = 0; i < runs; i++) {
      ExecutionResult r = Executor.run(program, input, options);
      ours[i] = r.nanos();
    }
    long oursBest = Arrays.stream(ours).min().orElseThrow();
    double oursMips = mips(instructions, oursBest);
    out.printf("executor     : best of %d %.3f s  %8.1f MIPS%n", runs, oursBest / 1e9, oursMips);

    Optional<QemuRunner> qemu = QemuRunner.find();
    if (qemu.isEmpty()) {
      out.println("qemu-riscv32 : not installed (apt-get install qemu-user); no ratio");
      return 0;
    }
    long qemuBest = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      QemuRunner.Run r = qemu.get().run(elf, input, 600);
      if (r.exitCode() != warmUp.exitCode() || !Arrays.equals(r.journal(), warmUp.journal())) {
        throw new UserError("bench-exec: qemu-riscv32 and the executor disagree (exit " + r.exitCode() + " vs "
            + warmUp.exitCode() + ", or the journal differs); the executor has a bug");
      }
      qemuBest = Math.min(qemuBest, r.nanos());
    }
    double qemuMips = mips(instructions, qemuBest);
    out.printf("qemu-riscv32 : best of %d %.3f s  %8.1f MIPS (process start included)%n", runs, qemuBest / 1e9,
        qemuMips);
    out.printf("ratio        : %.3fx qemu-riscv32%n", oursMips / qemuMips);
    return 0;
  }

  private static double mips(long instructions, long nanos) {
    return instructions * 1000.0 / nanos;
  }
}
