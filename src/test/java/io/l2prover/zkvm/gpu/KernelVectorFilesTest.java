package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.ConstraintProgram;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.backend.CpuQuotientKernel;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.examples.ExampleAirs;
import io.l2prover.zkvm.stark.ntt.Ntt;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Writes the vectors the host-side kernel tests (native/cuda/test, {@code make test-kernels})
 * compare against: inputs and the CPU backend's outputs, under target/kernel-vectors. The format
 * is a sequence of records "name count values..." (see native/cuda/test/vectors.h).
 */
class KernelVectorFilesTest {

  static final Path DIR = Path.of("target", "kernel-vectors");

  private final SplittableRandom random = new SplittableRandom(0x6c32_7072L);
  private final CpuBackend cpu = new CpuBackend();

  @Test
  void writesVectorFiles() throws IOException {
    Files.createDirectories(DIR);
    writeField();
    writeNtt();
    writePoseidon2();
    writeFri();
    writeQuotient();
    for (String name : new String[] {"field.vec", "ntt.vec", "poseidon2.vec", "fri.vec", "quotient.vec"}) {
      assertThat(DIR.resolve(name)).isNotEmptyFile();
    }
  }

  private void writeField() throws IOException {
    int n = 4096;
    int[] a = randomElements(n);
    int[] b = randomElements(n);
    int[] edges = {0, 1, 2, BabyBear.P - 1, BabyBear.P - 2, 1 << 27, (1 << 30) + 5};
    System.arraycopy(edges, 0, a, 0, edges.length);
    System.arraycopy(edges, 0, b, n - edges.length, edges.length);
    int[] mul = new int[n];
    int[] inv = new int[n];
    for (int i = 0; i < n; i++) {
      mul[i] = BabyBear.mul(a[i], b[i]);
      inv[i] = a[i] == 0 ? 0 : BabyBear.inv(a[i]);
    }
    int[] ea = randomElements(4 * n);
    int[] eb = randomElements(4 * n);
    int[] emul = new int[4 * n];
    for (int i = 0; i < 4 * n; i += 4) {
      Ext4 z = new Ext4(ea[i], ea[i + 1], ea[i + 2], ea[i + 3]).mul(new Ext4(eb[i], eb[i + 1], eb[i + 2], eb[i + 3]));
      System.arraycopy(z.toArray(), 0, emul, i, 4);
    }
    try (VectorWriter w = new VectorWriter(DIR.resolve("field.vec"))) {
      w.record("a", a).record("b", b).record("mul", mul).record("inv_a", inv);
      w.record("ext_a", ea).record("ext_b", eb).record("ext_mul", emul);
    }
  }

  private void writeNtt() throws IOException {
    Ntt ntt = Ntt.sequential();
    int[][] shapes = {{0, 3}, {1, 1}, {2, 5}, {5, 8}, {8, 3}, {10, 17}, {11, 1}};
    try (VectorWriter w = new VectorWriter(DIR.resolve("ntt.vec"))) {
      for (int[] shape : shapes) {
        int logN = shape[0];
        int width = shape[1];
        int[] input = randomElements(width << logN);
        int[] forward = input.clone();
        ntt.forward(forward, width, 1 << logN);
        int[] inverse = input.clone();
        ntt.inverse(inverse, width, 1 << logN);
        int logBlowup = logN % 3 + 1;
        int shift = logN % 2 == 0 ? BabyBear.GENERATOR : 1 + random.nextInt(BabyBear.P - 1);
        int[] lde = cpu.cosetLde(input, width, logN, logBlowup, shift);
        w.record("log_n", logN).record("width", width).record("log_blowup", logBlowup).record("shift", shift);
        w.record("input", input).record("forward", forward).record("inverse", inverse).record("lde", lde);
      }
    }
  }

