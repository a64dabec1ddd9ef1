package io.l2prover.protocol;

import io.l2prover.util.Bytes;
import java.util.Objects;

/**
 * The {@code input} of a Response: the parent header and the block, both as RLP, and the
 * execution witness. Its JSON shape is documented in docs/protocol.md.
 */
public record ProverInput(Bytes parentHeader, Bytes block, ExecutionWitness witness) {

  public ProverInput {
    Objects.requireNonNull(parentHeader, "parentHeader");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(witness, "witness");
  }

  /** Bytes this input occupies in memory, roughly; for log lines. */
  public long approximateSize() {
    long size = parentHeader.length() + (long) block.length();
    for (Bytes node : witness.nodes()) {
      size += node.length();
    }
    for (Bytes code : witness.codes()) {
      size += code.length();
    }
    return size;
  }
}
