package retort.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import retort.testing.TestPostgres;

class RunLockTest {

  static final TableName VERSIONS = new TableName("public", "retort_version");

  @Test
  void aSecondAcquireWaitsReportsTheHolderAndGivesUp() throws Exception {
    String url = TestPostgres.newDatabase();
    Connection first = TestPostgres.connect(url + "&ApplicationName=first-run");
    int firstPid = pid(first);
    Optional<RunLock> held = acquire(first, VERSIONS, Duration.ofSeconds(1), h -> {});
    assertThat(held).isPresent();

    try (Connection second = TestPostgres.connect(url + "&ApplicationName=second-run")) {
      List<Optional<LockHolder>> seen = new ArrayList<>();
      Optional<RunLock> denied = acquire(second, VERSIONS, Duration.ofMillis(300), seen::add);

      assertThat(denied).isEmpty();
      assertThat(seen).hasSize(1);
      LockHolder holder = seen.get(0).orElseThrow();
      assertThat(holder.pid()).isEqualTo(firstPid);
      assertThat(holder.applicationName()).isEqualTo("first-run");
      assertThat(holder.user()).isEqualTo("postgres");
      assertThat(holder.since()).isNotNull();
      assertThat(RunLock.holder(second, RunLock.key(VERSIONS)).map(LockHolder::pid)).contains(firstPid);

      held.get().close();
      assertThat(first.isClosed()).isTrue();

      List<Optional<LockHolder>> seenAfter = new ArrayList<>();
      try (RunLock lock = acquire(second, VERSIONS, Duration.ofMillis(300), seenAfter::add).orElseThrow()) {
        assertThat(lock.key()).isEqualTo(RunLock.key(VERSIONS));
        assertThat(seenAfter).isEmpty();
        try (Connection third = TestPostgres.connect(url)) {
          assertThat(RunLock.holder(third, lock.key()).map(LockHolder::applicationName)).contains("second-run");
        }
      }
    }
  }

  @Test
  void theLockIsFreedWhenItsSessionEnds() throws Exception {
    String url = TestPostgres.newDatabase();
    Connection first = TestPostgres.connect(url);
    assertThat(acquire(first, VERSIONS, Duration.ofSeconds(1), h -> {})).isPresent();
    first.close();
    try (Connection second = TestPostgres.connect(url)) {
      assertThat(acquire(second, VERSIONS, Duration.ofSeconds(5), h -> {})).isPresent();
    }
  }

  @Test
  void twoVersionTablesDoNotBlockEachOther() throws Exception {
    String url = TestPostgres.newDatabase();
    TableName other = new TableName("public", "alembic_version");
    TableName otherSchema = new TableName("ops", "retort_version");
    assertThat(RunLock.key(VERSIONS)).isNotEqualTo(RunLock.key(other)).isNotEqualTo(RunLock.key(otherSchema));
    assertThat(RunLock.key(VERSIONS)).isEqualTo(RunLock.key(new TableName("public", "retort_version")));

    try (Connection a = TestPostgres.connect(url);
        Connection b = TestPostgres.connect(url);
        Connection c = TestPostgres.connect(url);
        RunLock la = acquire(a, VERSIONS, Duration.ofMillis(300), h -> {}).orElseThrow();
        RunLock lb = acquire(b, other, Duration.ofMillis(300), h -> {}).orElseThrow();
        RunLock lc = acquire(c, otherSchema, Duration.ofMillis(300), h -> {}).orElseThrow()) {
      assertThat(la.key()).isNotEqualTo(lb.key());
    }
  }

  @Test
  void aPlainAdvisoryLockOnTheKeyIsSeenAsTheHolder() throws Exception {
    String url = TestPostgres.newDatabase();
    try (Connection holder = TestPostgres.connect(url + "&ApplicationName=manual");
        Connection waiter = TestPostgres.connect(url)) {
      try (Statement s = holder.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + RunLock.key(VERSIONS) + ")");
      }
      List<Optional<LockHolder>> seen = new ArrayList<>();
      assertThat(acquire(waiter, VERSIONS, Duration.ofMillis(200), seen::add)).isEmpty();
      assertThat(seen.get(0).map(LockHolder::pid)).contains(pid(holder));
      assertThat(seen.get(0).map(LockHolder::applicationName)).contains("manual");
    }
  }

  /** Takes the lock on one connection, as a run does, waiting at most {@code wait}. */
  static Optional<RunLock> acquire(Connection c, TableName table, Duration wait,
      java.util.function.Consumer<Optional<LockHolder>> waiting) throws Exception {
    return new LockWait(table, null, wait, wait, waiting).acquire(c, null);
  }

  static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
