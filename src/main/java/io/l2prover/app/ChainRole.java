package io.l2prover.app;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.witness.ProvableChain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
    Map<String, String> options = options(args);
    try {
      return switch (args[0]) {
        case "generate" -> generate(options);
        case "verify" -> verify(options);
        default -> throw new UserError("unknown chain command '" + args[0] + "' (use generate or verify)", Main.EXIT_USAGE);
      };
    } catch (ChainException e) {
      throw new UserError(e.getMessage());
    }
  }

  private int generate(Map<String, String> options) throws IOException {
    allow(options, Set.of("accounts", "blocks", "txs-per-block", "out", "chain-id", "seed"));
    GeneratorSpec spec;
    try {
      spec = new GeneratorSpec(intOption(options, "accounts"), intOption(options, "blocks"),
          intOption(options, "txs-per-block"),
          options.containsKey("chain-id") ? longOption(options, "chain-id") : 1729,
          options.containsKey("seed") ? longOption(options, "seed") : 1);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), Main.EXIT_USAGE);
    }
    Path dir = Path.of(required(options, "out"));
    GeneratedChain chain = ChainGenerator.generate(spec);
    chain.write(dir);
    var head = chain.blocks().get(chain.blocks().size() - 1).header();
    out.printf("wrote %s and %s: %d blocks, %d transactions, head %s, state root %s%n",
        dir.resolve("genesis.json"), dir.resolve("chain.rlp"), chain.blocks().size(),
        chain.transactionCount(), head.hash(), head.stateRoot());
    return 0;
  }

  private int verify(Map<String, String> options) {
    allow(options, Set.of("genesis", "chain"));
    ProvableChain chain = ProvableChain.load(Path.of(required(options, "genesis")), Path.of(required(options, "chain")));
    out.printf("genesis %s, chain id %d%n", chain.header(0).hash(), chain.config().chainId());
    for (long n = 1; n <= chain.headNumber(); n++) {
      var header = chain.header(n);
      out.printf("block %d %s state root %s, %d transactions, %d gas: valid%n", n, header.hash(),
          header.stateRoot(), chain.block(n).transactions().size(), header.gasUsed());
    }
    return 0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new UserError("expected an option like --name value, found '" + args[i] + "'", Main.EXIT_USAGE);
      }
      if (i + 1 >= args.length) {
        throw new UserError("option " + args[i] + " needs a value", Main.EXIT_USAGE);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static void allow(Map<String, String> options, Set<String> known) {
    for (String name : options.keySet()) {
      if (!known.contains(name)) {
        throw new UserError("unknown option --" + name + " (see `chain --help`)", Main.EXIT_USAGE);
      }
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new UserError("missing option --" + name + " (see `chain --help`)", Main.EXIT_USAGE);
    }
    return value;
  }

  private static int intOption(Map<String, String> options, String name) {
    long value = longOption(options, name);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new UserError("--" + name + " " + value + " is too large", Main.EXIT_USAGE);
    }
    return (int) value;
  }

  private static long longOption(Map<String, String> options, String name) {
    String text = required(options, name);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UserError("--" + name + " must be a whole number, found '" + text + "'", Main.EXIT_USAGE);
    }
  }
}
