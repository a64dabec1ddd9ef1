package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.field.BabyBear;
import io.l2prover.zkvm.field.Ext4;
import io.l2prover.zkvm.stark.air.Scope;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.PublicInteraction;
import io.l2prover.zkvm.stark.proof.TableKey;
import io.l2prover.zkvm.stark.proof.TableProof;
import io.l2prover.zkvm.stark.verifier.MultiTableVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies an {@link ExecutionProof} for a claimed exit code and journal against the keys of the
 * expected program, without executing anything: the segments' public values must chain (the
 * first starts at the entry pc with an empty journal, each starts where the previous ended, only
 * the last halts, with the claimed exit code, and their journal slices make up the journal),
 * every proof must verify under the challenges drawn from all of their commitments, and the
 * memory handed between segments must balance over the whole execution.
 */
public final class Rv32imVerifier {

  /** Most segments in one execution proof: the segment numbers' range check allows 2^16. */
  public static final int MAX_SEGMENTS = 1 << 16;

  private final FriParameters params;
  private final MultiTableVerifier verifier;

  public Rv32imVerifier(FriParameters params) {
    this.params = params;
    this.verifier = new MultiTableVerifier(params);
  }

  public void verify(Rv32imKeys keys, ExecutionProof proof, int exitCode, byte[] journal) throws InvalidProofException {
    List<MultiTableProof> segments = proof.segments();
    if (segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
      throw new InvalidProofException("an execution proof has 1.." + MAX_SEGMENTS + " segments, this one " + segments.size());
    }
    List<TableKey> segmentKeys = keys.segmentKeys();
    int cpu = index(segmentKeys, CpuChip.class);
    int ecall = index(segmentKeys, EcallChip.class);
    int boundary = index(segmentKeys, MemoryBoundaryChip.class);
    List<List<int[]>> publics = new ArrayList<>();
    List<List<PublicInteraction>> journalTerms = new ArrayList<>();
    long expectedPc = keys.commitment().entry();
    long journalAt = 0;
    for (int k = 0; k < segments.size(); k++) {
      MultiTableProof p = segments.get(k);
      if (p.tables().size() != segmentKeys.size()) {
        throw new InvalidProofException("segment " + (k + 1) + " has " + p.tables().size() + " tables, expected "
            + segmentKeys.size());
      }
      requireEveryTable(p, segmentKeys, "segment " + (k + 1));
      boolean last = k == segments.size() - 1;
      int[] c = publicValues(p, cpu, 5, "cpu", k);
      if (c[CpuChip.START_PC] != BabyBear.fromLong(expectedPc)) {
        throw new InvalidProofException("segment " + (k + 1) + " starts at pc " + Integer.toHexString(c[CpuChip.START_PC])
            + ", not where " + (k == 0 ? "the program enters" : "segment " + k + " ended"));
      }
      if (c[CpuChip.HALTED] != (last ? 1 : 0)) {
        throw new InvalidProofException("segment " + (k + 1) + (last ? " does not halt" : " halts before the last segment"));
      }
      long start = c[CpuChip.JOURNAL_START];
      long end = c[CpuChip.JOURNAL_END];
      if (start != journalAt || end < start || end > journal.length || (last && end != journal.length)) {
        throw new InvalidProofException("segment " + (k + 1) + " claims journal bytes " + start + ".." + end
            + ", which do not continue the journal of " + journal.length + " bytes");
      }
      int[] e = publicValues(p, ecall, 4, "ecall", k);
      for (int i = 0; i < 4; i++) {
        if (e[EcallChip.EXIT_CODE + i] != (last ? (exitCode >>> (8 * i)) & 0xff : 0)) {
          throw new InvalidProofException("segment " + (k + 1) + " proves another exit code than " + exitCode);
        }
      }
      int[] b = publicValues(p, boundary, 1, "memory_boundary", k);
      if (b[MemoryBoundaryChip.SEGMENT] != k + 1) {
        throw new InvalidProofException("segment " + (k + 1) + " claims to be segment " + b[MemoryBoundaryChip.SEGMENT]);
      }
      List<int[]> values = new ArrayList<>();
      for (TableProof t : p.tables()) {
        values.add(t.publicValues());
      }
      publics.add(values);
      journalTerms.add(JournalTerms.of(start, journal, start, end));
      expectedPc = Integer.toUnsignedLong(c[CpuChip.END_PC]);
      journalAt = end;
    }
    if (proof.memory().tables().size() != keys.memoryKeys().size()) {
      throw new InvalidProofException("the memory proof has " + proof.memory().tables().size() + " tables, expected "
          + keys.memoryKeys().size());
    }
    requireEveryTable(proof.memory(), keys.memoryKeys(), "the memory proof");
    List<int[]> memoryPublics = new ArrayList<>();
    for (TableProof t : proof.memory().tables()) {
      memoryPublics.add(t.publicValues());
    }
    List<Digest> digests = new ArrayList<>();
    for (int k = 0; k < segments.size(); k++) {
      digests.add(verifier.mainDigest(segmentKeys, segments.get(k), publics.get(k)));
    }
    Digest memoryDigest = verifier.mainDigest(keys.memoryKeys(), proof.memory(), memoryPublics);
    LookupChallenges challenges = ExecutionTranscript.replay(params, keys.imageId(), exitCode, journal, digests,
        memoryDigest, segments.get(0).lookupWitness());
    Ext4 global = Ext4.ZERO;
    long bound = 0;
    for (int k = 0; k < segments.size(); k++) {
      try {
        global = global.add(verifier.verify(segmentKeys, segments.get(k), publics.get(k), challenges, journalTerms.get(k)));
      } catch (InvalidProofException ex) {
        throw new InvalidProofException("segment " + (k + 1) + ": " + ex.getMessage());
      }
      bound += MultiTableVerifier.multiplicityBound(segmentKeys, segments.get(k), journalTerms.get(k), Scope.GLOBAL);
    }
    try {
      global = global.add(verifier.verify(keys.memoryKeys(), proof.memory(), memoryPublics, challenges, List.of()));
    } catch (InvalidProofException ex) {
      throw new InvalidProofException("memory proof: " + ex.getMessage());
    }
    bound += MultiTableVerifier.multiplicityBound(keys.memoryKeys(), proof.memory(), List.of(), Scope.GLOBAL);
    if (bound >= BabyBear.P) {
      throw new InvalidProofException("the segments hand on too many memory values for one balance (" + bound + ")");
    }
    if (!global.isZero()) {
      throw new InvalidProofException("the memory handed between segments does not balance");
    }
  }

