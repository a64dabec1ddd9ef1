package io.l2prover.zkvm.stark.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.AuxTrace;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.MemoryAccessAir;
import io.l2prover.zkvm.stark.examples.MemoryAir;
import io.l2prover.zkvm.stark.examples.MemoryTraces;
import io.l2prover.zkvm.stark.examples.RangeTableAir;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.verifier.MultiTableVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provers that deviate from the protocol where it helps them most must still be caught. */
class CheatingProverTest {

  private static final int LOG_ROWS = 8;

  private final CpuBackend backend = new CpuBackend();

  @Test
  void aForgedLogUpAccumulatorIsCaught() {
    // One memory table whose execution log is not a permutation of its sorted copy: its LogUp
    // sum S is not zero. The cheater lowers the accumulator by S from the middle row on and
    // claims 0, so the balance check passes and only one transition is broken.
    MemoryAir air = new MemoryAir();
    int[][] main = air.generate(LOG_ROWS, 1).main();
    main[MemoryTraces.VALUE][9] ^= 4;
    ProvingKey key = ProvingKey.setup(air, LOG_ROWS, MultiTableProofTest.PARAMS, backend);
    int accumulator = air.auxWidth() - 1;
    MultiTableProver.Adversary forge = new MultiTableProver.Adversary() {
      @Override
      public AuxTrace aux(int table, AuxTrace honest) {
        Ext4 sum = honest.auxPublics()[0];
        assertThat(sum.isZero()).isFalse();
        int[][] columns = honest.columns().clone();
        for (int k = 0; k < 4; k++) {
          columns[4 * accumulator + k] = columns[4 * accumulator + k].clone();
        }
        for (int r = (1 << LOG_ROWS) / 2; r < 1 << LOG_ROWS; r++) {
          Ext4 v = honest.value(accumulator, r).sub(sum);
          for (int k = 0; k < 4; k++) {
            columns[4 * accumulator + k][r] = v.toArray()[k];
          }
        }
        return new AuxTrace(columns, new Ext4[] {Ext4.ZERO});
      }
    };
    MultiTableProof proof = MultiTableProver.adversarial(backend, MultiTableProofTest.PARAMS, forge)
        .prove(List.of(TableWitness.of(key, main, new int[0])), List.of());
    assertThat(proof.tables().get(0).claimedSums()[0].isZero()).isTrue();
    assertThatThrownBy(() -> new MultiTableVerifier(MultiTableProofTest.PARAMS).verify(List.of(key.tableKey()), proof,
        List.of(new int[0]), List.of())).isInstanceOf(InvalidProofException.class).hasMessageContaining("out-of-domain");
  }

