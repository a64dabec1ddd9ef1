package io.l2prover.chain.witness;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.BlockTamper;
import io.l2prover.chain.UnsupportedException;
import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.Bytes;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.U256;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two implementations, one answer: the C block guest, run in our executor, agrees with the Java
 * chain layer on generated blocks, and both reject the same broken blocks.
 */
class BlockGuestCrossCheckTest {

  private static final int EXIT_INVALID = 1;
  private static final int EXIT_UNSUPPORTED = 2;
  private static Program guest;
  private static ProvableChain chain;
  private static ProvableChain parentChain;
  private static Block next;

  @BeforeAll
  static void setUp() {
    guest = Program.fromElf(Guests.bundled("block"));
    GeneratedChain generated = ChainGenerator.generate(GeneratorSpec.of(10, 3, 13));
    chain = ProvableChain.of(generated.genesis(), generated.blocks());
    GeneratedChain small = ChainGenerator.generate(GeneratorSpec.of(6, 2, 3));
    parentChain = ProvableChain.of(small.genesis(), small.blocks().subList(0, 1));
    next = small.blocks().get(1);
  }

  private static ExecutionResult run(GuestInput input) {
    return Executor.run(guest, GuestInputEncoder.encode(input), ExecutorOptions.defaults());
  }

  private static String stderr(ExecutionResult result) {
    return new String(result.stderr(), StandardCharsets.UTF_8).trim();
  }

  @Test
  void theGuestCommitsTheExpectedJournalForEveryGeneratedBlock() {
    for (long n = 1; n <= chain.headNumber(); n++) {
      ExecutionResult result = run(chain.input(n));
      assertThat(result.exitCode()).as("block %d: %s", n, stderr(result)).isZero();
      assertThat(BlockJournal.decode(result.journal())).isEqualTo(chain.expectedJournal(n));
    }
  }

  @Test
  void aCandidateWitnessOfAValidBlockIsTheExecutionWitness() {
    ProvableChain.CandidateInput candidate = parentChain.candidate(next);
    assertThat(candidate.rejection()).isEmpty();
    ExecutionResult result = run(candidate.input());
    assertThat(result.exitCode()).as(stderr(result)).isZero();
    assertThat(BlockJournal.decode(result.journal())).isEqualTo(candidate.expectedJournal());
  }

  @Test
  void bothRejectTheSameBrokenBlocks() {
    Transaction tx = next.transactions().get(0);
    U256 highS = U256.of(Secp256k1.N.subtract(tx.s().toBigInteger()));
    List<Block> invalid = List.of(
        BlockTamper.withHeader(next, f -> f.stateRoot = Hash32.ZERO),
        BlockTamper.withHeader(next, f -> f.baseFee = f.baseFee.map(b -> b.add(U256.ONE))),
        BlockTamper.withHeader(next, f -> f.parentHash = Hash32.ZERO),
        BlockTamper.withHeader(next, f -> f.gasUsed++),
        BlockTamper.withTransaction(next, 0, BlockTamper.withValue(tx, tx.value().add(U256.ONE))),
        BlockTamper.withTransaction(next, 0, tx.withSignature(1 - tx.yParity(), tx.r(), highS)),
        BlockTamper.withTransaction(next, 0, BlockTamper.resigned(tx, tx.nonce() + 1, tx.to(), tx.value(), tx.gasLimit(), 1729)),
        BlockTamper.withTransaction(next, 0, BlockTamper.resigned(tx, tx.nonce(), tx.to(),
            U256.of(BigInteger.TEN.pow(30)), tx.gasLimit(), 1729)));
    for (Block block : invalid) {
      ProvableChain.CandidateInput candidate = parentChain.candidate(block);
      assertThat(candidate.rejection()).as("Java verdict").isPresent();
      ExecutionResult result = run(candidate.input());
      assertThat(result.exitCode()).as("guest on a block Java rejects with: %s", candidate.rejection().get().getMessage())
          .isEqualTo(EXIT_INVALID);
      assertThat(stderr(result)).isNotEmpty();
    }
  }

  @Test
  void bothRefuseWhatNeedsAnEvm() {
    Transaction tx = next.transactions().get(0);
    Address contract = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    for (Optional<Address> to : List.of(Optional.<Address>empty(), Optional.of(contract))) {
      Block block = BlockTamper.withTransaction(next, 0,
          BlockTamper.resigned(tx, tx.nonce(), to, tx.value(), 100_000, 1729));
      ProvableChain.CandidateInput candidate = parentChain.candidate(block);
      assertThat(candidate.rejection()).get().isInstanceOf(UnsupportedException.class);
      ExecutionResult result = run(candidate.input());
      assertThat(result.exitCode()).isEqualTo(EXIT_UNSUPPORTED);
      assertThat(stderr(result)).contains("unsupported:");
    }
  }

  @Test
  void theGuestFailsWithoutAWitnessNode() {
    GuestInput input = chain.input(2);
    List<Bytes> fewer = new ArrayList<>(input.nodes());
    fewer.remove(fewer.size() / 2);
    ExecutionResult result = run(new GuestInput(input.chainId(), input.parentHeader(), input.block(), fewer, input.codes()));
    assertThat(result.exitCode()).isEqualTo(EXIT_INVALID);
    assertThat(stderr(result)).contains("missing witness node");
  }
}
