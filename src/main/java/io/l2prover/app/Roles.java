package io.l2prover.app;

import io.l2prover.app.bench.BenchRole;
import io.l2prover.app.cli.Role;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The roles the jar knows, in the order the usage text lists them. */
public final class Roles {

  private final Map<String, Role> byName = new LinkedHashMap<>();

  public Roles(List<Role> roles) {
    for (Role role : roles) {
      if (byName.putIfAbsent(role.name(), role) != null) {
        throw new IllegalArgumentException("two roles named " + role.name());
      }
    }
  }

  /** Every role this build ships. Each issue that adds a role registers it here. */
  public static Roles standard() {
    return standard(System.getenv(), BackendSelector.standard());
  }

  /**
   * As {@link #standard()}: every command that proves chooses its compute backend with
   * {@code selector} from PROVER_GPU (the one-shot commands read it from {@code environment}, the
   * services from their configuration), so tests can stand a fake probe in for the real one.
   */
  static Roles standard(Map<String, String> environment, BackendSelector selector) {
    Supplier<ComputeBackend> benchBackend = () -> Services.computeBackend(
        ProverConfig.from(ConfigLoader.defaultsAndEnvironment(environment), environment), selector);
    return new Roles(List.of(new DemoRole(System.out, selector), new ClientRole(selector), new ServerRole(),
        new ProverNodeRole(selector), new ExecuteRole(), new ProveRole(System.out, environment, selector),
        new VerifyRole(System.out), new ImageIdRole(System.out), new ChainRole(),
        new BlockRole(System.out, System.err, environment, selector), BenchRole.standard(benchBackend)));
  }

  public Optional<Role> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public String usage() {
    StringBuilder text = new StringBuilder("usage: java -jar l2-prover.jar <role> [options]\n\nroles:\n");
    byName.values().forEach(r -> text.append(String.format("  %-12s %s%n", r.name(), r.summary())));
    text.append("\n`java -jar l2-prover.jar <role> --help` describes a role's options.\n");
    return text.toString();
  }
}
