package retort.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import retort.RetortException;

/**
 * One command at a time starts, uses and stops a project's embedded PostgreSQL: a lock on
 * {@code .retort/pgdata.lock} (or {@code scratch.lock}), which holds who has it. A second command waits for it, bounded by
 * the environment's lock_wait, as a run waits for the run lock. The operating system frees the lock
 * when its process ends, however it ends.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectoryLock acquire(Path stateDir, Duration wait, Console console) {
    return acquire(stateDir, "pgdata", wait, console);
  }

  /** The lock of the data directory {@code .retort/NAME}, waiting for it at most {@code wait}. */
  static DataDirectoryLock acquire(Path stateDir, String name, Duration wait, Console console) {
    Path file = stateDir.resolve(name + ".lock");
    FileChannel channel;
    try {
      StateDirectory.prepare(stateDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, file.toString(), "cannot open: " + e.getMessage(),
          "check that " + stateDir + " is writable");
    }
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    try {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " (`" + console.command() + "`, since "
              + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ")").getBytes(StandardCharsets.UTF_8)), 0);
          return new DataDirectoryLock(channel, lock);
        }
        String holder = holder(channel);
        if (System.nanoTime() >= deadline) {
          channel.close();
          throw new RetortException(RetortException.Kind.LOCK_TIMEOUT, stateDir.resolve(name).toString(),
              "the embedded PostgreSQL stayed in use by " + holder + " for " + wait.toSeconds() + " s",
              "wait for that command to end, or start the server once with `retort dev start`: commands then share it");
        }
        if (!told) {
          console.info("Waiting for the embedded PostgreSQL in " + stateDir.resolve(name) + ", in use by " + holder);
          told = true;
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, file.toString(), "cannot lock: " + e.getMessage(),
          "check that " + stateDir + " is writable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetortException(RetortException.Kind.ERROR, file.toString(), "interrupted while waiting for the embedded PostgreSQL",
          "run the command again");
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      return null;
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    int n = channel.read(buffer, 0);
    String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "another retort command" : text;
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the process in any case
    }
  }
}
