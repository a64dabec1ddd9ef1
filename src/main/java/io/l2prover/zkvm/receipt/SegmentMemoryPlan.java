package io.l2prover.zkvm.receipt;

import io.l2prover.zkvm.rv32im.Chip;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2Hash;
import java.util.List;
import java.util.OptionalInt;

/**
 * What one segment proof of 2^po2 cycles holds in device memory when it is kept on the device
 * from its trace LDEs to its last FRI layer, from the circuit's real tables: every table with
 * preprocessed columns (program, bytes) at its own height, every other table at 2^po2 rows (the
 * most a segment of 2^po2 cycles gives the CPU table, and a bound for the others), each
 * extended by the FRI blowup. Bytes, 4 per BabyBear word:
 * <ul>
 *   <li>trace: the preprocessed, main and LogUp (4 words per extension column) LDEs of every table;
 *   <li>quotient: every table's quotient chunks (4 words each) on its LDE domain;
 *   <li>merkle: the preprocessed, main, aux and quotient trees (2 digests of 8 words per leaf of
 *       the tallest LDE, all layers);
 *   <li>fri: the DEEP codeword (4 words per point of the tallest LDE), every folded layer and its tree.
 * </ul>
 */
public record SegmentMemoryPlan(int po2, long traceBytes, long quotientBytes, long merkleBytes, long friBytes) {

  /** The segment sizes a plan is made for: the prover's range up to {@link CompositeProver#MAX_PO2}. */
  public static final int MIN_PO2 = 16;
  public static final int MAX_PO2 = CompositeProver.MAX_PO2;

  private static final int WORD = 4;
  private static final int EXT = 4;
  private static final int TREES = 4;

  /** Everything at once: what the device must hold. */
  public long totalBytes() {
    return traceBytes + quotientBytes + merkleBytes + friBytes;
  }

  /** The plan of a segment of 2^{@code po2} cycles of {@code circuit}'s guest, proven with {@code params}. */
  public static SegmentMemoryPlan of(Rv32imCircuit circuit, FriParameters params, int po2) {
    long trace = 0;
    long quotient = 0;
    int tallest = 0;
    List<Chip> chips = circuit.segmentChips();
    for (Chip chip : chips) {
      int logLde = logRows(chip, po2) + params.logBlowup();
      tallest = Math.max(tallest, logLde);
      long rows = 1L << logLde;
      trace += rows * (chip.preprocessedWidth() + chip.mainWidth() + (long) EXT * chip.auxWidth()) * WORD;
      quotient += rows * (long) EXT * chip.quotientChunks() * WORD;
    }
    long leaves = 1L << tallest;
    long treeBytes = 2 * leaves * Poseidon2Hash.DIGEST * WORD;
    long fri = 0;
    int arity = params.logArity();
    for (int log = tallest; log > params.logFinalDegree() + params.logBlowup(); log -= arity) {
      long points = 1L << log;
      fri += points * EXT * WORD;
      if (log < tallest) {
        fri += 2 * (points >> arity) * Poseidon2Hash.DIGEST * WORD;
      }
    }
    return new SegmentMemoryPlan(po2, trace, quotient, TREES * treeBytes, fri);
  }

  /** The plans for po2 {@link #MIN_PO2} to {@link #MAX_PO2}. */
  public static List<SegmentMemoryPlan> range(Rv32imCircuit circuit, FriParameters params) {
    return java.util.stream.IntStream.rangeClosed(MIN_PO2, MAX_PO2).mapToObj(p -> of(circuit, params, p)).toList();
  }

  /** The largest po2 (from {@link #MIN_PO2}) whose segment fits {@code bytes}; empty when none does. */
  public static OptionalInt largestFitting(Rv32imCircuit circuit, FriParameters params, long bytes) {
    OptionalInt best = OptionalInt.empty();
    for (SegmentMemoryPlan plan : range(circuit, params)) {
      if (plan.totalBytes() <= bytes) {
        best = OptionalInt.of(plan.po2());
      }
    }
    return best;
  }

  private static int logRows(Chip chip, int po2) {
    return chip.preprocessedWidth() > 0 ? chip.minLogRows() : Math.max(po2, chip.minLogRows());
  }
}
