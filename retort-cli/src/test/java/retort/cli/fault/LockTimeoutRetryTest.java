package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another session holds a lock on a table a migration alters: the migration waits at most
 * lock_timeout per attempt, retries, then fails clearly, and a reader of that table is never queued
 * behind it for much longer than lock_timeout.
 */
class LockTimeoutRetryTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final long LOCK_TIMEOUT_MS = 300;
  /** The bound the issue asks for: a reader waits about lock_timeout at most, plus scheduling slack. */
  static final long READER_BOUND_MS = LOCK_TIMEOUT_MS + 1500;

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  @Test
  void migrationRetriesUnderLockTimeoutThenFailsWithoutBlockingReaders() throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"");
    p.migration(A, null, "create_t", "CREATE TABLE t (id int PRIMARY KEY);\n"
        + "INSERT INTO t SELECT g FROM generate_series(1, 100) g;", "DROP TABLE t;");
    FaultProject.Result first = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(first.exitCode()).as(first.toString()).isZero();

    p.settings("lock_wait = \"60s\"\nlock_timeout = \"" + LOCK_TIMEOUT_MS + "ms\"\nlock_retries = 2");
    p.migration(B, A, "add_c", "ALTER TABLE t ADD COLUMN c int;", "ALTER TABLE t DROP COLUMN c;");
    String file = FaultProject.fileName(B, "add_c");

    Reader reader;
    FaultProject.Result r;
    int holderPid;
    try (Connection holder = p.connect()) {
      // a long read transaction: ACCESS SHARE on t until it ends, which ALTER TABLE must wait for
      holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        holderPid = rs.getInt(1);
      }
      try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
      }

      reader = new Reader(p);
      reader.start();
      try {
        // the reader must be running before the migrator queues its ALTER
        assertThat(FaultProject.eventually(Duration.ofSeconds(10), () -> reader.queries() > 10)).isTrue();
        r = p.run(Duration.ofSeconds(60), "upgrade", "head");
        FaultProject.pause(200);
      } finally {
        reader.halt();
      }
      holder.rollback();
    }

    System.out.println("reader: " + reader.queries() + " queries, max latency " + reader.maxMillis()
        + " ms (bound " + READER_BOUND_MS + " ms), over 100 ms: " + reader.slow() + ", errors: " + reader.errors());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).doesNotContain("\tat ")
        .contains(file + ": lock_timeout reached, retry 1")
        .contains(file + ": lock_timeout reached, retry 2")
        .doesNotContain("retry 3");
    assertThat(r.errorLines()).as(r.toString()).hasSize(2);
    assertThat(r.errorLines().get(0)).as(r.toString()).startsWith("error: " + file + ":6: ").contains("55P03")
        // the session it waited for, seen while it waited
        .contains("blocked by pid " + holderPid + " (user postgres").contains("idle in transaction: SELECT count(*) FROM t");
    assertThat(r.errorLines().get(1)).as(r.toString()).startsWith("hint: ").contains("lock_timeout");

    assertThat(reader.errors()).as("reader queries that failed").isEmpty();
    assertThat(reader.maxMillis()).as("the longest a reader of t waited").isLessThan(READER_BOUND_MS);
    assertThat(reader.maxMillis()).as("the reader did queue behind the ALTER at least once (else this proves nothing)")
        .isGreaterThanOrEqualTo(100);

    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c'"))
        .containsExactly("0");
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade failed");
    assertThat(p.runLocks()).isZero();

    // the lock is released: the same migration now goes through
    FaultProject.Result again = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.err()).doesNotContain("retry");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'c'"))
        .containsExactly("1");
  }

  /** Reads t over and over on a connection of its own, timing each query. */
  static final class Reader extends Thread {

    private final FaultProject p;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile long maxNanos;
    private volatile int queries;
    private volatile int slow;
    private final List<String> errors = new ArrayList<>();

    Reader(FaultProject p) {
      super("reader of t");
      this.p = p;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (Connection c = p.connect(); Statement s = c.createStatement()) {
        s.execute("SET statement_timeout = '10s'");
        while (!stop.get()) {
          long t0 = System.nanoTime();
          try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
          } catch (SQLException e) {
            synchronized (errors) {
              errors.add(e.getSQLState() + " " + e.getMessage());
            }
          }
          long took = System.nanoTime() - t0;
          maxNanos = Math.max(maxNanos, took);
          if (took > 100_000_000L) {
            slow++;
          }
          queries++;
          Thread.sleep(1);
        }
      } catch (SQLException | InterruptedException e) {
        synchronized (errors) {
          errors.add(String.valueOf(e));
        }
      }
    }

    void halt() throws InterruptedException {
      stop.set(true);
      join(15_000);
    }

    int queries() {
      return queries;
    }

    long maxMillis() {
      return maxNanos / 1_000_000;
    }

    int slow() {
      return slow;
    }

    List<String> errors() {
      synchronized (errors) {
        return List.copyOf(errors);
      }
    }
  }
}
