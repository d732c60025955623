package retort.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 per test JVM, started on first use; each test gets a database of its own.
 */
public final class TestPostgres {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** The running server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // durability off: nothing on a test server must survive a crash of the machine, and creating
        // and dropping databases (as autogenerate's scratch work does) no longer waits for the disk
        server = EmbeddedPostgres.builder().setDataDirectoryCustomizer(TestPostgres::requirePasswords)
            .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off").start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
    }
    return server;
  }

  /** A role whose connections must authenticate with a password, unlike the rest of this test server. */
  public static final String PASSWORD_ROLE = "retort_pw_user";

  /** Puts password authentication for {@link #PASSWORD_ROLE} in front of the server's trust rules. */
  private static void requirePasswords(java.io.File dataDirectory) {
    java.nio.file.Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
    try {
      String rules = "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256\n"
          + "host all " + PASSWORD_ROLE + " ::1/128 scram-sha-256\n";
      java.nio.file.Files.writeString(hba, rules + java.nio.file.Files.readString(hba));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  /** Creates an empty database and returns its JDBC URL (user postgres, no password). */
  public static String newDatabase() {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url(name);
  }

  public static int port() {
    return server().getPort();
  }

  public static String url(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
  }

  public static Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }
}
