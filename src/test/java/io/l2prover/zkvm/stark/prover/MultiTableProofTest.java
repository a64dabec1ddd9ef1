package io.l2prover.zkvm.stark.prover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.air.Scope;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.examples.FibonacciAir;
import io.l2prover.zkvm.stark.examples.MemoryAccessAir;
import io.l2prover.zkvm.stark.examples.MemoryTraces;
import io.l2prover.zkvm.stark.examples.RangeTableAir;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.ProofCodec;
import io.l2prover.zkvm.stark.proof.ProofFormatException;
import io.l2prover.zkvm.stark.proof.ProofSizes;
import io.l2prover.zkvm.stark.proof.PublicInteraction;
import io.l2prover.zkvm.stark.proof.SecurityReport;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.TableProof;
import io.l2prover.zkvm.stark.verifier.MultiTableVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The memory AIR split into an access table and a range table of another height, in one proof. */
class MultiTableProofTest {

  /** Small parameters keep the tests quick; the checks do not depend on them. */
  static final FriParameters PARAMS = new FriParameters(2, 24, 4, 3, 2, 2);

  private final CpuBackend backend = new CpuBackend();
  private final MemoryAccessAir access = new MemoryAccessAir();

  /** The two tables of one split-memory statement, their witnesses and the verifier's keys. */
  record Split(List<TableWitness> witnesses, List<TableKey> keys, List<int[]> publicValues) {}

  Split split(int accessLog, int rangeBits, long seed, FriParameters params) {
    RangeTableAir range = new RangeTableAir(rangeBits);
    int[][] log = access.generate(accessLog, seed).main();
    return split(log, range, MemoryAccessAir.rangeMultiplicities(log, rangeBits), params);
  }

  Split split(int[][] log, RangeTableAir range, int[][] counts, FriParameters params) {
    int accessLog = Integer.numberOfTrailingZeros(log[0].length);
    ProvingKey accessKey = ProvingKey.setup(access, accessLog, params, backend);
    ProvingKey rangeKey = ProvingKey.setup(range, range.bits(), params, backend);
    return new Split(
        List.of(TableWitness.of(accessKey, log, new int[0]), TableWitness.of(rangeKey, counts, new int[0])),
        List.of(accessKey.tableKey(), rangeKey.tableKey()), List.of(new int[0], new int[0]));
  }

  private MultiTableProof prove(Split s, List<PublicInteraction> pis) {
    return MultiTableProver.unchecked(backend, PARAMS).prove(s.witnesses(), pis);
  }

  private void verify(Split s, MultiTableProof proof, List<PublicInteraction> pis) throws InvalidProofException {
    new MultiTableVerifier(PARAMS).verify(s.keys(), ProofCodec.decodeMulti(ProofCodec.encode(proof)),
        s.publicValues(), pis);
  }

