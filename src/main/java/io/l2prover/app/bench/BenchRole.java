package io.l2prover.app.bench;

import io.l2prover.app.cli.CommandGroup;
import io.l2prover.app.cli.Role;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code bench <subcommand> [options]}: measurement commands, picked by their first argument; each
 * subcommand has the shape of a role.
 */
public final class BenchRole extends CommandGroup {

  public BenchRole(List<Role> subcommands) {
    super("bench", subcommands, System.out);
  }

  /**
   * The benchmarks this build ships; those that prove ({@code stark}, {@code prove}) get their
   * compute backend from {@code backend} when they start: the one PROVER_GPU selects.
   */
  public static BenchRole standard(Supplier<ComputeBackend> backend) {
    return new BenchRole(List.of(new ExecBench(), new StarkBench(backend), new ProveBench(System.out, backend),
        new GpuBenchCommand()));
  }

  @Override
  public String summary() {
    return "measure a component: " + String.join(", ", commands().keySet());
  }

  @Override
  protected String usage() {
    StringBuilder text = new StringBuilder("usage: java -jar l2-prover.jar bench <benchmark> [options]\n\nbenchmarks:\n");
    commands().values().forEach(s -> text.append(String.format("  %-8s %s%n", s.name(), s.summary())));
    return text.toString();
  }

  @Override
  protected String unknownCommand(String word) {
    return "unknown benchmark '" + word + "'; choose one of " + commands().keySet();
  }
}
