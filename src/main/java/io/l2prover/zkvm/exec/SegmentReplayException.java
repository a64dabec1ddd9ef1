package io.l2prover.zkvm.exec;

/** A segment replayed alone did not end where the recorded run says it did: the segment, program or input do not belong together. */
public final class SegmentReplayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SegmentReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
