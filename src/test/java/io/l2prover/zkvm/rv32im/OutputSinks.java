package io.l2prover.zkvm.rv32im;

import java.io.OutputStream;

/** Guest output nobody reads in these tests. */
final class OutputSinks {
  static final OutputStream NULL = OutputStream.nullOutputStream();

  private OutputSinks() {}
}
