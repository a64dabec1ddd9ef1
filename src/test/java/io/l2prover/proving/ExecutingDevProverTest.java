package io.l2prover.proving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.guest.BlockGuest;
import io.l2prover.protocol.ProverInput;
import io.l2prover.server.ProvableChainSource;
import io.l2prover.server.TestChains;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.receipt.Receipt;
import io.l2prover.zkvm.receipt.ReceiptKind;
import io.l2prover.zkvm.receipt.ReceiptVerifier;
import org.junit.jupiter.api.Test;

class ExecutingDevProverTest {

  private static final BlockGuest GUEST = BlockGuest.bundled();
  private final ProvableChainSource chain = TestChains.small(2, 7);
  private final ExecutingDevProver prover = new ExecutingDevProver(GUEST, ExecutorOptions.defaults());

  @Test
  void theReceiptCarriesTheJournalTheBlockGuestCommits() throws Exception {
    Receipt receipt = prover.prove(new ProvingJob(2, chain.input(2)));
    assertThat(receipt.kind()).isEqualTo(ReceiptKind.FAKE);
    assertThat(receipt.imageId()).isEqualTo(GUEST.imageId());
    assertThat(receipt.note()).contains("block guest was executed").contains("nothing was proven");
    assertThat(ReceiptVerifier.allowingDevMode().verify(receipt, GUEST.imageId()))
        .isEqualTo(chain.expectedJournal(2));
  }

  @Test
  void aBlockOnTheWrongParentIsRejectedByTheGuest() {
    ProverInput good = chain.input(2);
    ProverInput wrongParent = new ProverInput(chain.input(1).parentHeader(), good.block(), good.witness());
    assertThatThrownBy(() -> prover.prove(new ProvingJob(2, wrongParent)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the block guest rejected block 2");
  }
}
