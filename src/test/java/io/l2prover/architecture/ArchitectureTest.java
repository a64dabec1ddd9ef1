package io.l2prover.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules docs/architecture.md draws: one way dependencies, a zkVM that knows no service. */
@AnalyzeClasses(packages = "io.l2prover", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The service side: what the zkVM and the chain layer must never reach up into. */
  private static final String[] SERVICE = {"io.l2prover.app..", "io.l2prover.bus..", "io.l2prover.client..",
      "io.l2prover.guest..", "io.l2prover.health..", "io.l2prover.metrics..", "io.l2prover.protocol..", "io.l2prover.proving..",
      "io.l2prover.server..", "io.l2prover.state.."};

  /** Every package is its own slice, so a cycle between a package and its sub-package counts too. */
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("io.l2prover.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule zkvmKnowsNoVertx = noClasses().that().resideInAPackage("io.l2prover.zkvm..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx..");

  @ArchTest
  static final ArchRule zkvmKnowsNoService = noClasses().that().resideInAPackage("io.l2prover.zkvm..")
      .should().dependOnClassesThat().resideInAnyPackage(SERVICE);

  @ArchTest
  static final ArchRule chainKnowsNoServiceNorZkvm = noClasses().that().resideInAPackage("io.l2prover.chain..")
      .should().dependOnClassesThat().resideInAnyPackage(concat(SERVICE, "io.l2prover.zkvm..", "io.vertx.."));

  @ArchTest
  static final ArchRule utilDependsOnNothingOfOurs = classes().that().resideInAPackage("io.l2prover.util..")
      .should().onlyDependOnClassesThat().resideOutsideOfPackage("io.l2prover..")
      .orShould().dependOnClassesThat().resideInAPackage("io.l2prover.util..");

  /** The executor and the STARK core are below the RV32IM AIR, which is built on them. */
  @ArchTest
  static final ArchRule execAndStarkKnowNoRv32im = noClasses()
      .that().resideInAnyPackage("io.l2prover.zkvm.exec..", "io.l2prover.zkvm.stark..")
      .should().dependOnClassesThat().resideInAPackage("io.l2prover.zkvm.rv32im..")
      .allowEmptyShould(true);

  /** The RV32IM AIR uses the executor, the STARK core, the field and the leaf utilities (parallel loops) only. */
  @ArchTest
  static final ArchRule rv32imBuildsOnExecStarkAndField = classes().that().resideInAPackage("io.l2prover.zkvm.rv32im..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "io.l2prover.zkvm.rv32im..",
          "io.l2prover.zkvm.exec..", "io.l2prover.zkvm.stark..", "io.l2prover.zkvm.field..", "io.l2prover.util..")
      .allowEmptyShould(true);

  /** The example AIRs are for the bench role (and tests) only, never for production proving. */
  @ArchTest
  static final ArchRule examplesOnlyForTheBenchRole = noClasses()
      .that().resideOutsideOfPackages("io.l2prover.app.bench..", "io.l2prover.zkvm.stark.examples..")
      .should().dependOnClassesThat().resideInAPackage("io.l2prover.zkvm.stark.examples..");

  /** The server and the proving side share only what is below both (guest, protocol, chain). */
  @ArchTest
  static final ArchRule serverKnowsNoProvingNorClient = noClasses().that().resideInAPackage("io.l2prover.server..")
      .should().dependOnClassesThat().resideInAnyPackage("io.l2prover.proving..", "io.l2prover.client..",
          "io.l2prover.state..", "io.l2prover.app..");

  @ArchTest
  static final ArchRule provingKnowsNoServerNorClient = noClasses().that().resideInAPackage("io.l2prover.proving..")
      .should().dependOnClassesThat().resideInAnyPackage("io.l2prover.server..", "io.l2prover.client..",
          "io.l2prover.state..", "io.l2prover.app..");

  @ArchTest
  static final ArchRule onlyAppKnowsApp = noClasses().that().resideOutsideOfPackage("io.l2prover.app..")
      .should().dependOnClassesThat().resideInAPackage("io.l2prover.app..");

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
