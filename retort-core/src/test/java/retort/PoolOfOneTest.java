package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run from a DataSource needs one connection: the run lock is held on the connection the
 * migrations run on, so a pool of size one neither blocks nor deadlocks.
 */
class PoolOfOneTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;
  Migrations m;
  HikariDataSource pool;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(m.url);
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(1000);
    config.setPoolName("pool-of-one");
    pool = new HikariDataSource(config);
    m.write(A, null, "CREATE TABLE t1 (id int PRIMARY KEY);", "DROP TABLE t1;");
    m.write(B, A, false, "CREATE INDEX CONCURRENTLY t1_id ON t1 (id);", "DROP INDEX CONCURRENTLY t1_id;");
  }

  @AfterEach
  void tearDown() {
    pool.close();
  }

  @Test
  void everyCommandRunsOnAPoolOfOneWithTheLockOnTheWorkConnection() throws Exception {
    List<String> seen = new ArrayList<>();
    RetortListener listener = new RetortListener() {
      @Override
      public void stepStarted(StepSummary step) {
        try {
          // seen from outside: the sessions the pool has open, and which of them holds the run lock
          seen.add(m.column("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
              + " AND pid <> pg_backend_pid()").get(0) + " session(s), lock held by one of them: "
              + m.column("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
              + " WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()"
              + " AND a.pid <> pg_backend_pid()").get(0));
        } catch (java.sql.SQLException e) {
          seen.add(e.getMessage());
        }
      }
    };
    Retort retort = Retort.configure(pool, "filesystem:" + dir).withListener(listener);

    assertThat(retort.pending()).hasSize(2);
    assertThat(retort.upgrade().steps()).extracting(StepSummary::revision).containsExactly(A, B);
    assertThat(seen).containsExactly("1 session(s), lock held by one of them: 1",
        "1 session(s), lock held by one of them: 1");
    assertThat(retort.current()).extracting(RevisionInfo::revision).containsExactly(B);
    assertThat(retort.validate()).isEmpty();
    assertThat(retort.downgrade("base").steps()).hasSize(2);
    assertThat(m.versions()).isEmpty();

    // the connection went back to the pool, unlocked
    try (Connection c = pool.getConnection()) {
      assertThat(m.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly("0");
    }
  }

  @Test
  void aPoolWhoseOnlyConnectionIsTakenFailsWithinItsTimeoutNamingTheDataSource() throws Exception {
    Retort retort = Retort.configure(pool, "filesystem:" + dir);
    try (Connection held = pool.getConnection()) {
      long start = System.nanoTime();
      RetortException e = assertThrows(RetortException.class, retort::upgrade);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
      assertThat(e.getMessage()).contains("the configured data source");
    }
    assertThat(m.tableExists("public.t1")).isFalse();
  }
}
