package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.db.RunLock;
import retort.db.TableName;
import retort.db.VersionStore;
import retort.run.LockTimeout;
import retort.run.Progress;
import retort.run.RunSettings;
import retort.run.Runner;
import retort.script.ScriptDirectory;

/** A run meets the run lock held by someone else. */
class RetortLockTest {

  static final TableName VERSIONS = new TableName("public", "retort_version");

  @TempDir Path dir;

  /** Through the runner with a short lock wait; the facade maps the LockTimeout to kind LOCK_TIMEOUT. */
  @Test
  void aHeldRunLockStopsTheRunWithLockTimeout() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    try (Connection holder = m.connect()) {
      int pid;
      try (Statement s = holder.createStatement()) {
        s.execute("SET application_name = 'other-run'");
        s.execute("SELECT pg_advisory_lock(" + RunLock.key(VERSIONS) + ")");
        try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pid = rs.getInt(1);
        }
      }
      RunSettings d = RunSettings.defaults();
      Runner runner = new Runner(ScriptDirectory.load(dir), () -> DatabaseUrl.parse(m.url).connect("retort"),
          new VersionStore(VERSIONS), new RunSettings(d.lockTimeout(), null, d.lockRetries(), d.retryPause(),
              Duration.ofMillis(300), "test", "dev", false), Progress.SILENT);

      LockTimeout timeout = assertThrows(LockTimeout.class, () -> runner.upgrade("head", false));

      assertThat(timeout.holder().map(h -> h.pid())).contains(pid);
      RetortException e = Errors.of(timeout);
      assertThat(e.kind()).isEqualTo(RetortException.Kind.LOCK_TIMEOUT);
      assertThat(e.getMessage()).contains("public.retort_version").contains("pid " + pid).contains("'other-run'");
      assertThat(e.hint()).isNotBlank();
      assertThat(m.tableExists("public.t1")).isFalse();
      assertThat(m.tableExists("public.retort_version")).isFalse();
    }
  }

  @Test
  void aHeldRunLockStopsAnUpgradeThroughTheFacade() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    try (Connection holder = m.connect(); Statement s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + RunLock.key(VERSIONS) + ")");
      Environment env = Environment.of("test", m.url).withLocking(java.time.Duration.ofMillis(300), 0);
      RetortException e = assertThrows(RetortException.class, () -> m.retort(env, null, null).upgrade("head"));
      assertThat(e.kind()).isEqualTo(RetortException.Kind.LOCK_TIMEOUT);
      assertThat(m.tableExists("public.t1")).isFalse();
    }
  }

  @Test
  void aSecondRunWaitsForTheFirstAndThenHasNothingToDo() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    m.write("bbbb00000002", "aaaa00000001", "SELECT pg_sleep(2);\nINSERT INTO t1 VALUES (1);", "DELETE FROM t1;");
    java.util.concurrent.CountDownLatch firstRunning = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.Optional<LockHolder>> secondSaw =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Retort first = m.retort().withListener(new RetortListener() {
      @Override
      public void stepStarted(StepSummary step) {
        if (step.revision().equals("bbbb00000002")) {
          firstRunning.countDown();
        }
      }
    });
    Retort second = m.retort().withListener(new RetortListener() {
      @Override
      public void waitingForLock(java.util.Optional<LockHolder> holder) {
        secondSaw.add(holder);
      }
    });

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<MigrationResult> firstResult = pool.submit(() -> first.upgrade("head"));
      assertThat(firstRunning.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      MigrationResult secondResult = second.upgrade("head");
      assertThat(firstResult.get(60, java.util.concurrent.TimeUnit.SECONDS).steps()).hasSize(2);
      assertThat(secondResult.nothingToDo()).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(secondSaw).hasSize(1);
    assertThat(secondSaw.get(0).map(h -> h.applicationName())).contains("retort");
    assertThat(m.column("SELECT count(*) FROM t1")).containsExactly("1");
    assertThat(m.log()).extracting(r -> r.get("revision")).containsExactly("aaaa00000001", "bbbb00000002");
  }

  @Test
  void aLockOnAnotherVersionTableDoesNotBlock() throws Exception {
    Migrations m = new Migrations(dir);
    m.write("aaaa00000001", null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    try (Connection holder = m.connect(); Statement s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + RunLock.key(new TableName("public", "other_version")) + ")");
      assertThat(m.retort().upgrade("head").steps()).hasSize(1);
      assertThat(m.tableExists("public.t1")).isTrue();
    }
  }
}
