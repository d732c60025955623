package retort.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import retort.DatabaseUrl;
import retort.RetortException;

/**
 * A real PostgreSQL 17 started from the JVM from the binaries in a Maven dependency (no server to
 * install, no Docker), reached over TCP on the loopback as the superuser {@code postgres} without a
 * password. A throw-away server keeps its data in a temporary directory removed when it stops; a
 * server on a data directory keeps it between starts. {@link #shared()} is one throw-away server
 * for the whole JVM, which tests and builds share.
 */
public final class EmbeddedPostgres implements AutoCloseable {

  /** The superuser every embedded server is reached as. */
  public static final String USER = "postgres";

  private static EmbeddedPostgres shared;

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    this.server = server;
  }

  /**
   * Starts a server: {@code dataDirectory} null for a throw-away one, else the directory whose data
   * it keeps (created when missing); {@code port} 0 for any free port.
   */
  public static EmbeddedPostgres start(Path dataDirectory, int port) {
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
            .setServerConfig("full_page_writes", dataDirectory == null ? "off" : "on");
    if (port > 0) {
      builder.setPort(port);
    }
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
    }
    try {
      return new EmbeddedPostgres(builder.start());
    } catch (IOException | RuntimeException e) {
      throw new RetortException(RetortException.Kind.ERROR, dataDirectory == null ? null : dataDirectory.toString(),
          "cannot start the embedded PostgreSQL: " + e.getMessage(),
          port > 0 ? "is port " + port + " free? Another embedded server may be using it or its data directory"
              : "is another server using its data directory?", e);
    }
  }

  /** One throw-away server for this JVM, started on the first call and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres shared() {
    if (shared == null) {
      EmbeddedPostgres started = start(null, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "retort-embedded-stop"));
      shared = started;
    }
    return shared;
  }

  public int port() {
    return server.getPort();
  }

  /** The JDBC URL of one of its databases, with the user in it: {@code jdbc:postgresql://localhost:PORT/NAME?user=postgres}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=" + USER;
  }

  public DatabaseUrl url(String database) {
    return DatabaseUrl.parse(jdbcUrl(database));
  }

  /** A data source of one of its databases; each connection is new. */
  public DataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl(database));
    return ds;
  }

  /** Creates a database, a copy of {@code template} (null: an empty one, from template1). */
  public void createDatabase(String name, String template) {
    admin("CREATE DATABASE " + quote(name) + (template == null ? "" : " TEMPLATE " + quote(template)));
  }

  /** Drops a database, ending the sessions still connected to it. */
  public void dropDatabase(String name) {
    admin("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
  }

  /**
   * Makes a database a template that others are copied from: no one may connect to it any more, so
   * that copying it never waits for a session.
   */
  public void freezeAsTemplate(String name) {
    admin("ALTER DATABASE " + quote(name) + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
    admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name.replace("'", "''") + "'");
  }

  private void admin(String sql) {
    try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new RetortException(RetortException.Kind.ERROR, jdbcUrl("postgres"), e.getMessage(),
          "the embedded PostgreSQL refused: " + sql, e);
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Stops the server; a throw-away server's data is removed. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // the server goes away with the process in any case
    }
  }
}
