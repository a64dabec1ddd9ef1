package io.l2prover.zkvm.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.backend.CpuQuotientKernel;
import io.l2prover.zkvm.stark.backend.QuotientTask;
import io.l2prover.zkvm.stark.examples.ExampleAirs;
import io.l2prover.zkvm.stark.merkle.MerkleTree;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every CUDA kernel against the CPU backend, bit for bit, on fresh random inputs. Needs a usable
 * GPU: tagged {@code gpu} (left out of a plain {@code mvn test}; {@code make test-gpu} runs it)
 * and skipped with the probe's reason where there is none.
 */
@Tag("gpu")
class CudaBackendTest {

  private static CudaBackend gpu;
  private final CpuBackend cpu = new CpuBackend();
  private final SplittableRandom random = new SplittableRandom(System.nanoTime());

  @BeforeAll
  static void openDevice() {
    gpu = GpuTestDevice.openOrSkip(CudaBackendTest.class, "CUDA equality tests");
  }

  @AfterAll
  static void closeDevice() {
    GpuTestDevice.close(gpu);
  }

  @Test
  void cosetLdeEqualsTheCpuBackend() {
    int[][] shapes = {{0, 1, 1}, {0, 4, 2}, {1, 3, 1}, {3, 1, 2}, {6, 8, 1}, {9, 17, 2}, {11, 40, 2}, {12, 64, 2}, {14, 5, 3},
        {16, 100, 1}};
    for (int[] s : shapes) {
      int logHeight = s[0];
      int width = s[1];
      int logBlowup = s[2];
      int[] evaluations = randomElements(width << logHeight);
      int shift = random.nextBoolean() ? BabyBear.GENERATOR : 1 + random.nextInt(BabyBear.P - 1);
      int[] before = evaluations.clone();
      assertThat(gpu.cosetLde(evaluations, width, logHeight, logBlowup, shift))
          .as("LDE of %d x 2^%d, blowup 2^%d", width, logHeight, logBlowup)
          .isEqualTo(cpu.cosetLde(evaluations, width, logHeight, logBlowup, shift));
      assertThat(evaluations).as("input left unchanged").isEqualTo(before);
    }
  }

  @Test
  void leafHashesEqualTheCpuBackend() {
    for (int width : new int[] {0, 1, 7, 8, 9, 16, 64, 101}) {
      int height = 1000 + random.nextInt(3000);
      int[] m = randomElements(width * height);
      assertThat(gpu.hashLeaves(new int[][] {m}, new int[] {width}, height))
          .as("leaves of %d x %d", width, height)
          .isEqualTo(cpu.hashLeaves(new int[][] {m}, new int[] {width}, height));
    }
    int[] widths = {3, 0, 13, 8, 5};
    int height = 2048;
    int[][] matrices = new int[widths.length][];
    for (int i = 0; i < widths.length; i++) {
      matrices[i] = randomElements(widths[i] * height);
    }
    assertThat(gpu.hashLeaves(matrices, widths, height)).as("leaves over several matrices")
        .isEqualTo(cpu.hashLeaves(matrices, widths, height));
  }

  @Test
  void merkleLayersEqualTheCpuBackend() {
    for (int logLeaves : new int[] {0, 1, 5, 13}) {
      int[] leaves = randomElements(8 << logLeaves);
      int[][] want = cpu.merkleLayers(leaves, logLeaves);
      int[][] got = gpu.merkleLayers(leaves, logLeaves);
      assertThat(got).as("layers of 2^%d leaves", logLeaves).isDeepEqualTo(want);
    }
  }

  @Test
  void merkleCommitmentsEqualTheCpuBackend() {
    int height = 1 << 12;
    int[] a = randomElements(height * 24);
    int[] b = randomElements(height * 9);
    MerkleTree onGpu = MerkleTree.commit(gpu, new int[][] {a, b}, new int[] {24, 9}, height);
    MerkleTree onCpu = MerkleTree.commit(cpu, new int[][] {a, b}, new int[] {24, 9}, height);
    assertThat(onGpu.root()).isEqualTo(onCpu.root());
  }

  @Test
  void friFoldsEqualTheCpuBackend() {
    for (int logSize : new int[] {1, 2, 7, 15}) {
      int[] codeword = randomElements(4 << logSize);
      int shift = 1 + random.nextInt(BabyBear.P - 1);
      int[] beta = randomElements(4);
      assertThat(gpu.foldFri(codeword, logSize, shift, beta)).as("fold of 2^%d", logSize)
          .isEqualTo(cpu.foldFri(codeword, logSize, shift, beta));
    }
  }

  @Test
  void quotientsEqualTheCpuKernel() {
    for (Air air : ExampleAirs.all()) {
      for (int logRows : new int[] {3, 12}) {
        QuotientTask task = KernelVectorFilesTest.randomQuotientTask(air, logRows, 2, random);
        assertThat(gpu.evaluateQuotient(task)).as("%s quotient at 2^%d rows", air.name(), logRows)
            .isEqualTo(CpuQuotientKernel.evaluate(task));
      }
    }
  }

  @Test
  void deviceMemoryIsReusedAcrossCallsOfOneSize() {
    int[] evaluations = randomElements(16 << 10);
    gpu.cosetLde(evaluations, 16, 10, 2, BabyBear.GENERATOR);
    long held = gpu.heldDeviceBytes();
    for (int i = 0; i < 3; i++) {
      gpu.cosetLde(evaluations, 16, 10, 2, BabyBear.GENERATOR);
    }
    assertThat(gpu.heldDeviceBytes()).isEqualTo(held);
  }

  private int[] randomElements(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextInt(BabyBear.P);
    }
    return out;
  }
}
