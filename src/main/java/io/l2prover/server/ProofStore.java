package io.l2prover.server;

import io.l2prover.health.FileHealth;
import io.l2prover.health.HealthCheck;
import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.JsonStateFile;
import io.l2prover.util.StateFileException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's durable record of accepted proofs, under {@code <data dir>/server/}: {@code
 * chain.json} names the chain the directory belongs to, {@code proofs/block-<n>.json} holds one
 * accepted proof each, written atomically. One file per block keeps every write small however long
 * the chain grows. Blocking; call from a worker.
 */
public final class ProofStore {

  private static final Logger LOG = LoggerFactory.getLogger(ProofStore.class);
  private static final Pattern PROOF_FILE = Pattern.compile("block-(\\d+)\\.json");

  private final Path dir;
  private final AtomicFileWriter writer;

  public ProofStore(Path dataDir, AtomicFileWriter writer) {
    this.dir = dataDir.resolve("server");
    this.writer = writer;
  }

  public Path directory() {
    return dir;
  }

  /**
   * Binds the directory to {@code chainId} (first start) or checks it is bound to it, then reads
   * every stored proof. A proof file that does not parse, or holds another block's proof, is
   * {@linkplain #dismiss dismissed} rather than stopping the server: its block is proven again.
   */
  public Map<Long, StoredProof> open(String chainId) throws StateFileException {
    JsonStateFile<String> chainFile = chainFile();
    Optional<String> bound = chainFile.load();
    if (bound.isEmpty()) {
      chainFile.save(chainId);
    } else if (!bound.get().equals(chainId)) {
      throw new StateFileException("the server state in " + dir + " belongs to chain " + bound.get()
          + ", not to the chain being served (" + chainId + "); use another PROVER_DATA_DIR", null);
    }
    return readProofs();
  }

  /** Readiness of the store: its chain binding exists and parses, and the directory is writable. */
  public HealthCheck health() {
    return FileHealth.readableAndWritable("server_store", chainFile(), true);
  }

  private JsonStateFile<String> chainFile() {
    return new JsonStateFile<>(dir.resolve("chain.json"), writer,
        json -> requireString(json, "chain_id"), id -> new JsonObject().put("chain_id", id),
        "Restore it, or move the directory " + dir + " away to start with no proofs.");
  }

  /** Stores {@code proof} durably. */
  public void save(StoredProof proof) throws StateFileException {
    proofFile(proof.blockNumber()).save(proof);
  }

  private Map<Long, StoredProof> readProofs() throws StateFileException {
    Map<Long, StoredProof> proofs = new TreeMap<>();
    Path proofsDir = dir.resolve("proofs");
    if (!Files.isDirectory(proofsDir)) {
      return proofs;
    }
    try (Stream<Path> files = Files.list(proofsDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher name = PROOF_FILE.matcher(file.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        long number = Long.parseLong(name.group(1));
        try {
          StoredProof proof = proofFile(number).load().orElseThrow();
          if (proof.blockNumber() != number) {
            dismiss(number, "it holds the proof of block " + proof.blockNumber());
          } else {
            proofs.put(number, proof);
          }
        } catch (StateFileException e) {
          dismiss(number, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new StateFileException("cannot list " + proofsDir + ": " + e.getMessage(), e);
    }
    return proofs;
  }

  /**
   * Reports that the stored proof of block {@code number} does not count (corrupt, another
   * block's, or no longer accepted): the block is handed out again and its next accepted proof
   * replaces the file. Nothing is deleted, so a server started with the wrong settings loses
   * nothing for good.
   */
  public void dismiss(long number, String reason) {
    LOG.warn("block {}: the stored proof {} does not count ({}); the block will be proven again", number,
        proofPath(number), reason);
  }

  private Path proofPath(long number) {
    return dir.resolve("proofs").resolve("block-" + number + ".json");
  }

  private JsonStateFile<StoredProof> proofFile(long number) {
    return new JsonStateFile<>(proofPath(number), writer,
        StoredProof::fromJson, StoredProof::toJson,
        "Move it away to have block " + number + " proven again.");
  }

  private static String requireString(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("'" + field + "' is missing or not a string");
    }
    return text;
  }
}
