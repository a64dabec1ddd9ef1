package io.l2prover.zkvm.bench;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.backend.CpuQuotientKernel;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.fri.FriParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The quotient evaluation of every RV32IM segment table on random traces, in process CPU
 * milliseconds per table (median of the measured runs; CPU time rather than wall clock, because
 * the machine is shared). Run after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.l2prover.zkvm.bench.QuotientBench [logRows] [runs] [tables]}
 * ({@code tables}: comma-separated table names, all of them when left out).
 */
public final class QuotientBench {

  private QuotientBench() {}

  public static void main(String[] args) {
    int logRows = args.length > 0 ? Integer.parseInt(args[0]) : 14;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> tables = args.length > 2 ? List.of(args[2].split(",")) : List.of();
    int logBlowup = FriParameters.DEFAULT.logBlowup();
    double total = 0;
    for (Air air : Rv32imCircuit.ofHeights(11, 11).segmentChips()) {
      if (!tables.isEmpty() && !tables.contains(air.name())) {
        continue;
      }
      Random rnd = new Random(7 + air.name().hashCode()); // per table: a chosen subset gets the same data
      ConstraintProgram program = ConstraintProgram.compile(air.allConstraints());
      int logQ = 32 - Integer.numberOfLeadingZeros(air.quotientChunks() - 1);
      int lde = 1 << (logRows + logBlowup);
      int q = 1 << (logRows + logQ);
      QuotientTask task = new QuotientTask(program.code(), program.registers(), program.outputs(), program.when(),
          logRows, logBlowup, logRows + logQ, random(rnd, lde * air.preprocessedWidth()), air.preprocessedWidth(),
          random(rnd, lde * air.mainWidth()), air.mainWidth(), random(rnd, lde * 4 * air.auxWidth()),
          4 * air.auxWidth(), random(rnd, air.publicValueCount()), random(rnd, 4 * 8), random(rnd, 4 * 16),
          random(rnd, 4 * program.constraintCount()), random(rnd, q), random(rnd, q), random(rnd, q), random(rnd, q));
      double[] ms = new double[runs];
      int[] reference = CpuQuotientKernel.evaluate(task);
      for (int r = 0; r < runs; r++) {
        long c0 = CpuTimer.processCpuNanos();
        int[] out = CpuQuotientKernel.evaluate(task);
        ms[r] = (CpuTimer.processCpuNanos() - c0) / 1e6;
        if (!Arrays.equals(out, reference)) {
          throw new IllegalStateException("non-deterministic quotient");
        }
      }
      Arrays.sort(ms);
      total += ms[runs / 2];
      int[] hist = new int[16];
      for (int pc = 0; pc < program.code().length; pc += ConstraintProgram.STRIDE) {
        hist[program.code()[pc]]++;
      }
      System.out.printf("%-16s %4d instr %5d regs %4d constraints: %8.1f ms cpu (hash %08x)%n", air.name(),
          program.code().length / ConstraintProgram.STRIDE, program.registers(), program.constraintCount(),
          ms[runs / 2], Arrays.hashCode(reference));
      System.out.printf("   columns: %d preprocessed, %d main, %d aux (extension), %d quotient chunks; opcodes %s%n",
          air.preprocessedWidth(), air.mainWidth(), air.auxWidth(), air.quotientChunks(), Arrays.toString(hist));
    }
    System.out.printf("total %.1f ms cpu at 2^%d rows%n", total, logRows);
  }

  private static int[] random(Random rnd, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = rnd.nextInt(BabyBear.P);
    }
    return out;
  }
}
