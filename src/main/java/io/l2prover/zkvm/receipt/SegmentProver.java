package io.l2prover.zkvm.receipt;

import io.l2prover.zkvm.exec.Program;
import io.l2prover.zkvm.exec.SegmentReplay;
import io.l2prover.zkvm.exec.TraceBuffer;
import io.l2prover.zkvm.rv32im.ExecutionTraces;
import io.l2prover.zkvm.rv32im.GuestProgram;
import io.l2prover.zkvm.rv32im.Rv32imCircuit;
import io.l2prover.zkvm.rv32im.Rv32imProver;
import io.l2prover.zkvm.rv32im.SegmentWork;
import io.l2prover.zkvm.rv32im.Syscall;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.fri.FriParameters;
import io.l2prover.zkvm.stark.poseidon2.Digest;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.prover.MainCommitment;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A worker's side of proving one segment: phase 1 replays it from its boundary state, builds its
 * tables and commits their main traces (the digest the coordinator draws the challenges from);
 * phase 2 finishes it under those challenges. Not thread-safe: one per worker thread.
 */
public final class SegmentProver {

  /** A segment after phase 1: what phase 2 needs, held by the worker that made it. */
  public static final class Committed {
    private final Rv32imCircuit circuit;
    private final ExecutionTraces.SegmentTables tables;
    private final MainCommitment main;

    private Committed(Rv32imCircuit circuit, ExecutionTraces.SegmentTables tables, MainCommitment main) {
      this.circuit = circuit;
      this.tables = tables;
      this.main = main;
    }

    /** The digest of its main commitment: the same wherever phase 1 runs. */
    public Digest digest() {
      return main.digest();
    }
  }

  private final Rv32imProver prover;
  private final DeviceCheck check;
  private final Map<Program, Rv32imCircuit> circuits = new IdentityHashMap<>();

  public SegmentProver(ComputeBackend backend) {
    this(backend, DeviceCheck.Listener.NONE);
  }

  /**
   * @param deviceFailures told of each segment proof made on a device (a backend other than the
   *     CPU reference) that failed its check and was proven again on the CPU
   */
  public SegmentProver(ComputeBackend backend, DeviceCheck.Listener deviceFailures) {
    this.prover = Rv32imProver.checked(backend, FriParameters.DEFAULT);
    this.check = new DeviceCheck(backend, FriParameters.DEFAULT, deviceFailures);
  }

  /**
   * Phase 1 of segment {@code work} of a run of {@code program} on {@code input}.
   *
   * @throws io.l2prover.zkvm.exec.SegmentReplayException if the replay does not end where the work says
   */
  public Committed commit(Program program, byte[] input, SegmentWork work) {
    TraceBuffer trace = new TraceBuffer();
    SegmentReplay.run(program, input, work.segment(), Syscall.PROVEN_PRECOMPILES, trace);
    Rv32imCircuit circuit = circuits.computeIfAbsent(program, p -> new Rv32imCircuit(GuestProgram.of(p)));
    ExecutionTraces.SegmentTables tables = ExecutionTraces.segment(circuit, work, trace);
    return new Committed(circuit, tables, prover.commitSegment(circuit, tables));
  }

  /**
   * Phase 2: the segment's proof under the run's challenges; made on a device, it is verified
   * here and proven again on the CPU if it fails ({@link DeviceCheck}).
   */
  public MultiTableProof finish(Committed committed, LookupChallenges challenges) {
    return check.finish(prover, committed.circuit, committed.main, challenges, committed.tables);
  }
}
