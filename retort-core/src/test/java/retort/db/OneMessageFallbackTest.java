package retort.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;
import retort.Retort;
import retort.RetortException;
import retort.testing.TestPostgres;

/**
 * Where the driver's one-message path is out of reach (a pool's connection that does not unwrap, a
 * driver without the internal API), each part goes in a round trip of its own, and a failure is
 * still put on its statement.
 */
class OneMessageFallbackTest {

  @TempDir Path dir;

  /** A connection as some pools hand them out: every call passed on, except that it does not unwrap. */
  static Connection unwrappable(Connection real) {
    return (Connection) Proxy.newProxyInstance(OneMessageFallbackTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("unwrap")) {
            throw new SQLException("this pool does not unwrap its connections");
          }
          if (method.getName().equals("isWrapperFor")) {
            return false;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aWrappingDataSourceRunsEachPartAloneAndStillNamesTheFailedStatement() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("a1", null, "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);", "DROP TABLE t;");
    String file = m.write("a2", "a1", "INSERT INTO t VALUES (2);\nINSERT INTO t VALUES ('two');", "DELETE FROM t;");
    AtomicInteger opened = new AtomicInteger();
    javax.sql.DataSource pool = dataSource(() -> {
      opened.incrementAndGet();
      return unwrappable(TestPostgres.connect(m.url));
    });
    Retort retort = Retort.configure(pool, dir);

    RetortException e = assertThrows(RetortException.class, () -> retort.upgrade("head"));

    assertThat(opened.get()).isPositive();
    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "INSERT INTO t VALUES ('two');"));
    assertThat(e.reason()).startsWith("ERROR 22P02");
    assertThat(m.versions()).containsExactly("a1");
    assertThat(m.column("SELECT id FROM t")).containsExactly("1");

    m.write("a2", "a1", "INSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);", "DELETE FROM t;");
    Retort.configure(pool, dir).upgrade("head");
    assertThat(m.versions()).containsExactly("a2");
    assertThat(m.column("SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
  }

  @Test
  void aDriverWithoutTheInternalApiFallsBackOnceAndForAll() throws Exception {
    Migrations m = new Migrations(dir);
    AtomicInteger tries = new AtomicInteger();
    OneMessage.Pipeline missing = new OneMessage.Pipeline() {
      boolean broken;

      @Override
      public boolean send(Connection connection, List<String> parts) {
        tries.incrementAndGet();
        throw new NoClassDefFoundError("org/postgresql/core/QueryExecutor");
      }

      @Override
      public boolean broken() {
        return broken;
      }

      @Override
      public void broke() {
        broken = true;
      }
    };
    try (Connection c = m.connect()) {
      c.setAutoCommit(false);
      OneMessage.send(c, List.of("CREATE TABLE one (id int)", "INSERT INTO one VALUES (1)"), Map.of(), missing);
      OneMessage.PartFailed f = assertThrows(OneMessage.PartFailed.class, () -> OneMessage.send(c,
          List.of("INSERT INTO one VALUES (2)", "INSERT INTO one VALUES ('x')"), Map.of(), missing));
      assertThat(f.part()).isEqualTo(1);
      c.rollback();
    }
    assertThat(tries.get()).isEqualTo(1);
  }

  interface Opener {
    Connection open() throws SQLException;
  }

  static javax.sql.DataSource dataSource(Opener opener) {
    return (javax.sql.DataSource) Proxy.newProxyInstance(OneMessageFallbackTest.class.getClassLoader(),
        new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return opener.open();
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
