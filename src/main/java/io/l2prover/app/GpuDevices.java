package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CUDA devices to prove on, {@code PROVER_GPU_DEVICES} (e.g. {@code 0,1}): one proving worker
 * per device, each with its own backend. Empty (the default): device 0, as many workers as
 * PROVER_WORKERS sharing it.
 */
public record GpuDevices(List<Integer> ordinals) {

  /** The environment variable (and config key) that lists them. */
  public static final String ENV = "PROVER_GPU_DEVICES";
  /** More devices than any host has: a typo such as 01,1 stays a clear error. */
  static final int MAX_DEVICES = 64;

  public GpuDevices {
    ordinals = List.copyOf(ordinals);
  }

  /** The default: device 0, shared by the workers. */
  public static GpuDevices none() {
    return new GpuDevices(List.of());
  }

  /** Whether devices were listed (else device 0 serves every worker). */
  public boolean listed() {
    return !ordinals.isEmpty();
  }

  /** Parses a comma-separated list of distinct device numbers 0..63; blank means none listed. */
  public static GpuDevices parse(String value) {
    if (value == null || value.isBlank()) {
      return none();
    }
    Set<Integer> seen = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      int ordinal;
      try {
        ordinal = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw invalid(value, "'" + part.trim() + "' is not a device number");
      }
      if (ordinal < 0 || ordinal >= MAX_DEVICES) {
        throw invalid(value, "device numbers are 0.." + (MAX_DEVICES - 1));
      }
      if (!seen.add(ordinal)) {
        throw invalid(value, "device " + ordinal + " is listed twice");
      }
    }
    return new GpuDevices(new ArrayList<>(seen));
  }

  private static UserError invalid(String value, String why) {
    return new UserError(ENV + "='" + value + "' is not a list of CUDA device numbers (" + why
        + "): use e.g. 0,1, or leave it empty for device 0");
  }
}
