package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/** Errors on the way to the database: a RetortException with a hint, and never the password. */
class ConnectionErrorTest {

  static final String PW = "Wr0ngP4ssw0rd_x9";

  @TempDir Path dir;

  @BeforeEach
  void setUp() {
    new Migrations(dir, "unused").write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
  }

  private Retort retort(String url) {
    return Retort.create(new Config(dir, null, null, Environment.of("test", url)),
        () -> DatabaseUrl.parse(url).connect("retort"), DatabaseUrl.parse(url).toString(), RetortListener.NONE);
  }

  @Test
  void unreachablePort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RetortException e = assertThrows(RetortException.class,
        () -> retort("postgresql://bot:" + PW + "@127.0.0.1:" + port + "/app").upgrade("head"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.getMessage()).startsWith("cannot connect to postgresql://bot:***@127.0.0.1:" + port + "/app");
    assertThat(e.hint()).contains("host and port");
    assertNoPassword(e);
  }

  @Test
  void missingDatabase() throws Exception {
    TestPostgres.newDatabase();
    String url = "postgresql://postgres:" + PW + "@localhost:" + TestPostgres.port() + "/no_such_db_x";

    RetortException e = assertThrows(RetortException.class, () -> retort(url).upgrade("head"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.getMessage()).contains("no_such_db_x").contains("does not exist");
    assertThat(e.hint()).contains("create the database");
    assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
    assertThat(((java.sql.SQLException) e.getCause()).getSQLState()).isEqualTo("3D000");
    assertNoPassword(e);

    RetortException current = assertThrows(RetortException.class, () -> retort(url).current());
    assertThat(current.hint()).contains("create the database");
    assertNoPassword(current);
  }

  @Test
  void wrongPassword() throws Exception {
    String admin = TestPostgres.newDatabase();
    try (Connection c = TestPostgres.connect(admin); Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + TestPostgres.PASSWORD_ROLE);
      s.execute("CREATE ROLE " + TestPostgres.PASSWORD_ROLE + " LOGIN PASSWORD 'R1ghtPassword'");
    }

    String url = "postgresql://retort_pw_user:" + PW + "@localhost:" + TestPostgres.port() + "/postgres";
    RetortException e = assertThrows(RetortException.class, () -> retort(url).upgrade("head"));
    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.hint()).contains("password");
    assertThat(e.getMessage()).contains("password authentication failed");
    assertNoPassword(e);
  }

  private static void assertNoPassword(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain(PW);
      assertThat(t.toString()).doesNotContain(PW);
      assertThat(List.of(t.getSuppressed())).allSatisfy(s -> assertThat(s.toString()).doesNotContain(PW));
    }
  }
}
