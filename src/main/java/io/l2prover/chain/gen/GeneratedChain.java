package io.l2prover.chain.gen;

import io.l2prover.chain.genesis.Genesis;
import io.l2prover.chain.genesis.GenesisJson;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.ChainFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A generated genesis and the blocks on top of it. */
public record GeneratedChain(Genesis genesis, List<Block> blocks) {

  public GeneratedChain {
    blocks = List.copyOf(blocks);
  }

  /** Writes {@code genesis.json} and {@code chain.rlp} into {@code directory} (created if needed). */
  public void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("genesis.json"), GenesisJson.write(genesis));
    ChainFile.write(directory.resolve("chain.rlp"), blocks);
  }

  public int transactionCount() {
    return blocks.stream().mapToInt(b -> b.transactions().size()).sum();
  }
}
