package retort.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

  @TempDir Path tmp;

  @Test
  void theSharedServerIsPostgres17AndCopiesATemplateWithItsRows() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    assertThat(EmbeddedPostgres.shared()).isSameAs(pg);
    assertThat(query(pg, "postgres", "SHOW server_version")).startsWith("17.");

    pg.createDatabase("tpl", null);
    exec(pg, "tpl", "CREATE TABLE t (v text); INSERT INTO t VALUES ('from the template')");
    pg.freezeAsTemplate("tpl");
    pg.createDatabase("copy \"1\"", "tpl");

    assertThat(query(pg, "copy \"1\"", "SELECT v FROM t")).isEqualTo("from the template");
    assertThrows(SQLException.class, () -> query(pg, "tpl", "SELECT 1"));   // a frozen template takes no session
    pg.dropDatabase("copy \"1\"");
    assertThat(query(pg, "postgres", "SELECT count(*) FROM pg_database WHERE datname = 'copy \"1\"'")).isEqualTo("0");
  }

  @Test
  void aServerOnADataDirectoryKeepsItsDataAcrossStarts() throws Exception {
    Path data = tmp.resolve("pgdata");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, 0)) {
      exec(pg, "postgres", "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
    }
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, 0)) {
      assertThat(query(pg, "postgres", "SELECT v FROM kept")).isEqualTo("42");
    }
  }

  private static String query(EmbeddedPostgres pg, String db, String sql) throws SQLException {
    try (Connection c = pg.dataSource(db).getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void exec(EmbeddedPostgres pg, String db, String sql) throws SQLException {
    try (Connection c = pg.dataSource(db).getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
