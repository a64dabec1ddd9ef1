package io.l2prover.zkvm.stark.verifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.ExampleAir;
import io.l2prover.zkvm.stark.examples.ExampleTrace;
import io.l2prover.zkvm.stark.examples.FibonacciAir;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import io.l2prover.zkvm.stark.examples.MemoryTraces;
import io.l2prover.zkvm.stark.examples.RangeCheckAir;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.StarkProof;
import io.l2prover.zkvm.stark.proof.TableProof;
import io.l2prover.zkvm.stark.prover.ProvingKey;
import io.l2prover.zkvm.stark.prover.StarkProver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad traces proven without the constraint check must be rejected by the verifier. */
class StarkSoundnessTest {

  private final CpuBackend backend = new CpuBackend();
  private final FriParameters params = FriParameters.DEFAULT;

  private void assertRejected(ExampleAir air, int logRows, int[][] main, int[] publicValues, String reason) {
    ProvingKey key = ProvingKey.setup(air, logRows, params, backend);
    StarkProof proof = StarkProver.unchecked(backend).prove(key, main, publicValues);
    assertThatThrownBy(() -> new StarkVerifier(params).verify(air, key.verifyingKey(),
        ProofCodec.decode(ProofCodec.encode(proof)), publicValues))
        .isInstanceOf(InvalidProofException.class)
        .hasMessageContaining(reason);
  }

  private static StarkProof withTable(StarkProof proof, TableProof table) {
    MultiTableProof p = proof.proof();
    return new StarkProof(p.withTables(List.of(table)));
  }

  @Test
  void fibonacciOneCellChanged() {
    FibonacciAir air = new FibonacciAir();
    ExampleTrace t = air.generate(5, 0);
    t.main()[1][9] = (t.main()[1][9] + 1);
    assertRejected(air, 5, t.main(), t.publicValues(), "out-of-domain");
  }

  @Test
  void fibonacciTwoRowsSwapped() {
    FibonacciAir air = new FibonacciAir();
    ExampleTrace t = air.generate(5, 0);
    for (int[] column : t.main()) {
      int tmp = column[3];
      column[3] = column[4];
      column[4] = tmp;
    }
    assertRejected(air, 5, t.main(), t.publicValues(), "out-of-domain");
  }

  @Test
  void fibonacciWrongPublicResult() {
    FibonacciAir air = new FibonacciAir();
    ExampleTrace t = air.generate(4, 0);
    int[] wrong = t.publicValues().clone();
    wrong[2] = wrong[2] + 1;
    assertRejected(air, 4, t.main(), wrong, "out-of-domain");
  }

  @Test
  void validProofRejectedForOtherPublicValues() throws Exception {
    FibonacciAir air = new FibonacciAir();
    ExampleTrace t = air.generate(4, 0);
    ProvingKey key = ProvingKey.setup(air, 4, params, backend);
    StarkProof proof = StarkProver.checked(backend).prove(key, t.main(), t.publicValues());
    StarkVerifier verifier = new StarkVerifier(params);
    verifier.verify(air, key.verifyingKey(), proof, t.publicValues());
    int[] wrong = t.publicValues().clone();
    wrong[2] = wrong[2] + 1;
    assertThatThrownBy(() -> verifier.verify(air, key.verifyingKey(), proof, wrong))
        .isInstanceOf(InvalidProofException.class)
        .hasMessageContaining("public values");
    // The same proof relabelled with the other public values: the transcript then disagrees.
    TableProof t0 = proof.table();
    StarkProof relabelled = withTable(proof, t0.withStatement(t0.name(), wrong));
    assertThatThrownBy(() -> verifier.verify(air, key.verifyingKey(), relabelled, wrong))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void rangeCheckValueOutsideTable() {
    RangeCheckAir air = new RangeCheckAir();
    ExampleTrace t = air.generate(RangeCheckAir.TABLE_BITS, 1);
    int old = t.main()[0][77];
    t.main()[0][77] = 1 << RangeCheckAir.TABLE_BITS; // just past the table; the count of the old value is dropped
    t.main()[RangeCheckAir.VALUES_PER_ROW][old]--;
    assertRejected(air, RangeCheckAir.TABLE_BITS, t.main(), t.publicValues(), "LogUp sums do not balance");
  }

  @Test
  void memoryInconsistentRead() {
    MemoryAir air = new MemoryAir();
    ExampleTrace t = air.generate(6, 3);
    MemoryTraces.corruptFirstRead(t.main());
    assertRejected(air, 6, t.main(), t.publicValues(), "out-of-domain");
  }

  @Test
  void memorySortedCopyNotAPermutation() {
    MemoryAir air = new MemoryAir();
    ExampleTrace t = air.generate(6, 4);
    t.main()[MemoryTraces.VALUE][5] ^= 8; // execution log changed, sorted copy kept
    assertRejected(air, 6, t.main(), t.publicValues(), "LogUp sums do not balance");
  }

  @Test
  void memoryAddressOutsideTheRangeTable() {
    MemoryAir air = new MemoryAir();
    ExampleTrace t = air.generate(6, 6);
    t.main()[MemoryTraces.ADDRESS][12] = 1 << 6; // one past the table: the sorted copy stays ordered
    MemoryTraces.rebuildSorted(t.main());
    assertRejected(air, 6, t.main(), t.publicValues(), "LogUp sums do not balance");
  }

  @Test
  void memoryForgedSumCannotHideAnUnbalancedLookup() {
    // The prover cannot claim a zero LogUp sum when the trace does not balance: the
    // accumulator's last-row constraint ties the claim to the trace.
    MemoryAir air = new MemoryAir();
    ExampleTrace t = air.generate(6, 5);
    t.main()[MemoryTraces.VALUE][7] ^= 16;
    ProvingKey key = ProvingKey.setup(air, 6, params, backend);
    StarkProof proof = StarkProver.unchecked(backend).prove(key, t.main(), t.publicValues());
    TableProof t0 = proof.table();
    StarkProof forged = withTable(proof, t0.withClaimedSums(new Ext4[] {Ext4.ZERO}));
    assertThatThrownBy(() -> new StarkVerifier(params).verify(air, key.verifyingKey(), forged, t.publicValues()))
        .isInstanceOf(InvalidProofException.class);
  }
}
