package io.l2prover.client;

import io.l2prover.bus.Addresses;
import io.l2prover.client.ProgressEvent.Phase;
import io.l2prover.protocol.ProofData;
import io.l2prover.protocol.ProtocolClient;
import io.l2prover.proving.ProvingJob;
import io.l2prover.proving.ProvingResult;
import io.l2prover.state.ProverState;
import io.l2prover.zkvm.receipt.Receipt;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prover client loop: {@code state.load} → Request(n) → Response(m) → {@code prover.prove} →
 * Submit → SubmitAck → {@code state.save} → Request. Every failure is logged and retried with
 * capped exponential backoff; the loop never ends on its own. A receipt whose Submit got no ack is
 * re-submitted before anything is proven again, and the next block is asked for only once the
 * state file records the ack, so no acknowledged block is ever proven twice by this client. The
 * state file holds the highest acknowledged block and never moves back: a block below it that
 * the server hands out (another prover's expired lease) is proven, and its ack leaves the file as
 * it is.
 */
public final class ProverClientVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ProverClientVerticle.class);

  private final ClientSettings settings;
  private ProtocolClient server;
  private boolean stopped;
  private long timerId = -1;
  private int failures;
  /** True while the server has had nothing to prove, so "waiting" is logged once per wait. */
  private boolean idle;
  /** The block after the highest one the state file records as acknowledged: the file never goes below it. */
  private long nextUnproven = ProverState.FIRST_BLOCK;

  public ProverClientVerticle(ClientSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Future<?> start() {
    server = new ProtocolClient(vertx, settings.host(), settings.port(), settings.limits(), settings.tls());
    return vertx.eventBus().<ProverState>request(Addresses.STATE_LOAD, null, Addresses.localOnly())
        .recover(e -> Future.failedFuture("cannot start the prover client: " + e.getMessage()))
        .onSuccess(reply -> {
          long next = reply.body().nextBlock();
          nextUnproven = next;
          LOG.info("prover client {} for server {}{}: starting at block {}",
              settings.proverId().orElse("(no prover ID)"), server.endpoint(),
              settings.tls().enabled() ? " (TLS)" : "", next);
          vertx.runOnContext(v -> request(next));
        });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void request(long blockNumber) {
    if (stopped) {
      return;
    }
    server.exchange(new ProofData.Request(blockNumber, settings.proverId().orElse(null)))
        .onSuccess(reply -> onResponse(blockNumber, reply))
        .onFailure(e -> retry("request block " + blockNumber, e.getMessage(), blockNumber,
            () -> request(blockNumber)));
  }

  private void onResponse(long asked, ProofData reply) {
    if (stopped) {
      return;
    }
    if (!(reply instanceof ProofData.Response response)) {
      retry("request block " + asked, "the server answered with " + reply.variant() + " instead of a Response",
          asked, () -> request(asked));
      return;
    }
    // A Response only shows the server is reachable: the failure count (and with it the backoff)
    // is cleared by an empty Response or a finished block, so a block whose proving keeps failing
    // (no prover node in the cluster, say) is asked for again with growing delays.
    if (response.isEmpty()) {
      failures = 0;
      if (!idle) {
        LOG.info("no block from {} on to prove yet; asking every {} ms", asked, settings.pollInterval().toMillis());
        idle = true;
      }
      publish(asked, Phase.IDLE, 0, "");
      later(settings.pollInterval().toMillis(), () -> request(asked));
      return;
    }
    idle = false;
    long blockNumber = response.blockNumber();
    if (blockNumber < nextUnproven) {
      // Another prover's expired lease, or a proof the server dismissed: the chain needs it first.
      // Its ack leaves the state file at its highest block (see save).
      LOG.info("asked for block {}, the server handed out block {}, below this client's state (block {}):"
          + " proving it; the state stays at block {}", asked, blockNumber, nextUnproven - 1, nextUnproven - 1);
    } else if (blockNumber != asked) {
      // The server knows best what still needs a proof (ethrex's client does the same).
      LOG.info("asked for block {}, the server handed out block {}: proving that", asked, blockNumber);
    }
    long receivedNanos = System.nanoTime();
    LOG.info("block {}: input received ({} bytes)", blockNumber, response.input().approximateSize());
    publish(blockNumber, Phase.RECEIVED, 0, "");
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(settings.provingTimeout().toMillis());
    vertx.eventBus().<ProvingResult>request(Addresses.PROVE, new ProvingJob(blockNumber, response.input()), options)
        .onSuccess(result -> {
          publish(blockNumber, Phase.PROVED, result.body().provingMillis(), result.body().receipt().kind().wireName());
          submit(blockNumber, result.body().receipt(), 1, receivedNanos);
        })
        .onFailure(e -> retry("prove block " + blockNumber, e.getMessage(), blockNumber,
            () -> request(blockNumber)));
  }

  private void submit(long blockNumber, Receipt receipt, int attempt, long receivedNanos) {
    if (stopped) {
      return;
    }
    server.exchange(new ProofData.Submit(blockNumber, receipt)).onComplete(ar -> {
      String problem = ar.failed() ? ar.cause().getMessage() : ackProblem(blockNumber, ar.result());
      if (problem == null) {
        failures = 0;
        LOG.info("block {}: proof accepted by the server", blockNumber);
        save(blockNumber, ((ProofData.SubmitAck) ar.result()).blockHeader(), receivedNanos);
      } else if (attempt < settings.submitAttempts()) {
        retry("submit block " + blockNumber + " (attempt " + attempt + " of " + settings.submitAttempts() + ")",
            problem, blockNumber, () -> submit(blockNumber, receipt, attempt + 1, receivedNanos));
      } else {
        // The server keeps refusing this receipt: ask again, it hands out whatever still needs a proof.
        retry("submit block " + blockNumber + ": giving up on this receipt after " + attempt + " attempts",
            problem, blockNumber, () -> request(blockNumber));
      }
    });
  }

  private static String ackProblem(long blockNumber, ProofData reply) {
    if (!(reply instanceof ProofData.SubmitAck ack)) {
      return "the server answered with " + reply.variant() + " instead of a SubmitAck";
    }
    try {
      // What state.save will record, checked here so that a header it cannot hold is one more failed Submit.
      long acked = ProverState.afterAck(ack.blockHeader()).lastProvenBlock().orElseThrow();
      return acked == blockNumber ? null : "the SubmitAck is for block " + acked;
    } catch (IllegalArgumentException e) {
      return "the SubmitAck is unreadable: " + e.getMessage();
    }
  }

  /** Records the ack in the state file unless the file already holds a higher block: it never moves back. */
  private void save(long blockNumber, JsonObject header, long receivedNanos) {
    if (stopped) {
      return;
    }
    Future<?> saved = blockNumber < nextUnproven
        ? Future.succeededFuture()
        : vertx.eventBus().request(Addresses.STATE_SAVE, ProverState.afterAck(header), Addresses.localOnly());
    saved
        .onSuccess(v -> {
          failures = 0;
          nextUnproven = Math.max(nextUnproven, blockNumber + 1);
          long millis = (System.nanoTime() - receivedNanos) / 1_000_000;
          LOG.info("block {}: done in {} ms; asking for block {}", blockNumber, millis, nextUnproven);
          publish(blockNumber, Phase.ACKNOWLEDGED, millis, "");
          request(nextUnproven);
        })
        .onFailure(e -> retry("save the state after block " + blockNumber, e.getMessage(), blockNumber,
            () -> save(blockNumber, header, receivedNanos)));
  }

  private void retry(String what, String problem, long blockNumber, Runnable action) {
    if (stopped) {
      return;
    }
    failures++;
    long delay = settings.backoff().delay(failures).toMillis();
    LOG.warn("could not {}: {}; retrying in {} ms", what, problem, delay);
    publish(blockNumber, Phase.RETRY, delay, what + ": " + problem);
    later(delay, action);
  }

  private void later(long delayMillis, Runnable action) {
    timerId = vertx.setTimer(Math.max(1, delayMillis), id -> action.run());
  }

  private void publish(long blockNumber, Phase phase, long millis, String detail) {
    vertx.eventBus().publish(Addresses.PROGRESS, new ProgressEvent(blockNumber, phase, millis, detail),
        Addresses.localOnly());
  }
}
