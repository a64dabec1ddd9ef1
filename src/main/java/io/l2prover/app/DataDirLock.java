package io.l2prover.app;

import io.l2prover.app.cli.UserError;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a role's data directory, held while the role runs, so that two clients
 * (or two servers) never write the same state files. The operating system drops it when the
 * process ends, however it ends; the lock file itself stays and means nothing on its own.
 */
final class DataDirLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir}/{@code role}.lock, creating the directory if needed.
   *
   * @throws UserError when another process (or this one) holds it, or the directory is unusable
   */
  static DataDirLock acquire(Path dir, String role) {
    Path file = dir.resolve(role + ".lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DataDirLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // held by this JVM: the same answer as for another process
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UserError("cannot lock the data directory " + dir + " (PROVER_DATA_DIR): " + e.getMessage());
    }
    closeQuietly(channel);
    throw new UserError("another " + role + " is using the data directory " + dir + " (it holds " + file
        + "); stop it or set another PROVER_DATA_DIR");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was locked through it
      }
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
