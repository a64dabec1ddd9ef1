package io.l2prover.zkvm.stark.poseidon2;

import io.l2prover.zkvm.field.BabyBear;
import java.util.Arrays;

/** An immutable Poseidon2 digest: 8 canonical BabyBear elements (about 248 bits). */
public final class Digest {

  public static final int ELEMENTS = 8;

  private final int[] elements;

  private Digest(int[] elements) {
    this.elements = elements;
  }

  /** Copies 8 elements from {@code source} at {@code offset}; each must be canonical. */
  public static Digest of(int[] source, int offset) {
    if (offset < 0 || source.length - offset < ELEMENTS) {
      throw new IllegalArgumentException("a digest needs " + ELEMENTS + " elements from offset " + offset
          + ", array has " + source.length);
    }
    int[] e = Arrays.copyOfRange(source, offset, offset + ELEMENTS);
    for (int v : e) {
      if (v < 0 || v >= BabyBear.P) {
        throw new IllegalArgumentException("digest element " + Integer.toUnsignedString(v) + " is not a canonical BabyBear value");
      }
    }
    return new Digest(e);
  }

  public static Digest of(int[] elements) {
    if (elements.length != ELEMENTS) {
      throw new IllegalArgumentException("a digest has " + ELEMENTS + " elements, got " + elements.length);
    }
    return of(elements, 0);
  }

  public int get(int i) {
    return elements[i];
  }

  /** A fresh copy of the 8 elements. */
  public int[] toArray() {
    return elements.clone();
  }

  public void copyTo(int[] dest, int offset) {
    System.arraycopy(elements, 0, dest, offset, ELEMENTS);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest d && Arrays.equals(elements, d.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(72);
    for (int v : elements) {
      sb.append(String.format("%08x", v));
    }
    return sb.toString();
  }
}
