package io.l2prover.app;

import io.l2prover.server.ChainSource;
import java.nio.file.Path;

/** Loads the server's chain from a genesis JSON file and an RLP chain file. */
final class ChainFiles {

  private ChainFiles() {}

  static ChainSource load(Path genesis, Path chain) {
    throw new UserError("loading " + genesis + " needs genesis support from the chain layer, which this build lacks");
  }
}
