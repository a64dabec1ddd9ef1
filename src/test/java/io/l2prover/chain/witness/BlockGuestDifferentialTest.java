package io.l2prover.chain.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random generated chains: the C guest and the Java chain layer give the same journal for every
 * block, with the zkVM's precompiles and without them (the guest's software paths).
 */
class BlockGuestDifferentialTest {

  private final Program guest = Program.fromElf(Guests.bundled("block"));

  @Property(tries = 6)
  void guestAndJavaAgreeOnRandomChains(@ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int accounts,
      @ForAll @IntRange(min = 0, max = 6) int txsPerBlock) {
    GeneratedChain generated = ChainGenerator.generate(new GeneratorSpec(accounts, 2, txsPerBlock, 1 + (seed & 0xffff), seed));
    ProvableChain chain = ProvableChain.of(generated.genesis(), generated.blocks());
    for (long n = 1; n <= chain.headNumber(); n++) {
      ExecutionResult result = Executor.run(guest, GuestInputEncoder.encode(chain.input(n)), ExecutorOptions.defaults());
      assertThat(result.exitCode()).as("block %d: %s", n, new String(result.stderr(), StandardCharsets.UTF_8)).isZero();
      assertThat(BlockJournal.decode(result.journal())).isEqualTo(chain.expectedJournal(n));
      ExecutionResult software = Executor.run(guest, GuestInputEncoder.encode(chain.input(n)),
          ExecutorOptions.defaults().withPrecompiles(false));
      assertThat(software.journal()).as("block %d without precompiles", n).isEqualTo(result.journal());
    }
  }
}
