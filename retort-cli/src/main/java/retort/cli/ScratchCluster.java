package retort.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import retort.DatabaseUrl;
import retort.RetortException;
import retort.ScratchServer;

/**
 * The scratch server of autogenerate and diff: the server {@code scratch_url} names, or else a
 * PostgreSQL 17 of Retort's own in {@code .retort/scratch} (apart from the dev database's, since its
 * roles must be Retort's to create and drop), started on first use with durability off: nothing
 * there needs to survive a crash.
 */
final class ScratchCluster implements ScratchServer, AutoCloseable {

  private final DatabaseUrl url;
  private final PgData embedded;
  private final DataDirectoryLock lock;

  private ScratchCluster(DatabaseUrl url, PgData embedded, DataDirectoryLock lock) {
    this.url = url;
    this.embedded = embedded;
    this.lock = lock;
  }

  static ScratchCluster of(String scratchUrl, Path stateDir, Map<String, String> env, Console console) {
    if (scratchUrl != null && !scratchUrl.isBlank() && !scratchUrl.strip().equals(DatabaseUrl.EMBEDDED_KEYWORD)) {
      return new ScratchCluster(DatabaseUrl.parse(scratchUrl, "scratch_url").withDefaultPassword(env.get("PGPASSWORD")),
          null, null);
    }
    PgData pg = PgData.of(stateDir, env, "scratch");
    DataDirectoryLock lock = DataDirectoryLock.acquire(stateDir, "scratch", java.time.Duration.ofSeconds(120), console);
    try {
      if (pg.running().isPresent()) {
        pg.stop();                               // left by a command that was killed before it could stop it
      }
      pg.initIfNeeded();
      int port = pg.start(PgData.anyFreePort(), false,
          " -c full_page_writes=off -c max_locks_per_transaction=1024").port();
      return new ScratchCluster(PgData.url(port), pg, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  @Override
  public Connection admin() throws SQLException {
    return url.connect("retort");
  }

  @Override
  public Connection open(String database) throws SQLException {
    return url.withDatabase(database).connect("retort");
  }

  /** For people: the URL (password masked), or where the embedded server keeps its data. */
  @Override
  public String toString() {
    return embedded == null ? url.toString() : "the embedded scratch server";
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.stop();
      } finally {
        lock.close();
      }
    }
  }
}
