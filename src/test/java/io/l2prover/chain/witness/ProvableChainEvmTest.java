package io.l2prover.chain.witness;

import io.l2prover.guest.ExecutorGuestRunner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.chain.ChainException;
import io.l2prover.chain.gen.ContractChainGenerator;
import io.l2prover.chain.gen.GeneratedChain;
import io.l2prover.chain.gen.GeneratorSpec;
import io.l2prover.chain.types.Block;
import io.l2prover.chain.types.BlockHeader;
import io.l2prover.util.Bytes;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chain with contract blocks is validated by the block guest where Java has no EVM: each such
 * block's input is version 2 with the witness its recording run collected, and the guest commits
 * the journal the chain expects from that input alone; a tampered contract block is refused.
 */
class ProvableChainEvmTest {

  private static Program guest;
  private static GeneratedChain generated;
  private static ProvableChain chain;

  @BeforeAll
  static void setUp() {
    guest = Program.fromElf(Guests.bundled("block"));
    generated = ContractChainGenerator.generate(GeneratorSpec.of(4, 3, 2), new ExecutorGuestRunner(guest, ExecutorOptions.defaults())).chain();
    chain = ProvableChain.of(generated.genesis(), generated.blocks(), new ExecutorGuestRunner(guest, ExecutorOptions.defaults()));
  }

  @Test
  void everyContractBlockIsProvenFromItsInput() {
    assertThat(chain.headNumber()).isEqualTo(3);
    for (long n = 1; n <= chain.headNumber(); n++) {
      GuestInput input = chain.input(n);
      assertThat(input.version()).isEqualTo(GuestInput.EVM);
      ExecutionResult result = Executor.run(guest, GuestInputEncoder.encode(input), ExecutorOptions.defaults());
      assertThat(result.exitCode()).isZero();
      assertThat(BlockJournal.decode(result.journal())).isEqualTo(chain.expectedJournal(n));
    }
  }

  @Test
  void aContractBlockWithAWrongStateRootIsRefused() {
    List<Block> blocks = new ArrayList<>(generated.blocks());
    Block last = blocks.remove(blocks.size() - 1);
    BlockHeader h = last.header();
    BlockHeader wrong = new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), h.receiptsRoot(),
        h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(), h.gasUsed(),
        h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas(), h.withdrawalsRoot(), h.blobGasUsed(),
        h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash());
    blocks.add(new Block(wrong, last.transactions(), last.ommers(), last.withdrawals()));
    assertThatThrownBy(() -> ProvableChain.of(generated.genesis(), blocks, new ExecutorGuestRunner(guest, ExecutorOptions.defaults()))).isInstanceOf(ChainException.class)
        .hasMessageContaining("invalid block 3").hasMessageContaining("state root mismatch");
    assertThat(Bytes.of(wrong.encode())).isNotEqualTo(Bytes.of(h.encode()));
  }
}
