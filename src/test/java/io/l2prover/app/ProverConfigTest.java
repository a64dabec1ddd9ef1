package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProverConfigTest {

  private static JsonObject defaults() {
    return ConfigLoader.defaults();
  }

  @Test
  void theBundledDefaultsAreValidAndComplete() {
    ProverConfig config = ProverConfig.from(defaults(), Map.of("XDG_DATA_HOME", "/xdg"));
    assertThat(defaults().fieldNames()).containsExactlyInAnyOrderElementsOf(ProverConfig.KEYS);
    assertThat(config.devMode()).isFalse();
    assertThat(config.dataDir()).isEqualTo(Path.of("/xdg/l2_prover"));
    assertThat(config.clientLimits().maxMessageBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(config.serverSettings().limits().maxMessageBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(config.serverSettings().limits().bufferBudgetBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(config.serverSettings().limits().deadlineMillis(262144)).isEqualTo(11_000);
    assertThat(config.clientSettings().host()).isEqualTo("127.0.0.1");
    assertThat(config.clientSettings().port()).isEqualTo(3900);
    assertThat(config.serverSettings().listenPort()).isEqualTo(3900);
    assertThat(config.genesisFile()).isEmpty();
    assertThat(config.gpuMode()).isEqualTo(GpuMode.AUTO);
    assertThat(config.segmentPo2()).isEqualTo(20);
    assertThat(config.executorOptions().po2()).isEqualTo(20);
  }

  @Test
  void metricsListenWhereTheServerDoesUnlessTheyAreToldOtherwise() {
    ProverConfig local = ProverConfig.from(defaults().put("PROVER_SERVER_LISTEN_IP", "10.1.2.3"), Map.of());
    assertThat(local.metricsHost(local.listenIp())).isEqualTo("10.1.2.3");
    assertThat(local.metricsHost("0.0.0.0")).isEqualTo("0.0.0.0");
    ProverConfig set = ProverConfig.from(defaults().put("PROVER_METRICS_HOST", "127.0.0.1"), Map.of());
    assertThat(set.metricsHost(set.listenIp())).isEqualTo("127.0.0.1");
  }

  @Test
  void tlsSettingsAreCheckedTogether() {
    assertThat(ProverConfig.from(defaults(), Map.of()).serverSettings().tls().enabled()).isFalse();
    ProverConfig mutual = ProverConfig.from(defaults().put("PROVER_SERVER_TLS_CERT", "/s.pem")
        .put("PROVER_SERVER_TLS_KEY", "/s.key").put("PROVER_SERVER_TLS_CLIENT_CA", "/ca.pem")
        .put("PROVER_CLIENT_TLS", "true").put("PROVER_CLIENT_TLS_CA", "/ca.pem"), Map.of());
    assertThat(mutual.serverSettings().tls().enabled()).isTrue();
    assertThat(mutual.serverSettings().tls().trustedCa()).contains(Path.of("/ca.pem"));
    assertThat(mutual.clientSettings().tls().enabled()).isTrue();
    assertThat(mutual.clientSettings().tls().certificate()).isEmpty();
    assertInvalid("PROVER_SERVER_TLS_KEY", "/s.key", "PROVER_SERVER_TLS_CERT and PROVER_SERVER_TLS_KEY go together");
    assertInvalid("PROVER_SERVER_TLS_CLIENT_CA", "/ca.pem", "PROVER_SERVER_TLS_CLIENT_CA needs PROVER_SERVER_TLS_CERT");
    assertInvalid("PROVER_CLIENT_TLS_CA", "/ca.pem", "need PROVER_CLIENT_TLS=true");
    assertThatThrownBy(() -> ProverConfig.from(defaults().put("PROVER_CLIENT_TLS", "true")
        .put("PROVER_CLIENT_TLS_CERT", "/c.pem"), Map.of()))
        .hasMessageContaining("PROVER_CLIENT_TLS_CERT and PROVER_CLIENT_TLS_KEY go together");
  }

  @Test
  void gpuModeAndSegmentSizeComeFromTheEnvironment() {
    assertThat(ProverConfig.from(defaults().put("PROVER_GPU", "on"), Map.of()).gpuMode()).isEqualTo(GpuMode.ON);
    assertThat(ProverConfig.from(defaults().put("PROVER_GPU", " OFF "), Map.of()).gpuMode()).isEqualTo(GpuMode.OFF);
    ProverConfig small = ProverConfig.from(defaults().put("PROVER_SEGMENT_PO2", "12"), Map.of());
    assertThat(small.executorOptions().po2()).isEqualTo(12);
    assertThat(ProverConfig.segmentPo2(ConfigLoader.defaultsAndEnvironment(Map.of("PROVER_SEGMENT_PO2", "9",
        "UNRELATED", "x")))).isEqualTo(9);
    assertThat(ProverConfig.segmentPo2(ConfigLoader.defaultsAndEnvironment(Map.of()))).isEqualTo(20);
  }

  @Test
  void environmentStringsOverrideTheDefaults() {
    JsonObject json = defaults().put("PROVER_DEV_MODE", "1").put("PROVER_WORKERS", "4")
        .put("PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "prover.example:4000").put("PROVER_CLIENT_INTERVAL_MS", "250")
        .put("PROVER_DATA_DIR", "/data").put("PROVER_SERVER_GENESIS", "/g.json");
    ProverConfig config = ProverConfig.from(json, Map.of());
    assertThat(config.devMode()).isTrue();
    assertThat(config.workers()).isEqualTo(4);
    assertThat(config.clientSettings().host()).isEqualTo("prover.example");
    assertThat(config.clientSettings().port()).isEqualTo(4000);
    assertThat(config.clientSettings().pollInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.dataDir()).isEqualTo(Path.of("/data"));
    assertThat(config.withChainFiles(Optional.empty(), Optional.of(Path.of("/c.rlp"))).genesisFile())
        .contains(Path.of("/g.json"));
  }

  @Test
  void invalidValuesNameTheSetting() {
    assertInvalid("PROVER_DEV_MODE", "maybe", "PROVER_DEV_MODE must be true/false");
    assertInvalid("PROVER_WORKERS", "zero", "PROVER_WORKERS must be a whole number");
    assertInvalid("PROVER_WORKERS", "0", "PROVER_WORKERS must be between 1 and");
    assertInvalid("PROVER_SEGMENT_PO2", "31", "PROVER_SEGMENT_PO2 must be between 4 and 30");
    assertInvalid("PROVER_SEGMENT_PO2", "3", "PROVER_SEGMENT_PO2 must be between 4 and 30, got 3");
    assertInvalid("PROVER_SEGMENT_PO2", "big", "PROVER_SEGMENT_PO2 must be a whole number");
    assertInvalid("PROVER_GPU", "sometimes", "PROVER_GPU='sometimes' is not a GPU mode: use auto, on or off");
    assertInvalid("PROVER_SERVER_LISTEN_PORT", "70000", "PROVER_SERVER_LISTEN_PORT must be between 0 and 65535");
    assertInvalid("PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "localhost",
        "PROVER_CLIENT_PROVER_SERVER_ENDPOINT must be host:port");
    assertInvalid("PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "h:0", "port in 1..65535");
    assertInvalid("PROVER_CLIENT_MAX_RECEIVE_BYTES", "4294967296", "PROVER_CLIENT_MAX_RECEIVE_BYTES must be between");
    assertInvalid("PROVER_SERVER_BUFFER_BUDGET_BYTES", "1000",
        "PROVER_SERVER_BUFFER_BUDGET_BYTES (1000) must be at least 4 times PROVER_SERVER_MAX_RECEIVE_BYTES");
    assertInvalid("PROVER_CLIENT_BACKOFF_MAX_MS", "10", "must not be below PROVER_CLIENT_BACKOFF_INITIAL_MS");
    assertThatThrownBy(() -> ProverConfig.from(defaults().copy().put("PROVER_WORKERS", (Object) null), Map.of()))
        .hasMessageContaining("setting PROVER_WORKERS is missing");
  }

  @Test
  void theLoaderMergesAFileOverTheDefaults(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("prover.json");
    java.nio.file.Files.writeString(file, "{\"PROVER_WORKERS\": 3}");
    Vertx vertx = Vertx.vertx();
    try {
      assertThat(ConfigLoader.load(vertx, Optional.of(file)).workers()).isEqualTo(3);
      assertThatThrownBy(() -> ConfigLoader.load(vertx, Optional.of(dir.resolve("missing.json"))))
          .hasMessageContaining("missing.json does not exist");
    } finally {
      vertx.close();
    }
  }

  @Test
  void clusterSettingsComeFromTheEnvironmentAndAreChecked() {
    ProverConfig local = ProverConfig.from(defaults(), Map.of());
    assertThat(local.clientClustered()).isFalse();
    assertThat(local.clientLocalProving()).isTrue();
    assertThat(local.cluster()).isEqualTo(new ClusterSettings("l2-prover", "127.0.0.1", 5701, List.of("127.0.0.1"), 0));

    ProverConfig node = ProverConfig.from(defaults().put("PROVER_CLIENT_CLUSTERED", "true")
        .put("PROVER_CLIENT_LOCAL_PROVING", "false").put("PROVER_CLUSTER_HOST", "10.0.0.7")
        .put("PROVER_CLUSTER_PORT", "5801").put("PROVER_CLUSTER_MEMBERS", " 10.0.0.5:5801, 10.0.0.6 ,"), Map.of());
    assertThat(node.clientClustered()).isTrue();
    assertThat(node.clientLocalProving()).isFalse();
    assertThat(node.cluster().members()).containsExactly("10.0.0.5:5801", "10.0.0.6");
    assertThat(node.cluster().host()).isEqualTo("10.0.0.7");
    assertThat(node.cluster().port()).isEqualTo(5801);

    assertInvalid("PROVER_CLIENT_LOCAL_PROVING", "false", "needs PROVER_CLIENT_CLUSTERED=true");
    assertInvalid("PROVER_CLUSTER_HOST", "prover-1.example", "PROVER_CLUSTER_HOST must be this node's IP address");
    assertInvalid("PROVER_CLUSTER_MEMBERS", " , ", "PROVER_CLUSTER_MEMBERS must name at least one member");
    assertInvalid("PROVER_CLUSTER_NAME", " ", "PROVER_CLUSTER_NAME must not be empty");
    assertInvalid("PROVER_CLUSTER_PORT", "0", "PROVER_CLUSTER_PORT must be between 1 and 65535");
  }

  @Test
  void theHazelcastConfigJoinsOnlyTheNamedMembers() {
    var config = ClusteredVertx.hazelcastConfig(
        ClusterSettings.of("c1", "127.0.0.1", 5901, "127.0.0.1:5902,127.0.0.1:5903", 0));
    assertThat(config.getClusterName()).isEqualTo("c1");
    var network = config.getNetworkConfig();
    assertThat(network.getPort()).isEqualTo(5901);
    assertThat(network.isPortAutoIncrement()).isFalse();
    assertThat(network.getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(network.getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(network.getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5902", "127.0.0.1:5903");
    assertThat(config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
  }

  private static void assertInvalid(String key, String value, String message) {
    assertThatThrownBy(() -> ProverConfig.from(defaults().put(key, value), Map.of()))
        .isInstanceOf(UserError.class).hasMessageContaining(message);
  }
}
