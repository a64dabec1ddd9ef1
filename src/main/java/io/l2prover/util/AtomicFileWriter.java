package io.l2prover.util;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Replaces a file's content all at once: a reader (or a crash) sees the old content or the new,
 * never a mix. A seam, so tests can simulate a full disk.
 */
@FunctionalInterface
public interface AtomicFileWriter {

  void write(Path target, byte[] content) throws IOException;

  /** Temp file in the same directory, fsync, rename over the target, fsync the directory. */
  static AtomicFileWriter durable() {
    return new FsyncRenameWriter();
  }
}
