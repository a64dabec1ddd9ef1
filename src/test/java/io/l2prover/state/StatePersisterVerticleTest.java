package io.l2prover.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.Services;
import io.l2prover.bus.Addresses;
import io.l2prover.util.AtomicFileWriter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class StatePersisterVerticleTest {

  @TempDir
  Path dir;

  @Test
  void loadsNothingThenWhatWasSaved(Vertx vertx) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    vertx.deployVerticle(new StatePersisterVerticle(dir, AtomicFileWriter.durable())).await(5, TimeUnit.SECONDS);
    assertThat(load(vertx).nextBlock()).isEqualTo(ProverState.FIRST_BLOCK);
    ProverState state = ProverState.afterAck(new JsonObject().put("number", "0x9"));
    vertx.eventBus().request(Addresses.STATE_SAVE, state).await(5, TimeUnit.SECONDS);
    assertThat(load(vertx)).isEqualTo(state);
    assertThat(Files.exists(dir.resolve(StatePersisterVerticle.FILE_NAME))).isTrue();
  }

  @Test
  void aCorruptFileFailsTheLoadWithTheFileName(Vertx vertx) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    Files.writeString(dir.resolve(StatePersisterVerticle.FILE_NAME), "{garbage");
    vertx.deployVerticle(new StatePersisterVerticle(dir, AtomicFileWriter.durable())).await(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> load(vertx)).hasMessageContaining("prover_state.json is corrupt");
  }

  @Test
  void aFullDiskFailsTheSaveAndAFreedDiskSaves(Vertx vertx) throws Exception {
    Services.registerCodecs(vertx.eventBus());
    AtomicBoolean full = new AtomicBoolean(true);
    AtomicFileWriter durable = AtomicFileWriter.durable();
    AtomicFileWriter disk = (target, content) -> {
      if (full.get()) {
        throw new IOException("No space left on device");
      }
      durable.write(target, content);
    };
    vertx.deployVerticle(new StatePersisterVerticle(dir, disk)).await(5, TimeUnit.SECONDS);
    ProverState state = ProverState.afterAck(new JsonObject().put("number", "0x2"));
    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.STATE_SAVE, state).await(5, TimeUnit.SECONDS))
        .hasMessageContaining("No space left on device");
    full.set(false);
    vertx.eventBus().request(Addresses.STATE_SAVE, state).await(5, TimeUnit.SECONDS);
    assertThat(load(vertx)).isEqualTo(state);
  }

  private static ProverState load(Vertx vertx) throws Exception {
    return vertx.eventBus().<ProverState>request(Addresses.STATE_LOAD, null).await(5, TimeUnit.SECONDS).body();
  }
}
