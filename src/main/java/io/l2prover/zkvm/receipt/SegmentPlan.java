package io.l2prover.zkvm.receipt;

import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.rv32im.ExecutionProof;
import io.l2prover.zkvm.rv32im.ExecutionTraces;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.rv32im.Rv32imKeys;
import io.l2prover.zkvm.rv32im.Rv32imProver;
import io.l2prover.zkvm.rv32im.Rv32imVerifier;
import io.l2prover.zkvm.rv32im.SegmentWork;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.prover.MainCommitment;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's side of proving one run segment by segment elsewhere: executes the run once
 * with a trace, cuts it into {@link SegmentWork} for {@link SegmentProver}s, commits the memory
 * proof's main traces itself, draws the shared challenges once every segment's digest is known,
 * and assembles the receipt: byte for byte the one {@link CompositeProver} makes in one process.
 */
public final class SegmentPlan {

  private final Rv32imProver prover;
  private final Rv32imKeys keys;
  private final ExecutionResult execution;
  private final List<SegmentWork> work;
  private final List<byte[]> journals;
  private final MainCommitment memory;

  private SegmentPlan(Rv32imProver prover, Rv32imKeys keys, ExecutionResult execution, List<SegmentWork> work,
      List<byte[]> journals, MainCommitment memory) {
    this.prover = prover;
    this.keys = keys;
    this.execution = execution;
    this.work = List.copyOf(work);
    this.journals = List.copyOf(journals);
    this.memory = memory;
  }

  /** Runs {@code program} on {@code input} in segments of 2^{@code options.po2()} and commits the memory proof. */
  public static SegmentPlan of(ComputeBackend backend, Program program, byte[] input, ExecutorOptions options) {
    TraceBuffer trace = new TraceBuffer();
    ExecutionResult result = CompositeProver.execute(program, input, options.withCapturePages(true), trace);
    Rv32imCircuit circuit = new Rv32imCircuit(GuestProgram.of(program));
    ExecutionTraces.Plan plan = ExecutionTraces.plan(circuit, result, trace);
    Rv32imProver prover = Rv32imProver.checked(backend, FriParameters.DEFAULT);
    List<byte[]> journals = plan.tables().segments().stream().map(ExecutionTraces.SegmentTables::journal).toList();
    MainCommitment memory = prover.commitMemory(circuit, plan.tables().memory());
    return new SegmentPlan(prover, prover.keys(circuit), result, plan.work(), journals, memory);
  }

  public ExecutionResult execution() {
    return execution;
  }

  /** One unit of work per segment, in execution order. */
  public List<SegmentWork> work() {
    return work;
  }

  public ImageId imageId() {
    return ImageId.of(keys.imageId());
  }

  /** The challenges every proof finishes with, from each segment's phase-1 digest (in order). */
  public LookupChallenges challenges(List<Digest> segmentDigests) {
    if (segmentDigests.size() != work.size()) {
      throw new IllegalArgumentException(segmentDigests.size() + " digests for " + work.size() + " segments");
    }
    return prover.challenges(keys, execution.exitCode(), execution.journal(), segmentDigests, memory.digest());
  }

  /** The main commitment {@code proof} was made under. */
  public Digest digestOf(MultiTableProof proof) throws InvalidProofException {
    return new Rv32imVerifier(prover.params()).segmentDigest(keys, proof);
  }

  /** Checks a proof of segment {@code index} from elsewhere (a worker, a checkpoint) before it is used. */
  public void verifySegment(int index, MultiTableProof proof, Digest digest, LookupChallenges challenges)
      throws InvalidProofException {
    new Rv32imVerifier(prover.params()).verifySegment(keys, proof, index, digest, challenges,
        work.get(index).journalStart(), journals.get(index));
  }

  /** Finishes the memory proof and seals every proof into the receipt. */
  public Receipt assemble(List<MultiTableProof> segments, LookupChallenges challenges) {
    if (segments.size() != work.size()) {
      throw new IllegalArgumentException(segments.size() + " segment proofs for " + work.size() + " segments");
    }
    ExecutionProof proof = new ExecutionProof(new ArrayList<>(segments), prover.finishMemory(memory, challenges));
    return CompositeProver.seal(keys, execution, proof);
  }
}
