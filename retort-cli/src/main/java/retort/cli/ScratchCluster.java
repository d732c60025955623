package retort.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
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
  private final EmbeddedPostgres embedded;

  private ScratchCluster(DatabaseUrl url, EmbeddedPostgres embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  static ScratchCluster of(String scratchUrl, Path stateDir, Map<String, String> env) {
    if (scratchUrl != null && !scratchUrl.isBlank() && !scratchUrl.strip().equals(DatabaseUrl.EMBEDDED_KEYWORD)) {
      return new ScratchCluster(DatabaseUrl.parse(scratchUrl, "scratch_url").withDefaultPassword(env.get("PGPASSWORD")),
          null);
    }
    Path data = stateDir.resolve("scratch");
    try {
      Files.createDirectories(stateDir);
      StateDirectory.prepare(stateDir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(data.toFile())
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(stateDir.resolve("bin").toFile())
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_locks_per_transaction", "1024")
          .start();
      return new ScratchCluster(DatabaseUrl.parse("jdbc:postgresql://localhost:" + pg.getPort()
          + "/postgres?user=postgres"), pg);
    } catch (IOException | RuntimeException e) {
      throw new RetortException(RetortException.Kind.ERROR, data.toString(),
          "cannot start the scratch PostgreSQL: " + e.getMessage(),
          "is another retort command using it right now? If not, remove " + data + " to start afresh", e);
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
        embedded.close();
      } catch (IOException ignored) {
        // the server stops with the process in any case
      }
    }
  }
}
