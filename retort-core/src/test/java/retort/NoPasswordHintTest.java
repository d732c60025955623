package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/** A server that asks for a password when none was given: the hint says where a password comes from. */
class NoPasswordHintTest {

  @TempDir Path dir;

  @Test
  void aScramServerWithNoPasswordGivenNamesPgpasswordPgpassAndTheUrl() throws Exception {
    new Migrations(dir, "unused").write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    try (Connection c = TestPostgres.connect(TestPostgres.newDatabase()); Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + TestPostgres.PASSWORD_ROLE);
      s.execute("CREATE ROLE " + TestPostgres.PASSWORD_ROLE + " LOGIN PASSWORD 'R1ghtPassword'");
    }
    String url = "postgresql://" + TestPostgres.PASSWORD_ROLE + "@127.0.0.1:" + TestPostgres.port() + "/postgres";
    Retort retort = Retort.connect(new Config(dir, null, null, Environment.of("test", url)));

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("head"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.getMessage()).contains("no password");
    assertThat(e.hint()).contains("PGPASSWORD").contains("~/.pgpass").contains("URL")
        .doesNotContain("server runs");
  }
}
