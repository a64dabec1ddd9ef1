package io.l2prover.zkvm.receipt;

import io.l2prover.zkvm.rv32im.ExecutionTraces;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.rv32im.Rv32imProver;
import io.l2prover.zkvm.rv32im.Rv32imVerifier;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.InvalidProofException;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.prover.MainCommitment;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes segment proofs and, when they were made on a backend other than the CPU reference (a
 * GPU), verifies each before it leaves the prover; one that fails is proven again on the CPU. A
 * faulty device then costs time, never a bad proof. Not thread-safe: one per prover thread.
 */
public final class DeviceCheck {

  /** Told of every segment whose device-made proof failed its check (a metric counts them). */
  @FunctionalInterface
  public interface Listener {
    /** @param segment the segment's number (1 is the first) */
    void failed(int segment, String reason);

    Listener NONE = (segment, reason) -> { };
  }

  private static final Logger LOG = LoggerFactory.getLogger(DeviceCheck.class);

  private final ComputeBackend backend;
  private final FriParameters params;
  private final Listener listener;
  private final Rv32imVerifier verifier;
  /** The CPU reference: the keys the proofs are checked against, and the prover of a failed segment. */
  private Rv32imProver reference;

  /** @param params the parameters the checked proofs are made with */
  public DeviceCheck(ComputeBackend backend, FriParameters params, Listener listener) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.params = Objects.requireNonNull(params, "params");
    this.verifier = new Rv32imVerifier(params);
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Whether proofs made on {@code backend} are checked: every backend but the CPU reference. */
  public static boolean checks(ComputeBackend backend) {
    return !(backend instanceof CpuBackend);
  }

  /**
   * Phase 2 of {@code segment} on {@code prover} (which proves on this check's backend), checked
   * unless that backend is the CPU reference.
   *
   * @throws IllegalStateException when the device's proof fails and its phase 1 was wrong too: the
   *     challenges were drawn from a faulty commitment, so no proof under them can be made here
   */
  public MultiTableProof finish(Rv32imProver prover, Rv32imCircuit circuit, MainCommitment main,
      LookupChallenges challenges, ExecutionTraces.SegmentTables segment) {
    MultiTableProof proof = prover.finishSegment(main, challenges, segment);
    if (!checks(backend)) {
      return proof;
    }
    try {
      verify(circuit, segment, proof, main.digest(), challenges);
      return proof;
    } catch (InvalidProofException e) {
      LOG.warn("segment {}: the proof made on the {} backend fails its check ({}); proving it again on the CPU",
          segment.index(), backend.name(), e.getMessage());
      listener.failed(segment.index(), e.getMessage());
      return onTheCpu(circuit, segment, main.digest(), challenges);
    }
  }

  private MultiTableProof onTheCpu(Rv32imCircuit circuit, ExecutionTraces.SegmentTables segment, Digest digest,
      LookupChallenges challenges) {
    MainCommitment main = reference().commitSegment(circuit, segment);
    if (!main.digest().equals(digest)) {
      throw new IllegalStateException("segment " + segment.index() + ": the " + backend.name()
          + " backend committed its main traces as " + digest + ", the CPU as " + main.digest()
          + ": the challenges were drawn from a faulty commitment; the run must be proven again");
    }
    MultiTableProof proof = reference().finishSegment(main, challenges, segment);
    try {
      verify(circuit, segment, proof, digest, challenges);
    } catch (InvalidProofException e) {
      throw new IllegalStateException("segment " + segment.index() + ": the CPU's proof fails its check too: "
          + e.getMessage(), e);
    }
    return proof;
  }

  private void verify(Rv32imCircuit circuit, ExecutionTraces.SegmentTables segment, MultiTableProof proof,
      Digest digest, LookupChallenges challenges) throws InvalidProofException {
    verifier.verifySegment(reference().keys(circuit), proof, segment.index() - 1, digest, challenges,
        segment.journalStart(), segment.journal());
  }

  private Rv32imProver reference() {
    if (reference == null) {
      reference = Rv32imProver.checked(new CpuBackend(), params);
    }
    return reference;
  }
}
