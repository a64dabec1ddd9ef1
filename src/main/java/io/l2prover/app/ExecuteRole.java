package io.l2prover.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.l2prover.app.cli.CliFlags;
import io.l2prover.app.cli.FlagRole;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.exec.ExecutionResult;
import io.l2prover.zkvm.exec.Executor;
import io.l2prover.zkvm.exec.ExecutorOptions;
import io.l2prover.zkvm.exec.GuestFault;
import io.l2prover.zkvm.exec.InvalidElfException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code execute}: runs a guest ELF in the zkVM executor without proving. Guest stdout/stderr pass
 * through byte for byte and the process exits with the guest's exit code.
 */
public final class ExecuteRole extends FlagRole {

  /** Exit code when the guest faults (illegal instruction, bad access, too many cycles...). */
  public static final int EXIT_GUEST_FAULT = 70;
  /** The setting (conf/config.json, environment) that gives {@code --po2} its default. */
  public static final String PO2_ENV = "PROVER_SEGMENT_PO2";

  private static final String USAGE = """
      usage: execute --elf FILE [--input FILE] [--summary FILE] [--po2 N] [--max-cycles N]
        --elf FILE         RV32IM guest (ELF32, static; see native/guest/README.md)
        --input FILE       bytes the guest reads from fd 0 (default: none)
        --summary FILE     write exit_code, cycles, segments, journal, seconds, mips as JSON
        --po2 N            segments of at most 2^N cycles (default: PROVER_SEGMENT_PO2, %s in conf/config.json)
        --max-cycles N     fault when the guest runs longer (default: 2^40)
      Guest output on fd 1/2 goes to stdout/stderr; the exit code is the guest's.
      """;

  private final Map<String, String> environment;

  public ExecuteRole() {
    this(System.getenv());
  }

  ExecuteRole(Map<String, String> environment) {
    super("execute", "run a guest ELF in the zkVM executor (no proof): --elf FILE [--input FILE]",
        Set.of("elf", "input", "summary", "po2", "max-cycles"), Set.of(), System.out);
    this.environment = environment;
  }

  @Override
  protected String usage() {
    return USAGE.formatted(ConfigLoader.defaults().getValue(PO2_ENV));
  }

  @Override
  protected int run(CliFlags flags) throws IOException {
    byte[] elf = flags.readFile("elf");
    byte[] input = flags.has("input") ? flags.readFile("input") : new byte[0];
    int po2 = (int) flags.longValue("po2", defaultPo2(), ExecutorOptions.MIN_PO2, ExecutorOptions.MAX_PO2);
    long maxCycles = flags.longValue("max-cycles", ExecutorOptions.DEFAULT_MAX_CYCLES, 1, Long.MAX_VALUE);
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    OutputStream err = new FileOutputStream(FileDescriptor.err);
    ExecutorOptions options = ExecutorOptions.defaults().withPo2(po2).withMaxCycles(maxCycles).withOutput(out, err);
    ExecutionResult result;
    try {
      result = Executor.run(elf, input, options);
    } catch (InvalidElfException e) {
      throw new UserError(e.getMessage() + " (" + flags.required("elf") + ")", Main.EXIT_USAGE);
    } catch (GuestFault e) {
      throw new UserError(e.getMessage(), EXIT_GUEST_FAULT);
    }
    if (flags.has("summary")) {
      writeSummary(Path.of(flags.required("summary")), result);
    }
    return result.exitCode();
  }

  private int defaultPo2() {
    return ProverConfig.segmentPo2(ConfigLoader.defaultsAndEnvironment(environment));
  }

  static Map<String, Object> summary(ExecutionResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("exit_code", result.exitCode());
    json.put("cycles", result.cycles());
    json.put("segments", result.segments().size());
    json.put("journal", "0x" + HexFormat.of().formatHex(result.journal()));
    json.put("seconds", result.nanos() / 1e9);
    json.put("mips", result.mips());
    return json;
  }

  private static void writeSummary(Path path, ExecutionResult result) {
    try {
      Files.writeString(path, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary(result))
          + "\n");
    } catch (IOException e) {
      throw new UserError("execute: cannot write --summary " + path + ": " + e.getMessage());
    }
  }
}
