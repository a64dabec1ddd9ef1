package io.l2prover.app;

import io.l2prover.guest.ExecutorGuestRunner;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.witness.ProvableChain;
import io.l2prover.server.ProvableChainSource;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the server's chain from a genesis JSON file and an RLP chain file, validating every block. */
final class ChainFiles {

  private static final Logger LOG = LoggerFactory.getLogger(ChainFiles.class);

  private ChainFiles() {}

  /** @throws UserError naming the file and the first problem in it */
  static ProvableChainSource load(Path genesis, Path chain) {
    long start = System.nanoTime();
    try {
      ProvableChain loaded = ProvableChain.load(genesis, chain, ExecutorGuestRunner.blockGuest());
      LOG.info("chain {} + {}: {} blocks validated from genesis in {} ms", genesis, chain, loaded.headNumber(),
          (System.nanoTime() - start) / 1_000_000);
      return new ProvableChainSource(loaded);
    } catch (ChainException | UncheckedIOException e) {
      throw new UserError("cannot load the chain (" + genesis + ", " + chain + "): " + e.getMessage());
    }
  }
}
