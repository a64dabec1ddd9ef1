package io.l2prover.zkvm.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Guests;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A segment proof made on a faulty device is caught by the check before it leaves the prover,
 * counted, and proven again on the CPU: the receipt verifies, byte for byte the CPU's.
 */
class DeviceCheckTest {

  private static final ExecutorOptions OPTIONS = ExecutorOptions.defaults().withPo2(10)
      .withOutput(OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
  private static final Program HELLO = Program.fromElf(Guests.bundled("hello"));

  @Test
  void aWorkersBadSegmentIsCaughtCountedAndProvenAgainOnTheCpu() throws Exception {
    SegmentPlan plan = SegmentPlan.of(new CpuBackend(), HELLO, new byte[0], OPTIONS);
    FaultyBackend device = new FaultyBackend(FaultyBackend.Fault.LEAF_DIGESTS);
    List<Integer> failed = new ArrayList<>();
    SegmentProver worker = new SegmentProver(device, (segment, reason) -> failed.add(segment));
    SegmentProver reference = new SegmentProver(new CpuBackend());
    List<SegmentProver.Committed> committed = new ArrayList<>();
    for (var work : plan.work()) {
      committed.add(worker.commit(HELLO, new byte[0], work));
    }
    List<Digest> digests = committed.stream().map(SegmentProver.Committed::digest).toList();
    LookupChallenges challenges = plan.challenges(digests);
    List<MultiTableProof> proofs = new ArrayList<>();
    for (int k = 0; k < committed.size(); k++) {
      if (k == 1) {
        device.arm();  // one Merkle tree of segment 2's phase 2 comes back wrong
      }
      MultiTableProof proof = worker.finish(committed.get(k), challenges);
      plan.verifySegment(k, proof, digests.get(k), challenges);
      MultiTableProof cpu = reference.finish(reference.commit(HELLO, new byte[0], plan.work().get(k)), challenges);
      assertThat(ProofCodec.encode(proof)).as("segment %d", k + 1).isEqualTo(ProofCodec.encode(cpu));
      proofs.add(proof);
    }
    assertThat(device.faults()).isEqualTo(1);
    assertThat(failed).containsExactly(2);
    ReceiptVerifier.strict().verify(plan.assemble(proofs, challenges), plan.imageId());
  }

  @Test
  void aBadSegmentProvenInOneProcessIsCaughtCountedAndProvenAgainOnTheCpu() throws Exception {
    FaultyBackend device = new FaultyBackend(FaultyBackend.Fault.FRI_FOLD);
    device.arm();  // the first FRI fold, in the first segment's phase 2
    List<Integer> failed = new ArrayList<>();
    CompositeProver.Proved proved = new CompositeProver(device, (segment, reason) -> failed.add(segment))
        .prove(HELLO, new byte[0], OPTIONS, step -> { });
    assertThat(device.faults()).isEqualTo(1);
    assertThat(failed).containsExactly(1);
    ReceiptVerifier.strict().verify(proved.receipt(), proved.receipt().imageId());
    CompositeProver.Proved cpu = new CompositeProver(new CpuBackend()).prove(HELLO, new byte[0], OPTIONS, step -> { });
    assertThat(proved.receipt()).isEqualTo(cpu.receipt());
  }

  @Test
  void theCpuReferenceIsNotCheckedAndAnyOtherBackendIs() {
    assertThat(DeviceCheck.checks(new CpuBackend())).isFalse();
    assertThat(DeviceCheck.checks(new FaultyBackend(FaultyBackend.Fault.FRI_FOLD))).isTrue();
  }
}
