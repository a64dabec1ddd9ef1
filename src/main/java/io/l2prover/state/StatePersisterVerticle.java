package io.l2prover.state;

import io.l2prover.bus.Addresses;
import io.l2prover.health.FileHealth;
import io.l2prover.health.HealthCheck;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.JsonStateFile;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the client's {@code prover_state.json}: answers {@link Addresses#STATE_LOAD} and
 * {@link Addresses#STATE_SAVE}. File access runs on a worker, in order.
 */
public final class StatePersisterVerticle extends VerticleBase {

  /** The file name inside the data directory, as ethrex names it. */
  public static final String FILE_NAME = "prover_state.json";

  /** Failure code of a state.load or state.save reply. */
  public static final int FAILURE_CODE = 500;

  private static final Logger LOG = LoggerFactory.getLogger(StatePersisterVerticle.class);

  private final JsonStateFile<ProverState> file;

  public StatePersisterVerticle(Path dataDir, AtomicFileWriter writer) {
    Objects.requireNonNull(dataDir, "dataDir");
    this.file = stateFile(dataDir, writer);
  }

  /** Readiness of the state file under {@code dataDir}: it parses, and its directory is writable. */
  public static HealthCheck health(Path dataDir) {
    return FileHealth.readableAndWritable("state_file", stateFile(dataDir, AtomicFileWriter.durable()), false);
  }

  private static JsonStateFile<ProverState> stateFile(Path dataDir, AtomicFileWriter writer) {
    return new JsonStateFile<>(dataDir.resolve(FILE_NAME), writer, ProverState::fromJson, ProverState::toJson,
        "Move it away to start from scratch: the server hands out only blocks that still lack a proof.");
  }

  @Override
  public Future<?> start() {
    // Local: the state file is this node's, and another node's client must never load or save it.
    vertx.eventBus().<Void>localConsumer(Addresses.STATE_LOAD, this::load);
    vertx.eventBus().<ProverState>localConsumer(Addresses.STATE_SAVE, this::save);
    return Future.succeededFuture();
  }

  private void load(Message<Void> message) {
    vertx.executeBlocking(() -> file.load().orElse(ProverState.empty()))
        .onSuccess(state -> {
          LOG.info("state {}: {}", file.path(), state.lastProvenBlock()
              .map(n -> "last proven block " + n).orElse("nothing proven yet"));
          message.reply(state);
        })
        .onFailure(e -> message.fail(FAILURE_CODE, e.getMessage()));
  }

  private void save(Message<ProverState> message) {
    ProverState state = message.body();
    vertx.executeBlocking(() -> {
      file.save(state);
      return null;
    }).onSuccess(v -> message.reply(null)).onFailure(e -> {
      LOG.error("{}", e.getMessage());
      message.fail(FAILURE_CODE, e.getMessage());
    });
  }
}
