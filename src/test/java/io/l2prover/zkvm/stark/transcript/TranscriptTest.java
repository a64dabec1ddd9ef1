package io.l2prover.zkvm.stark.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.poseidon2.Poseidon2;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  @Test
  void proverAndVerifierDrawTheSameChallenges() {
    Transcript p = new Transcript("test-protocol v1");
    Transcript v = new Transcript("test-protocol v1");
    Digest d = Digest.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8});
    for (Transcript t : new Transcript[] {p, v}) {
      t.observe(d);
      t.observeSized(new int[] {42, 43});
    }
    assertThat(p.sampleExt()).isEqualTo(v.sampleExt());
    assertThat(p.sampleBits(20)).isEqualTo(v.sampleBits(20));
    assertThat(p.sample()).isEqualTo(v.sample());
  }

  @Test
  void everyObservationChangesTheChallenges() {
    Set<Integer> seen = new HashSet<>();
    for (int x = 0; x < 50; x++) {
      Transcript t = new Transcript();
      t.observe(x);
      seen.add(t.sample());
    }
    assertThat(seen).hasSize(50);
    Transcript a = new Transcript("a");
    Transcript b = new Transcript("b");
    assertThat(a.sample()).isNotEqualTo(b.sample());
  }

  /** A partial block is length-tagged: [x] and [x, 0] must not give the same challenge. */
  @Test
  void trailingZerosAreNotAmbiguous() {
    Transcript a = new Transcript();
    a.observe(5);
    Transcript b = new Transcript();
    b.observe(5);
    b.observe(0);
    assertThat(a.sample()).isNotEqualTo(b.sample());
  }

  /** Matches the duplex construction written out by hand with the raw permutation. */
  @Test
  void followsTheDocumentedDuplexConstruction() {
    Transcript t = new Transcript();
    for (int i = 1; i <= 10; i++) {
      t.observe(i);
    }
    int s1 = t.sample();
    int s2 = t.sample();

    int[] state = new int[16];
    for (int i = 0; i < 8; i++) {
      state[i] = i + 1;
    }
    state[8] = 8;
    Poseidon2.babyBear().permute(state);
    state[0] = 9;
    state[1] = 10;
    for (int i = 2; i < 8; i++) {
      state[i] = 0;
    }
    state[8] = BabyBear.add(state[8], 2);
    Poseidon2.babyBear().permute(state);
    assertThat(s1).isEqualTo(state[7]);
    assertThat(s2).isEqualTo(state[6]);
  }

  @Test
  void sampleBitsStaysInRange() {
    Transcript t = new Transcript();
    for (int i = 0; i < 1000; i++) {
      int bits = i % 31;
      int v = t.sampleBits(bits);
      assertThat(v).isBetween(0, (1 << bits) - 1);
    }
    assertThatThrownBy(() -> t.sampleBits(31)).hasMessageContaining("bits");
  }

  @Test
  void grindingFindsAWitnessTheVerifierAccepts() {
    Transcript prover = new Transcript("pow");
    Transcript verifier = new Transcript("pow");
    prover.observe(Ext4.of(7));
    verifier.observe(Ext4.of(7));
    int witness = prover.grind(8);
    assertThat(verifier.copy().checkWitness(8, witness)).isTrue();
    assertThat(verifier.checkWitness(8, witness)).isTrue();
    // Both sides are left in the same state.
    assertThat(prover.sample()).isEqualTo(verifier.sample());
  }

  @Test
  void verifierRejectsWrongWitnesses() {
    Transcript base = new Transcript("pow");
    int witness = base.copy().grind(10);
    int rejected = 0;
    for (int w = 0; w < witness; w++) {
      if (!base.copy().checkWitness(10, w)) {
        rejected++;
      }
    }
    assertThat(rejected).isEqualTo(witness); // grind returns the smallest witness
    assertThat(base.copy().checkWitness(10, -1)).isFalse();
    assertThat(base.copy().checkWitness(10, BabyBear.P)).isFalse();
  }

  @Test
  void grindingReturnsTheSmallestWitnessWhateverInputIsPending() {
    for (int pending = 0; pending < 8; pending++) {
      for (int bits : new int[] {0, 1, 9}) {
        Transcript base = new Transcript("pow");
        base.sample(); // leaves output unread: observing must discard it
        for (int i = 0; i < pending; i++) {
          base.observe(100 + i);
        }
        int smallest = 0;
        while (!base.copy().checkWitness(bits, smallest)) {
          smallest++;
        }
        Transcript prover = base.copy();
        assertThat(prover.grind(bits)).as("%d pending, %d bits", pending, bits).isEqualTo(smallest);
        Transcript verifier = base.copy();
        verifier.checkWitness(bits, smallest);
        assertThat(prover.sample()).isEqualTo(verifier.sample());
      }
    }
  }

  @Test
  void rejectsNonCanonicalObservations() {
    assertThatThrownBy(() -> new Transcript().observe(BabyBear.P)).hasMessageContaining("canonical");
  }
}
