package io.l2prover.zkvm.stark.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Scope;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.PublicInteraction;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.transcript.Transcript;
import io.l2prover.zkvm.stark.verifier.MultiTableVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two segments proven in two phases, as a receipt does: both main commitments first, the LogUp
 * challenges drawn from both digests, then both finished. A GLOBAL bus carries tuples from the
 * first segment to the second; each verification returns its GLOBAL sum and only their total is zero.
 */
class TwoPhaseProofTest {

  private static final int BUS = 9;

  private final CpuBackend backend = new CpuBackend();
  private final MultiTableProver prover = MultiTableProver.checked(backend, MultiTableProofTest.PARAMS);
  private final MultiTableVerifier verifier = new MultiTableVerifier(MultiTableProofTest.PARAMS);
  private final BusAir sender = new BusAir("handover-out", BUS, 1, 1, Scope.GLOBAL);
  private final BusAir receiver = new BusAir("handover-in", BUS, -1, 1, Scope.GLOBAL);

  private LookupChallenges challengesFor(Digest... digests) {
    Transcript receipt = new Transcript("test-receipt");
    for (Digest d : digests) {
      receipt.observe(d);
    }
    return LookupChallenges.draw(receipt, MultiTableProofTest.PARAMS);
  }

  @Test
  void globalSumsBalanceAcrossSegments() throws Exception {
    ProvingKey out = ProvingKey.setup(sender, 5, MultiTableProofTest.PARAMS, backend);
    ProvingKey in = ProvingKey.setup(receiver, 5, MultiTableProofTest.PARAMS, backend);
    MainCommitment first = prover.commitMain(List.of(TableWitness.of(out, sender.trace(5, 100), new int[0])));
    MainCommitment second = prover.commitMain(List.of(TableWitness.of(in, receiver.trace(5, 100), new int[0])));
    MainCommitment wrong = prover.commitMain(List.of(TableWitness.of(in, receiver.trace(5, 101), new int[0])));
    LookupChallenges challenges = challengesFor(first.digest(), second.digest());

    MultiTableProof p1 = ProofCodec.decodeMulti(ProofCodec.encode(prover.finish(first, challenges, List.of())));
    MultiTableProof p2 = prover.finish(second, challenges, List.of());
    List<TableKey> k1 = List.of(out.tableKey());
    List<TableKey> k2 = List.of(in.tableKey());
    List<int[]> none = List.of(new int[0]);
    assertThat(verifier.mainDigest(k1, p1, none)).isEqualTo(first.digest());
    Ext4 g1 = verifier.verify(k1, p1, none, challenges, List.of());
    Ext4 g2 = verifier.verify(k2, p2, none, challenges, List.of());
    assertThat(g1.isZero()).isFalse();
    assertThat(g1.add(g2).isZero()).isTrue();

    // The receiving segment holds other tuples: each proof is valid, the total is not zero.
    MultiTableProof p3 = prover.finish(wrong, challenges, List.of());
    assertThat(g1.add(verifier.verify(k2, p3, none, challenges, List.of())).isZero()).isFalse();
    // A proof finished with other challenges is refused.
    LookupChallenges other = challengesFor(first.digest());
    assertThatThrownBy(() -> verifier.verify(k1, p1, none, other, List.of()))
        .isInstanceOf(InvalidProofException.class);
    // One-shot, the global scope must balance inside the proof itself.
    MultiTableProof alone = MultiTableProver.unchecked(backend, MultiTableProofTest.PARAMS)
        .prove(List.of(TableWitness.of(out, sender.trace(5, 100), new int[0])), List.of());
    assertThatThrownBy(() -> verifier.verify(k1, alone, none, List.of()))
        .isInstanceOf(InvalidProofException.class).hasMessageContaining("global LogUp sums do not balance");
    assertThatThrownBy(() -> prover.prove(List.of(TableWitness.of(out, sender.trace(5, 100), new int[0])), List.of()))
        .isInstanceOf(UnsatisfiedAirException.class).hasMessageContaining("global");
  }

  @Test
  void publicTermsCloseTheGlobalBalance() throws Exception {
    // The receipt's verifier supplies what the first segment hands over: one public term per tuple.
    ProvingKey out = ProvingKey.setup(sender, 3, MultiTableProofTest.PARAMS, backend);
    List<PublicInteraction> received = new java.util.ArrayList<>();
    for (int r = 0; r < 8; r++) {
      received.add(new PublicInteraction(BUS, Scope.GLOBAL, -1, new int[] {40 + r}));
    }
    MultiTableProof proof = prover.prove(List.of(TableWitness.of(out, sender.trace(3, 40), new int[0])), received);
    verifier.verify(List.of(out.tableKey()), proof, List.of(new int[0]), received);
  }
}
