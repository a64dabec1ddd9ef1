package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.LoadSegment;
import io.l2prover.zkvm.exec.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the proof fixes about a guest before it runs: the program table (every instruction word
 * of its executable segments that the zkVM can execute), its initial memory image, and its entry
 * pc. All three are derived from the ELF alone.
 */
public final class GuestProgram {

  private final int entry;
  private final ProgramTable programTable;
  private final ImageTable imageTable;
  private final Map<Integer, Integer> image;

  private GuestProgram(int entry, List<ProgramRow> rows, Map<Integer, Integer> image) {
    this.entry = entry;
    this.programTable = new ProgramTable(rows);
    this.image = Map.copyOf(image);
    this.imageTable = new ImageTable(image);
  }

  public static GuestProgram of(Program program) {
    Map<Integer, Integer> image = new HashMap<>();
    List<ProgramRow> rows = new ArrayList<>();
    for (LoadSegment s : program.segments()) {
      byte[] data = s.data();
      for (int off = 0; off < data.length; off += 4) {
        int word = 0;
        for (int i = 0; i < 4 && off + i < data.length; i++) {
          word |= (data[off + i] & 0xff) << (8 * i);
        }
        int address = s.address() + off;
        if (Integer.toUnsignedLong(address) >= MemoryLayout.BYTE_ADDRESS_LIMIT || (address & 3) != 0) {
          throw new IllegalArgumentException("load segment at 0x" + Integer.toHexString(s.address())
              + " is outside the provable memory or not word-aligned");
        }
        if (word != 0) {
          image.put(address >>> 2, word);
        }
        if (s.executable()) {
          ProgramRows.decode(address, word).ifPresent(rows::add);
        }
      }
    }
    return new GuestProgram(program.entry(), rows, image);
  }

  public int entry() {
    return entry;
  }

  public ProgramTable programTable() {
    return programTable;
  }

  public ImageTable imageTable() {
    return imageTable;
  }

  /** The initial value of a memory word (by word address): the image's, or 0. */
  public int initialWord(int wordAddress) {
    return image.getOrDefault(wordAddress, 0);
  }

  /** The image's (word address, value) pairs, by address. */
  public List<int[]> imageWords() {
    List<int[]> out = new ArrayList<>();
    new java.util.TreeMap<>(image).forEach((a, v) -> out.add(new int[] {a, v}));
    return out;
  }

  public boolean inImage(int wordAddress) {
    return image.containsKey(wordAddress);
  }
}
