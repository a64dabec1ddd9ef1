package io.l2prover.zkvm.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TestPrograms;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Segments proven one by one by separate provers, under challenges drawn from all their digests, make a receipt. */
class SegmentPlanTest {

  private static final ExecutorOptions OPTIONS = ExecutorOptions.defaults()
      .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());

  /**
   * hello at po2 10; three keccak_f calls at po2 8, where the segments end before calls that do
   * not fit and each segment is replayed with the proven precompiles on.
   */
  static Stream<Arguments> guests() {
    return Stream.of(Arguments.of("hello", Guests.bundled("hello"), 10),
        Arguments.of("three keccak_f calls", TestPrograms.keccakCalls(3), 8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guests")
  void segmentsProvenApartMakeAVerifiedReceiptAndEachProofIsCheckedAlone(String name, byte[] elf, int po2)
      throws Exception {
    Program program = Program.fromElf(elf);
    SegmentPlan plan = SegmentPlan.of(new CpuBackend(), program, new byte[0], OPTIONS.withPo2(po2));
    assertThat(plan.work()).hasSizeBetween(2, 4);
    List<SegmentProver.Committed> committed = new ArrayList<>();
    for (var work : plan.work()) {
      // A prover of its own per segment, as on separate workers.
      committed.add(new SegmentProver(new CpuBackend()).commit(program, new byte[0], work));
    }
    List<Digest> digests = committed.stream().map(SegmentProver.Committed::digest).toList();
    Digest again = new SegmentProver(new CpuBackend()).commit(program, new byte[0], plan.work().get(1)).digest();
    assertThat(again).isEqualTo(digests.get(1));
    LookupChallenges challenges = plan.challenges(digests);
    SegmentProver finisher = new SegmentProver(new CpuBackend());
    List<MultiTableProof> proofs = new ArrayList<>();
    for (int k = 0; k < committed.size(); k++) {
      MultiTableProof proof = finisher.finish(committed.get(k), challenges);
      plan.verifySegment(k, proof, digests.get(k), challenges);
      assertThat(plan.digestOf(proof)).isEqualTo(digests.get(k));
      proofs.add(proof);
    }
    Receipt receipt = plan.assemble(proofs, challenges);
    // Byte for byte the in-process receipt: SegmentedProvingTest compares them.
    ReceiptVerifier.strict().verify(receipt, plan.imageId());
    assertThat(plan.imageId()).isEqualTo(new CompositeProver(new CpuBackend()).imageId(program));

    assertThatThrownBy(() -> plan.verifySegment(0, proofs.get(1), digests.get(1), challenges))
        .isInstanceOf(InvalidProofException.class).hasMessageContaining("claims to be segment 2");
    LookupChallenges other = new LookupChallenges(challenges.beta(), challenges.z(), challenges.powWitness());
    assertThatThrownBy(() -> plan.verifySegment(1, proofs.get(1), digests.get(1), other))
        .isInstanceOf(InvalidProofException.class);
  }
}
