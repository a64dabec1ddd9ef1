package io.l2prover.app;

import io.l2prover.app.bench.BenchRole;
import io.l2prover.app.cli.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    return new Roles(List.of(new DemoRole(System.out), new ClientRole(), new ServerRole(),
        new ProverNodeRole(), new ExecuteRole(), new ProveRole(System.out, System.getenv()),
        new VerifyRole(System.out), new ImageIdRole(System.out), new ChainRole(), new BlockRole(), BenchRole.standard()));
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