  /**
   * Checks one segment proof on its own, as a node that holds a proof proven elsewhere or earlier
   * does before using it: it has every table, claims to be segment {@code index + 1} with the
   * journal bytes {@code journal} from {@code journalStart}, its main commitment is
   * {@code digest}, and it verifies under {@code challenges} (the LOCAL balance included). What
   * links it to the other segments (pcs, the GLOBAL balance) only {@link #verify} can check.
   */
  public void verifySegment(Rv32imKeys keys, MultiTableProof proof, int index, Digest digest,
      LookupChallenges challenges, long journalStart, byte[] journal) throws InvalidProofException {
    List<TableKey> segmentKeys = keys.segmentKeys();
    if (proof.tables().size() != segmentKeys.size()) {
      throw new InvalidProofException("segment " + (index + 1) + " has " + proof.tables().size() + " tables, expected "
          + segmentKeys.size());
    }
    requireEveryTable(proof, segmentKeys, "segment " + (index + 1));
    int[] b = publicValues(proof, index(segmentKeys, MemoryBoundaryChip.class), 1, "memory_boundary", index);
    if (b[MemoryBoundaryChip.SEGMENT] != index + 1) {
      throw new InvalidProofException("segment " + (index + 1) + " claims to be segment " + b[MemoryBoundaryChip.SEGMENT]);
    }
    int[] c = publicValues(proof, index(segmentKeys, CpuChip.class), 5, "cpu", index);
    if (c[CpuChip.JOURNAL_START] != journalStart || c[CpuChip.JOURNAL_END] != journalStart + journal.length) {
      throw new InvalidProofException("segment " + (index + 1) + " claims journal bytes " + c[CpuChip.JOURNAL_START]
          + ".." + c[CpuChip.JOURNAL_END] + ", not " + journalStart + ".." + (journalStart + journal.length));
    }
    List<int[]> publics = publicValues(proof);
    Digest actual = verifier.mainDigest(segmentKeys, proof, publics);
    if (!actual.equals(digest)) {
      throw new InvalidProofException("segment " + (index + 1) + " was committed as " + actual + ", not " + digest);
    }
    try {
      verifier.verify(segmentKeys, proof, publics, challenges, JournalTerms.of(journalStart, journal, 0, journal.length));
    } catch (InvalidProofException ex) {
      throw new InvalidProofException("segment " + (index + 1) + ": " + ex.getMessage());
    }
  }

  /** The main commitment a segment proof was made under, as the verifier recomputes it. */
  public Digest segmentDigest(Rv32imKeys keys, MultiTableProof proof) throws InvalidProofException {
    return verifier.mainDigest(keys.segmentKeys(), proof, publicValues(proof));
  }

  private static List<int[]> publicValues(MultiTableProof proof) {
    List<int[]> publics = new ArrayList<>();
    for (TableProof t : proof.tables()) {
      publics.add(t.publicValues());
    }
    return publics;
  }

  private static int[] publicValues(MultiTableProof p, int table, int count, String name, int k)
      throws InvalidProofException {
    int[] v = p.tables().get(table).publicValues();
    if (v.length != count) {
      throw new InvalidProofException("segment " + (k + 1) + ": table " + name + " has " + v.length + " public values");
    }
    return v;
  }

  /**
   * Every table of this circuit is present in every proof but those that {@link Chip#mayBeAbsent
   * may be absent} (a precompile chip without a call): an absent table's public values (the CPU's
   * pcs, the ecall table's exit code) would be bound by no row, so a proof that leaves one out is
   * refused here, whatever the STARK layer allows. An absent precompile chip takes no call off
   * its bus, so an ecall that hands it one leaves the bus unbalanced.
   */
  private static void requireEveryTable(MultiTableProof p, List<TableKey> keys, String what)
      throws InvalidProofException {
    for (int i = 0; i < p.tables().size(); i++) {
      TableProof t = p.tables().get(i);
      if (!t.present() && !(keys.get(i).air() instanceof Chip chip && chip.mayBeAbsent())) {
        throw new InvalidProofException(what + " leaves out table " + t.name());
      }
    }
  }

  private static int index(List<TableKey> keys, Class<?> chip) {
    for (int i = 0; i < keys.size(); i++) {
      if (chip.isInstance(keys.get(i).air())) {
        return i;
      }
    }
    throw new IllegalStateException("no " + chip.getSimpleName() + " in the circuit");
  }
}
