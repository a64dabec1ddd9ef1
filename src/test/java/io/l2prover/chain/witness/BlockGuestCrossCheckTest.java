package io.l2prover.chain.witness;

import io.l2prover.guest.ExecutorGuestRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.chain.BlockTamper;
import io.l2prover.chain.CoinbaseFixtures;
import io.l2prover.chain.crypto.Secp256k1;
import io.l2prover.chain.gen.BlockBuilder;
import io.l2prover.chain.state.InvalidBlockException;
import io.l2prover.chain.gen.ChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.trie.MapNodeStore;
import io.l2prover.chain.types.Address;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.Hash32;
import io.l2prover.chain.types.Transaction;
import io.l2prover.chain.types.U256;
import io.l2prover.chain.types.Withdrawal;
import io.l2prover.util.Bytes;
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
    chain = ProvableChain.of(generated.genesis(), generated.blocks(), ExecutorGuestRunner.blockGuest());
    GeneratedChain small = ChainGenerator.generate(GeneratorSpec.of(6, 2, 3));
    parentChain = ProvableChain.of(small.genesis(), small.blocks().subList(0, 1), ExecutorGuestRunner.blockGuest());
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
            U256.of(BigInteger.TEN.pow(30)), tx.gasLimit(), 1729)),
        BlockTamper.withTransaction(next, 0, BlockTamper.resigned(tx, tx.nonce(), tx.to(), tx.value(), 20_999, 1729)),
        BlockTamper.withTransaction(next, 0, BlockTamper.resigned(tx, tx.nonce(), tx.to(), tx.value(), tx.gasLimit(), 1)),
        BlockTamper.withTransaction(next, 0, BlockTamper.resigned(tx, tx.nonce(), tx.to(), tx.value(),
            next.header().gasLimit() + 1, 1729)),
        BlockTamper.withTransaction(next, 0, tx.withSignature(tx.yParity(), U256.ZERO, tx.s())),
        BlockTamper.withHeader(next, f -> f.transactionsRoot = Hash32.ZERO),
        BlockTamper.withHeader(next, f -> f.receiptsRoot = Hash32.ZERO),
        BlockTamper.withHeader(next, f -> f.timestamp = parentChain.header(1).timestamp()),
        BlockTamper.withHeader(next, f -> f.gasLimit = f.gasLimit + f.gasLimit / 1024),
        BlockTamper.withHeader(next, f -> f.extraData = Bytes.of(new byte[33])),
        BlockTamper.withHeader(next, f -> f.difficulty = U256.ONE),
        BlockTamper.withHeader(next, f -> f.excessBlobGas = Optional.of(1L)));
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
  void whatNeedsAnEvmIsJudgedByTheGuestOnAnExecutionWitnessAndRefusedOnATransferWitness() {
    Transaction tx = next.transactions().get(0);
    Address contract = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    for (Optional<Address> to : List.of(Optional.<Address>empty(), Optional.of(contract))) {
      // The header still claims the gas of a transfer, so the EVM's gas makes the block invalid.
      Block block = BlockTamper.withTransaction(next, 0,
          BlockTamper.resigned(tx, tx.nonce(), to, tx.value(), 100_000, 1729));
      ProvableChain.CandidateInput candidate = parentChain.candidate(block);
      assertThat(candidate.input().version()).isEqualTo(GuestInput.EVM);
      assertThat(candidate.rejection()).get().isInstanceOf(InvalidBlockException.class);
      ExecutionResult result = run(candidate.input());
      assertThat(result.exitCode()).isEqualTo(EXIT_INVALID);
      assertThat(stderr(result)).contains("gas used mismatch");

      GuestInput transfersOnly = new GuestInput(candidate.input().chainId(), candidate.input().parentHeader(),
          candidate.input().block(), candidate.input().nodes(), candidate.input().codes(), GuestInput.TRANSFERS);
      ExecutionResult refused = run(transfersOnly);
      assertThat(refused.exitCode()).isEqualTo(EXIT_UNSUPPORTED);
      assertThat(stderr(refused)).contains("unsupported:").contains("(version 1) has no EVM execution witness");
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

  /** EIP-161: an existing empty coinbase is touched by the fee payment, even a zero one, and deleted. */
  @Test
  void bothApplyTheCoinbaseRuleOfEip161() {
    var genesis = CoinbaseFixtures.genesis();
    Address empty = CoinbaseFixtures.emptyAccount(genesis);
    for (U256 tip : List.of(U256.ZERO, U256.of(3))) {
      ProvableChain withBlock = ProvableChain.of(genesis,
          List.of(CoinbaseFixtures.blockWithTip(genesis, empty, tip)), ExecutorGuestRunner.blockGuest());
      ExecutionResult result = run(withBlock.input(1));
      assertThat(result.exitCode()).as("tip %s: %s", tip, stderr(result)).isZero();
      assertThat(BlockJournal.decode(result.journal())).as("tip %s", tip).isEqualTo(withBlock.expectedJournal(1));
    }
  }

  @Test
  void bothHandleWithdrawalsAndPreEip155Transactions() {
    var genesis = CoinbaseFixtures.genesis();
    var state = genesis.state(new MapNodeStore());
    var builder = new BlockBuilder(genesis.config().chainId(), genesis.header(state.root()),
        state, CoinbaseFixtures.signer(3));
    builder.add(CoinbaseFixtures.transfer(genesis, builder, 0, CoinbaseFixtures.signer(1), U256.of(2), true),
        CoinbaseFixtures.signer(0));
    builder.add(CoinbaseFixtures.transfer(genesis, builder, 1, CoinbaseFixtures.signer(2), U256.ONE, false),
        CoinbaseFixtures.signer(1));
    Address empty = CoinbaseFixtures.emptyAccount(genesis);
    builder.withdraw(new Withdrawal(0, 1, CoinbaseFixtures.signer(2), 5))
        .withdraw(new Withdrawal(1, 2, empty, 0))
        .withdraw(new Withdrawal(2, 3, Address.fromHex("0x00000000000000000000000000000000000abc00"), 0))
        .withdraw(new Withdrawal(3, 4, Address.fromHex("0x00000000000000000000000000000000000abc01"), 7));
    ProvableChain withBlock = ProvableChain.of(genesis, List.of(builder.build()), ExecutorGuestRunner.blockGuest());
    assertThat(withBlock.account(1, empty)).isEmpty();
    assertThat(withBlock.account(1, Address.fromHex("0x00000000000000000000000000000000000abc00"))).isEmpty();
    ExecutionResult result = run(withBlock.input(1));
    assertThat(result.exitCode()).as(stderr(result)).isZero();
    assertThat(BlockJournal.decode(result.journal())).isEqualTo(withBlock.expectedJournal(1));
  }
}
