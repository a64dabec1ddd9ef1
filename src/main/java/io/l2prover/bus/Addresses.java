package io.l2prover.bus;

import io.vertx.core.eventbus.DeliveryOptions;

/** Every event-bus address of the application, in one place. */
public final class Addresses {

  /**
   * Request: a {@code ProvingJob}; reply: its {@code Receipt}. Served by the ProvingVerticle, on
   * this node or, with a clustered event bus, on any prover-node of the cluster.
   */
  public static final String PROVE = "prover.prove";

  /**
   * Request: one phase of one segment of a block's run (JSON, see {@code SegmentMessages}); reply:
   * its digest (phase 1) or its proof (phase 2). Served by every SegmentWorkerVerticle of the
   * cluster; each also listens on {@code prover.segment.<id>}, where phase 2 finds its phase-1 state.
   */
  public static final String PROVE_SEGMENT = "prover.segment";

  /**
   * Published (local only) by a segment worker per segment whose proof, made on a GPU, failed the
   * check before it left the worker and was proven again on the CPU: for metrics.
   */
  public static final String DEVICE_CHECK_FAILURES = "prover.device-check-failures";

  /** Published (local only) per finished segment of a block: for metrics and tests. */
  public static final String SEGMENTS = "prover.segments";

  /** Request: no body; reply: the client's {@code ProverState}. Served by the StatePersisterVerticle. */
  public static final String STATE_LOAD = "state.load";

  /** Request: a {@code ProverState} to store; reply: empty once it is durable. */
  public static final String STATE_SAVE = "state.save";

  /** Published {@code ProgressEvent}s: what the client is doing, for logs, metrics and the demo. */
  public static final String PROGRESS = "prover.progress";

  /** Published {@code SubmitOutcome}s: each Submit the prover server accepted or rejected. */
  public static final String SERVER_SUBMITS = "server.submits";

  /**
   * Options for a message that must stay in this JVM even when the event bus is clustered: a
   * client's state and progress belong to its own node, and a cluster may hold several clients.
   */
  public static DeliveryOptions localOnly() {
    return new DeliveryOptions().setLocalOnly(true);
  }

  private Addresses() {}
}
