package io.l2prover.zkvm.rv32im;

import java.util.ArrayList;
import java.util.List;

/**
 * Allocates a chip's main columns by name, in order: the one place a column index is chosen,
 * so constraints and trace builders refer to columns by what they mean.
 */
public final class Layout {

  private final List<String> names = new ArrayList<>();

  public Col col(String name) {
    Col c = new Col(name, names.size());
    names.add(name);
    return c;
  }

  public Word word(String name) {
    List<Col> bytes = new ArrayList<>(4);
    for (int i = 0; i < 4; i++) {
      bytes.add(col(name + "[" + i + "]"));
    }
    return new Word(name, bytes);
  }

  /** {@code count} columns named {@code name[0]} .. {@code name[count-1]}. */
  public List<Col> cols(String name, int count) {
    List<Col> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(col(name + "[" + i + "]"));
    }
    return List.copyOf(out);
  }

  public int width() {
    return names.size();
  }

  /** Column names by index, for error messages and docs. */
  public List<String> names() {
    return List.copyOf(names);
  }
}
