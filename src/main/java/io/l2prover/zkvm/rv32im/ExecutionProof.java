package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.air.Air;
import io.l2prover.zkvm.stark.proof.MultiTableProof;
import io.l2prover.zkvm.stark.proof.SecurityReport;
import io.l2prover.zkvm.stark.proof.TableKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The STARK evidence of one execution: one multi-table proof per segment (in execution order),
 * and the memory proof that starts and ends every address's chain across them.
 */
public record ExecutionProof(List<MultiTableProof> segments, MultiTableProof memory) {

  public ExecutionProof {
    segments = List.copyOf(segments);
  }

  /**
   * The conjectured security of accepting all of these proofs together, from the real heights of
   * every table ({@code journalBytes} public journal terms enter the segments' balances).
   */
  public SecurityReport security(Rv32imKeys keys, long journalBytes) {
    List<SecurityReport> reports = new ArrayList<>();
    List<Air> segmentAirs = keys.segmentKeys().stream().map(TableKey::air).toList();
    for (int k = 0; k < segments.size(); k++) {
      int journalTerms = k == 0 ? (int) Math.min(journalBytes, Integer.MAX_VALUE) : 0;
      reports.add(SecurityReport.of(segments.get(k).params(), segmentAirs, segments.get(k), journalTerms));
    }
    reports.add(SecurityReport.of(memory.params(), keys.memoryKeys().stream().map(TableKey::air).toList(), memory, 0));
    return SecurityReport.union(reports);
  }
}
