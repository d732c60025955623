package easysochi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import retort.SchemaDiff;
import retort.SchemaSource;
import retort.ScratchServer;
import retort.testing.TestPostgres;

/**
 * {@code easysochi/schema/} declares the bot's whole schema, and it is exactly what the 13 migrations
 * build: {@code retort diff} between head and the declared schema is empty (CI runs the same through
 * the command line).
 */
class DeclaredSchemaTest {

  /** surefire runs in the module directory, {@code easysochi/}. */
  static final Path SCHEMA = Path.of("schema");

  static final ScratchServer SCRATCH = new ScratchServer() {
    @Override
    public Connection admin() throws SQLException {
      return DriverManager.getConnection(TestPostgres.url("postgres"));
    }

    @Override
    public Connection open(String database) throws SQLException {
      return DriverManager.getConnection(TestPostgres.url(database));
    }
  };

  @Test
  void theDeclaredSchemaIsWhatTheMigrationsBuild() {
    SchemaDiff diff = Bot.retort(TestPostgres.url("postgres")).diff(SCRATCH, SchemaSource.head(),
        SchemaSource.declared(SCHEMA));

    assertThat(diff.sql()).isEmpty();
    assertThat(diff.changes()).isEmpty();
    assertThat(diff.warnings()).isEmpty();
  }

  @Test
  void aChangeToTheDeclaredSchemaShowsAsTheStatementsThatMakeIt() throws Exception {
    SchemaDiff reverse = Bot.retort(TestPostgres.url("postgres")).diff(SCRATCH, SchemaSource.declared(SCHEMA),
        SchemaSource.revision("5ed520556749"));

    assertThat(reverse.sql()).contains("REVOKE", "DROP ROLE easysochi_app");
  }

  /** The scratch work's databases and the roles its replay made leave the shared test server as found. */
  @AfterAll
  static void leaveTheServerAsFound() throws SQLException {
    try (Connection admin = SCRATCH.admin(); Statement s = admin.createStatement()) {
      List<String> databases = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_%'")) {
        while (rs.next()) {
          databases.add(rs.getString(1));
        }
      }
      for (String db : databases) {
        s.execute("DROP DATABASE " + db + " WITH (FORCE)");
      }
      s.execute("DO $$ DECLARE r text; BEGIN FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE 'easysochi\\_%'"
          + " AND NOT EXISTS (SELECT FROM pg_shdepend WHERE refobjid = pg_roles.oid) LOOP"
          + " EXECUTE format('DROP ROLE %I', r); END LOOP; END $$");
    }
  }
}
