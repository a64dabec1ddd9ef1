package io.l2prover.app;

import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.Role;
import io.l2prover.app.cli.UserError;
import io.l2prover.chain.ChainException;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.witness.ProvableChain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/** {@code chain generate} writes a generated test chain; {@code chain verify} validates a chain. */
public final class ChainRole implements Role {

  private static final String USAGE = String.join("\n",
      "usage: java -jar l2-prover.jar chain generate --accounts N --blocks M --txs-per-block K --out DIR",
      "                                            [--chain-id ID] [--seed S]",
      "       java -jar l2-prover.jar chain verify --genesis FILE --chain FILE",
      "",
      "generate  writes DIR/genesis.json and DIR/chain.rlp: M blocks of K signed value transfers",
      "          between N funded accounts with deterministic keys (chain id 1729, seed 1 by default)",
      "verify    validates every block of an RLP chain file on its genesis and prints each block's",
      "          hash, state root, transactions and gas used",
      "");

  private final PrintStream out;

  public ChainRole() {
    this(System.out);
  }

  ChainRole(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public String summary() {
    return "generate a test chain (generate) or validate one (verify)";
  }

  @Override
  public int run(String[] args) throws IOException {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.print(USAGE);
      return args.length == 0 ? Main.EXIT_USAGE : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      return switch (args[0]) {
        case "generate" -> generate(CliFlags.parse("chain generate", rest,
            Set.of("accounts", "blocks", "txs-per-block", "out", "chain-id", "seed"), Set.of()));
        case "verify" -> verify(CliFlags.parse("chain verify", rest, Set.of("genesis", "chain"), Set.of()));
        default -> throw new UserError("unknown chain command '" + args[0] + "' (use generate or verify)", Main.EXIT_USAGE);
      };
    } catch (ChainException e) {
      throw new UserError(e.getMessage());
    }
  }

  private int generate(CliFlags flags) throws IOException {
    GeneratorSpec spec;
    try {
      spec = new GeneratorSpec(intFlag(flags, "accounts"), intFlag(flags, "blocks"), intFlag(flags, "txs-per-block"),
          flags.longValue("chain-id", 1729, 1, Long.MAX_VALUE), flags.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), Main.EXIT_USAGE);
    }
    Path dir = Path.of(flags.required("out"));
    GeneratedChain chain = ChainGenerator.generate(spec);
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

  private int verify(CliFlags flags) {
    ProvableChain chain = ProvableChain.load(Path.of(flags.required("genesis")), Path.of(flags.required("chain")));
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
