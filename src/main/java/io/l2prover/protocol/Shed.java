package io.l2prover.protocol;

/** Why a server closed a connection on its own account to stay available; each is counted. */
public enum Shed {
  /** Every slot was held by a connection whose message had fully arrived: the newcomer was closed. */
  REFUSED("refused"),
  /** The connection incomplete the longest was closed to make room for a newcomer. */
  EVICTED("evicted"),
  /** The message did not arrive within its deadline (a slow or stalled sender). */
  DEADLINE("deadline"),
  /** The bytes buffered across all connections would have exceeded the budget. */
  OVER_BUDGET("over_budget");

  private final String label;

  Shed(String label) {
    this.label = label;
  }

  /** The Prometheus label value. */
  public String label() {
    return label;
  }
}
