package io.l2prover.zkvm.bench;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.Random;
import java.util.Set;

/**
 * The primitives' figures for docs/proof-system.md, timed by thread CPU time and wall clock
 * (see {@link CpuTimer}). Run after {@code mvn -o test-compile}:
 * {@code java -Xmx12g -cp target/classes:target/test-classes io.l2prover.zkvm.bench.PrimsBench [field] [poseidon2] [ntt] [merkle]}.
 */
public final class PrimsBench {

  private PrimsBench() {}

  public static void main(String[] args) {
    Set<String> which = args.length == 0 ? Set.of("field", "poseidon2", "ntt", "merkle") : Set.of(args);
    System.out.printf("cores available: %d%n", Runtime.getRuntime().availableProcessors());
    Random rnd = new Random(1);
    if (which.contains("field")) {
      int n = 1 << 12;
      int[] a = random(rnd, n);
      int[] b = random(rnd, n);
      int[] out = new int[n];
      CpuTimer.Result r = CpuTimer.measure(() -> {
        for (int i = 0; i < n; i++) {
          out[i] = BabyBear.mul(a[i], b[i]);
        }
      }, n, 20_000, 2_000);
      System.out.printf("field mul (independent products): %s -> %.0f M mul/s per core%n", r, 1e3 / r.cpuMedian());
      Ext4[] xs = new Ext4[n];
      Ext4[] ys = new Ext4[n];
      for (int i = 0; i < n; i++) {
        xs[i] = new Ext4(a[i], b[i], a[n - 1 - i], b[n - 1 - i]);
        ys[i] = new Ext4(b[i], a[i], b[n - 1 - i], a[n - 1 - i]);
      }
      Ext4[] zs = new Ext4[n];
      CpuTimer.Result e = CpuTimer.measure(() -> {
        for (int i = 0; i < n; i++) {
          zs[i] = xs[i].mul(ys[i]);
        }
      }, n, 5_000, 1_000);
      System.out.printf("Ext4 mul (independent products): %s -> %.0f M mul/s per core%n", e, 1e3 / e.cpuMedian());
    }
    if (which.contains("poseidon2")) {
      Poseidon2 perm = Poseidon2.babyBear();
      int[] state = random(rnd, 16);
      int n = 1000;
      CpuTimer.Result r = CpuTimer.measure(() -> {
        for (int i = 0; i < n; i++) {
          perm.permute(state);
        }
      }, n, 2_000, 300);
      System.out.printf("poseidon2 permute, one at a time: %s -> %.2f M perm/s per core%n", r, 1e3 / r.cpuMedian());
      int batch = 1024;
      int[] states = random(rnd, 16 * batch);
      r = CpuTimer.measure(() -> perm.permuteAll(states, 0, batch), batch, 2_000, 300);
      System.out.printf("poseidon2 permuteAll, %d states: %s -> %.2f M perm/s per core%n", batch, r, 1e3 / r.cpuMedian());
      Poseidon2Hash hash = Poseidon2Hash.babyBear();
      int rows = 1024;
      int cols = 64;
      int[] m = random(rnd, rows * cols);
      int[] leaves = new int[8 * rows];
      r = CpuTimer.measure(() -> hash.hashRows(new int[][] {m}, new int[] {cols}, 0, rows, leaves, 0), rows, 300, 100);
      System.out.printf("poseidon2 hashRows, %d rows x %d columns: %s per row -> %.2f M perm/s per core%n",
          rows, cols, r, cols / 8 * 1e3 / r.cpuMedian());
      r = CpuTimer.measure(() -> {
        for (int i = 0; i < rows; i++) {
          hash.hashRow(new int[][] {m}, new int[] {cols}, i, leaves, 8 * i);
        }
      }, rows, 300, 100);
      System.out.printf("poseidon2 hashRow in a loop, same rows: %s per row -> %.2f M perm/s per core%n",
          r, cols / 8 * 1e3 / r.cpuMedian());
    }
    if (which.contains("ntt")) {
      int[] single = random(rnd, 1 << 20);
      Ntt seq = Ntt.sequential();
      CpuTimer.Result r = CpuTimer.measure(() -> seq.forwardToBitReversed(single, 1, 1 << 20), 1, 10, 15);
      System.out.printf("NTT 2^20, one column, one thread: %s%n", millis(r));
      int[] batch = random(rnd, 64 << 18);
      r = CpuTimer.measure(() -> seq.forwardToBitReversed(batch, 64, 1 << 18), 1, 3, 5);
      System.out.printf("NTT 64 x 2^18, one thread: %s%n", millis(r));
      Ntt par = Ntt.parallel();
      parallel("NTT 64 x 2^18, all cores", () -> par.forwardToBitReversed(batch, 64, 1 << 18), 3, 5);
      CpuBackend backend = new CpuBackend();
      parallel("coset LDE 64 x 2^18 -> 64 x 2^20 (blowup 4), all cores",
          () -> backend.cosetLde(batch, 64, 18, 2, BabyBear.GENERATOR), 2, 3);
      // The quotient and DEEP LDEs' shape: 8 columns, narrower than a SIMD row.
      int[] narrow = random(rnd, 8 << 20);
      r = CpuTimer.measure(() -> seq.forwardToBitReversed(narrow, 8, 1 << 20), 1, 3, 5);
      System.out.printf("NTT 8 x 2^20, one thread: %s%n", millis(r));
      parallel("coset LDE 8 x 2^20 -> 8 x 2^22 (blowup 4), all cores",
          () -> backend.cosetLde(narrow, 8, 20, 2, BabyBear.GENERATOR), 2, 3);
    }
    if (which.contains("merkle")) {
      int rows = 1 << 20;
      int cols = 64;
      int[] m = random(rnd, rows * cols);
      CpuBackend backend = new CpuBackend();
      parallel("Merkle commit 2^20 rows x 64 columns, all cores",
          () -> MerkleTree.commit(backend, new int[][] {m}, new int[] {cols}, rows), 1, 3);
    }
  }

  /** Wall clock and CPU time of all threads (core-seconds of work) per run, medians. */
  private static void parallel(String name, Runnable body, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      body.run();
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long c0 = CpuTimer.processCpuNanos();
      long w0 = System.nanoTime();
      body.run();
      wall[i] = (System.nanoTime() - w0) / 1e6;
      cpu[i] = (CpuTimer.processCpuNanos() - c0) / 1e6;
    }
    java.util.Arrays.sort(wall);
    java.util.Arrays.sort(cpu);
    System.out.printf("%s: wall median %.1f ms (min %.1f), CPU of all threads median %.1f ms%n",
        name, wall[runs / 2], wall[0], cpu[runs / 2]);
  }

  private static String millis(CpuTimer.Result r) {
    return String.format("cpu median %.1f ms (min %.1f), wall median %.1f ms (min %.1f)",
        r.cpuMedian() / 1e6, r.cpuMin() / 1e6, r.wallMedian() / 1e6, r.wallMin() / 1e6);
  }

  private static int[] random(Random rnd, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(BabyBear.P);
    }
    return v;
  }
}
