package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.stark.air.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The program's initial memory image, word by word (address, value), as preprocessed columns:
 * fixed by the ELF, committed in the image ID. Each present row is taken off the image bus
 * exactly once (a constant multiplicity, not the prover's), so the memory-init table must start
 * every image word from its image value.
 */
public final class ImageTable extends ProgramFixedTable {

  private static final int ADDRESS = 0;
  private static final int VALUE = 1;
  private static final int PRESENT = 5;

  private final List<int[]> words;

  /** {@code image}: word address to value, the words the ELF initialises. */
  public ImageTable(Map<Integer, Integer> image) {
    this(sorted(image), Integer.numberOfTrailingZeros(TraceTable.heightFor(image.size(), 2)));
  }

  /** The table as a verifier knows it: its height only (the image ID binds its commitment). */
  public static ImageTable ofHeight(int logRows) {
    return new ImageTable(List.of(), logRows);
  }

  private static List<int[]> sorted(Map<Integer, Integer> image) {
    List<int[]> out = new ArrayList<>();
    new TreeMap<>(image).forEach((a, v) -> out.add(new int[] {a, v}));
    return out;
  }

  private ImageTable(List<int[]> words, int logRows) {
    super("image", logRows, PRESENT + 1);
    this.words = List.copyOf(words);
    List<Expr> value = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      value.add(Expr.preprocessed(VALUE + i));
    }
    receive("image word", Bus.IMAGE, Expr.preprocessed(PRESENT), tuple(Expr.preprocessed(ADDRESS), value));
  }

  @Override
  void fill(int[][] pre) {
    for (int r = 0; r < words.size(); r++) {
      pre[ADDRESS][r] = BabyBear.fromLong(words.get(r)[0]);
      for (int i = 0; i < 4; i++) {
        pre[VALUE + i][r] = (words.get(r)[1] >>> (8 * i)) & 0xff;
      }
      pre[PRESENT][r] = 1;
    }
  }

  public ChipTrace trace() {
    return new ChipTrace(this, preprocessedTrace(logRows()), new int[0][], new int[0]);
  }
}
