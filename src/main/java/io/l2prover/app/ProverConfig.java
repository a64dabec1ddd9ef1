package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import io.l2prover.client.Backoff;
import io.l2prover.client.ClientSettings;
import io.l2prover.protocol.ProtocolLimits;
import io.l2prover.protocol.ProtocolTls;
import io.l2prover.proving.SegmentSettings;
import io.l2prover.server.ServerSettings;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the application, validated. Keys are the environment variable names; their
 * defaults are in {@code conf/config.json} (bundled in the jar), and the README lists them all.
 */
public record ProverConfig(
    boolean devMode,
    boolean devExecute,
    Path dataDir,
    int workers,
    int segmentPo2,
    GpuMode gpuMode,
    GpuDevices gpuDevices,
    int metricsPort,
    String metricsHostSetting,
    ProtocolLimits serverLimits,
    ProtocolLimits clientLimits,
    ProtocolTls serverTls,
    ProtocolTls clientTls,
    String serverEndpoint,
    Duration clientInterval,
    Backoff backoff,
    int submitAttempts,
    Duration provingTimeout,
    String listenIp,
    int listenPort,
    Duration leaseTime,
    Optional<Path> genesisFile,
    Optional<Path> chainFile,
    boolean clientClustered,
    boolean clientLocalProving,
    ClusterSettings cluster,
    SegmentSettings segments) {

  /** The keys this application reads; the environment store is limited to these. */
  public static final List<String> KEYS = List.of(
      "PROVER_DEV_MODE", "PROVER_DEV_EXECUTE", "PROVER_DATA_DIR", "PROVER_WORKERS", "PROVER_SEGMENT_PO2", "PROVER_GPU",
      "PROVER_GPU_DEVICES",
      "PROVER_SEGMENT_TIMEOUT_MS", "PROVER_SEGMENT_ATTEMPTS", "PROVER_SEGMENTS_IN_FLIGHT",
      "PROVER_PROGRESS_INTERVAL_MS",
      "PROVER_METRICS_PORT", "PROVER_METRICS_HOST",
      "PROVER_CONNECT_TIMEOUT_MS", "PROVER_IDLE_TIMEOUT_MS", "PROVER_CLIENT_MAX_RECEIVE_BYTES",
      "PROVER_CLIENT_PROVER_SERVER_ENDPOINT", "PROVER_CLIENT_INTERVAL_MS", "PROVER_CLIENT_BACKOFF_INITIAL_MS",
      "PROVER_CLIENT_BACKOFF_MAX_MS", "PROVER_CLIENT_SUBMIT_ATTEMPTS", "PROVER_CLIENT_PROVING_TIMEOUT_MS",
      "PROVER_SERVER_LISTEN_IP", "PROVER_SERVER_LISTEN_PORT", "PROVER_SERVER_MAX_CONNECTIONS",
      "PROVER_SERVER_MAX_RECEIVE_BYTES", "PROVER_SERVER_BUFFER_BUDGET_BYTES", "PROVER_SERVER_MESSAGE_DEADLINE_MS",
      "PROVER_SERVER_MIN_BYTES_PER_SECOND", "PROVER_SERVER_LEASE_MS",
      "PROVER_SERVER_TLS_CERT", "PROVER_SERVER_TLS_KEY", "PROVER_SERVER_TLS_CLIENT_CA",
      "PROVER_CLIENT_TLS", "PROVER_CLIENT_TLS_CA", "PROVER_CLIENT_TLS_CERT", "PROVER_CLIENT_TLS_KEY",
      "PROVER_SERVER_GENESIS", "PROVER_SERVER_CHAIN",
      "PROVER_CLIENT_CLUSTERED", "PROVER_CLIENT_LOCAL_PROVING",
      "PROVER_CLUSTER_NAME", "PROVER_CLUSTER_HOST", "PROVER_CLUSTER_PORT", "PROVER_CLUSTER_MEMBERS",
      "PROVER_CLUSTER_BUS_PORT");

  /**
   * Reads and validates the merged configuration.
   *
   * @param env the process environment, for the default data directory
   * @throws UserError naming the first setting that is missing or invalid
   */
  public static ProverConfig from(JsonObject json, Map<String, String> env) {
    Settings s = new Settings(json);
    long backoffInitial = s.positiveLong("PROVER_CLIENT_BACKOFF_INITIAL_MS");
    long backoffMax = s.positiveLong("PROVER_CLIENT_BACKOFF_MAX_MS");
    if (backoffMax < backoffInitial) {
      throw new UserError("PROVER_CLIENT_BACKOFF_MAX_MS (" + backoffMax
          + ") must not be below PROVER_CLIENT_BACKOFF_INITIAL_MS (" + backoffInitial + ")");
    }
    long serverReceive = s.longIn("PROVER_SERVER_MAX_RECEIVE_BYTES", 1, Integer.MAX_VALUE);
    long clientReceive = s.longIn("PROVER_CLIENT_MAX_RECEIVE_BYTES", 1, Integer.MAX_VALUE);
    long budget = s.positiveLong("PROVER_SERVER_BUFFER_BUDGET_BYTES");
    if (budget / ProtocolLimits.HEAP_BYTES_PER_MESSAGE_BYTE < serverReceive) {
      throw new UserError("PROVER_SERVER_BUFFER_BUDGET_BYTES (" + budget + ") must be at least "
          + ProtocolLimits.HEAP_BYTES_PER_MESSAGE_BYTE + " times PROVER_SERVER_MAX_RECEIVE_BYTES (" + serverReceive
          + "): parsing a message can take that much heap per byte");
    }
    Duration connectTimeout = Duration.ofMillis(s.positiveLong("PROVER_CONNECT_TIMEOUT_MS"));
    Duration idleTimeout = Duration.ofMillis(s.positiveLong("PROVER_IDLE_TIMEOUT_MS"));
    int maxConnections = (int) s.longIn("PROVER_SERVER_MAX_CONNECTIONS", 1, 100_000);
    Duration deadline = Duration.ofMillis(s.positiveLong("PROVER_SERVER_MESSAGE_DEADLINE_MS"));
    long minRate = s.positiveLong("PROVER_SERVER_MIN_BYTES_PER_SECOND");
    String endpoint = s.string("PROVER_CLIENT_PROVER_SERVER_ENDPOINT");
    Endpoint.parse(endpoint, "PROVER_CLIENT_PROVER_SERVER_ENDPOINT");
    String dataDir = s.string("PROVER_DATA_DIR");
    boolean clustered = s.bool("PROVER_CLIENT_CLUSTERED");
    boolean localProving = s.bool("PROVER_CLIENT_LOCAL_PROVING");
    if (!clustered && !localProving) {
      throw new UserError("PROVER_CLIENT_LOCAL_PROVING=false needs PROVER_CLIENT_CLUSTERED=true:"
          + " without a cluster no prover-node can take the client's proving jobs");
    }
    int workers = (int) s.longIn("PROVER_WORKERS", 1, 1024);
    int inFlight = (int) s.longIn("PROVER_SEGMENTS_IN_FLIGHT", 0, 65536);
    return new ProverConfig(
        s.bool("PROVER_DEV_MODE"),
        s.bool("PROVER_DEV_EXECUTE"),
        dataDir.isBlank() ? defaultDataDir(env) : Path.of(dataDir),
        workers,
        segmentPo2(s),
        GpuMode.parse(s.string(GpuMode.ENV)),
        GpuDevices.parse(s.string(GpuDevices.ENV)),
        (int) s.longIn("PROVER_METRICS_PORT", 0, 65535),
        s.string("PROVER_METRICS_HOST"),
        new ProtocolLimits(serverReceive, connectTimeout, idleTimeout, maxConnections, deadline, minRate, budget),
        new ProtocolLimits(clientReceive, connectTimeout, idleTimeout, maxConnections, deadline, minRate,
            ProtocolLimits.HEAP_BYTES_PER_MESSAGE_BYTE * clientReceive),
        serverTls(s),
        clientTls(s),
        endpoint,
        Duration.ofMillis(s.positiveLong("PROVER_CLIENT_INTERVAL_MS")),
        new Backoff(Duration.ofMillis(backoffInitial), Duration.ofMillis(backoffMax)),
        (int) s.longIn("PROVER_CLIENT_SUBMIT_ATTEMPTS", 1, 1000),
        Duration.ofMillis(s.positiveLong("PROVER_CLIENT_PROVING_TIMEOUT_MS")),
        s.string("PROVER_SERVER_LISTEN_IP"),
        (int) s.longIn("PROVER_SERVER_LISTEN_PORT", 0, 65535),
        Duration.ofMillis(s.positiveLong("PROVER_SERVER_LEASE_MS")),
        s.optionalPath("PROVER_SERVER_GENESIS"),
        s.optionalPath("PROVER_SERVER_CHAIN"),
        clustered,
        localProving,
        ClusterSettings.of(s.string("PROVER_CLUSTER_NAME"), s.string("PROVER_CLUSTER_HOST"),
            (int) s.longIn("PROVER_CLUSTER_PORT", 1, 65535), s.string("PROVER_CLUSTER_MEMBERS"),
            (int) s.longIn("PROVER_CLUSTER_BUS_PORT", 0, 65535)),
        new SegmentSettings(Duration.ofMillis(s.positiveLong("PROVER_SEGMENT_TIMEOUT_MS")),
            (int) s.longIn("PROVER_SEGMENT_ATTEMPTS", 1, 100),
            Duration.ofMillis(s.positiveLong("PROVER_PROGRESS_INTERVAL_MS")), inFlight == 0 ? workers : inFlight));
  }

  /** TLS when a certificate and its key are set; mutual TLS when a client CA is set too. */
  private static ProtocolTls serverTls(Settings s) {
    Optional<Path> cert = s.optionalPath("PROVER_SERVER_TLS_CERT");
    Optional<Path> key = s.optionalPath("PROVER_SERVER_TLS_KEY");
    Optional<Path> clientCa = s.optionalPath("PROVER_SERVER_TLS_CLIENT_CA");
    if (cert.isPresent() != key.isPresent()) {
      throw new UserError("PROVER_SERVER_TLS_CERT and PROVER_SERVER_TLS_KEY go together: set both for TLS, or neither");
    }
    if (clientCa.isPresent() && cert.isEmpty()) {
      throw new UserError("PROVER_SERVER_TLS_CLIENT_CA needs PROVER_SERVER_TLS_CERT and PROVER_SERVER_TLS_KEY:"
          + " client certificates are checked only over TLS");
    }
    return new ProtocolTls(cert.isPresent(), cert, key, clientCa);
  }

  private static ProtocolTls clientTls(Settings s) {
    boolean on = s.bool("PROVER_CLIENT_TLS");
    Optional<Path> ca = s.optionalPath("PROVER_CLIENT_TLS_CA");
    Optional<Path> cert = s.optionalPath("PROVER_CLIENT_TLS_CERT");
    Optional<Path> key = s.optionalPath("PROVER_CLIENT_TLS_KEY");
    if (!on && (ca.isPresent() || cert.isPresent() || key.isPresent())) {
      throw new UserError("PROVER_CLIENT_TLS_CA, _CERT and _KEY need PROVER_CLIENT_TLS=true");
    }
    if (cert.isPresent() != key.isPresent()) {
      throw new UserError("PROVER_CLIENT_TLS_CERT and PROVER_CLIENT_TLS_KEY go together: set both, or neither");
    }
    return new ProtocolTls(on, cert, key, ca);
  }

  /**
   * {@code PROVER_SEGMENT_PO2} alone, for roles that run the executor without the rest of the
   * configuration (a bad client setting must not stop {@code execute}).
   *
   * @throws UserError when it is missing or outside the executor's range
   */
  public static int segmentPo2(JsonObject json) {
    return segmentPo2(new Settings(json));
  }

  private static int segmentPo2(Settings s) {
    return (int) s.longIn("PROVER_SEGMENT_PO2", ExecutorOptions.MIN_PO2, ExecutorOptions.MAX_PO2);
  }

  /** The executor's options for proving: segments of 2^PROVER_SEGMENT_PO2 cycles. */
  public ExecutorOptions executorOptions() {
    return ExecutorOptions.defaults().withPo2(segmentPo2);
  }

  /** {@code $XDG_DATA_HOME/l2_prover}, else {@code ~/.local/share/l2_prover}. */
  static Path defaultDataDir(Map<String, String> env) {
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("l2_prover");
  }

  /** Where /health and /metrics listen: PROVER_METRICS_HOST, or {@code roleAddress} when it is empty. */
  public String metricsHost(String roleAddress) {
    return metricsHostSetting.isEmpty() ? roleAddress : metricsHostSetting;
  }

  public ClientSettings clientSettings() {
    Endpoint endpoint = Endpoint.parse(serverEndpoint, "PROVER_CLIENT_PROVER_SERVER_ENDPOINT");
    return new ClientSettings(endpoint.host(), endpoint.port(), clientInterval, backoff, submitAttempts,
        provingTimeout, clientLimits, clientTls);
  }

  public ServerSettings serverSettings() {
    return new ServerSettings(listenIp, listenPort, devMode, serverLimits, serverTls, leaseTime);
  }

  /** A copy proving segments of at most 2^{@code po2} cycles (chosen to fit the GPU: SegmentSizing). */
  public ProverConfig withSegmentPo2(int po2) {
    return new ProverConfig(devMode, devExecute, dataDir, workers, po2, gpuMode, gpuDevices, metricsPort, metricsHostSetting,
        serverLimits, clientLimits, serverTls, clientTls, serverEndpoint, clientInterval, backoff, submitAttempts,
        provingTimeout, listenIp, listenPort, leaseTime, genesisFile, chainFile, clientClustered, clientLocalProving,
        cluster, segments);
  }

  /** A copy with other chain files (command-line flags win over the environment). */
  public ProverConfig withChainFiles(Optional<Path> genesis, Optional<Path> chain) {
    return new ProverConfig(devMode, devExecute, dataDir, workers, segmentPo2, gpuMode, gpuDevices, metricsPort, metricsHostSetting,
        serverLimits, clientLimits, serverTls, clientTls, serverEndpoint, clientInterval, backoff, submitAttempts,
        provingTimeout, listenIp, listenPort, leaseTime, genesis.or(() -> genesisFile), chain.or(() -> chainFile),
        clientClustered, clientLocalProving, cluster, segments);
  }

  /** host:port of the prover server. */
  record Endpoint(String host, int port) {
    static Endpoint parse(String text, String key) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new UserError(key + " must be host:port, got '" + text + "'");
      }
      try {
        int port = Integer.parseInt(text.substring(colon + 1));
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return new Endpoint(text.substring(0, colon), port);
      } catch (NumberFormatException e) {
        throw new UserError(key + " must be host:port with a port in 1..65535, got '" + text + "'");
      }
    }
  }

  /** Typed reads of one JSON object whose values may be strings (the environment) or JSON values. */
  private record Settings(JsonObject json) {

    private Object raw(String key) {
      Object value = json.getValue(key);
      if (value == null) {
        throw new UserError("setting " + key + " is missing (conf/config.json has every default)");
      }
      return value;
    }

    String string(String key) {
      return String.valueOf(raw(key)).trim();
    }

    boolean bool(String key) {
      Object value = raw(key);
      if (value instanceof Boolean b) {
        return b;
      }
      String text = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
      return switch (text) {
        case "1", "true", "yes", "on" -> true;
        case "0", "false", "no", "off", "" -> false;
        default -> throw new UserError(key + " must be true/false (or 1/0), got '" + value + "'");
      };
    }

    long positiveLong(String key) {
      return longIn(key, 1, Long.MAX_VALUE);
    }

    long longIn(String key, long min, long max) {
      Object value = raw(key);
      long parsed;
      try {
        parsed = value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)
            ? n.longValue()
            : Long.parseLong(String.valueOf(value).trim());
      } catch (NumberFormatException e) {
        throw new UserError(key + " must be a whole number, got '" + value + "'");
      }
      if (parsed < min || parsed > max) {
        throw new UserError(key + " must be between " + min + " and " + max + ", got " + parsed);
      }
      return parsed;
    }

    Optional<Path> optionalPath(String key) {
      String text = string(key);
      return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
    }
  }
}