  /**
   * One table's first main column is claimed at ζ plus one and its quotient chunk 0 adjusted so
   * that the out-of-domain identity holds; the DEEP combination of that height is then not of low
   * degree, so the cheater projects it to the nearest low-degree codeword before FRI. The
   * verifier recomputes the DEEP values from the opened rows, and they disagree with the fold.
   */
  @Test
  void aDeepCodewordProjectedToLowDegreeIsCaught() throws Exception {
    MemoryAccessAir access = new MemoryAccessAir();
    RangeTableAir range = new RangeTableAir(LOG_ROWS + 1);
    int[][] log = access.generate(LOG_ROWS, 2).main();
    ProvingKey accessKey = ProvingKey.setup(access, LOG_ROWS, MultiTableProofTest.PARAMS, backend);
    ProvingKey rangeKey = ProvingKey.setup(range, range.bits(), MultiTableProofTest.PARAMS, backend);
    List<TableWitness> witnesses = List.of(TableWitness.of(accessKey, log, new int[0]),
        TableWitness.of(rangeKey, MemoryAccessAir.rangeMultiplicities(log, range.bits()), new int[0]));
    List<TableKey> keys = List.of(accessKey.tableKey(), rangeKey.tableKey());
    // Control: projecting an honest DEEP codeword changes nothing, and the proof verifies.
    MultiTableProver.Adversary projectOnly = new MultiTableProver.Adversary() {
      @Override
      public int[] deepCodeword(int layer, int[] honest) {
        return project(honest, range.bits() - layer);
      }
    };
    new MultiTableVerifier(MultiTableProofTest.PARAMS).verify(keys,
        MultiTableProver.adversarial(backend, MultiTableProofTest.PARAMS, projectOnly).prove(witnesses, List.of()),
        List.of(new int[0], new int[0]), List.of());
    for (int victim = 0; victim < 2; victim++) {
      Air air = keys.get(victim).air();
      int logRows = victim == 0 ? LOG_ROWS : range.bits();
      int target = victim;
      MultiTableProver.Adversary forge = new MultiTableProver.Adversary() {
        @Override
        public Ext4[] valuesAtZeta(int table, Ext4[] honest, Ext4[] atZetaNext, Ext4 zeta, Ext4 alpha,
            Ext4[] challenges, Ext4[] claimedSums, int[] publicValues) {
          if (table != target) {
            return honest;
          }
          Ext4[] values = honest.clone();
          values[air.preprocessedWidth()] = values[air.preprocessedWidth()].add(Ext4.ONE);
          return QuotientForgery.satisfyAtZeta(air, logRows, values, atZetaNext, zeta, alpha, challenges, claimedSums,
              publicValues);
        }

        @Override
        public int[] deepCodeword(int layer, int[] honest) {
          int logDegree = range.bits() - layer;
          return layer == range.bits() - logRows ? project(honest, logDegree) : honest;
        }
      };
      MultiTableProof proof = MultiTableProver.adversarial(backend, MultiTableProofTest.PARAMS, forge)
          .prove(witnesses, List.of());
      assertThatThrownBy(() -> new MultiTableVerifier(MultiTableProofTest.PARAMS).verify(keys, proof,
          List.of(new int[0], new int[0]), List.of()))
          .as("lie about table %d", victim)
          .isInstanceOf(InvalidProofException.class).hasMessageContaining("FRI");
    }
  }

  /**
   * FRI commits the DEEP codeword where a table enters inside an arity-4 group (layer 0 for the
   * range table, layer 1 for the access table), and each table opens one row per query. A
   * cheater commits its codeword plus a constant: still of low degree, so every fold passes, but
   * the committed leaf no longer equals the DEEP value the verifier computes from the opened row.
   */
  @Test
  void aCommittedDeepCodewordOtherThanTheTraceOpeningsIsCaught() {
    MemoryAccessAir access = new MemoryAccessAir();
    RangeTableAir range = new RangeTableAir(LOG_ROWS + 1);
    int[][] log = access.generate(LOG_ROWS, 3).main();
    ProvingKey accessKey = ProvingKey.setup(access, LOG_ROWS, MultiTableProofTest.PARAMS, backend);
    ProvingKey rangeKey = ProvingKey.setup(range, range.bits(), MultiTableProofTest.PARAMS, backend);
    List<TableWitness> witnesses = List.of(TableWitness.of(accessKey, log, new int[0]),
        TableWitness.of(rangeKey, MemoryAccessAir.rangeMultiplicities(log, range.bits()), new int[0]));
    List<TableKey> keys = List.of(accessKey.tableKey(), rangeKey.tableKey());
    for (int victim = 0; victim < 2; victim++) {
      int layer = victim;
      MultiTableProver.Adversary shift = new MultiTableProver.Adversary() {
        @Override
        public int[] deepCodeword(int entered, int[] honest) {
          if (entered != layer) {
            return honest;
          }
          int[] shifted = honest.clone();
          for (int i = 0; i < shifted.length; i += 4) {
            shifted[i] = BabyBear.add(shifted[i], 1);
          }
          return shifted;
        }
      };
      MultiTableProof proof = MultiTableProver.adversarial(backend, MultiTableProofTest.PARAMS, shift)
          .prove(witnesses, List.of());
      assertThatThrownBy(() -> new MultiTableVerifier(MultiTableProofTest.PARAMS).verify(keys, proof,
          List.of(new int[0], new int[0]), List.of()))
          .as("codeword entering layer %d", layer)
          .isInstanceOf(InvalidProofException.class)
          .hasMessageContaining("committed codeword entering layer " + layer + " disagrees with the value computed");
    }
  }

  private int[] project(int[] codeword, int logDegree) {
    return LowDegree.project(backend, codeword, logDegree);
  }
}
