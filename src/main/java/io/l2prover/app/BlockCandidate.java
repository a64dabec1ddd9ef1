package io.l2prover.app;

import io.l2prover.guest.ExecutorGuestRunner;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisJson;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.ChainFile;
import io.l2prover.chain.witness.ProvableChain;
import java.nio.file.Path;
import java.util.List;

/**
 * Block N of a chain as the block commands take it ({@code --genesis G --chain C --number N}):
 * blocks 1..N-1 validated in Java, then block N's guest input and the journal it must give.
 */
record BlockCandidate(int number, ProvableChain.CandidateInput candidate) {

  static BlockCandidate load(CliFlags flags) {
    Path genesisFile = Path.of(flags.required("genesis"));
    Path chainFile = Path.of(flags.required("chain"));
    try {
      Genesis genesis = GenesisJson.read(genesisFile);
      List<Block> blocks = ChainFile.read(chainFile);
      if (blocks.isEmpty()) {
        throw new UserError(chainFile + " holds no blocks");
      }
      flags.required("number");
      int number = (int) flags.longValue("number", 1, 1, blocks.size());
      ProvableChain parents = parentsOf(genesis, blocks, number);
      return new BlockCandidate(number, parents.candidate(blocks.get(number - 1)));
    } catch (ChainException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static ProvableChain parentsOf(Genesis genesis, List<Block> blocks, int number) {
    try {
      return ProvableChain.of(genesis, blocks.subList(0, number - 1), ExecutorGuestRunner.blockGuest());
    } catch (ChainException e) {
      throw new UserError("a block before block " + number + " is not valid: " + e.getMessage());
    }
  }
}
