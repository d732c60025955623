package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import retort.db.ConnectionSource;
import retort.db.LockWait;
import retort.db.LogEntry;
import retort.db.OneMessage;
import retort.db.RunLock;
import retort.db.VersionStore;
import retort.graph.Step;
import retort.script.Fingerprints;
import retort.script.Script;

/**
 * Applies the steps of one run on its work connection. A transactional step runs its statements,
 * its version-table change and its log row in one transaction, in one message, re-run after a pause
 * when it hits lock_timeout; a non-transactional step runs statement by statement (see
 * {@link AutocommitStep}). Each step's bookkeeping checks that the run still holds its lock, so that
 * no step commits after the lock is lost, and each revision that may have changed the session state
 * puts it back before its bookkeeping.
 */
final class StepExecutor implements AutoCloseable {

  final Connection connection;
  final ConnectionSource source;
  final VersionStore store;
  final RunSettings settings;
  final Progress progress;
  final RunLock lock;
  final StepSettings stepSettings;
  final BlockerWatch watch;
  private SessionState session;
  /** Whether a step committed without waiting for its WAL to be flushed. */
  private boolean unflushed;
  /** The bookkeeping statements prepared on the connection, by shape; null where preparing failed. */
  private final Map<String, String> prepared = new HashMap<>();
  private final String token = Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);

  /**
   * An executor on the run's work connection; {@code source} gives a fresh connection to log a
   * failure when the work connection itself died; {@code lock} is the run's lock, whose idle
   * connection also watches for sessions that block a step.
   */
  StepExecutor(Connection connection, ConnectionSource source, VersionStore store, RunSettings settings,
      Progress progress, RunLock lock, int workPid) throws SQLException {
    this.connection = connection;
    this.source = source;
    this.store = store;
    this.settings = settings;
    this.progress = progress;
    this.lock = lock;
    this.stepSettings = new StepSettings(settings, connection.getMetaData().getDatabaseMajorVersion() >= 14);
    Duration timeout = settings.lockTimeout();
    Duration every = timeout == null || timeout.isZero() ? Duration.ofMillis(500)
        : Duration.ofMillis(Math.min(500, Math.max(20, timeout.toMillis() / 3)));
    this.watch = new BlockerWatch(lock.connection(), workPid, every);
  }

  /**
   * Runs the step; {@code durable} false lets a transactional step's commit return before its WAL is
   * flushed; {@code resume} continues a stopped non-transactional step (null: from its start).
   */
  void run(Step step, Script script, boolean durable, AutocommitStep.Resume resume)
      throws StepFailure, SQLException {
    List<retort.sql.Statement> statements = statements(step, script);
    if (script.transactional()) {
      runInTransaction(step, script, statements, durable);
    } else {
      new AutocommitStep(this, step, script, statements, resume).run();
    }
  }

  static List<retort.sql.Statement> statements(Step step, Script script) {
    return step.isUpgrade() ? script.upgrade().statements() : script.downgrade().statements();
  }

  /** Opens the one transaction of a {@code --single-transaction} run, with the environment's settings. */
  void begin() throws SQLException {
    connection.setAutoCommit(false);
    String sql = stepSettings.local(true, null);
    if (sql != null) {
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
      }
    }
  }

  /** Runs a step inside the open transaction of the run, without committing; the caller rolls back on failure. */
  void runWithin(Step step, Script script) throws StepFailure, SQLException {
    List<retort.sql.Statement> statements = statements(step, script);
    Message message = Message.of(null, statements, restore(statements, true, null),
        store.changeAndLogSql(step.change(), serverTimedEntry(step, script), lock.heldSql()), false);
    watch.start();
    try {
      OneMessage.send(connection, message.parts(), message.copyData());
    } catch (OneMessage.PartFailed f) {
      watch.stop();
      StepFailure failure = failure(script, statements, message, f, step);
      rollbackQuietly();
      logFailure(step, script, failure);
      throw failure;
    } finally {
      watch.stop();
    }
  }

  /**
   * A transactional step in one message, one round trip: its SET LOCALs (and the application_name
   * that tells a waiting run what this one is doing), its statements, what puts the session back
   * when they may have changed it, its version change with its log row and the lock check, and its
   * COMMIT. The driver's BEGIN goes in front.
   */
  private void runInTransaction(Step step, Script script, List<retort.sql.Statement> statements, boolean durable)
      throws StepFailure, SQLException {
    String name = LockWait.stepName(step.direction().word(), script.id(), lock.pid());
    Message message = Message.of(stepSettings.local(durable, name), statements, restore(statements, durable, name),
        bookkeeping(step, script), true);
    for (int attempt = 1; ; attempt++) {
      watch.start();
      try {
        connection.setAutoCommit(false);
        OneMessage.send(connection, message.parts(), message.copyData());
        connection.commit();                        // nothing left to commit: the message did
        unflushed |= !durable;
        return;
      } catch (OneMessage.PartFailed f) {
        watch.stop();
        rollbackQuietly();
        if (Failures.LOCK_NOT_AVAILABLE.equals(f.getCause().getSQLState()) && attempt <= settings.lockRetries()) {
          Duration pause = settings.retryPause().multipliedBy(1L << (attempt - 1));
          progress.retrying(step, script, attempt, pause);
          sleep(pause);
          continue;
        }
        StepFailure failure = failure(script, statements, message, f, step);
        logFailure(step, script, failure);
        throw failure;
      } catch (SQLException e) {
        rollbackQuietly();
        StepFailure failure = Failures.transactional(script, statements, -1, e, false, watch.blocker());
        logFailure(step, script, failure);
        throw failure;
      } finally {
        watch.stop();
      }
    }
  }

  /**
   * What puts the session back after these statements, then the step's settings again (RESET ALL
   * took them too); empty when the statements cannot have changed the session.
   */
  private List<String> restore(List<retort.sql.Statement> statements, boolean durable, String name)
      throws SQLException {
    if (!SessionState.mayChange(statements)) {
      return List.of();
    }
    List<String> parts = new ArrayList<>(session().restore());
    String again = stepSettings.local(durable, name);
    if (again != null) {
      parts.add(again);
    }
    return parts;
  }

  /** The session state the run found, read before the first revision that may change it. */
  SessionState session() throws SQLException {
    if (session == null) {
      session = SessionState.capture(connection);
    }
    return session;
  }

  /**
   * The step's bookkeeping as an EXECUTE of a statement prepared once per shape and run (planning it
   * for every step costs about as much as running it); the plain statement where preparing failed.
   */
  private String bookkeeping(Step step, Script script) throws SQLException {
    LogEntry entry = serverTimedEntry(step, script);
    String shape = VersionStore.shape(step.change());
    if (!prepared.containsKey(shape)) {
      String name = "retort_" + shape + "_" + token;
      try (Statement s = connection.createStatement()) {
        s.execute(store.prepareSql(name, step.change(), entry, lock.heldSql()));
        prepared.put(shape, name);
      } catch (SQLException e) {
        rollbackQuietly();
        prepared.put(shape, null);
      }
    }
    String name = prepared.get(shape);
    return name == null ? store.changeAndLogSql(step.change(), entry, lock.heldSql())
        : store.executeSql(name, step.change(), entry);
  }

  /** Forgets the prepared statements and stops watching, so that a pooled connection goes back as it came. */
  @Override
  public void close() {
    watch.close();
    try {
      if (!prepared.isEmpty() && !connection.getAutoCommit()) {
        connection.setAutoCommit(true);             // each step committed or rolled back: nothing is pending
      }
    } catch (SQLException ignored) {
      return;                                       // the connection is gone, and its prepared statements with it
    }
    List<String> deallocate = new ArrayList<>();
    for (String name : prepared.values()) {
      if (name != null) {
        deallocate.add(VersionStore.deallocateSql(name));
      }
    }
    prepared.clear();
    if (!deallocate.isEmpty()) {
      try (Statement s = connection.createStatement()) {
        s.execute(String.join("; ", deallocate));
      } catch (SQLException ignored) {
        // the connection is gone, and its prepared statements with it
      }
    }
  }

  /** The failure of a part of a step's message, put on its statement, its bookkeeping or its COMMIT. */
  private StepFailure failure(Script script, List<retort.sql.Statement> statements, Message message,
      OneMessage.PartFailed f, Step step) {
    int part = f.part();
    SQLException e = part == message.bookkeeping() ? store.bookkeepingFailure(f.getCause(), step.change()) : f.getCause();
    return Failures.transactional(script, statements, message.statement(part), e, part == message.commit(),
        watch.blocker());
  }

  /** The log row of a step that succeeds in a transaction: its times come from the server's clock. */
  private LogEntry serverTimedEntry(Step step, Script script) {
    return new LogEntry(0, script.id(), step.direction().word(), script.checksum(), null, null, 0, null,
        settings.environment(), settings.toolVersion(), LogEntry.APPLIED, null, -1, null,
        step.isUpgrade() ? Fingerprints.lines(script) : null, settings.note());
  }

  /**
   * Logs a transactional step that failed, in autocommit, durably, which also flushes the steps the
   * run committed before it; when the run lost its lock, logs nothing and only flushes.
   */
  private void logFailure(Step step, Script script, StepFailure failure) {
    java.time.Instant now = java.time.Instant.now();
    LogEntry row = new LogEntry(0, script.id(), step.direction().word(), script.checksum(), now, now, 0, null,
        settings.environment(), settings.toolVersion(), LogEntry.FAILED, failure.getMessage(), -1, null, null,
        settings.note());
    if (VersionStore.LOCK_LOST.equals(failure.sqlState())) {
      flush();
      return;
    }
    try {
      connection.setAutoCommit(true);
      store.log(connection, row);
    } catch (SQLException deadConnection) {
      try (Connection fresh = source.open()) {
        store.log(fresh, row);
      } catch (SQLException ignored) {
        // the database is out of reach; the failure is reported to the user all the same
      }
    }
  }

  /**
   * Makes the steps committed without waiting for their WAL durable before the failure is reported:
   * a transaction that takes an xid commits with the session's synchronous_commit and waits for the
   * WAL before it, theirs included.
   */
  void flush() {
    if (!unflushed) {
      return;
    }
    try {
      connection.setAutoCommit(true);
      try (Statement s = connection.createStatement()) {
        s.execute("SELECT pg_catalog.txid_current()");
      }
      unflushed = false;
    } catch (SQLException ignored) {
      // the connection is gone; a crash of the server before the WAL writer's next round could lose them
    }
  }

  void rollbackQuietly() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // a broken connection has rolled back by itself
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
