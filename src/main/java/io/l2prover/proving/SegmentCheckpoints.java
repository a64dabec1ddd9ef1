package io.l2prover.proving;

import io.l2prover.util.AtomicFileWriter;
import io.l2prover.util.Hex;
import io.l2prover.zkvm.receipt.ImageId;
import io.l2prover.zkvm.stark.proof.LookupChallenges;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished segment proofs on disk, so a block whose proving is cut off resumes where it stopped:
 * one file per segment under {@code <data dir>/segments/block-<n>-<run>/}, written atomically,
 * holding the segment's index, the challenges it was finished under and its proof, sealed by a
 * SHA-256 of all of it. {@code run} is a hash of the image ID, the segment size and the input, so
 * a checkpoint never serves another block, guest or cut. Loading checks the encoding and the
 * hash; a file that fails is reported in one log line, deleted and its segment proven again. What
 * the proof proves is checked by the coordinator against the run's challenges before use.
 */
final class SegmentCheckpoints {

  /** A checkpoint as read back: the proof's bytes and the challenges it was finished under. */
  record Checkpoint(int index, LookupChallenges challenges, byte[] proof) {}

  private static final Logger LOG = LoggerFactory.getLogger(SegmentCheckpoints.class);
  private static final byte[] MAGIC = {'L', '2', 'S', 'C'};
  private static final int VERSION = 1;
  private static final int HASH = 32;

  private final Path root;
  private final AtomicFileWriter writer;

  /** @param dataDir the role's data directory; checkpoints go to its {@code segments} folder */
  SegmentCheckpoints(Path dataDir, AtomicFileWriter writer) {
    this.root = dataDir.resolve("segments");
    this.writer = writer;
  }

  /** The key of one run: the image, the cut and the input. */
  static String runKey(ImageId image, int po2, byte[] input) {
    MessageDigest sha = sha256();
    sha.update(image.value().toArray());
    sha.update((byte) po2);
    sha.update(input);
    return Hex.encode(Arrays.copyOf(sha.digest(), 12)).substring(2);
  }

  Path directory(long block, String run) {
    return root.resolve("block-" + block + "-" + run);
  }

  Path file(long block, String run, int index) {
    return directory(block, run).resolve("segment-" + index + ".ckpt");
  }

  void save(long block, String run, int index, LookupChallenges challenges, byte[] proof) throws IOException {
    writer.write(file(block, run, index), encode(new Checkpoint(index, challenges, proof)));
  }

  /** The readable checkpoints of segments 0..count-1 of a run; unreadable ones are reported and deleted. */
  Map<Integer, Checkpoint> load(long block, String run, int count) {
    Map<Integer, Checkpoint> out = new HashMap<>();
    for (int k = 0; k < count; k++) {
      Path file = file(block, run, k);
      if (!Files.exists(file)) {
        continue;
      }
      try {
        Checkpoint c = decode(Files.readAllBytes(file));
        if (c.index() != k) {
          throw new IllegalArgumentException("it holds segment " + c.index());
        }
        out.put(k, c);
      } catch (IOException | IllegalArgumentException e) {
        discard(block, run, k, e.getMessage());
      }
    }
    return out;
  }

  /** Reports and deletes the checkpoint of segment {@code index}: it will be proven again. */
  void discard(long block, String run, int index, String why) {
    Path file = file(block, run, index);
    LOG.warn("block {}: checkpoint {} is corrupt ({}); segment {} is proven again", block, file, why, index);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("block {}: cannot delete {}: {}", block, file, e.getMessage());
    }
  }

  /** Deletes a run's checkpoints once its receipt is verified. */
  void clear(long block, String run) {
    Path dir = directory(block, run);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.warn("block {}: cannot delete the checkpoints in {}: {}", block, dir, e.getMessage());
    }
  }

  static byte[] encode(Checkpoint c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeInt(c.index());
      for (int v : SegmentMessages.values(c.challenges())) {
        out.writeInt(v);
      }
      out.writeInt(c.proof().length);
      out.write(c.proof());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bytes.toByteArray();
    byte[] all = Arrays.copyOf(body, body.length + HASH);
    System.arraycopy(sha256().digest(body), 0, all, body.length, HASH);
    return all;
  }

  static Checkpoint decode(byte[] bytes) {
    if (bytes.length < HASH) {
      throw new IllegalArgumentException("only " + bytes.length + " bytes");
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - HASH);
    if (!Arrays.equals(sha256().digest(body), Arrays.copyOfRange(bytes, body.length, bytes.length))) {
      throw new IllegalArgumentException("its SHA-256 does not match");
    }
    ByteBuffer in = ByteBuffer.wrap(body);
    try {
      for (byte m : MAGIC) {
        if (in.get() != m) {
          throw new IllegalArgumentException("not a segment checkpoint");
        }
      }
      if (in.get() != VERSION) {
        throw new IllegalArgumentException("another checkpoint version");
      }
      int index = in.getInt();
      int[] c = new int[9];
      for (int i = 0; i < c.length; i++) {
        c[i] = in.getInt();
      }
      int length = in.getInt();
      if (length != in.remaining()) {
        throw new IllegalArgumentException("a proof of " + length + " bytes in " + in.remaining());
      }
      byte[] proof = new byte[length];
      in.get(proof);
      return new Checkpoint(index, SegmentMessages.challenges(c), proof);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("it ends early");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
