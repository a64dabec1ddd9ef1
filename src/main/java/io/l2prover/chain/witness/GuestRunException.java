package io.l2prover.chain.witness;

/** The block guest faulted (an illegal instruction, a bad address, the cycle limit) at {@code cycle}. */
public final class GuestRunException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long cycle;

  public GuestRunException(String message, long cycle, Throwable cause) {
    super(message, cause);
    this.cycle = cycle;
  }

  public long cycle() {
    return cycle;
  }
}
