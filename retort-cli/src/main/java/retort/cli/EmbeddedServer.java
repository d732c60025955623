package retort.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import retort.DatabaseUrl;

/**
 * The PostgreSQL that {@code url = "embedded"} stands for, for one command: the dev server when
 * {@code retort dev start} left one running (nothing to start, nothing to stop), else a server of
 * the command's own on a free port, stopped when the command ends. Its data is kept in
 * {@code .retort/pgdata} beside the config file, so a new machine needs no database server.
 */
final class EmbeddedServer implements AutoCloseable {

  private final PgData pg;
  private final int port;
  private final DataDirectoryLock lock;

  private EmbeddedServer(PgData pg, int port, DataDirectoryLock lock) {
    this.pg = pg;
    this.port = port;
    this.lock = lock;
  }

  /**
   * The dev server if it runs; else, once no other command uses the data directory (waiting for it
   * at most {@code wait}), a server started for this command.
   */
  static EmbeddedServer start(Path stateDir, Map<String, String> env, Duration wait, Console console) {
    PgData pg = PgData.of(stateDir, env);
    Optional<PgData.Postmaster> dev = pg.devServer();
    if (dev.isPresent()) {
      return new EmbeddedServer(pg, dev.get().port(), null);
    }
    DataDirectoryLock lock = DataDirectoryLock.acquire(stateDir, wait, console);
    try {
      dev = pg.devServer();
      if (dev.isPresent()) {                     // started while this command waited
        lock.close();
        return new EmbeddedServer(pg, dev.get().port(), null);
      }
      if (pg.running().isPresent()) {
        pg.stop();                               // left by a command that was killed before it could stop it
      }
      pg.initIfNeeded();
      return new EmbeddedServer(pg, pg.start(PgData.anyFreePort(), false).port(), lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  DatabaseUrl url() {
    return PgData.url(port);
  }

  @Override
  public void close() {
    if (lock == null) {
      return;                                    // the dev server: it stays
    }
    try {
      pg.stop();
    } finally {
      lock.close();
    }
  }
}
