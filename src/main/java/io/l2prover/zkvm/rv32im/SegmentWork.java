package io.l2prover.zkvm.rv32im;

import io.l2prover.zkvm.exec.Segment;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What proving one segment on its own needs besides the program and the input: the segment (its
 * boundary states and start pages, for {@link io.l2prover.zkvm.exec.SegmentReplay}), where it
 * stands in the execution, and for each word it touches the segment that touched it before (the
 * memory boundary table hands each word on from there; a word absent from {@code previous} was
 * touched by no earlier segment). The whole run knows these links; one segment's replay does not.
 *
 * @param segment the segment, with its page images
 * @param last whether it is the execution's last segment (the one that halts)
 * @param exitCode the execution's exit code (a public value of the last segment only)
 * @param journalStart journal bytes written before it
 * @param previous word address (registers included) to the earlier segment, from 1, that last touched it
 */
public record SegmentWork(Segment segment, boolean last, int exitCode, long journalStart,
    Map<Integer, Integer> previous) {

  public SegmentWork {
    Objects.requireNonNull(segment, "segment");
    previous = Map.copyOf(previous);
  }

  /** The links ascending by address, for a stable encoding. */
  public TreeMap<Integer, Integer> previousByAddress() {
    return new TreeMap<>(previous);
  }
}
