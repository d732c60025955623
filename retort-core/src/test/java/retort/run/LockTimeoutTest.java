package retort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Environment;
import retort.Migrations;
import retort.Retort;
import retort.RetortException;

/** lock_timeout in each revision's transaction, retried, then reported. */
class LockTimeoutTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;

  @Test
  void aHeldTableLockFailsTheStepAfterItsRetriesThenSucceedsOnceFreed() throws Exception {
    Migrations m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE t (id int);", "DROP TABLE t;");
    Environment env = Environment.of("test", m.url).withTimeouts(Duration.ofMillis(200), null);
    Retort retort = m.retort(env, null, null);
    retort.upgrade("head");
    String file = m.write(B, A, "ALTER TABLE t ADD COLUMN x int;", "ALTER TABLE t DROP COLUMN x;");

    try (Connection holder = m.connect()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
      }

      RetortException e = assertThrows(RetortException.class, () -> m.retort(env, null, null).upgrade("head"));

      assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
      assertThat(e.getMessage()).contains("55P03");
      assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "ALTER TABLE t ADD COLUMN x int;"));
      assertThat(e.hint()).contains("lock_timeout");
      assertThat(m.columnExists("t", "x")).isFalse();
      assertThat(m.versions()).containsExactly(A);
      Map<String, Object> failed = m.log().get(1);
      assertThat(failed.get("revision")).isEqualTo(B);
      assertThat(failed.get("outcome")).isEqualTo("failed");
      assertThat((String) failed.get("error")).contains("lock timeout");
      holder.rollback();
    }

    assertThat(m.retort(env, null, null).upgrade("head").steps()).hasSize(1);
    assertThat(m.columnExists("t", "x")).isTrue();
    assertThat(m.versions()).containsExactly(B);
  }

  @Test
  void aLockFreedDuringTheRetriesLetsTheStepSucceed() throws Exception {
    Migrations m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE t (id int);", "DROP TABLE t;");
    Environment env = Environment.of("test", m.url).withTimeouts(Duration.ofMillis(200), null);
    m.retort(env, null, null).upgrade("head");
    m.write(B, A, "ALTER TABLE t ADD COLUMN x int;", "ALTER TABLE t DROP COLUMN x;");

    java.util.concurrent.CountDownLatch retrying = new java.util.concurrent.CountDownLatch(1);
    Connection holder = m.connect();
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement()) {
      s.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
    }
    Retort retort = m.retort(env, null, null).withListener(new retort.RetortListener() {
      @Override
      public void stepRetrying(retort.StepSummary step, int attempt, Duration pause) {
        // free the lock on the first retry: the step's transaction was rolled back and runs again
        try {
          holder.rollback();
          holder.close();
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
        retrying.countDown();
      }
    });

    assertThat(retort.upgrade("head").steps()).hasSize(1);
    assertThat(retrying.getCount()).isZero();
    assertThat(m.columnExists("t", "x")).isTrue();
    assertThat(m.log()).extracting(r -> r.get("outcome")).containsExactly("applied", "applied");
  }

  @Test
  void statementTimeoutFromTheEnvironmentStopsASlowStatement() throws Exception {
    Migrations m = new Migrations(dir);
    String file = m.write(A, null, "CREATE TABLE t (id int);\nSELECT pg_sleep(5);", "DROP TABLE t;");
    Environment env = Environment.of("test", m.url).withTimeouts(null, Duration.ofMillis(100));

    RetortException e = assertThrows(RetortException.class, () -> m.retort(env, null, null).upgrade("head"));

    assertThat(e.reason()).startsWith("ERROR 57014:");
    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "SELECT pg_sleep(5);"));
    assertThat(m.tableExists("public.t")).isFalse();
    assertThat(m.versions()).isEmpty();
  }
}
