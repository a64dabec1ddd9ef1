package io.l2prover.app.bench;

import io.l2prover.app.cli.Role;
import io.l2prover.app.cli.UserError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench <subcommand> [options]}: measurement commands, picked by their first argument; each
 * subcommand has the shape of a role.
 */
public final class BenchRole implements Role {

  private final Map<String, Role> subcommands = new LinkedHashMap<>();

  public BenchRole(List<Role> subcommands) {
    subcommands.forEach(s -> this.subcommands.put(s.name(), s));
  }

  /** The benchmarks this build ships. */
  public static BenchRole standard() {
    return new BenchRole(List.of(new ExecBench(), new StarkBench(), new GpuBenchCommand()));
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "measure a component: " + String.join(", ", subcommands.keySet());
  }

  @Override
  public int run(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.print(usage());
      return args.length == 0 ? 2 : 0;
    }
    Role sub = subcommands.get(args[0]);
    if (sub == null) {
      throw new UserError("unknown benchmark '" + args[0] + "'; choose one of " + subcommands.keySet(), 2);
    }
    return sub.run(Arrays.copyOfRange(args, 1, args.length));
  }

  private String usage() {
    StringBuilder text = new StringBuilder("usage: java -jar l2-prover.jar bench <benchmark> [options]\n\nbenchmarks:\n");
    subcommands.values().forEach(s -> text.append(String.format("  %-8s %s%n", s.name(), s.summary())));
    return text.toString();
  }
}
