package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.stark.proof.MultiTableProof;
import java.util.List;

/**
 * The STARK evidence of one execution: one multi-table proof per segment (in execution order),
 * and the memory proof that starts and ends every address's chain across them.
 */
public record ExecutionProof(List<MultiTableProof> segments, MultiTableProof memory) {

  public ExecutionProof {
    segments = List.copyOf(segments);
  }
}
