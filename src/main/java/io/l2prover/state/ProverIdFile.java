package io.l2prover.state;

import io.l2prover.protocol.ProofData;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.StateFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The client's prover ID, {@code prover_id} in its data directory: made once (a random UUID),
 * then read at every start, so the server recognises the client across restarts and hands it
 * back the block it had leased. The data directory lock keeps two clients from sharing it.
 */
public final class ProverIdFile {

  /** The file name inside the data directory. */
  public static final String FILE_NAME = "prover_id";

  private ProverIdFile() {}

  /**
   * The ID in {@code dataDir}/prover_id, written first if the file does not exist. Blocking.
   *
   * @throws StateFileException naming the file when it cannot be read, written, or holds no valid ID
   */
  public static String loadOrCreate(Path dataDir, AtomicFileWriter writer) throws StateFileException {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      String id = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!ProofData.Request.validProverId(id)) {
        throw new StateFileException(file + " does not hold a prover ID (1 to " + ProofData.Request.MAX_PROVER_ID_LENGTH
            + " characters of A-Z a-z 0-9 . _ : -): fix it, or remove it and a new ID is made", null);
      }
      return id;
    } catch (NoSuchFileException e) {
      String id = "prover-" + UUID.randomUUID();
      try {
        Files.createDirectories(dataDir);
        writer.write(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException written) {
        throw new StateFileException("cannot write " + file + ": " + written.getMessage(), written);
      }
      return id;
    } catch (IOException e) {
      throw new StateFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
