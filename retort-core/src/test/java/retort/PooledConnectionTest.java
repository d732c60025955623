package retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections that go back to a pool after a run go back as they came: no prepared statement, no setting left. */
class PooledConnectionTest {

  @TempDir Path dir;

  @Test
  void aRunLeavesNothingPreparedOrSetOnItsConnections() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    m.write("bbbb00000002", "aaaa00000001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
    m.write("cccc00000003", "bbbb00000002", false, "CREATE INDEX CONCURRENTLY t2_id ON t2 (id);",
        "DROP INDEX CONCURRENTLY t2_id;");
    List<Connection> pool = new ArrayList<>();
    Retort retort = Retort.create(new Config(dir, null, null, Environment.of("test", m.url)), () -> {
      Connection real = m.connect();
      pool.add(real);
      // close() returns it to the "pool": the session stays open
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(real, args));
    }, "pooled", RetortListener.NONE);

    retort.upgrade("head");
    retort.downgrade("base");

    assertThat(m.versions()).isEmpty();
    assertThat(pool).isNotEmpty();
    for (Connection c : pool) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'retort%'),"
              + " (SELECT count(*) FROM pg_settings WHERE source = 'session' AND name IN ('lock_timeout',"
              + " 'statement_timeout', 'client_connection_check_interval', 'synchronous_commit'))")) {
        rs.next();
        assertThat(rs.getLong(1)).as("prepared statements left").isZero();
        assertThat(rs.getLong(2)).as("settings left").isZero();
      }
      c.close();
    }
  }
}