  private void writePoseidon2() throws IOException {
    Poseidon2 permutation = Poseidon2.babyBear();
    Poseidon2Hash hash = Poseidon2Hash.babyBear();
    try (VectorWriter w = new VectorWriter(DIR.resolve("poseidon2.vec"))) {
      w.record("constants", PoseidonDeviceConstants.canonical(permutation));
      int count = 64;
      int[] states = randomElements(16 * count);
      int[] permuted = states.clone();
      for (int i = 0; i < count; i++) {
        int[] s = java.util.Arrays.copyOfRange(permuted, 16 * i, 16 * i + 16);
        permutation.permute(s);
        System.arraycopy(s, 0, permuted, 16 * i, 16);
      }
      w.record("states", states).record("permuted", permuted);
      for (int width : new int[] {0, 1, 7, 8, 9, 16, 33, 64}) {
        int rows = 17;
        int[] matrix = randomElements(width * rows);
        w.record("hash_width", width).record("hash_input", matrix)
            .record("hash_digests", cpu.hashLeaves(new int[][] {matrix}, new int[] {width}, rows));
      }
      int[] widths = {3, 0, 10, 5};
      int rows = 9;
      int[][] matrices = new int[widths.length][];
      for (int m = 0; m < widths.length; m++) {
        matrices[m] = randomElements(widths[m] * rows);
        w.record("leaves_matrix", widths[m]).record("leaves_input", matrices[m]);
      }
      w.record("leaves_digests", cpu.hashLeaves(matrices, widths, rows));
      int[] children = randomElements(2 * 8 * 32);
      int[][] layers = cpu.merkleLayers(children, 6);
      w.record("children", children).record("parents", layers[1]).record("root", layers[6]);
    }
  }

  private void writeFri() throws IOException {
    try (VectorWriter w = new VectorWriter(DIR.resolve("fri.vec"))) {
      for (int logN : new int[] {1, 2, 5, 10}) {
        int shift = logN == 5 ? BabyBear.GENERATOR : 1 + random.nextInt(BabyBear.P - 1);
        int[] beta = randomElements(4);
        int[] codeword = randomElements(4 << logN);
        w.record("fri_log_n", logN).record("fri_shift", shift).record("fri_beta", beta);
        w.record("fri_input", codeword).record("fri_folded", cpu.foldFri(codeword, logN, shift, beta));
      }
    }
  }

  /** Every example AIR's compiled constraints on random LDE data, through CpuQuotientKernel. */
  private void writeQuotient() throws IOException {
    try (VectorWriter w = new VectorWriter(DIR.resolve("quotient.vec"))) {
      for (Air air : ExampleAirs.all()) {
        QuotientTask t = randomQuotientTask(air, 5, 2, random);
        w.record("q_code", t.code()).record("q_registers", t.registers()).record("q_outputs", t.outputs())
            .record("q_when", t.when()).record("q_log_rows", t.logRows()).record("q_log_blowup", t.logBlowup())
            .record("q_log_size", t.logQuotientSize())
            .record("q_pre_width", t.preprocessedWidth()).record("q_pre", t.preprocessed())
            .record("q_main_width", t.mainWidth()).record("q_main", t.main())
            .record("q_aux_width", t.auxWidth()).record("q_aux", t.aux())
            .record("q_publics", t.publicValues()).record("q_challenges", t.challenges())
            .record("q_aux_publics", t.auxPublics()).record("q_alpha", t.alphaPowers())
            .record("q_first", t.firstRow()).record("q_last", t.lastRow()).record("q_transition", t.transition())
            .record("q_inv_z", t.inverseVanishing()).record("q_out", CpuQuotientKernel.evaluate(t));
      }
    }
  }

  /** A quotient task of {@code air}'s constraints over random LDEs and selectors. */
  static QuotientTask randomQuotientTask(Air air, int logRows, int logBlowup, SplittableRandom random) {
    int lde = 1 << (logRows + logBlowup);
    int logSize = logRows + 2;
    int size = 1 << logSize;
    ConstraintProgram program = ConstraintProgram.compile(air.allConstraints());
    int pw = air.preprocessedWidth();
    int mw = air.mainWidth();
    int aw = 4 * air.auxWidth();
    return new QuotientTask(program.code(), program.registers(), program.outputs(), program.when(), logRows,
        logBlowup, logSize, elements(random, pw * lde), pw, elements(random, mw * lde), mw,
        elements(random, aw * lde), aw, elements(random, air.publicValueCount()),
        elements(random, 4 * air.challengeCount()), elements(random, 4 * air.auxPublicCount()),
        elements(random, 4 * program.constraintCount()), elements(random, size), elements(random, size),
        elements(random, size), elements(random, size));
  }

  static int[] elements(SplittableRandom random, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextInt(BabyBear.P);
    }
    return out;
  }

  private int[] randomElements(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextInt(BabyBear.P);
    }
    return out;
  }

  /** Records of unsigned decimal words, one record per line. */
  private static final class VectorWriter implements AutoCloseable {
    private final BufferedWriter out;

    VectorWriter(Path path) throws IOException {
      out = Files.newBufferedWriter(path);
    }

    VectorWriter record(String name, int... values) throws IOException {
      out.write(name);
      out.write(' ');
      out.write(Integer.toString(values.length));
      for (int v : values) {
        out.write(' ');
        out.write(Integer.toUnsignedString(v));
      }
      out.write('\n');
      return this;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
