package retort.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import retort.RetortException;
import retort.DatabaseUrl;

/**
 * The PostgreSQL that {@code url = "embedded"} stands for: a real PostgreSQL 17 started for as long
 * as the command runs, its data kept in {@code .retort/pgdata} beside the config file, so a new
 * machine needs no database server.
 */
final class EmbeddedServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedServer start(Path stateDir) {
    Path data = stateDir.resolve("pgdata");
    try {
      Files.createDirectories(stateDir);
      StateDirectory.prepare(stateDir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(data.toFile())
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(stateDir.resolve("bin").toFile())
          .start();
      return new EmbeddedServer(pg);
    } catch (IOException | RuntimeException e) {
      throw new RetortException(RetortException.Kind.ERROR, data.toString(),
          "cannot start the embedded PostgreSQL: " + e.getMessage(),
          "is another retort command using it right now? If not, remove " + stateDir + " to start afresh", e);
    }
  }

  DatabaseUrl url() {
    return DatabaseUrl.parse("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the server stops with the process in any case
    }
  }
}
