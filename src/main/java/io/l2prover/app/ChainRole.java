package io.l2prover.app;

import io.l2prover.guest.ExecutorGuestRunner;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.CommandGroup;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.ContractChainGenerator;
import io.l2prover.chain.gen.EvmBlockSealer;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.witness.ProvableChain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code chain generate} writes a generated test chain; {@code chain verify} validates a chain. */
public final class ChainRole extends CommandGroup {

  private static final String USAGE = String.join("\n",
      "usage: java -jar l2-prover.jar chain generate --accounts N --blocks M --txs-per-block K --out DIR",
      "                                            [--chain-id ID] [--seed S] [--workload transfers|contracts]",
      "       java -jar l2-prover.jar chain verify --genesis FILE --chain FILE",
      "",
      "generate  writes DIR/genesis.json and DIR/chain.rlp: M blocks of K signed value transfers",
      "          between N funded accounts with deterministic keys (chain id 1729, seed 1 by default);",
      "          --workload contracts: block 1 deploys an ERC-20 token and a storage-heavy contract, then",
      "          blocks alternate K token transfers and K calls writing 10 slots each, sealed by the",
      "          block guest (one line per block: gas, cycles, cycles per gas)",
      "verify    validates every block of an RLP chain file on its genesis and prints each block's",
      "          hash, state root, transactions and gas used",
      "");

  public ChainRole() {
    this(System.out);
  }

  ChainRole(PrintStream out) {
    super("chain", List.of(
        command("chain", "generate", Set.of("accounts", "blocks", "txs-per-block", "out", "chain-id", "seed",
            "workload"), USAGE,
            out, flags -> generate(flags, out)),
        command("chain", "verify", Set.of("genesis", "chain"), USAGE, out, flags -> verify(flags, out))), out);
  }

  @Override
  public String summary() {
    return "generate a test chain (generate) or validate one (verify)";
  }

  @Override
  protected String usage() {
    return USAGE;
  }

  @Override
  protected String unknownCommand(String word) {
    return "unknown chain command '" + word + "' (use generate or verify)";
  }

  @Override
  public int run(String[] args) throws Exception {
    try {
      return super.run(args);
    } catch (ChainException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static int generate(CliFlags flags, PrintStream out) throws IOException {
    GeneratorSpec spec;
    try {
      spec = new GeneratorSpec(intFlag(flags, "accounts"), intFlag(flags, "blocks"), intFlag(flags, "txs-per-block"),
          flags.longValue("chain-id", 1729, 1, Long.MAX_VALUE), flags.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), Main.EXIT_USAGE);
    }
    Path dir = Path.of(flags.required("out"));
    String workload = flags.string("workload").orElse("transfers");
    GeneratedChain chain = switch (workload) {
      case "transfers" -> ChainGenerator.generate(spec);
      case "contracts" -> contractChain(spec, out);
      default -> throw new UserError("--workload must be transfers or contracts, not " + workload, Main.EXIT_USAGE);
    };
    try {
      chain.write(dir);
    } catch (IOException e) {
      throw new UserError("cannot write the chain into " + dir + ": " + e);
    }
    var head = chain.blocks().get(chain.blocks().size() - 1).header();
    out.printf("wrote %s and %s: %d blocks, %d transactions, head %s, state root %s%n",
        dir.resolve("genesis.json"), dir.resolve("chain.rlp"), chain.blocks().size(),
        chain.transactionCount(), head.hash(), head.stateRoot());
    return 0;
  }

  private static GeneratedChain contractChain(GeneratorSpec spec, PrintStream out) {
    ContractChainGenerator.Result result;
    try {
      result = ContractChainGenerator.generate(spec, ExecutorGuestRunner.blockGuest());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), Main.EXIT_USAGE);
    }
    for (EvmBlockSealer.Sealed sealed : result.sealed()) {
      long gas = sealed.block().header().gasUsed();
      long cycles = sealed.recording().run().cycles();
      out.printf(Locale.ROOT, "block %d: %d transactions, %d gas, %d cycles (%.1f per gas)%n", sealed.block().number(),
          sealed.block().transactions().size(), gas, cycles, (double) cycles / gas);
    }
    return result.chain();
  }

  private static int verify(CliFlags flags, PrintStream out) {
    ProvableChain chain = ProvableChain.load(Path.of(flags.required("genesis")), Path.of(flags.required("chain")),
        ExecutorGuestRunner.blockGuest());
    out.printf("genesis %s, chain id %d%n", chain.header(0).hash(), chain.config().chainId());
    for (long n = 1; n <= chain.headNumber(); n++) {
      var header = chain.header(n);
      out.printf("block %d %s state root %s, %d transactions, %d gas: valid%n", n, header.hash(),
          header.stateRoot(), chain.block(n).transactions().size(), header.gasUsed());
    }
    return 0;
  }

  /** A required whole-number flag; the spec checks its range. */
  private static int intFlag(CliFlags flags, String name) {
    flags.required(name);
    return (int) flags.longValue(name, 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }
}