  private void assertRejected(Split s, MultiTableProof proof, List<PublicInteraction> pis, String reason) {
    assertThatThrownBy(() -> verify(s, proof, pis)).isInstanceOf(InvalidProofException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest(name = "access 2^{0}, range 2^{1}")
  @CsvSource({"8, 9", "8, 10", "9, 12", "9, 9"})
  void accessAndRangeTablesOfDifferentHeights(int accessLog, int rangeBits) throws Exception {
    Split s = split(accessLog, rangeBits, accessLog, PARAMS);
    MultiTableProof proof = MultiTableProver.checked(backend, PARAMS).prove(s.witnesses(), List.of());
    verify(s, proof, List.of());
  }

  @Test
  void threeTablesWithTheDefaultParameters() throws Exception {
    FriParameters params = FriParameters.DEFAULT;
    Split s = split(9, 10, 3, params);
    FibonacciAir fib = new FibonacciAir();
    ProvingKey fibKey = ProvingKey.setup(fib, 5, params, backend);
    var fibTrace = fib.generate(5, 0);
    List<TableWitness> witnesses = new ArrayList<>(s.witnesses());
    witnesses.add(TableWitness.of(fibKey, fibTrace.main(), fibTrace.publicValues()));
    List<TableKey> keys = new ArrayList<>(s.keys());
    keys.add(fibKey.tableKey());
    List<int[]> publicValues = List.of(new int[0], new int[0], fibTrace.publicValues());
    MultiTableProof proof = MultiTableProver.checked(backend, params).prove(witnesses, List.of());
    byte[] bytes = ProofCodec.encode(proof);
    new MultiTableVerifier(params).verify(keys, ProofCodec.decodeMulti(bytes), publicValues, List.of());
    assertThat(ProofSizes.of(proof).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(bytes.length);
    SecurityReport report = SecurityReport.of(params, keys.stream().map(TableKey::air).toList(), proof, 0);
    assertThat(report.minimumBits()).isGreaterThanOrEqualTo(100);

    // The Fibonacci table absent: it costs its name and two bytes, and the rest still verifies.
    witnesses.set(2, TableWitness.absent(fib));
    MultiTableProof without = MultiTableProver.checked(backend, params).prove(witnesses, List.of());
    new MultiTableVerifier(params).verify(keys, without, List.of(new int[0], new int[0], new int[3]), List.of());
    assertThat(without.tables().get(2).present()).isFalse();
  }

  @Test
  void everyOneOfThreeHundredRandomBitFlipsIsRejected() throws Exception {
    Split s = split(8, 10, 11, PARAMS);
    List<PublicInteraction> none = List.of();
    byte[] valid = ProofCodec.encode(MultiTableProver.checked(backend, PARAMS).prove(s.witnesses(), none));
    new MultiTableVerifier(PARAMS).verify(s.keys(), ProofCodec.decodeMulti(valid), s.publicValues(), none);
    assertThat(ProofCodec.encode(ProofCodec.decodeMulti(valid))).isEqualTo(valid);
    SplittableRandom random = new SplittableRandom(2027);
    for (int i = 0; i < 300; i++) {
      byte[] corrupted = valid.clone();
      int bit = random.nextInt(8 * corrupted.length);
      corrupted[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThatThrownBy(() -> new MultiTableVerifier(PARAMS).verify(s.keys(), ProofCodec.decodeMulti(corrupted),
          s.publicValues(), none))
          .as("flip of bit %d (byte %d of %d)", bit, bit / 8, corrupted.length)
          .isInstanceOf(InvalidProofException.class);
    }
    for (int length = 0; length < valid.length; length += 97) {
      byte[] cut = java.util.Arrays.copyOf(valid, length);
      assertThatThrownBy(() -> ProofCodec.decodeMulti(cut)).isInstanceOf(ProofFormatException.class);
    }
    assertThatThrownBy(() -> ProofCodec.decodeMulti(java.util.Arrays.copyOf(valid, valid.length + 1)))
        .hasMessageContaining("unexpected bytes");
  }

  @Test
  void aDroppedTableIsRejected() {
    Split s = split(8, 9, 1, PARAMS);
    // The range table left out: the access table's lookups are no longer balanced.
    Split dropped = new Split(List.of(s.witnesses().get(0), TableWitness.absent(s.keys().get(1).air())), s.keys(),
        s.publicValues());
    assertThatThrownBy(() -> MultiTableProver.checked(backend, PARAMS).prove(dropped.witnesses(), List.of()))
        .isInstanceOf(UnsatisfiedAirException.class).hasMessageContaining("local LogUp balance");
    assertRejected(s, prove(dropped, List.of()), List.of(), "local LogUp sums do not balance");
    // Or removed from the proof's table list altogether.
    Split alone = new Split(List.of(s.witnesses().get(0)), List.of(s.keys().get(0)), List.of(new int[0]));
    MultiTableProof proof = prove(alone, List.of());
    assertRejected(s, proof, List.of(), "tables");
    assertRejected(alone, proof, List.of(), "local LogUp sums do not balance");
  }

  /**
   * The access table (2^8 rows) is the short matrix in the proof's one main tree, hashed in one
   * level above the range table's (2^9) leaves: its opened rows exchanged, or claimed for another
   * proof's tree, do not verify.
   */
  @Test
  void aShortTablesRowsSwappedInTheJointTreeAreRejected() throws Exception {
    Split s = split(8, 9, 7, PARAMS);
    MultiTableProof proof = prove(s, List.of());
    verify(s, proof, List.of());
    TableProof access = proof.tables().get(0);
    List<int[][]> rows = new ArrayList<>(access.rows());
    int[][] main = rows.get(0).clone();
    int[] first = main[0];
    main[0] = main[1];
    main[1] = first;
    rows.set(0, main);
    TableProof swapped = new TableProof(access.name(), access.logRows(), access.publicValues(), access.claimedSums(),
        access.valuesAtZeta(), access.valuesAtZetaNext(), access.preprocessed(), rows);
    assertRejected(s, proof.withTables(List.of(swapped, proof.tables().get(1))), List.of(),
        "main tree: mixed opening of");
    // Another proof's main tree (another trace) under this proof's rows.
    MultiTableProof other = prove(split(8, 9, 8, PARAMS), List.of());
    MultiTableProof grafted = new MultiTableProof(proof.params(), proof.tables(), proof.lookupWitness(),
        proof.oodWitness(), proof.deepWitness(), proof.fri(), other.main(), proof.aux(), proof.quotient());
    assertThatThrownBy(() -> verify(s, grafted, List.of())).isInstanceOf(InvalidProofException.class);
    MultiTableProof noAux = new MultiTableProof(proof.params(), proof.tables(), proof.lookupWitness(),
        proof.oodWitness(), proof.deepWitness(), proof.fri(), proof.main(), null, proof.quotient());
    assertRejected(s, noAux, List.of(), "trees do not match its tables");
  }

  @Test
  void swappedTablesAreRejected() {
    Split s = split(8, 9, 2, PARAMS);
    MultiTableProof proof = prove(s, List.of());
    List<TableProof> t = proof.tables();
    MultiTableProof swapped = proof.withTables(List.of(t.get(1), t.get(0)));
    assertRejected(s, swapped, List.of(), "proof has table 'range-table-9' in this place");
    // Swapped, each part renamed to the name the verifier expects in its place.
    MultiTableProof renamed = proof.withTables(
        List.of(renamed(t.get(1), t.get(0).name()), renamed(t.get(0), t.get(1).name())));
    assertThatThrownBy(() -> verify(s, renamed, List.of())).isInstanceOf(InvalidProofException.class);
  }

  private static TableProof renamed(TableProof t, String name) {
    return t.withStatement(name, t.publicValues());
  }

  @Test
  void anUnbalancedCrossTableLookupIsRejected() {
    int[][] log = access.generate(8, 4).main();
    RangeTableAir range = new RangeTableAir(9);
    int[][] counts = MemoryAccessAir.rangeMultiplicities(log, 9);
    counts[0][5]++; // the range table claims one lookup of 5 more than the access table makes
    Split s = split(log, range, counts, PARAMS);
    assertRejected(s, prove(s, List.of()), List.of(), "local LogUp sums do not balance");
    // An inconsistent read, the sorted copy and counts rebuilt: only the access rules break.
    int[][] bad = access.generate(8, 5).main();
    int[][] full = java.util.Arrays.copyOf(bad, bad.length + 1);
    full[bad.length] = new int[bad[0].length];
    MemoryTraces.corruptFirstRead(full);
    int[][] badLog = java.util.Arrays.copyOf(full, bad.length);
    Split s2 = split(badLog, range, MemoryAccessAir.rangeMultiplicities(badLog, 9), PARAMS);
    assertRejected(s2, prove(s2, List.of()), List.of(), "out-of-domain");
  }

  @Test
  void aForgedClaimedSumIsRejected() {
    Split s = split(8, 9, 6, PARAMS);
    MultiTableProof proof = prove(s, List.of());
    Ext4 delta = new Ext4(1, 2, 3, 4);
    List<TableProof> t = proof.tables();
    // Shifted in both tables so that the sums still balance: the transcript and constraints catch it.
    MultiTableProof forged = proof.withTables(
        List.of(t.get(0).withClaimedSums(new Ext4[] {t.get(0).claimedSums()[0].add(delta)}),
            t.get(1).withClaimedSums(new Ext4[] {t.get(1).claimedSums()[0].sub(delta)})));
    assertThatThrownBy(() -> verify(s, forged, List.of())).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void publicInteractionsMustBeTheOnesProven() throws Exception {
    int[][] log = access.generate(8, 7).main();
    RangeTableAir range = new RangeTableAir(9);
    int[][] counts = MemoryAccessAir.rangeMultiplicities(log, 9);
    counts[0][5]++; // the verifier itself looks up 5 once
    Split s = split(log, range, counts, PARAMS);
    List<PublicInteraction> five = List.of(new PublicInteraction(2, Scope.LOCAL, 1, new int[] {5}));
    MultiTableProof proof = MultiTableProver.checked(backend, PARAMS).prove(s.witnesses(), five);
    verify(s, proof, five);
    assertRejected(s, proof, List.of(new PublicInteraction(2, Scope.LOCAL, 1, new int[] {6})), "");
    assertRejected(s, proof, List.of(), "");
    assertRejected(s, proof, List.of(new PublicInteraction(2, Scope.GLOBAL, 1, new int[] {5})), "");
    assertRejected(s, proof, List.of(new PublicInteraction(2, Scope.LOCAL, 2, new int[] {5})), "");
  }

  @Test
  void aTupleAndItsZeroExtensionDoNotCollide() throws Exception {
    BusAir sender = new BusAir("sender", 7, 1, 1, Scope.LOCAL);
    BusAir pairReceiver = new BusAir("pair-receiver", 7, -1, 2, Scope.LOCAL);
    BusAir receiver = new BusAir("receiver", 7, -1, 1, Scope.LOCAL);
    ProvingKey senderKey = ProvingKey.setup(sender, 4, PARAMS, backend);
    // Control: (v) received as (v) balances.
    ProvingKey receiverKey = ProvingKey.setup(receiver, 4, PARAMS, backend);
    List<TableWitness> ok = List.of(TableWitness.of(senderKey, sender.trace(4, 10), new int[0]),
        TableWitness.of(receiverKey, receiver.trace(4, 10), new int[0]));
    List<TableKey> okKeys = List.of(senderKey.tableKey(), receiverKey.tableKey());
    new MultiTableVerifier(PARAMS).verify(okKeys, MultiTableProver.checked(backend, PARAMS).prove(ok, List.of()),
        List.of(new int[0], new int[0]), List.of());
    // (v) received as (v, 0): the fingerprints differ by β (length) and the sums do not balance.
    ProvingKey pairKey = ProvingKey.setup(pairReceiver, 4, PARAMS, backend);
    List<TableWitness> bad = List.of(TableWitness.of(senderKey, sender.trace(4, 10), new int[0]),
        TableWitness.of(pairKey, pairReceiver.trace(4, 10), new int[0]));
    assertThatThrownBy(() -> MultiTableProver.checked(backend, PARAMS).prove(bad, List.of()))
        .isInstanceOf(UnsatisfiedAirException.class);
    MultiTableProof proof = MultiTableProver.unchecked(backend, PARAMS).prove(bad, List.of());
    assertThatThrownBy(() -> new MultiTableVerifier(PARAMS).verify(List.of(senderKey.tableKey(), pairKey.tableKey()),
        proof, List.of(new int[0], new int[0]), List.of()))
        .isInstanceOf(InvalidProofException.class).hasMessageContaining("local LogUp sums do not balance");
  }

  @Test
  void anotherConstraintSetUnderTheSameNameIsRejected() {
    Split s = split(8, 9, 8, PARAMS);
    // The same name and columns, one rule fewer: a different digest, so another transcript.
    Air weaker = new WeakerAir(access);
    ProvingKey weakKey = ProvingKey.setup(weaker, 8, PARAMS, backend);
    assertThat(weakKey.tableKey().constraintDigest()).isNotEqualTo(s.keys().get(0).constraintDigest());
    List<TableWitness> witnesses = List.of(TableWitness.of(weakKey, s.witnesses().get(0).main(), new int[0]),
        s.witnesses().get(1));
    MultiTableProof proof = MultiTableProver.checked(backend, PARAMS).prove(witnesses, List.of());
    assertThatThrownBy(() -> verify(s, proof, List.of())).isInstanceOf(InvalidProofException.class);
  }

  @Test
  void multiplicitiesThatCouldReachPAreRefused() {
    Split s = split(8, 9, 9, PARAMS);
    MultiTableProof proof = prove(s, List.of());
    long big = (1L << 30) - 1;
    List<PublicInteraction> huge = List.of(new PublicInteraction(2, Scope.LOCAL, big, new int[] {1}),
        new PublicInteraction(2, Scope.LOCAL, -big, new int[] {1}));
    assertThat(MultiTableVerifier.multiplicityBound(s.keys(), proof, huge, Scope.LOCAL)).isGreaterThanOrEqualTo(
        io.l2prover.zkvm.field.BabyBear.P);
    assertRejected(s, proof, huge, "not below p");
    // The access table: 4 lookups of multiplicity 1 per row; the range table 1 per row.
    assertThat(MultiTableVerifier.multiplicityBound(s.keys(), proof, List.of(), Scope.LOCAL))
        .isEqualTo(4L * 256 + 512);
  }
}
