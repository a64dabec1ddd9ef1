package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import java.util.Locale;

/** Whether proving uses the GPU: {@code PROVER_GPU=auto|on|off}. */
public enum GpuMode {
  /** Use a usable CUDA GPU, otherwise the CPU (said once in the log). */
  AUTO,
  /** Require a usable CUDA GPU; starting without one is an error. */
  ON,
  /** Never touch CUDA. */
  OFF;

  /** The environment variable (and config key, upper-cased) that selects the mode. */
  public static final String ENV = "PROVER_GPU";

  /** Parses auto/on/off (any case; also true/false, 1/0); null or blank means auto. */
  public static GpuMode parse(String value) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case "on":
      case "true":
      case "1":
        return ON;
      case "off":
      case "false":
      case "0":
        return OFF;
      default:
        throw new UserError(ENV + "='" + value + "' is not a GPU mode: use auto, on or off");
    }
  }
}
